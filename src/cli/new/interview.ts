/**
 * The interview of `postmortem new`: the questions in order, each answer checked as it is
 * typed and saved at once, loops for the timeline and the measures, a preview and a last
 * chance to change an answer.
 *
 * The same pass serves every way of answering. An answer already known (a flag, an
 * `--answers` file, a resumed draft) is checked and not asked again; with `--yes` a
 * question that has a default takes it; without a prompter (no terminal) nothing is asked
 * and what is missing or wrong is collected and reported at once.
 */
import { DEFAULT_WINDOW_MARGIN_MINUTES } from '../../import/import-window.js';
import type { ImportedEvent } from '../../import/types.js';
import { clockStyle } from '../../model/clock-style.js';
import type { Postmortem } from '../../model/postmortem.js';
import { instantMillis } from '../../model/time.js';
import { ANSWER_KEYS, type AnswerKey, type ListAnswer, type NewAnswers, type TaskAnswer, type TextAnswerKey, type TimelineAnswer } from './answers.js';
import {
  buildPostmortem,
  checkTimelineItem,
  nextDayAfter,
  placeTimeline,
  type AnswerCheckSettings,
  type AnswerProblem,
  type PlacedTimelineEntry,
} from './build-postmortem.js';
import { checkOutputPath, defaultOutputPath, firstFreePath, type PathKind } from './output-path.js';
import type { Choice, Prompter } from './prompter.js';
import { describeDueDate } from './read-due-date.js';
import { terminalText } from '../terminal-text.js';
import { importedTimelineItems, mergeTimelineItems, type ImportedTimelineItem } from './imported-timeline.js';
import {
  asValidator,
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
  describeImpactWindow,
  TIMELINE_LABELS,
  type Checked,
  type ImpactWindow,
  type PlacedTime,
  type TimePlacement,
} from './validate-answers.js';

/** A built-in template as the template question lists it. */
export interface TemplateChoice {
  name: string;
  description: string;
}

/** Everything the interview needs to know that is not an answer. */
export interface InterviewSettings extends AnswerCheckSettings {
  severities: readonly string[];
  /** The system's timezone, offered as the default; null when it cannot be told. */
  defaultTimezone: string | null;
  /** Offered as the authors (the git user name), or null. */
  defaultAuthors: string | null;
  /** Directory of the default output path. */
  outputDirectory: string;
  /** The template offered first. */
  defaultTemplate: string;
  /** The built-in templates. */
  templates: readonly TemplateChoice[];
  /** Overwrite an existing output file (`--force`). */
  force: boolean;
  /** What is at a path relative to the working directory. */
  kindOf(filePath: string): PathKind;
  /** Checks a template name or path (`resolveTemplate`): the name to use, or why not. */
  checkTemplate(text: string): Checked<string>;
  /** Renders the preview. */
  render(postmortem: Postmortem, template: string): string;
  /**
   * `--timeline-from`: reads the imported events in the timezone answered, within the window
   * (epoch ms, either end open); absent when nothing is imported.
   */
  importTimeline?: (request: { timezone: string; since: number | null; until: number | null }) => Promise<ImportedEvent[]>;
}

/** How far before the impact starts and after it ends imported events are offered: as far as timeline import's default window. */
const IMPORT_MARGIN_MS = DEFAULT_WINDOW_MARGIN_MINUTES * 60_000;

/** How the interview runs. */
export interface InterviewOptions {
  /** The answers to start from (a draft with flags and an answers file laid over it). Updated as questions are answered. */
  answers: NewAnswers;
  /** Answers given as flags or in `--answers`: never asked; an invalid one is reported, not re-asked. */
  presetKeys: ReadonlySet<AnswerKey>;
  /** Asks the questions, or null when there is no terminal. */
  prompter: Prompter | null;
  /** `--yes`: take every default, skip the preview. */
  acceptDefaults: boolean;
  settings: InterviewSettings;
  /** Saves the answers given so far (the draft). Called after every answer. */
  save(answers: NewAnswers): Promise<void>;
}

