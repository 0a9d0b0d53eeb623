/**
 * `postmortem timeline import SOURCE... [options]`: reads the records a team already has (a
 * Slack export, the PagerDuty log, Alertmanager webhooks, git history, CSV or JSON lines),
 * keeps the events in the window, and either prints them as the Markdown timeline of a
 * template or merges them into a postmortem's timeline (`--into`), atomically, keeping every
 * byte the author wrote; `--dry-run` shows that change as a unified diff and writes nothing.
 * Exit 0 done (also when there was nothing to add), 2 bad input (nothing written).
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PostmortemError } from '../../model/errors.js';
import { emptyPostmortem, type Postmortem } from '../../model/postmortem.js';
import { parseZone, UTC_ZONE, wallClockAt, type Zone } from '../../model/time.js';
import type { ImportWindow } from '../../import/import-window.js';
import type { CommandContext } from '../command-context.js';
import { importTimelineOptions, type ImportSourceCommandOptions } from '../import-source-options.js';
import { terminalText } from '../terminal-text.js';
import { writeCommandOutput } from '../write-output.js';

/** Options of `postmortem timeline import`, as commander parses them. */
export interface TimelineImportCommandOptions extends ImportSourceCommandOptions {
  /** `--since TIME`, `--until TIME`: the window (default: the --into file's impact ± 2 hours). */
  since?: string;
  until?: string;
  /** `--grep RE`: only events whose text matches. */
  grep?: string;
  /** `--timezone ZONE`: the zone times are written in (default: the --into file's, else UTC). */
  timezone?: string;
  /** `--into FILE`: merge into this postmortem's timeline. */
  into?: string;
  /** `-o FILE`: write the printed timeline here (`-`: standard output). */
  output?: string;
  /** Overwrite the -o file. */
  force?: boolean;
  /** With --into: print the change as a diff, write nothing. */
  dryRun?: boolean;
  /** The template whose timeline is printed (without --into). */
  template?: string;
}

