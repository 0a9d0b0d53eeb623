/**
 * The answers of `postmortem new`, kept the way they were given: text as typed, lists as
 * entered. This is what the draft file holds, what flags and `--answers` files are turned
 * into, and what the interview fills in; the model is built from it only at the end
 * (build-postmortem.ts), so a resumed draft is checked again against today's rules.
 */
import type { OtherSection, Postmortem, PostmortemStatus } from '../../model/postmortem.js';
import { formatClock, wallClockInZone } from '../../model/time.js';
import { splitFlagParts } from './validate-answers.js';

/** One timeline entry as given. */
export interface TimelineAnswer {
  /** The time as typed (`14:05`, `2:05 PM`), or null for an entry without a time. */
  time: string | null;
  /**
   * The day (YYYY-MM-DD) the entry is on, when that was decided rather than typed: chosen as
   * "the next day", pinned by a re-sort, or taken from an answers file. Absent: the day of the
   * entry before it (the incident date for the first).
   */
  date?: string | null;
  /** What happened. */
  text: string;
  /** `Detection`, `Escalation`, ... or null. */
  label: string | null;
}

/** One corrective task as given. */
export interface TaskAnswer {
  text: string;
  owner: string | null;
  /**
   * As given (`2026-12-18`, `next friday`, `in 2 weeks`), resolved when the postmortem is
   * built; the interview stores the YYYY-MM-DD day a typed answer named. Null for none.
   */
  due: string | null;
  priority: string | null;
  /** A tracker reference (`#123`, `JIRA-42`, a URL), from `--task` or an answers file; null or absent for none. */
  issue?: string | null;
  /** Only answers files mark tasks done; the interview writes open tasks. */
  done?: boolean;
}

/** A list question: the items entered, whether the list was finished, and an item half entered. */
export interface ListAnswer<Item> {
  items: Item[];
  /** True once the user ended the list (an empty answer), so a resumed interview does not ask for more. */
  complete: boolean;
  /** The parts of the next item already typed when the interview stopped. */
  pending?: Partial<Item>;
  /** Timeline: the entries imported with `--timeline-from` were offered (and those kept are among the items): not offered again. */
  imported?: boolean;
}

/** Model fields the interview does not ask about, kept from an `--answers` file. */
export interface CarriedFields {
  status?: PostmortemStatus | null;
  /** Reviewers and the review date (a postmortem reviewed before it was written down here). */
  reviewers?: string[];
  reviewedAt?: string | null;
  summaryText?: string | null;
  conclusion?: string | null;
  otherSections?: OtherSection[];
}

/**
 * Every answer of the interview. A missing key is a question not answered yet; an empty
 * string is an optional question answered with nothing.
 */
export interface NewAnswers {
  title?: string;
  /** YYYY-MM-DD. */
  date?: string;
  severity?: string;
  /** Comma-separated, as typed. */
  authors?: string;
  /** The affected services, comma-separated as typed, or empty. */
  services?: string;
  timezone?: string;
  /** When impact started, as typed. */
  start?: string;
  /** When impact ended, as typed. */
  end?: string;
  impact?: string;
  /** Share of users affected, as typed (`75`, `75%`, `about 60%`), or empty. */
  usersAffected?: string;
  /** The root cause in one sentence. */
  rootCauseSummary?: string;
  timeline?: ListAnswer<TimelineAnswer>;
  /** The root cause in full (Markdown), or empty. */
  rootCause?: string;
  /** Contributing factors as tags, comma-separated as typed, or empty. */
  tags?: string;
  /** How it was resolved (Markdown). */
  resolution?: string;
  improvements?: ListAnswer<string>;
  tasks?: ListAnswer<TaskAnswer>;
  /** Lessons learned (Markdown), or empty. */
  lessonsLearned?: string;
  /** A built-in template name or a template path. */
  template?: string;
  /** Where to write the postmortem. */
  output?: string;
  carried?: CarriedFields;
}

/** The keys of {@link NewAnswers} that are questions. */
export type AnswerKey = Exclude<keyof NewAnswers, 'carried'>;

/** The keys whose answer is one piece of text. */
export type TextAnswerKey = Exclude<AnswerKey, 'timeline' | 'improvements' | 'tasks'>;

/** Every question, in interview order; also the order problems are reported in. */
export const ANSWER_KEYS: readonly AnswerKey[] = [
  'title', 'date', 'severity', 'authors', 'services', 'timezone', 'start', 'end', 'impact', 'usersAffected', 'rootCauseSummary',
  'timeline', 'rootCause', 'tags', 'resolution', 'improvements', 'tasks', 'lessonsLearned', 'template', 'output',
];