/** How an interview ended. */
export type InterviewOutcome =
  | { kind: 'complete'; answers: NewAnswers; postmortem: Postmortem; template: string; output: string; markdown: string | null }
  | { kind: 'problems'; problems: AnswerProblem[] }
  | { kind: 'stopped'; answers: NewAnswers };

/** A question whose answer is one piece of text. */
interface TextQuestion<Value> {
  message: string;
  check(text: string): Checked<Value>;
  /** The default answer; also what `--yes` and a run without a terminal take. */
  default?: string | undefined;
  /** Without a default, an empty answer is fine (and what `--yes` takes). */
  optional?: boolean;
  kind?: 'input' | 'multiline';
  /** Makes it a pick from a list. */
  choices?: ReadonlyArray<Choice<string>>;
  /** Called after the answer was typed (not when it was known): to show something back. */
  answered?(value: Value): void;
}

const PATH_CHOICE = '\u0000path';

const ANSWER_NAMES: Readonly<Record<AnswerKey, string>> = {
  title: 'Title',
  date: 'Date',
  severity: 'Severity',
  authors: 'Authors',
  services: 'Affected services',
  timezone: 'Timezone',
  start: 'Impact start',
  end: 'Impact end',
  impact: 'Impact',
  usersAffected: 'Users affected',
  rootCauseSummary: 'Root cause (one sentence)',
  timeline: 'Timeline',
  rootCause: 'Root cause in full',
  tags: 'Contributing factors',
  resolution: 'Resolution',
  improvements: 'Improvements',
  tasks: 'Tasks',
  lessonsLearned: 'Lessons learned',
  template: 'Template',
  output: 'Output file',
};

/** Thrown inside the interview when an answer given as a flag or in a file is wrong: asking more questions would waste the user's time. */
class GivenAnswerProblem extends Error {}

/**
 * Runs the interview to the end: a postmortem ready to write, the problems that stop one, or
 * the user stopping. With a terminal, the answers given as flags or in a file are checked
 * first, so a mistake there is reported before any question is asked.
 */
export async function runInterview(options: InterviewOptions): Promise<InterviewOutcome> {
  if (options.prompter) {
    const given: NewAnswers = {};
    for (const key of options.presetKeys) (given as Record<string, unknown>)[key] = structuredClone(options.answers[key]);
    const { importTimeline: _importedLater, ...checkSettings } = options.settings;
    const dryRun = await new Interview({ ...options, settings: checkSettings, answers: given, prompter: null, save: async () => undefined }).run();
    if (dryRun.kind === 'problems') {
      const problems = dryRun.problems.filter((problem) => problem.message !== null && options.presetKeys.has(problem.key));
      if (problems.length > 0) return { kind: 'problems', problems };
    }
  }
  return new Interview(options).run();
}

class Interview {
  private readonly answers: NewAnswers;
  private readonly prompter: Prompter | null;
  private readonly settings: InterviewSettings;
  private problems: AnswerProblem[] = [];
  /** Answers being changed from the preview: offered as the defaults when asked again. */
  private revisit: NewAnswers = {};

  constructor(private readonly options: InterviewOptions) {
    this.answers = options.answers;
    this.prompter = options.prompter;
    this.settings = options.settings;
  }

