/**
 * Answers -> the Postmortem model. Every answer goes through the same checks the prompts
 * use, so a draft, a flag and an answers file all end up as the same model the interview
 * would build. Pure: today's date is passed in.
 */
import { emptyPostmortem, type CorrectiveTask, type Postmortem, type TimelineEntry } from '../../model/postmortem.js';
import { addDays } from '../../model/time.js';
import type { AnswerKey, NewAnswers, TaskAnswer, TimelineAnswer } from './answers.js';
import {
  checkAuthors,
  checkDueDate,
  checkImpactEnd,
  checkImprovement,
  checkIncidentDate,
  checkOptionalText,
  checkPercent,
  checkPriority,
  checkRequiredLine,
  checkRequiredText,
  checkServices,
  checkSeverity,
  checkTags,
  checkTaskField,
  checkTaskText,
  checkTime,
  checkTimelineLabel,
  checkTimelineText,
  checkTimezone,
  checkTitle,
  DEFAULT_SEVERITIES,
  type Checked,
  type TimePlacement,
} from './validate-answers.js';

/** What the checks need to know besides the answers. */
export interface AnswerCheckSettings {
  /** Today, YYYY-MM-DD: incident dates may not be later, due dates not earlier. */
  today: string;
  /** The severities to choose from. Default SEV1-SEV4. */
  severities?: readonly string[];
}

/** A timeline entry placed on its day. */
export interface PlacedTimelineEntry extends TimelineEntry {
  /** The day it is on (the next entry's default day), or null for an entry without a time. */
  date: string | null;
}

/** One timeline item checked: its time placed after the entry before it. */
export function checkTimelineItem(item: TimelineAnswer, placement: TimePlacement): Checked<PlacedTimelineEntry> {
  const text = checkTimelineText(item.text);
  if (!text.ok) return text;
  const label = checkTimelineLabel(item.label ?? '');
  if (!label.ok) return label;
  if (item.time === null || item.time.trim() === '') {
    return { ok: true, value: { time: null, at: null, label: label.value, text: text.value, date: null } };
  }
  const time = checkTime(item.time, { ...placement, date: item.date ?? placement.date });
  if (!time.ok) return time;
  return { ok: true, value: { time: time.value.written, at: time.value.at, label: label.value, text: text.value, date: time.value.date } };
}

/**
 * Places every timeline item: an item without a day of its own is on the day of the timed
 * item before it, the first on the incident date. Returns the entries, or the first problem
 * with the index of its item.
 */
export function placeTimeline(items: readonly TimelineAnswer[], placement: TimePlacement): Checked<PlacedTimelineEntry[]> {
  const entries: PlacedTimelineEntry[] = [];
  let day = placement.date;
  for (const [index, item] of items.entries()) {
    const checked = checkTimelineItem(item, { ...placement, date: day });
    if (!checked.ok) return { ok: false, message: `entry ${index + 1} (${item.time ?? 'no time'}): ${checked.message}` };
    entries.push(checked.value);
    if (checked.value.date) day = checked.value.date;
  }
  return { ok: true, value: entries };
}

/** The day after the last timed entry: where "it happened the next day" puts an entry. */
export function nextDayAfter(entries: readonly PlacedTimelineEntry[], incidentDate: string): string {
  const last = [...entries].reverse().find((entry) => entry.date !== null);
  return addDays(last?.date ?? incidentDate, 1);
}

/** One task checked. */
export function checkTask(task: TaskAnswer, today: string): Checked<CorrectiveTask> {
  const text = checkTaskText(task.text);
  if (!text.ok) return text;
  const owner = checkTaskField(task.owner ?? '', 'the owner');
  if (!owner.ok) return owner;
  const due = checkDueDate(task.due ?? '', today, { done: task.done === true });
  if (!due.ok) return due;
  const priority = checkPriority(task.priority ?? '');
  if (!priority.ok) return priority;
  return { ok: true, value: { text: text.value, owner: owner.value, due: due.value, priority: priority.value, issue: null, done: task.done === true } };
}

/** A problem with one answer. */
export interface AnswerProblem {
  key: AnswerKey;
  /** What is wrong, or null when the answer is missing. */
  message: string | null;
}

/** The model, or what is missing or wrong. */
export type BuildResult = { ok: true; postmortem: Postmortem } | { ok: false; problems: AnswerProblem[] };

