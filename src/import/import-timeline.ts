/**
 * Timeline import's core: every source read (each detected from its content unless `from`
 * names the format), its events kept to the window, all of them in time order, exact
 * duplicates dropped. The commands turn the result into timeline entries.
 */
import { PostmortemError } from '../model/errors.js';
import { detectSource } from './detect-source.js';
import { inWindow } from './source-input.js';
import { timelineSourceReader, timelineSourceReaders } from './sources/index.js';
import type { ImportedEvent, ImportReadOptions, ImportSourceName, TimelineSourceReader } from './types.js';

/** Options for {@link importTimeline}: those of the readers, and the format of every source when detection should not guess. */
export type ImportTimelineOptions = ImportReadOptions & {
  /** Read every path as this source (`--from NAME`) instead of detecting each. */
  from?: ImportSourceName | null;
};

/**
 * The events of every source in `paths`, within `since`..`until`, sorted by time (events at
 * the same instant keep the order of the sources, then of each source), with exact
 * duplicates (same instant, same text) dropped, the first kept. Every source is detected
 * (or checked against `from`) before any is read, so an unknown format fails fast. Throws
 * `PostmortemError` naming the file and where for input that cannot be read.
 */
export async function importTimeline(paths: readonly string[], options: ImportTimelineOptions): Promise<ImportedEvent[]> {
  const reader = options.from ? readerNamed(options.from) : null;
  const sources: Array<{ path: string; reader: TimelineSourceReader }> = [];
  for (const path of paths) {
    sources.push({ path, reader: reader ?? readerNamed(await detectSource(path, options)) });
  }
  checkSourceOptions(sources.map((source) => source.reader.name), options);
  const events: ImportedEvent[] = [];
  for (const source of sources) {
    for await (const event of source.reader.read(source.path, options)) {
      if (inWindow(event.at, options)) events.push(event);
    }
  }
  // Array.prototype.sort is stable: events at the same instant stay in the order read.
  events.sort((a, b) => a.at - b.at);
  return withoutDuplicates(events);
}

/** Options that only one format reads, with the option a user writes for each. */
const SOURCE_OPTIONS: ReadonlyArray<{ given: (options: ImportReadOptions) => boolean; flag: string; reader: ImportSourceName; what: string }> = [
  { given: (options) => (options.channels?.length ?? 0) > 0, flag: '--channel', reader: 'slack', what: 'Slack exports' },
  { given: (options) => options.includeThreads === true, flag: '--include-threads', reader: 'slack', what: 'Slack exports' },
  { given: (options) => Boolean(options.timeField), flag: '--time-field', reader: 'generic', what: 'CSV and JSON-lines files' },
  { given: (options) => Boolean(options.textField), flag: '--text-field', reader: 'generic', what: 'CSV and JSON-lines files' },
  { given: (options) => Boolean(options.labelField), flag: '--label-field', reader: 'generic', what: 'CSV and JSON-lines files' },
  { given: (options) => Boolean(options.repo), flag: '--repo', reader: 'git', what: 'git history' },
];

/**
 * An option for one format with no source of that format would be ignored without a word,
 * and the user would believe the import was filtered (or read) as asked: it is refused.
 */
function checkSourceOptions(readers: readonly ImportSourceName[], options: ImportReadOptions): void {
  for (const option of SOURCE_OPTIONS) {
    if (!option.given(options) || readers.includes(option.reader)) continue;
    const read = [...new Set(readers)].join(', ');
    throw new PostmortemError(`${option.flag} applies to ${option.what}, and no source is one (the sources read as: ${read}); leave it out, or name the source with --from ${option.reader}`);
  }
}

function readerNamed(name: string): TimelineSourceReader {
  const reader = timelineSourceReader(name);
  if (reader) return reader;
  const formats = timelineSourceReaders().map((known) => known.name).join(', ');
  throw new PostmortemError(`no reader for the source "${name}" (formats: ${formats})`);
}

/** The events without a repeat of an earlier one's instant and text; the list is in time order, so a repeat is in the run of its instant. */
function withoutDuplicates(events: ImportedEvent[]): ImportedEvent[] {
  const kept: ImportedEvent[] = [];
  let runStart = 0;
  for (const event of events) {
    const previous = kept[kept.length - 1];
    if (!previous || previous.at !== event.at) runStart = kept.length;
    // Runs of one instant are short (a few events at most), so a scan beats a set per instant.
    let repeated = false;
    for (let index = runStart; index < kept.length && !repeated; index += 1) repeated = (kept[index] as ImportedEvent).text === event.text;
    if (!repeated) kept.push(event);
  }
  return kept;
}