  async run(): Promise<InterviewOutcome> {
    for (;;) {
      this.problems = [];
      let asked: Awaited<ReturnType<Interview['askAll']>>;
      try {
        asked = await this.askAll();
      } catch (error) {
        if (error instanceof GivenAnswerProblem) return { kind: 'problems', problems: this.problems };
        throw error;
      }
      if (this.problems.length > 0 || !asked) return { kind: 'problems', problems: this.problems };
      const built = buildPostmortem(this.answers, this.settings);
      if (!built.ok) return { kind: 'problems', problems: built.problems };
      const { template, output } = asked;
      const complete = { kind: 'complete' as const, answers: this.answers, postmortem: built.postmortem, template, output };
      if (!this.prompter || this.options.acceptDefaults) return { ...complete, markdown: null };
      const markdown = this.settings.render(built.postmortem, template);
      this.prompter.note(preview(markdown));
      const next = await this.prompter.select({
        message: `Write it to ${output}?`,
        choices: [
          { value: 'write', name: 'Yes, write it' },
          { value: 'change', name: 'Change an answer first' },
          { value: 'stop', name: 'Stop here and keep the draft for later' },
        ],
        default: 'write',
      });
      if (next === 'write') return { ...complete, markdown };
      if (next === 'stop') return { kind: 'stopped', answers: this.answers };
      await this.chooseAnswerToChange();
    }
  }

  /** Asks for everything not answered yet. Returns the template and output, or null when something is missing (no terminal). */
  private async askAll(): Promise<{ template: string; output: string } | null> {
    const { settings } = this;
    const title = await this.text('title', { message: 'Title', check: checkTitle });
    const date = await this.text('date', {
      message: 'Date of the incident (YYYY-MM-DD)',
      check: (text) => checkIncidentDate(text, settings.today),
      default: settings.today,
    });
    await this.text('severity', {
      message: 'Severity',
      check: (text) => checkSeverity(text, settings.severities),
      choices: settings.severities.map((severity) => ({ value: severity })),
    });
    await this.text('authors', {
      message: 'Authors (comma-separated)',
      check: checkAuthors,
      default: settings.defaultAuthors ?? undefined,
      optional: true,
    });
    await this.text('services', {
      message: 'Affected services, comma-separated (optional: checkout-api, payments)',
      check: checkServices,
      optional: true,
    });
    const timezone = await this.text('timezone', {
      message: 'Timezone of the times you will type (UTC, UTC-4, Europe/Berlin)',
      check: checkTimezone,
      default: settings.defaultTimezone ?? undefined,
    });
    const placement: TimePlacement | null = date !== undefined && timezone !== undefined ? { date, timezone } : null;
    let start: PlacedTime | undefined;
    let window: ImpactWindow | undefined;
    if (placement) {
      start = await this.text('start', {
        message: `When did the impact start? (14:05 or 2:05 PM; add the date if not ${placement.date})`,
        check: (text) => checkTime(text, placement),
      });
    } else {
      this.requireAnswer('start');
    }
    if (start && timezone !== undefined) {
      const startTime = start;
      window = await this.text('end', {
        message: 'When did it end?',
        check: (text) => checkImpactEnd(text, startTime, timezone),
        answered: (value) => this.prompter?.note(`  Impact lasted ${describeImpactWindow(value, timezone)}.`),
      });
    } else {
      this.requireAnswer('end');
    }
    await this.text('impact', { message: 'Impact: what did users see?', check: (text) => checkRequiredLine(text, 'the impact', 1000) });
    await this.text('usersAffected', { message: 'Share of users affected, 0-100% (optional)', check: checkPercent, optional: true });
    await this.text('rootCauseSummary', {
      message: 'Root cause, in one sentence',
      check: (text) => checkRequiredLine(text, 'the root cause', 1000),
    });
    if (placement) await this.timeline(placement, window?.start ?? start ?? null, window?.end ?? null);
    await this.text('rootCause', {
      message: 'Root cause in full: what happened and why (optional)',
      check: checkOptionalText,
      optional: true,
      kind: 'multiline',
    });
    await this.text('tags', {
      message: 'Contributing factors as tags, comma-separated (optional: config-change, missing-alert)',
      check: checkTags,
      optional: true,
    });
    await this.text('resolution', {
      message: 'Resolution: how was it fixed?',
      check: (text) => checkRequiredText(text, 'the resolution'),
      kind: 'multiline',
    });
    await this.improvements();
    await this.tasks();
    await this.text('lessonsLearned', {
      message: 'Lessons learned (optional)',
      check: checkOptionalText,
      optional: true,
      kind: 'multiline',
    });
    const template = await this.template();
    let output: string | undefined;
    if (title !== undefined && date !== undefined) {
      const suggested = firstFreePath(defaultOutputPath(settings.outputDirectory, date, title), settings.kindOf);
      output = await this.text('output', {
        message: 'Write the postmortem to',
        check: (text) => checkOutputPath(text, { force: settings.force, kindOf: settings.kindOf }),
        default: suggested,
      });
    } else if (this.answers.output !== undefined) {
      output = await this.text('output', { message: 'Write the postmortem to', check: (text) => checkOutputPath(text, { force: settings.force, kindOf: settings.kindOf }) });
    }
    if (template === undefined || output === undefined) return null;
    return { template, output };
  }