/** The flag that gives each answer. */
export const ANSWER_FLAGS: Readonly<Record<AnswerKey, string>> = {
  title: '--title',
  date: '--date',
  severity: '--severity',
  authors: '--authors',
  services: '--services',
  timezone: '--timezone',
  start: '--start',
  end: '--end',
  impact: '--impact',
  usersAffected: '--users-affected',
  rootCauseSummary: '--root-cause',
  timeline: '--timeline',
  rootCause: '--root-cause-detail',
  tags: '--tags',
  resolution: '--resolution',
  improvements: '--improvement',
  tasks: '--task',
  lessonsLearned: '--lessons',
  template: '--template',
  output: '--output',
};

/** Where each answer lives in an `--answers` file (the model's shape). */
export const ANSWER_FILE_KEYS: Readonly<Record<AnswerKey, string>> = {
  title: 'title',
  date: 'date',
  severity: 'severity',
  authors: 'authors',
  services: 'services',
  timezone: 'timezone',
  start: 'summary.start',
  end: 'summary.end',
  impact: 'summary.impact',
  usersAffected: 'summary.usersAffectedPercent',
  rootCauseSummary: 'summary.rootCause',
  timeline: 'timeline',
  rootCause: 'rootCause',
  tags: 'tags',
  resolution: 'resolution',
  improvements: 'correctiveActions.improvements',
  tasks: 'correctiveActions.tasks',
  lessonsLearned: 'lessonsLearned',
  template: 'template',
  output: 'output',
};

/** The flags of `postmortem new` that carry answers, as commander parses them. */
export interface AnswerFlags {
  title?: string;
  date?: string;
  severity?: string;
  authors?: string;
  /** `--services`: comma-separated. */
  services?: string;
  timezone?: string;
  start?: string;
  end?: string;
  impact?: string;
  usersAffected?: string;
  rootCause?: string;
  rootCauseDetail?: string;
  /** `--tags`: comma-separated. */
  tags?: string;
  resolution?: string;
  /** `time|what happened|label`, repeatable; a time of `-` or nothing means an entry without a time. */
  timeline?: string[];
  improvement?: string[];
  /** `what|owner|due|priority|issue`, repeatable. */
  task?: string[];
  lessons?: string;
  template?: string;
  output?: string;
}

/** A `--timeline` value as an entry: `14:05|Deploy started|Detection`. */
export function timelineFromFlag(value: string): TimelineAnswer {
  const [time, text, label] = splitFlagParts(value, 3) as [string, string, string];
  return { time: time === '' || time === '-' ? null : time, text, label: label || null };
}

/** A `--task` value as a task: `what|owner|due|priority|issue`. */
export function taskFromFlag(value: string): TaskAnswer {
  const [text, owner, due, priority, issue] = splitFlagParts(value, 5) as [string, string, string, string, string];
  return { text, owner: owner || null, due: due || null, priority: priority || null, ...(issue ? { issue } : {}) };
}

/** The answers flags give; flags not given are absent. */
export function answersFromFlags(flags: AnswerFlags): NewAnswers {
  const answers: NewAnswers = {};
  const text: Array<[TextAnswerKey, string | undefined]> = [
    ['title', flags.title],
    ['date', flags.date],
    ['severity', flags.severity],
    ['authors', flags.authors],
    ['services', flags.services],
    ['timezone', flags.timezone],
    ['start', flags.start],
    ['end', flags.end],
    ['impact', flags.impact],
    ['usersAffected', flags.usersAffected],
    ['rootCauseSummary', flags.rootCause],
    ['rootCause', flags.rootCauseDetail],
    ['tags', flags.tags],
    ['resolution', flags.resolution],
    ['lessonsLearned', flags.lessons],
    ['template', flags.template],
    ['output', flags.output],
  ];
  for (const [key, value] of text) if (value !== undefined) answers[key] = value;
  if (flags.timeline) answers.timeline = { items: flags.timeline.map(timelineFromFlag), complete: true };
  if (flags.improvement) answers.improvements = { items: [...flags.improvement], complete: true };
  if (flags.task) answers.tasks = { items: flags.task.map(taskFromFlag), complete: true };
  return answers;
}

function has(object: unknown, key: string): boolean {
  return object !== null && typeof object === 'object' && Object.prototype.hasOwnProperty.call(object, key);
}

/**
 * The answers an `--answers` file gives. `raw` is the file as read (to tell a key left out,
 * which is still asked, from a key set to null, which is an answer of "none"); `model` is the
 * same file after `normalizePostmortem`. Fields the interview does not ask about (status,
 * reviewers and review date, conclusion, the summary's prose, other sections) are carried
 * into the postmortem unchanged.
 */
