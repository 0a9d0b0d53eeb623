/**
 * The draft of an interview in progress: `.postmortem-draft.json` in the working directory,
 * rewritten atomically after every answer, so that Ctrl-C, a closed terminal or a crash
 * loses nothing. The working directory, because the output path is the last question: the
 * draft must have a home before it is known. It is removed only once the postmortem is
 * written.
 */
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { PostmortemError } from '../../model/errors.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { ANSWER_KEYS, type CarriedFields, type ListAnswer, type NewAnswers, type TaskAnswer, type TimelineAnswer } from './answers.js';

/** The draft's file name, in the working directory. */
export const DRAFT_FILE_NAME = '.postmortem-draft.json';

const DRAFT_VERSION = 1;

/** A saved draft. */
export interface Draft {
  /** When it was last written, ISO 8601. */
  savedAt: string;
  answers: NewAnswers;
}

/** Reads, writes and removes the draft of one working directory. */
export class DraftStore {
  /** The draft's absolute path. */
  readonly path: string;

  constructor(
    cwd: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.path = join(cwd, DRAFT_FILE_NAME);
  }

  /**
   * The saved draft, or null when there is none. A draft that cannot be read is an error
   * (exit 2), never silently replaced: it may hold the only copy of someone's answers.
   */
  async load(): Promise<Draft | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new PostmortemError(`cannot read the draft: ${(error as Error).message}`, { filePath: DRAFT_FILE_NAME }, { cause: error });
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new PostmortemError(
        'the draft is not valid JSON; fix or move it, or start over with --discard-draft',
        { filePath: DRAFT_FILE_NAME },
        { cause: error },
      );
    }
    if (!isObject(data) || !isObject(data['answers'])) {
      throw new PostmortemError('this is not a postmortem draft; move it, or start over with --discard-draft', { filePath: DRAFT_FILE_NAME });
    }
    return { savedAt: typeof data['savedAt'] === 'string' ? data['savedAt'] : '', answers: answersFromDraft(data['answers']) };
  }

  /** Saves the answers given so far, replacing the previous draft atomically. */
  async save(answers: NewAnswers): Promise<void> {
    const draft = { version: DRAFT_VERSION, savedAt: this.now().toISOString(), answers };
    await writeFileAtomic(this.path, `${JSON.stringify(draft, null, 2)}\n`, { overwrite: true, displayPath: DRAFT_FILE_NAME });
  }

  /** Removes the draft; no draft is fine. */
  async remove(): Promise<void> {
    await unlink(this.path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw new PostmortemError(`cannot remove the draft: ${error.message}`, { filePath: DRAFT_FILE_NAME }, { cause: error });
    });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function list<Item>(value: unknown, item: (value: unknown) => Item | null, pending: (value: Record<string, unknown>) => Partial<Item> | undefined): ListAnswer<Item> | undefined {
  if (!isObject(value) || !Array.isArray(value['items'])) return undefined;
  const items = value['items'].map(item).filter((entry): entry is Item => entry !== null);
  const answer: ListAnswer<Item> = { items, complete: value['complete'] === true };
  const partial = isObject(value['pending']) ? pending(value['pending']) : undefined;
  if (partial) answer.pending = partial;
  if (value['imported'] === true) answer.imported = true;
  return answer;
}

function timelineItem(value: unknown): TimelineAnswer | null {
  if (!isObject(value) || typeof value['text'] !== 'string') return null;
  const entry: TimelineAnswer = { time: textOrNull(value['time']), text: value['text'], label: textOrNull(value['label']) };
  if (typeof value['date'] === 'string') entry.date = value['date'];
  return entry;
}

function taskItem(value: unknown): TaskAnswer | null {
  if (!isObject(value) || typeof value['text'] !== 'string') return null;
  const task: TaskAnswer = { text: value['text'], owner: textOrNull(value['owner']), due: textOrNull(value['due']), priority: textOrNull(value['priority']) };
  const issue = textOrNull(value['issue']);
  if (issue) task.issue = issue;
  if (value['done'] === true) task.done = true;
  return task;
}

/** Copies of the string fields of a partial item. */
function partialOf<Item>(value: Record<string, unknown>): Partial<Item> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => typeof field === 'string' || field === null)) as Partial<Item>;
}

/**
 * The answers of a draft file, keeping only keys and types the interview knows: a draft
 * edited by hand (or written by another version) cannot make the interview crash.
 */
export function answersFromDraft(value: Record<string, unknown>): NewAnswers {
  const answers: NewAnswers = {};
  for (const key of ANSWER_KEYS) {
    const field = value[key];
    if (key === 'timeline') {
      const timeline = list(field, timelineItem, partialOf<TimelineAnswer>);
      if (timeline) answers.timeline = timeline;
    } else if (key === 'improvements') {
      const improvements = list(field, (item) => (typeof item === 'string' ? item : null), () => undefined);
      if (improvements) answers.improvements = improvements;
    } else if (key === 'tasks') {
      const tasks = list(field, taskItem, partialOf<TaskAnswer>);
      if (tasks) answers.tasks = tasks;
    } else {
      const given = text(field);
      if (given !== undefined) answers[key] = given;
    }
  }
  if (isObject(value['carried'])) answers.carried = value['carried'] as CarriedFields;
  return answers;
}