  /** Reports a wrong answer that was given, not typed; with a terminal, stops the interview at once. */
  private reject(problem: AnswerProblem): undefined {
    this.problems.push(problem);
    if (this.prompter) throw new GivenAnswerProblem();
    return undefined;
  }

  /** Reports a question that could not be checked because one it depends on is missing. */
  private requireAnswer(key: AnswerKey): void {
    if (this.answers[key] === undefined) this.problems.push({ key, message: null });
  }

  private async record(answers: Partial<NewAnswers>): Promise<void> {
    Object.assign(this.answers, answers);
    for (const key of Object.keys(answers)) delete (this.revisit as Record<string, unknown>)[key];
    await this.options.save(this.answers);
  }

  /** The answer to a one-piece question: known, defaulted, or asked. */
  private async text<Value>(key: TextAnswerKey, question: TextQuestion<Value>): Promise<Value | undefined> {
    const given = this.answers[key];
    if (given !== undefined) {
      const checked = question.check(given);
      if (checked.ok) return checked.value;
      if (this.options.presetKeys.has(key) || !this.prompter) return this.reject({ key, message: checked.message });
      this.prompter.note(`Your earlier answer to "${ANSWER_NAMES[key]}" no longer fits: ${checked.message}`);
      return this.ask(key, question, given);
    }
    const revisited = this.revisit[key];
    const fallback = question.default ?? (question.optional ? '' : undefined);
    if (!this.prompter || (this.options.acceptDefaults && revisited === undefined)) {
      const checked = fallback === undefined ? null : question.check(fallback);
      if (checked?.ok) {
        await this.record({ [key]: fallback });
        return checked.value;
      }
      if (!this.prompter) {
        this.problems.push({ key, message: checked && !checked.ok ? checked.message : null });
        return undefined;
      }
    }
    return this.ask(key, question, revisited ?? question.default);
  }

  private async ask<Value>(key: TextAnswerKey, question: TextQuestion<Value>, defaultText: string | undefined): Promise<Value> {
    const prompter = this.prompter as Prompter;
    const validate = asValidator(question.check);
    let text: string;
    if (question.choices) {
      const checked = defaultText === undefined ? null : question.check(defaultText);
      const initial = checked?.ok ? String(checked.value) : undefined;
      text = await prompter.select({ message: question.message, choices: question.choices, ...(initial === undefined ? {} : { default: initial }) });
    } else if (question.kind === 'multiline') {
      text = await prompter.multiline({ message: question.message, validate, ...(defaultText ? { default: defaultText } : {}) });
    } else {
      text = await prompter.input({ message: question.message, validate, ...(defaultText ? { default: defaultText } : {}) });
    }
    const checked = question.check(text);
    // The prompt validated the answer; one that still fails means the prompter let it through.
    if (!checked.ok) throw new Error(`the prompt accepted an invalid answer to ${key}: ${checked.message}`);
    await this.record({ [key]: text });
    question.answered?.(checked.value);
    return checked.value;
  }