export function answersFromModel(raw: Record<string, unknown>, model: Postmortem): NewAnswers {
  const answers: NewAnswers = {};
  const summary = raw['summary'];
  const corrective = raw['correctiveActions'];
  const text = (value: string | null): string => value ?? '';
  if (has(raw, 'title')) answers.title = text(model.title);
  if (has(raw, 'date')) answers.date = text(model.date);
  if (has(raw, 'severity')) answers.severity = text(model.severity);
  if (has(raw, 'authors')) answers.authors = model.authors.join(', ');
  if (has(raw, 'services')) answers.services = model.services.join(', ');
  if (has(raw, 'tags')) answers.tags = model.tags.join(', ');
  if (has(raw, 'timezone')) answers.timezone = text(model.timezone);
  if (has(summary, 'start')) answers.start = text(model.summary.start);
  if (has(summary, 'end')) answers.end = text(model.summary.end);
  if (has(summary, 'impact')) answers.impact = text(model.summary.impact);
  if (has(summary, 'usersAffectedPercent')) {
    const written = (summary as Record<string, unknown>)['usersAffectedPercent'];
    if (typeof written === 'string') answers.usersAffected = written;
    else answers.usersAffected = model.summary.usersAffectedPercent === null ? '' : String(model.summary.usersAffectedPercent);
  }
  if (has(summary, 'rootCause')) answers.rootCauseSummary = text(model.summary.rootCause);
  if (has(raw, 'timeline')) {
    answers.timeline = {
      items: model.timeline.map((entry) => {
        // An entry given only as an instant gets the time the rendered document would show.
        const clock = entry.at ? wallClockInZone(entry.at, model.timezone) : null;
        const time = entry.time ?? (clock && entry.at?.includes('T') ? formatClock(clock) : null);
        return { time, date: clock?.date ?? null, text: entry.text, label: entry.label };
      }),
      complete: true,
    };
  }
  if (has(raw, 'rootCause')) answers.rootCause = text(model.rootCause);
  if (has(raw, 'resolution')) answers.resolution = text(model.resolution);
  if (has(corrective, 'improvements')) answers.improvements = { items: [...model.correctiveActions.improvements], complete: true };
  if (has(corrective, 'tasks')) {
    answers.tasks = {
      items: model.correctiveActions.tasks.map((task) => ({ text: task.text, owner: task.owner, due: task.due, priority: task.priority, ...(task.issue ? { issue: task.issue } : {}), done: task.done })),
      complete: true,
    };
  }
  if (has(raw, 'lessonsLearned')) answers.lessonsLearned = text(model.lessonsLearned);
  const carried: CarriedFields = {};
  if (has(raw, 'status')) carried.status = model.status;
  if (has(raw, 'reviewers')) carried.reviewers = [...model.reviewers];
  if (has(raw, 'reviewedAt')) carried.reviewedAt = model.reviewedAt;
  if (has(summary, 'text')) carried.summaryText = model.summary.text;
  if (has(raw, 'conclusion')) carried.conclusion = model.conclusion;
  if (has(raw, 'otherSections')) carried.otherSections = model.otherSections.map(({ heading, text: body }) => ({ heading, text: body }));
  if (Object.keys(carried).length > 0) answers.carried = carried;
  return answers;
}

/**
 * An answers file as the model's schema can check it. The file may write the share of users
 * as a person would (`usersAffectedPercent: about 60%`), which the model's number field
 * refuses: that text is left out here, and {@link answersFromModel} takes it from the raw
 * file, so it is checked like a typed answer (and a wrong one named by its key).
 */
export function modelFieldsOfAnswersFile(raw: Record<string, unknown>): Record<string, unknown> {
  const summary = raw['summary'];
  if (!has(summary, 'usersAffectedPercent') || typeof (summary as Record<string, unknown>)['usersAffectedPercent'] !== 'string') return raw;
  return { ...raw, summary: { ...(summary as Record<string, unknown>), usersAffectedPercent: null } };
}

/** `base` with every answer `override` gives replacing it. */
export function mergeAnswers(base: NewAnswers, override: NewAnswers): NewAnswers {
  const merged: NewAnswers = structuredClone(base);
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    if (key === 'carried') merged.carried = { ...merged.carried, ...(value as CarriedFields) };
    else (merged as Record<string, unknown>)[key] = structuredClone(value);
  }
  return merged;
}

/** How many questions have an answer (a list once it is finished), for the resume prompt. */
export function countAnswers(answers: NewAnswers): number {
  return ANSWER_KEYS.filter((key) => {
    const answer = answers[key];
    return typeof answer === 'object' ? answer.complete : answer !== undefined;
  }).length;
}
