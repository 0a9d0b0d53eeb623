/**
 * Timeline import: events read from the records a team already has (a Slack export, the
 * PagerDuty log, Alertmanager webhooks, git history, a CSV or JSON-lines file), each reader
 * in src/import/sources/<name>.ts, put together by importTimeline and turned into timeline
 * entries in the postmortem's timezone by the commands. No network is used: every source is
 * a file the user exported, or a local git repository.
 */

/** The sources there are readers for. */
export type ImportSourceName = 'slack' | 'pagerduty' | 'alertmanager' | 'git' | 'generic';

/** Every source name, in the order detection tries them. */
export const IMPORT_SOURCE_NAMES: readonly ImportSourceName[] = ['slack', 'pagerduty', 'alertmanager', 'git', 'generic'];

/** One event read from a source, before it becomes a timeline entry. */
export interface ImportedEvent {
  /** The instant, in epoch milliseconds. */
  at: number;
  /** What happened: plain text on one line (Slack markup, HTML entities and line breaks already undone). */
  text: string;
  /** A timeline label the source implies (`Detection`, `Escalation`, `Resolution`), or null. */
  label: string | null;
  /** The source it came from. */
  source: ImportSourceName;
  /** Where it was read, for messages and for telling duplicates apart: `export/incidents/2026-03-14.json:12` (entry 12), `log.json#3`. */
  origin: string;
}

/** Options every reader takes; a reader ignores what is not for it. */
export interface ImportReadOptions {
  /** Only events at or after this instant (epoch ms). */
  since?: number | null;
  /** Only events at or before this instant (epoch ms). */
  until?: number | null;
  /** The zone for times written without one (generic CSV, JSON lines): an IANA name, `UTC`, `UTC-4`. Default UTC; the warning says which was assumed. */
  assumeZone?: string | null;
  /** Slack: only these channels (names without `#`); default every channel of the export. */
  channels?: readonly string[];
  /** Slack: keep thread replies (skipped by default). */
  includeThreads?: boolean;
  /** Generic: the column or key holding the time (default: the first of time, timestamp, date, at, ts). */
  timeField?: string | null;
  /** Generic: the column or key holding the text (default: the first of text, message, event, description, summary). */
  textField?: string | null;
  /** Generic: the column or key holding a label, if any. */
  labelField?: string | null;
  /** Git: the repository to read (default: the working directory). */
  repo?: string | null;
  /** Where relative paths are resolved from. */
  cwd: string;
  /** Called with one line for each thing worth telling the user that is not an error (a zone assumed, records skipped). */
  onWarning?: (message: string) => void;
}

/** A reader of one kind of source. */
export interface TimelineSourceReader {
  name: ImportSourceName;
  /**
   * Whether `path` looks like this source, from its name and the first bytes of its content
   * (`head`, at most 64 KiB, empty for a directory). Detection must not read a whole file.
   */
  detect(path: string, head: string, isDirectory: boolean): boolean;
  /**
   * The events of `path`, in any order, filtered to the window. Streams: a 200 MB export is
   * read in bounded memory. Throws `PostmortemError` naming the file and where (line, entry
   * or byte offset) for input it cannot read: a truncated JSON, a missing users.json.
   */
  read(path: string, options: ImportReadOptions): AsyncIterable<ImportedEvent>;
}