  /** Whether a list question is settled without asking: given, finished, or nobody to ask. */
  private async listSettled<Item>(key: 'timeline' | 'improvements' | 'tasks', state: ListAnswer<Item>, problem: string | null): Promise<boolean> {
    if (problem !== null) {
      if (this.options.presetKeys.has(key) || !this.prompter) {
        this.reject({ key, message: problem });
        return true;
      }
      // A saved item no longer fits (a due date now past): go through the list again, the old items as defaults.
      this.prompter.note(`Your earlier ${ANSWER_NAMES[key].toLowerCase()} no longer fit: ${problem}`);
      (this.revisit as Record<string, unknown>)[key] = { items: state.items, complete: false };
      state.items = [];
      state.complete = false;
      delete state.pending;
      return false;
    }
    if (state.complete) return true;
    if (!this.prompter || (this.options.acceptDefaults && this.revisit[key] === undefined && state.items.length === 0 && !state.pending)) {
      state.complete = true;
      await this.record({ [key]: state });
      return true;
    }
    return false;
  }

  private async timeline(placement: TimePlacement, start: PlacedTime | null, end: PlacedTime | null): Promise<void> {
    const state: ListAnswer<TimelineAnswer> = this.answers.timeline ?? { items: [], complete: false };
    if (placeTimeline(state.items, placement).ok) await this.importEntries(state, placement, start, end);
    const checked = placeTimeline(state.items, placement);
    if (await this.listSettled('timeline', state, checked.ok ? null : checked.message)) return;
    const prompter = this.prompter as Prompter;
    const previous = this.revisit.timeline?.items ?? [];
    if (state.items.length === 0 && !state.pending) {
      prompter.note(
        'Timeline: the events one at a time, in order. An empty time finishes the list (Backspace clears a suggested answer);\n' +
          '"-" adds an entry without a time, such as how the problem was detected.',
      );
    }
    for (;;) {
      const entries = (placeTimeline(state.items, placement) as { ok: true; value: PlacedTimelineEntry[] }).value;
      const day = [...entries].reverse().find((entry) => entry.date !== null)?.date ?? placement.date;
      const index = state.items.length;
      const old = previous[index];
      const pending: Partial<TimelineAnswer> = state.pending ?? {};
      if (pending.time === undefined) {
        const suggested = old ? (old.time ?? '-') : index === 0 && start ? start.written : undefined;
        const time = await prompter.input({
          message: index === 0 ? 'Time of the first event' : 'Time of the next event (empty to finish)',
          ...(suggested ? { default: suggested } : {}),
          validate: (text) => {
            const value = text.trim();
            if (value === '' || value === '-') return true;
            const placed = checkTime(value, { date: old && old.time === value && old.date ? old.date : day, timezone: placement.timezone });
            return placed.ok ? true : placed.message;
          },
        });
        if (time.trim() === '') {
          state.complete = true;
          delete state.pending;
          await this.record({ timeline: state });
          return;
        }
        pending.time = time.trim() === '-' ? null : time.trim();
        if (old?.date && old.time === pending.time) pending.date = old.date;
        state.pending = pending;
        await this.record({ timeline: state });
      }
      if (pending.text === undefined) {
        pending.text = (await prompter.input({
          message: pending.time ? `What happened at ${pending.time}?` : 'What happened?',
          ...(old?.text ? { default: old.text } : {}),
          validate: asValidator(checkTimelineText),
        })).trim();
        await this.record({ timeline: state });
      }
      if (pending.label === undefined) {
        const label = await prompter.input({
          message: `Label (optional: ${TIMELINE_LABELS.join(', ')} or your own)`,
          ...(old?.label ? { default: old.label } : {}),
          validate: asValidator(checkTimelineLabel),
        });
        pending.label = (checkTimelineLabel(label) as { ok: true; value: string | null }).value;
        await this.record({ timeline: state });
      }
      const item: TimelineAnswer = { time: pending.time ?? null, text: pending.text, label: pending.label ?? null };
      if (pending.date) item.date = pending.date;
      await this.placeEntry(state, item, entries, placement);
      delete state.pending;
      await this.record({ timeline: state });
    }
  }