/** A usage mistake in the flags: one line, exit 2. */
function usage(message: string): PostmortemError {
  return new PostmortemError(`timeline import: ${message} (run 'postmortem timeline import --help' for usage)`);
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** An instant as a person reads it in a zone: `2026-03-14 14:05`. */
function shownInstant(millis: number, zone: Zone): string {
  const clock = wallClockAt(millis, zone);
  return `${clock.date} ${pad(clock.hour)}:${pad(clock.minute)}`;
}

/** The stderr note that says which window was used, and why. */
function windowNote(window: ImportWindow, zone: Zone, zoneText: string, origin: string, target: string | null): string {
  if (window.since === null && window.until === null) return `every event read (no window: ${target ? `${target} gives no impact start or end` : 'no --into file'}; --since and --until set one)`;
  const since = window.since === null ? 'the first event' : shownInstant(window.since, zone);
  const until = window.until === null ? 'the last event' : shownInstant(window.until, zone);
  return `events from ${since} to ${until} (${zoneText}), ${origin}`;
}

/** Runs the command; resolves to the exit code. */
export async function timelineImportCommand(sources: string[], options: TimelineImportCommandOptions, context: CommandContext): Promise<number> {
  const { io, colors } = context;
  const note = (text: string): void => void io.stderr.write(`${colors.stderr.dim('postmortem:')} ${text}\n`);
  if (sources.length === 0 && options.from !== 'git') throw usage('name at least one source: an exported file or folder (or --from git)');
  if (options.dryRun && options.into === undefined) throw usage('--dry-run shows the change --into would make; give --into FILE');
  if (options.template !== undefined && options.into !== undefined) throw usage('--template chooses how a printed timeline looks; with --into the file\'s own timeline style is used');
  let grep: RegExp | null = null;
  if (options.grep !== undefined) {
    try {
      grep = new RegExp(options.grep);
    } catch (error) {
      throw usage(`--grep ${JSON.stringify(options.grep)} is not a regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`);
    }
    // The pattern runs over text anyone in a channel could have written: one with nested
    // repetition could take exponential time on it, so it is refused before anything is read.
    const { default: isSafeRegex } = await import('safe-regex2');
    if (!isSafeRegex(grep)) throw usage(`--grep ${JSON.stringify(options.grep)} repeats a repetition (such as (a+)+), which can take hours on some text; write it without the nested repetition`);
  }
  if (options.force && options.into !== undefined) throw usage('--force is for -o; --into edits its file in place and never overwrites it');
  if (options.into !== undefined && !/\.(?:md|markdown)$/i.test(options.into)) throw usage(`--into ${JSON.stringify(options.into)}: name a Markdown postmortem (.md or .markdown)`);
  // Refused before any source is read, which may take a while.
  if (options.output !== undefined && options.output !== '-' && !options.force && (await stat(resolve(io.cwd, options.output)).catch(() => null))) {
    throw new PostmortemError('already exists; use --force to overwrite it', { filePath: options.output });
  }
  if (options.timezone !== undefined && !parseZone(options.timezone)) throw usage(`--timezone ${JSON.stringify(options.timezone)} is not a timezone: write UTC, UTC-4, UTC+05:30 or an IANA name such as Europe/Berlin`);

  const [{ readPostmortemFile }, { parsePostmortem }, { readWindowTime, defaultImportWindow }, { refuseSpecialFile }] = await Promise.all([
    import('../../parse/read-file.js'),
    import('../../parse/parse-postmortem.js'),
    import('../../import/import-window.js'),
    import('../../io/rewrite-file.js'),
  ]);

  // The target: the file merged into, whose timezone, date and impact set the defaults.
  let target: { path: string; absolutePath: string; text: string; postmortem: Postmortem } | null = null;
  if (options.into !== undefined) {
    const absolutePath = resolve(io.cwd, options.into);
    await refuseSpecialFile(absolutePath, options.into);
    const text = await readPostmortemFile(options.into, { cwd: io.cwd, keepByteOrderMark: true });
    target = { path: options.into, absolutePath, text, postmortem: parsePostmortem(text, { filePath: options.into }) };
  }
  const targetZoneText = target?.postmortem.timezone && parseZone(target.postmortem.timezone) ? target.postmortem.timezone : null;
  const zoneText = options.timezone ?? targetZoneText ?? 'UTC';
  const zone = parseZone(zoneText) ?? UTC_ZONE;
  if (target?.postmortem.timezone && !targetZoneText && options.timezone === undefined) {
    note(`${target.path} names the timezone "${terminalText(target.postmortem.timezone)}", which postmortem does not know; times are in UTC (--timezone chooses)`);
  }

  // The window: --since and --until, else the target's impact ± 2 hours.
  const window: ImportWindow = target ? defaultImportWindow(target.postmortem) : { since: null, until: null };
  const origin: string[] = [];
  for (const bound of ['since', 'until'] as const) {
    const value = options[bound];
    if (value === undefined) continue;
    const read = readWindowTime(value, { zone, date: target?.postmortem.date ?? null, bound });
    if (typeof read !== 'number') throw usage(`--${bound}: ${read.problem}`);
    window[bound] = read;
    origin.push(`--${bound}`);
  }
  if (window.since !== null && window.until !== null && window.since > window.until) throw usage('--since is after --until');
  const fromTarget = target && origin.length < 2 && (window.since !== null || window.until !== null);

  const { importTimeline } = await import('../../import/import-timeline.js');
  // importTimeline keeps to the window and sorts; --grep keeps the events it matches.
  const events = (await importTimeline(sources.length === 0 ? [options.repo ?? '.'] : sources, importTimelineOptions(options, { since: window.since, until: window.until, assumeZone: zoneText }, io, colors)))
    .filter((event) => !grep || grep.test(event.text));
  // Said once the sources were read: a source that cannot be read is one line, the error.
  note(windowNote(window, zone, zoneText, [...origin, ...(fromTarget ? [`the impact in ${target?.path} ± 2 hours`] : [])].join(' and '), target?.path ?? null));

  if (target) {
    const { mergeTimeline } = await import('../../import/merge-timeline.js');
    const merged = mergeTimeline(target.text, events, { timezone: options.timezone ?? null, filePath: target.path, postmortem: target.postmortem });
    const already = merged.alreadyThere > 0 ? ` (${merged.alreadyThere} already there)` : '';
    if (merged.added.length === 0) {
      io.stdout.write(`${target.path}: nothing to add${events.length === 0 ? ': no events in the window' : already}\n`);
      return 0;
    }
    const count = `${merged.added.length} ${merged.added.length === 1 ? 'entry' : 'entries'}`;
    if (options.dryRun) {
      const { createTwoFilesPatch } = await import('diff');
      const patch = createTwoFilesPatch(target.path, target.path, target.text.replace(/^\uFEFF/, ''), merged.text.replace(/^\uFEFF/, ''), undefined, undefined, { context: 3 });
      const shown = patch.split('\n').filter((line) => !/^={10,}$/.test(line) && !line.startsWith('Index: ')).map((line) => terminalText(line.replace(/\r$/, '')));
      const painted = shown.map((line) => (line.startsWith('+') && !line.startsWith('+++') ? colors.stdout.green(line) : line.startsWith('-') && !line.startsWith('---') ? colors.stdout.red(line) : line.startsWith('@@') ? colors.stdout.cyan(line) : line));
      io.stdout.write(`${painted.join('\n').replace(/(?<!\n)\n+$/, '')}\n`);
      note(`dry run: ${target.path} would get ${count}${already}${merged.createdSection ? ' in a new Timeline section' : ''}; nothing written`);
      return 0;
    }
    const { rewriteFile } = await import('../../io/rewrite-file.js');
    await rewriteFile(target.absolutePath, Buffer.from(target.text, 'utf8'), merged.text, { displayPath: target.path });
    io.stdout.write(`${target.path}: added ${count} to the timeline${merged.createdSection ? ' (a new Timeline section)' : ''}${already}\n`);
    return 0;
  }

  if (events.length === 0) {
    note('no events in the window: nothing printed');
    return 0;
  }
  const [{ importedTimelineEntries }, { renderTimelineMarkdown }, { clockStyle }] = await Promise.all([
    import('../../import/to-timeline.js'),
    import('../../render/render-markdown.js'),
    import('../../model/clock-style.js'),
  ]);
  // Printed through the template's own timeline partial, which adds day headings when the entries leave the first day.
  const entries = importedTimelineEntries(events, { timezone: zoneText, format: { clock: clockStyle([]), date: false } });
  const postmortem: Postmortem = { ...emptyPostmortem(), date: wallClockAt((events[0] as { at: number }).at, zone).date, timezone: zoneText, timeline: entries };
  const markdown = renderTimelineMarkdown(postmortem, { ...(options.template === undefined ? {} : { template: options.template }), cwd: io.cwd });
  await writeCommandOutput(markdown, options, io);
  return 0;
}
