/**
 * Corrective and preventative measures: improvements and tasks from nested lists under
 * `Improvements/Fixes:` and `Tasks:` labels, flat lists, checklists and tables, with
 * `(owner: X, due: 2026-03-28, priority: P2)` annotations.
 */
import type { CorrectiveActions, CorrectiveTask } from '../model/postmortem.js';
import { findDate } from './clock.js';
import type { SourceLine } from './markdown-lines.js';
import { parseTable, tableBlockAt } from './table.js';

type Bucket = 'improvements' | 'tasks';

const TASK_WORDS = /\b(?:tasks?|action items?|actions?|to-?dos?|follow[- ]?ups?|next steps|todo list|task list|remediation items)\b/i;
const IMPROVEMENT_WORDS = /\b(?:improvements?|fixes|measures|prevent(?:at)?ive|corrective|prevention|changes|recommendations?)\b/i;

/** Which bucket a label names, if any. */
function bucketOf(label: string): Bucket | null {
  if (TASK_WORDS.test(label)) return 'tasks';
  if (IMPROVEMENT_WORDS.test(label)) return 'improvements';
  return null;
}

/** A label line: ends with a colon, is bold, or is a heading, and is short. */
function labelOf(line: SourceLine, content: string): string | null {
  if (line.kind === 'heading') return line.headingText ?? null;
  const text = content.trim();
  const bold = /^(?:\*\*|__)([^*_]{2,80}?)(?:\*\*|__):?$/.exec(text) ?? /^(?:\*\*|__)([^*_]{2,80}?):(?:\*\*|__)$/.exec(text);
  if (bold) return bold[1] as string;
  if (/:$/.test(text) && text.length <= 120) return text.slice(0, -1);
  return null;
}

const ANNOTATION_KEYS = 'owner|assignee|who|due|deadline|by|priority|pri|issue|ticket|tracker|tracking|jira';
const ISSUE_KEYS = new Set(['issue', 'ticket', 'tracker', 'tracking', 'jira']);
// An issue may be a URL, whose `https:` must not end the group: values run to the next `, key:`.
// No leading white space in the pattern (the text before the group is trimmed): `\s*` at every start of a long run of spaces backtracked quadratically.
const ANNOTATION_GROUP = new RegExp(`[([]\\s*((?:${ANNOTATION_KEYS})\\s*:[^()[\\]]*)[)\\]]\\s*$`, 'i');
const ANNOTATION_SEPARATOR = new RegExp(`(?:(?<!\\s)\\s+)?[,;]\\s*(?=(?:${ANNOTATION_KEYS})\\s*:)`, 'i');

/** The longest task text whose continuation lines are still searched for annotations. */
const MAX_ANNOTATED_TASK = 10_000;

/** Reads `(owner: X, due: D, priority: P, issue: #123)` style annotations from the end of a task. */
export function readAnnotations(text: string): { text: string; owner: string | null; due: string | null; priority: string | null; issue: string | null } {
  let owner: string | null = null;
  let issue: string | null = null;
  let due: string | null = null;
  let priority: string | null = null;
  let rest = text;
  const group = ANNOTATION_GROUP.exec(rest);
  if (group) {
    for (const part of (group[1] as string).split(ANNOTATION_SEPARATOR)) {
      const pair = /^(\w+)\s*:(.*)$/s.exec(part);
      if (!pair) continue;
      const key = (pair[1] as string).toLowerCase();
      const value = (pair[2] as string).trim() || null;
      if (key === 'owner' || key === 'assignee' || key === 'who') owner = value;
      else if (key === 'due' || key === 'deadline' || key === 'by') due = value;
      else if (ISSUE_KEYS.has(key)) issue = value;
      else priority = value;
    }
    rest = rest.slice(0, group.index);
  }
  if (due) {
    const date = findDate(due);
    if (date?.hasYear && date.written.trim() === due.trim()) due = date.date;
  }
  return { text: rest.trim(), owner, due, priority, issue };
}

/** Whether a Done/Status cell of an action items table says done (`[x]` too: a checkbox column). */
export function isDoneValue(value: string): boolean {
  return /^(?:done|yes|y|true|complete|completed|closed|fixed|resolved|finished|x|\[[xX]\]|✅|✔️?|☑️?)$/i.test(value.trim());
}

