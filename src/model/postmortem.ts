/**
 * The postmortem model: one plain, JSON-serialisable shape shared by the parser, the
 * renderer, lint and export. The JSON names are a public contract (other tools read them);
 * `schema/postmortem.schema.json` describes the same shape.
 *
 * Absent values are `null` or empty arrays, never missing keys. Free text fields hold
 * Markdown source exactly as written (trimmed), so rendering and re-parsing keeps it.
 */

/** Where a postmortem is in its review cycle. */
export type PostmortemStatus = 'draft' | 'in-review' | 'final';

/** The statuses a postmortem may have, in review order. */
export const POSTMORTEM_STATUSES: readonly PostmortemStatus[] = ['draft', 'in-review', 'final'];

/** The severities a postmortem may have when the project config names none. */
export const DEFAULT_SEVERITIES: readonly string[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

/** The short account of the incident at the top of a postmortem. */
export interface IssueSummary {
  /** Free prose of the summary that is not one of the fields below (Markdown). */
  text: string | null;
  /** When impact started: ISO 8601, with an offset where the timezone is known. */
  start: string | null;
  /** When impact ended: ISO 8601, with an offset where the timezone is known. */
  end: string | null;
  /** Length of the impact in minutes: from start and end, or from a stated duration. */
  durationMinutes: number | null;
  /** What users saw (Markdown, usually one sentence). */
  impact: string | null;
  /** Share of users affected, 0-100, when the postmortem states one. */
  usersAffectedPercent: number | null;
  /** The root cause in one sentence, as the summary states it. */
  rootCause: string | null;
}

/** One entry of the incident timeline. */
export interface TimelineEntry {
  /** The time exactly as written (`2:00 AM`, `14:05 UTC`, `2023-05-07 02:00`), or null for an untimed labelled entry. */
  time: string | null;
  /** The instant the entry refers to, ISO 8601 (with offset when a timezone is known); null when no date is known. */
  at: string | null;
  /** A label such as `Detection Method` or `Escalation`, or null. */
  label: string | null;
  /** What happened (Markdown). */
  text: string;
  /**
   * The milestone the entry marks, worked out once from its label and wording (see
   * `timelineEntryKind`). The parser and `normalizePostmortem` always fill it in; a model built
   * by hand may leave it out, and readers then work it out the same way.
   */
  kind?: TimelineEntryKind;
  /** 1-based source line of the entry, when parsed from a file. */
  line?: number;
}

/**
 * What a timeline entry marks in the course of an incident: when impact began, when it was
 * detected, acknowledged or escalated, mitigated and resolved; anything else is an `event`.
 */
export type TimelineEntryKind = 'impact' | 'detection' | 'escalation' | 'mitigation' | 'resolution' | 'event';

/** A follow-up task from the corrective and preventative measures. */
export interface CorrectiveTask {
  /** What is to be done (Markdown, one line). */
  text: string;
  /** Who owns it, as written. */
  owner: string | null;
  /** Due date, YYYY-MM-DD where it can be read as a date, else as written. */
  due: string | null;
  /** Priority as written (`P1`, `high`, ...). */
  priority: string | null;
  /** A tracker reference as written: `#123`, `JIRA-42`, `https://tracker.example.com/issues/7`. */
  issue: string | null;
  /** Whether the task is marked done (a checked checklist item, or a done status). */
  done: boolean;
  /** 1-based source line of the task, when parsed from a file. */
  line?: number;
}

/** Corrective and preventative measures: broad improvements and specific tasks. */
export interface CorrectiveActions {
  /** Broad improvements or fixes (Markdown, one item each). */
  improvements: string[];
  /** Specific, trackable tasks. */
  tasks: CorrectiveTask[];
}

/** A section the parser did not recognise, kept so that nothing is dropped. */
export interface OtherSection {
  /** The heading as written, without Markdown markers. */
  heading: string;
  /** The section body (Markdown). */
  text: string;
  /** 1-based source line of the heading, when parsed from a file. */
  line?: number;
}

/** The kinds of section the parser recognises. */
export type SectionKind =
  | 'summary'
  | 'impact'
  | 'timeline'
  | 'rootCause'
  | 'resolution'
  | 'rootCauseAndResolution'
  | 'correctiveActions'
  | 'lessonsLearned'
  | 'conclusion'
  | 'other';

/** Where a section was found in the source, for lint and editors. */
export interface SectionLocation {
  /** What the section was recognised as. */
  kind: SectionKind;
  /** The heading as written, without Markdown markers. */
  heading: string;
  /** 1-based line of the heading. */
  line: number;
  /** 1-based last line of the section body (inclusive). */
  endLine: number;
}

/** Facts about the source file that lint and editors use; absent on models not parsed from a file. */
export interface SourceInfo {
  /** The file the model was parsed from, when known. */
  filePath: string | null;
  /** The sections found, in source order. */
  sections: SectionLocation[];
  /** Number of lines the front matter block occupies (0 without front matter). */
  frontMatterLines: number;
  /** The raw front matter data as parsed (YAML), or null without front matter. */
  frontMatter: Record<string, unknown> | null;
}

/** An incident postmortem. */
export interface Postmortem {
  /** Title of the postmortem. */
  title: string | null;
  /** Date of the incident, YYYY-MM-DD. */
  date: string | null;
  /** Severity as written (`SEV1`..`SEV4` by default). */
  severity: string | null;
  /** Review status. */
  status: PostmortemStatus | null;
  /** Authors, as written. */
  authors: string[];
  /** Who reviewed the postmortem, as written (`postmortem status FILE final --reviewer NAME` adds them). */
  reviewers: string[];
  /** When it was reviewed, YYYY-MM-DD. */
  reviewedAt: string | null;
  /** The timezone as declared: `UTC`, `GMT`, `UTC-4`, `America/New_York`, `PST`, ... */
  timezone: string | null;
  /** The services affected, as written (`checkout-api`, `Payments`). */
  services: string[];
  /** Contributing factors as free-text tags (`config-change`, `capacity`, `expired-certificate`). */
  tags: string[];
  /** The issue summary. */
  summary: IssueSummary;
  /** Timeline entries in source order. */
  timeline: TimelineEntry[];
  /** Root cause, long form (Markdown). */
  rootCause: string | null;
  /** How the incident was resolved (Markdown). */
  resolution: string | null;
  /** Corrective and preventative measures. */
  correctiveActions: CorrectiveActions;
  /** Lessons learned (Markdown). */
  lessonsLearned: string | null;
  /** Closing remarks (Markdown). */
  conclusion: string | null;
  /** Sections not recognised, kept in source order. */
  otherSections: OtherSection[];
  /** Source positions, present when parsed from text. */
  source?: SourceInfo;
}

/** An empty summary: every field present and null. */
export function emptySummary(): IssueSummary {
  return {
    text: null,
    start: null,
    end: null,
    durationMinutes: null,
    impact: null,
    usersAffectedPercent: null,
    rootCause: null,
  };
}

/** An empty postmortem: every key present, values null or empty. */
export function emptyPostmortem(): Postmortem {
  return {
    title: null,
    date: null,
    severity: null,
    status: null,
    authors: [],
    reviewers: [],
    reviewedAt: null,
    timezone: null,
    services: [],
    tags: [],
    summary: emptySummary(),
    timeline: [],
    rootCause: null,
    resolution: null,
    correctiveActions: { improvements: [], tasks: [] },
    lessonsLearned: null,
    conclusion: null,
    otherSections: [],
  };
}