  /**
   * `--timeline-from`: the imported events in the window around the impact, offered once as a
   * checklist (all checked), then the text of any of them to edit; without a terminal (or with
   * --yes) all are kept. The kept ones join the timeline in time order, and the draft records
   * that they were offered, so a resumed interview keeps them and does not ask again.
   */
  private async importEntries(state: ListAnswer<TimelineAnswer>, placement: TimePlacement, start: PlacedTime | null, end: PlacedTime | null): Promise<void> {
    const read = this.settings.importTimeline;
    if (!read || state.imported) return;
    if (this.revisit.timeline !== undefined) {
      // Changing the timeline from the preview: the entries kept before are offered one by one.
      state.imported = true;
      return;
    }
    const events = await read({
      timezone: placement.timezone,
      since: start ? instantMillis(start.at) - IMPORT_MARGIN_MS : null,
      until: end ? instantMillis(end.at) + IMPORT_MARGIN_MS : null,
    });
    // On the clock the author typed the impact start on (`2:00 AM` or `14:05`).
    const items = importedTimelineItems(events, placement, start ? clockStyle([{ time: start.written }]) : '24h');
    let kept = items;
    if (this.prompter && !this.options.acceptDefaults) {
      if (items.length === 0) this.prompter.note('No imported events in the window around the impact.');
      else kept = await this.chooseImported(items, placement);
      if (kept.length > 0) this.prompter.note(`${kept.length} imported ${kept.length === 1 ? 'entry' : 'entries'} kept. Now your own entries, one at a time: an empty time finishes the list; "-" adds one without a time.`);
    }
    state.items = mergeTimelineItems(state.items, kept, placement);
    state.imported = true;
    await this.record({ timeline: state });
  }

  private async chooseImported(items: ImportedTimelineItem[], placement: TimePlacement): Promise<ImportedTimelineItem[]> {
    const prompter = this.prompter as Prompter;
    const shown = (item: TimelineAnswer): string =>
      terminalText(`${item.date && item.date !== placement.date ? `${item.date} ` : ''}${item.time}  ${item.label ? `${item.label}: ` : ''}${item.text}`).slice(0, 120);
    const chosen = new Set(await prompter.checkbox({
      message: `Imported events (${items.length}): keep the checked ones (space: check or uncheck, a: all, Enter: done)`,
      choices: items.map((entry, index) => ({ value: String(index), name: shown(entry.item), checked: true })),
    }));
    const kept = items.filter((_entry, index) => chosen.has(String(index))).map((entry) => ({ ...entry, item: { ...entry.item } }));
    if (kept.length === 0) return kept;
    const edit = await prompter.select({
      message: `Edit the text of any of the ${kept.length} kept?`,
      choices: [
        { value: 'no', name: 'No, keep them as they are' },
        { value: 'yes', name: 'Yes, choose which' },
      ],
      default: 'no',
    });
    if (edit === 'no') return kept;
    const toEdit = await prompter.checkbox({
      message: 'Which ones? (space: check, Enter: done)',
      choices: kept.map((entry, index) => ({ value: String(index), name: shown(entry.item) })),
    });
    for (const index of toEdit.map(Number)) {
      const entry = kept[index] as ImportedTimelineItem;
      entry.item.text = (await prompter.input({ message: `What happened at ${entry.item.time}?`, default: entry.item.text, validate: asValidator(checkTimelineText) })).trim();
    }
    return kept;
  }