/** A table header as compared with the column names below: lower case, no emphasis. */
export function normalizeTableHeader(header: string): string {
  return header.toLowerCase().replace(/[*_]/g, '').trim();
}

/** The header of the column that says whether an action item is done. */
export const DONE_COLUMN_HEADER = /^(?:done|status|state|complete|completed)$/;

/** A task from an item's text; a checkbox sets done. */
function taskFrom(text: string, done: boolean, line: number): CorrectiveTask {
  const annotated = readAnnotations(text);
  return { text: annotated.text, owner: annotated.owner, due: annotated.due, priority: annotated.priority, issue: annotated.issue, done, line };
}

const ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[([ xX])\]\s+)?([\s\S]*)$/;

/** Reads the measures of a corrective actions section. `heading` decides where unlabelled lists go. */
export function parseCorrectiveActions(lines: readonly SourceLine[], heading: string): CorrectiveActions {
  const result: CorrectiveActions = { improvements: [], tasks: [] };
  const defaultBucket: Bucket = /\b(?:tasks?|action items?|follow[- ]?ups?|next steps|to-?dos?|remediation items)\b/i.test(heading) ? 'tasks' : 'improvements';
  let bucket: Bucket = defaultBucket;
  // A label item ("- Tasks:") owns the items nested under it.
  let labelDepth: number | null = null;
  let open: { kind: Bucket; index: number; depth: number } | null = null;
  let previousBlank = false;

  const add = (kind: Bucket, text: string, done: boolean | null, line: SourceLine, depth: number): void => {
    const annotated = readAnnotations(text);
    const target: Bucket = done !== null || annotated.owner || annotated.due ? 'tasks' : kind;
    if (target === 'tasks') {
      result.tasks.push(taskFrom(text, done ?? false, line.number));
      open = { kind: 'tasks', index: result.tasks.length - 1, depth };
    } else {
      result.improvements.push(text.trim());
      open = { kind: 'improvements', index: result.improvements.length - 1, depth };
    }
  };
  const extend = (text: string, separator: string): void => {
    if (!open) return;
    if (open.kind === 'tasks') {
      const task = result.tasks[open.index] as CorrectiveTask;
      // Annotations close a task of a sentence or two. Reading them again over the whole text at
      // each continuation line was quadratic on a task of thousands of lines; past this length
      // the lines are only added.
      if (task.text.length > MAX_ANNOTATED_TASK) {
        task.text += `${separator}${text}`.trimEnd();
        return;
      }
      const merged = readAnnotations(`${task.text}${separator}${text}`);
      task.text = merged.text;
      task.owner ??= merged.owner;
      task.due ??= merged.due;
      task.priority ??= merged.priority;
      task.issue ??= merged.issue;
    } else {
      result.improvements[open.index] = `${result.improvements[open.index]}${separator}${text}`;
    }
  };

  const listLike = listLikeParagraphLines(lines);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as SourceLine;
    if (line.kind === 'blank') {
      previousBlank = true;
      continue;
    }
    if (line.kind === 'table') {
      const block = tableBlockAt(lines, index);
      index += block.length - 1;
      readTaskTable(block, result);
      open = null;
      previousBlank = false;
      continue;
    }
    if (line.kind !== 'text' && line.kind !== 'heading') {
      previousBlank = false;
      continue;
    }
    const item = line.listItemDepth !== undefined ? ITEM.exec(line.text) : null;
    const content = item ? (item[2] as string) : line.text.trim();
    const depth = line.listItemDepth ?? 0;
    const label = labelOf(line, content);
    const labelBucket = label ? bucketOf(label) : null;
    if (label && (labelBucket || !item)) {
      if (labelBucket) bucket = labelBucket;
      labelDepth = item ? depth : null;
      open = null;
      previousBlank = false;
      continue;
    }
    if (item) {
      if (labelDepth !== null && depth <= labelDepth) {
        labelDepth = null;
        bucket = defaultBucket;
      }
      const currentOpen = open as { kind: Bucket; index: number; depth: number } | null;
      if (currentOpen && depth > currentOpen.depth) {
        extend(`- ${content}`, `\n${'  '.repeat(depth - currentOpen.depth - 1)}`);
      } else {
        const box = item[1];
        add(bucket, content, box === undefined ? null : box.toLowerCase() === 'x', line, depth);
      }
    } else if (listLike.has(line)) {
      // One measure a line, without list markers (or with "-" and no space, which Markdown does not read as a list).
      add(bucket, content.replace(/^[-*+•]\s*/, ''), null, line, 0);
    } else if (open && !previousBlank) {
      extend(content, ' ');
    } else if (labelDepth === null && bucket !== defaultBucket && !previousBlank) {
      // Plain lines right under a label ("Tasks:" then one task per line, no bullets).
      add(bucket, content, null, line, 0);
    } else {
      open = null;
    }
    previousBlank = false;
  }
  return result;
}

