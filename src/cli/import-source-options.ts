/**
 * The source options `postmortem timeline import` and `new --timeline-from` share (the kind of
 * every source, and the options of the readers), and how both turn them into the options of
 * `importTimeline`: one place, so the two commands read sources alike.
 */
import type { ImportTimelineOptions } from '../import/import-timeline.js';
import type { ImportSourceName } from '../import/types.js';
import type { CliIo } from './io.js';
import type { CliColors } from './colors.js';
import { terminalText } from './terminal-text.js';

/** The source options as commander parses them. */
export interface ImportSourceCommandOptions {
  /** `--from NAME`: the kind of every source, instead of detecting it. */
  from?: ImportSourceName;
  /** Slack: `--channel NAME` (repeatable), `--include-threads`. */
  channel?: string[];
  includeThreads?: boolean;
  /** Generic CSV and JSON lines: the time, text and label columns. */
  timeField?: string;
  textField?: string;
  labelField?: string;
  /** Git: the repository. */
  repo?: string;
}

/** The options of `importTimeline` for these source options, the window and the zone assumed; readers' warnings go to standard error. */
export function importTimelineOptions(
  options: ImportSourceCommandOptions,
  read: { since: number | null; until: number | null; assumeZone: string | null },
  io: CliIo,
  colors: CliColors,
): ImportTimelineOptions {
  return {
    ...(options.from === undefined ? {} : { from: options.from }),
    since: read.since,
    until: read.until,
    assumeZone: read.assumeZone,
    channels: options.channel ?? [],
    includeThreads: options.includeThreads === true,
    timeField: options.timeField ?? null,
    textField: options.textField ?? null,
    labelField: options.labelField ?? null,
    repo: options.repo ?? null,
    cwd: io.cwd,
    onWarning: (message) => void io.stderr.write(`${colors.stderr.yellow('postmortem: warning:')} ${terminalText(message)}\n`),
  };
}