  /** Adds an entry; one earlier than the entry before it asks whether to keep it there, re-sort, or put it on the next day. */
  private async placeEntry(state: ListAnswer<TimelineAnswer>, item: TimelineAnswer, entries: readonly PlacedTimelineEntry[], placement: TimePlacement): Promise<void> {
    const day = [...entries].reverse().find((entry) => entry.date !== null)?.date ?? placement.date;
    const placed = checkTimelineItem(item, { ...placement, date: item.date ?? day });
    const last = [...entries].reverse().find((entry) => entry.at !== null);
    if (!placed.ok || !placed.value.at || !last?.at || instantMillis(placed.value.at) >= instantMillis(last.at)) {
      state.items.push(item);
      return;
    }
    const typedDate = checkTime(item.time ?? '', { ...placement, date: day });
    const nextDay = nextDayAfter(entries, placement.date);
    const choices: Array<Choice<'keep' | 'sort' | 'next-day'>> = [
      { value: 'sort', name: 'Re-sort: put it where it belongs by time' },
      { value: 'keep', name: 'Keep it here, after the previous entry' },
    ];
    if (typedDate.ok && !typedDate.value.hasDate) choices.push({ value: 'next-day', name: `It happened the next day (${nextDay})` });
    const choice = await (this.prompter as Prompter).select({
      message: `${item.time} is earlier than the entry before it (${last.time}).`,
      choices,
      default: 'sort',
    });
    if (choice === 'keep') {
      state.items.push(item);
    } else if (choice === 'next-day') {
      state.items.push({ ...item, date: nextDay });
    } else {
      // The day is pinned: an entry's day otherwise follows the entry before it, which is about to change.
      const pinned: TimelineAnswer = { ...item, date: placed.value.date };
      const at = instantMillis(placed.value.at);
      let position = entries.findIndex((entry) => entry.at !== null && instantMillis(entry.at) > at);
      if (position < 0) position = entries.length;
      state.items.splice(position, 0, pinned);
    }
  }

  private async improvements(): Promise<void> {
    const state: ListAnswer<string> = this.answers.improvements ?? { items: [], complete: false };
    const invalid = state.items.map(checkImprovement).find((checked) => !checked.ok);
    if (await this.listSettled('improvements', state, invalid && !invalid.ok ? invalid.message : null)) return;
    const prompter = this.prompter as Prompter;
    const previous = this.revisit.improvements?.items ?? [];
    if (state.items.length === 0) prompter.note('Corrective and preventative measures: first broad improvements and fixes, then specific tasks.');
    for (;;) {
      const old = previous[state.items.length];
      const text = await prompter.input({
        message: 'Improvement or fix (empty to finish)',
        ...(old ? { default: old } : {}),
        validate: (value) => (value.trim() === '' ? true : asValidator(checkImprovement)(value)),
      });
      if (text.trim() === '') {
        state.complete = true;
        await this.record({ improvements: state });
        return;
      }
      state.items.push(text.trim());
      await this.record({ improvements: state });
    }
  }

  private async tasks(): Promise<void> {
    const { today } = this.settings;
    const state: ListAnswer<TaskAnswer> = this.answers.tasks ?? { items: [], complete: false };
    let problem: string | null = null;
    for (const [index, task] of state.items.entries()) {
      const checks = [checkTaskText(task.text), checkTaskField(task.owner ?? '', 'the owner'), checkDueDate(task.due ?? '', today, { done: task.done === true }), checkPriority(task.priority ?? '')];
      const failed = checks.find((checked) => !checked.ok);
      if (failed && !failed.ok) {
        problem = `task ${index + 1} (${task.text}): ${failed.message}`;
        break;
      }
    }
    if (await this.listSettled('tasks', state, problem)) return;
    const prompter = this.prompter as Prompter;
    const previous = this.revisit.tasks?.items ?? [];
    for (;;) {
      const old = previous[state.items.length];
      const pending: Partial<TaskAnswer> = state.pending ?? {};
      if (pending.text === undefined) {
        const text = await prompter.input({
          message: 'Task: a specific, trackable action (empty to finish)',
          ...(old ? { default: old.text } : {}),
          validate: (value) => (value.trim() === '' ? true : asValidator(checkTaskText)(value)),
        });
        if (text.trim() === '') {
          state.complete = true;
          delete state.pending;
          await this.record({ tasks: state });
          return;
        }
        pending.text = text.trim();
        state.pending = pending;
        await this.record({ tasks: state });
      }
      if (pending.owner === undefined) {
        const owner = await prompter.input({ message: 'Owner (optional)', ...(old?.owner ? { default: old.owner } : {}), validate: asValidator((value) => checkTaskField(value, 'the owner')) });
        pending.owner = owner.trim() || null;
        await this.record({ tasks: state });
      }
      if (pending.due === undefined) {
        const due = await prompter.input({
          message: 'Due date (optional: YYYY-MM-DD, Dec 18, next friday, in 2 weeks)',
          ...(old?.due ? { default: old.due } : {}),
          validate: asValidator((value) => checkDueDate(value, today)),
        });
        // The day, not the words: the user saw it read back, and "next friday" resumed next week would be another day.
        pending.due = (checkDueDate(due, today) as { ok: true; value: string | null }).value;
        if (pending.due) prompter.note(`  Due ${describeDueDate(pending.due)}.`);
        await this.record({ tasks: state });
      }
      if (pending.priority === undefined) {
        const priority = await prompter.input({ message: 'Priority (P1, P2, P3; optional)', ...(old?.priority ? { default: old.priority } : {}), validate: asValidator(checkPriority) });
        pending.priority = (checkPriority(priority) as { ok: true; value: string | null }).value;
        await this.record({ tasks: state });
      }
      state.items.push({ text: pending.text, owner: pending.owner ?? null, due: pending.due ?? null, priority: pending.priority ?? null });
      delete state.pending;
      await this.record({ tasks: state });
    }
  }