function readTaskTable(block: readonly SourceLine[], result: CorrectiveActions): void {
  const table = parseTable(block);
  if (!table) return;
  const headers = table.headers.map(normalizeTableHeader);
  const find = (pattern: RegExp): number => headers.findIndex((header) => pattern.test(header));
  let textColumn = find(/^(?:action items?|actions?|tasks?|items?|description|what|follow[- ]?ups?|todo|to-do|measure|improvement|title)$/);
  if (textColumn < 0) textColumn = 0;
  const ownerColumn = find(/^(?:owners?|assignees?|who|responsible|team)$/);
  const dueColumn = find(/^(?:due|due date|deadline|date|by|eta|target)$/);
  const priorityColumn = find(/^(?:priority|pri|p)$/);
  const issueColumn = find(/^(?:issues?|tickets?|tracker|tracking|jira|links?|refs?|references?)$/);
  const doneColumn = find(DONE_COLUMN_HEADER);
  const typeColumn = find(/^(?:type|kind|category)$/);
  for (const row of table.rows) {
    const cell = (column: number): string | null => (column >= 0 ? (row.cells[column] ?? '').trim() || null : null);
    const text = cell(textColumn);
    if (!text) continue;
    if (typeColumn >= 0 && /^improvements?$/i.test(cell(typeColumn) ?? '')) {
      result.improvements.push(text);
      continue;
    }
    const annotated = readAnnotations(text);
    const dueText = cell(dueColumn);
    const dueDate = dueText ? findDate(dueText) : null;
    result.tasks.push({
      text: annotated.text,
      owner: cell(ownerColumn) ?? annotated.owner,
      due: dueText ? (dueDate?.hasYear && dueDate.written.trim() === dueText ? dueDate.date : dueText) : annotated.due,
      priority: cell(priorityColumn) ?? annotated.priority,
      issue: cell(issueColumn) ?? annotated.issue,
      done: doneColumn >= 0 ? isDoneValue(cell(doneColumn) ?? '') : false,
      line: row.line.number,
    });
  }
}

/**
 * Lines of paragraphs that are really lists written without Markdown list syntax: two or more
 * lines that each start with a dash, or that each end a sentence (wrapped prose breaks
 * lines mid-sentence, so it does not qualify).
 */
function listLikeParagraphLines(lines: readonly SourceLine[]): Set<SourceLine> {
  const result = new Set<SourceLine>();
  let paragraph: SourceLine[] = [];
  const flush = (): void => {
    const texts = paragraph.map((line) => line.text.trim());
    const dashed = texts.filter((text) => /^[-*•]\s*\S/.test(text)).length;
    const sentences = texts.every((text) => /^[A-Z0-9"'(]/.test(text) && /[.!?)]$/.test(text));
    if (dashed >= 1 && dashed >= texts.length - 1) {
      for (const line of paragraph) if (/^[-*•]\s*\S/.test(line.text.trim())) result.add(line);
    } else if (paragraph.length >= 2 && sentences) {
      for (const line of paragraph) result.add(line);
    }
    paragraph = [];
  };
  for (const line of lines) {
    if (line.kind === 'text' && line.listItemDepth === undefined && !line.inList) paragraph.push(line);
    else flush();
  }
  flush();
  return result;
}