/**
 * Builds the postmortem from complete answers. Missing required answers and invalid ones are
 * all reported, in interview order; answers that depend on a missing one (the end on the
 * start, the timeline on the date) are not checked.
 */
export function buildPostmortem(answers: NewAnswers, settings: AnswerCheckSettings): BuildResult {
  const problems: AnswerProblem[] = [];
  const postmortem = emptyPostmortem();

  function take<Value>(key: AnswerKey, given: string | undefined, check: (text: string) => Checked<Value>, optional = false): Value | undefined {
    if (given === undefined && !optional) {
      problems.push({ key, message: null });
      return undefined;
    }
    const checked = check(given ?? '');
    if (!checked.ok) {
      problems.push({ key, message: checked.message });
      return undefined;
    }
    return checked.value;
  }

  postmortem.title = take('title', answers.title, checkTitle) ?? null;
  const date = take('date', answers.date, (text) => checkIncidentDate(text, settings.today));
  postmortem.date = date ?? null;
  postmortem.severity = take('severity', answers.severity, (text) => checkSeverity(text, settings.severities ?? DEFAULT_SEVERITIES)) ?? null;
  postmortem.authors = take('authors', answers.authors, checkAuthors, true) ?? [];
  postmortem.services = take('services', answers.services, checkServices, true) ?? [];
  const timezone = take('timezone', answers.timezone, checkTimezone);
  postmortem.timezone = timezone ?? null;
  postmortem.status = answers.carried?.status === undefined ? 'draft' : answers.carried.status;
  postmortem.reviewers = [...(answers.carried?.reviewers ?? [])];
  postmortem.reviewedAt = answers.carried?.reviewedAt ?? null;

  const placement = date !== undefined && timezone !== undefined ? { date, timezone } : null;
  const start = placement ? take('start', answers.start, (text) => checkTime(text, placement)) : undefined;
  if (!placement && answers.start === undefined) problems.push({ key: 'start', message: null });
  const window = start && timezone !== undefined ? take('end', answers.end, (text) => checkImpactEnd(text, start, timezone)) : undefined;
  if (!start && answers.end === undefined) problems.push({ key: 'end', message: null });
  if (window) {
    postmortem.summary.start = window.start.at;
    postmortem.summary.end = window.end.at;
    postmortem.summary.durationMinutes = window.durationMinutes;
  }
  postmortem.summary.text = answers.carried?.summaryText ?? null;
  postmortem.summary.impact = take('impact', answers.impact, (text) => checkRequiredLine(text, 'the impact', 1000)) ?? null;
  postmortem.summary.usersAffectedPercent = take('usersAffected', answers.usersAffected, checkPercent, true) ?? null;
  postmortem.summary.rootCause = take('rootCauseSummary', answers.rootCauseSummary, (text) => checkRequiredLine(text, 'the root cause', 1000)) ?? null;

  if (placement && answers.timeline) {
    const timeline = placeTimeline(answers.timeline.items, placement);
    if (timeline.ok) postmortem.timeline = timeline.value.map(({ time, at, label, text }) => ({ time, at, label, text }));
    else problems.push({ key: 'timeline', message: timeline.message });
  }

  postmortem.rootCause = take('rootCause', answers.rootCause, checkOptionalText, true) ?? null;
  postmortem.tags = take('tags', answers.tags, checkTags, true) ?? [];
  postmortem.resolution = take('resolution', answers.resolution, (text) => checkRequiredText(text, 'the resolution')) ?? null;

  for (const [index, item] of (answers.improvements?.items ?? []).entries()) {
    const checked = checkImprovement(item);
    if (checked.ok) postmortem.correctiveActions.improvements.push(checked.value);
    else problems.push({ key: 'improvements', message: `improvement ${index + 1}: ${checked.message}` });
  }
  for (const [index, item] of (answers.tasks?.items ?? []).entries()) {
    const checked = checkTask(item, settings.today);
    if (checked.ok) postmortem.correctiveActions.tasks.push(checked.value);
    else problems.push({ key: 'tasks', message: `task ${index + 1} (${item.text}): ${checked.message}` });
  }
  postmortem.lessonsLearned = take('lessonsLearned', answers.lessonsLearned, checkOptionalText, true) ?? null;
  postmortem.conclusion = answers.carried?.conclusion ?? null;
  postmortem.otherSections = answers.carried?.otherSections?.map(({ heading, text }) => ({ heading, text })) ?? [];

  return problems.length > 0 ? { ok: false, problems } : { ok: true, postmortem };
}