  private async template(): Promise<string | undefined> {
    const { settings } = this;
    const given = this.answers.template;
    if (given !== undefined || !this.prompter || (this.options.acceptDefaults && this.revisit.template === undefined)) {
      return this.text('template', { message: 'Template', check: settings.checkTemplate, default: settings.defaultTemplate });
    }
    const current = this.revisit.template ?? settings.defaultTemplate;
    const builtIn = settings.templates.some((template) => template.name === current);
    const choice = await this.prompter.select({
      message: 'Template',
      choices: [
        ...settings.templates.map((template) => ({ value: template.name, name: template.name, description: template.description })),
        { value: PATH_CHOICE, name: 'A template file or directory of your own...' },
      ],
      default: builtIn ? current : PATH_CHOICE,
    });
    if (choice !== PATH_CHOICE) {
      await this.record({ template: choice });
      return choice;
    }
    return this.ask('template', { message: 'Template path', check: settings.checkTemplate }, builtIn ? undefined : current);
  }

  private async chooseAnswerToChange(): Promise<void> {
    const prompter = this.prompter as Prompter;
    const key = await prompter.select<AnswerKey>({
      message: 'Which answer do you want to change?',
      choices: ANSWER_KEYS.map((answerKey) => ({ value: answerKey, name: `${ANSWER_NAMES[answerKey]}: ${shortAnswer(this.answers, answerKey)}` })),
    });
    (this.revisit as Record<string, unknown>)[key] = this.answers[key];
    delete this.answers[key];
    if (key === 'timeline' || key === 'improvements' || key === 'tasks') {
      prompter.note('The earlier entries are offered one by one: Enter keeps one, typing replaces it, an empty answer ends the list there.');
    }
    await this.options.save(this.answers);
  }
}

/** An answer in a few words, for the list of answers to change. */
function shortAnswer(answers: NewAnswers, key: AnswerKey): string {
  const value = answers[key];
  if (value === undefined) return '(not answered)';
  if (typeof value === 'object') return `${value.items.length} ${value.items.length === 1 ? 'entry' : 'entries'}`;
  const line = value.split('\n')[0]?.trim() ?? '';
  if (line === '') return '(none)';
  return line.length > 50 ? `${line.slice(0, 49)}…` : line;
}

/** The rendered Markdown between rules, so it stands apart from the questions. */
function preview(markdown: string): string {
  const rule = '─'.repeat(60);
  return `\nPreview:\n${rule}\n${markdown.trimEnd()}\n${rule}`;
}
