/**
 * Property: ticking any one open task of a generated postmortem changes only the bytes of that
 * task's marker (the checkbox, the place after a list marker, or the Done cell of its row),
 * and the file then reads the same except for that task being done.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../parse/parse-postmortem.js';
import { tickActionItem } from './tick-action.js';

/** A line of the generated document, and for a task the part of it that ticking may change. */
interface GeneratedLine {
  text: string;
  task?: { done: boolean; start: number; end: number };
}

const word = fc.constantFrom('Raise', 'the', 'pool', 'size', 'alert', 'on', 'saturation', 'runbook', 'for', 'DNS', 'canary', '`retry|limit`', '**soon**', 'naïve', '漢字', 'a-b');
const taskText = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 5 }), fc.option(fc.constantFrom('(owner: Ana)', '(owner: Bo, due: 2026-04-01)', '(due: next sprint, issue: #12)', '(owner: Cy, due: 2026-10-01, priority: P2)'), { nil: undefined }))
  .map(([words, annotation]) => `${['Fix', ...words].join(' ')}${annotation ? ` ${annotation}` : ''}`);

/** A top-level list item task: marker, the space after it, an optional checkbox. */
const listTask = fc
  .record({
    marker: fc.constantFrom('-', '*', '+', '1.', '1)'),
    space: fc.constantFrom(' ', '  ', '\t'),
    box: fc.constantFrom(' ', 'x', 'X', null),
    text: taskText,
    trailing: fc.constantFrom('', ' ', '\t'),
  })
  .map(({ marker, space, box, text, trailing }): GeneratedLine => {
    const markerEnd = marker.length + space.length;
    if (box === null) return { text: `${marker}${space}${text}${trailing}`, task: { done: false, start: markerEnd, end: markerEnd } };
    return { text: `${marker}${space}[${box}] ${text}${trailing}`, task: { done: box !== ' ', start: markerEnd, end: markerEnd + 3 } };
  });

const DONE_STYLES: ReadonlyArray<[string, string]> = [['no', 'yes'], ['No', 'Yes'], ['[ ]', '[x]'], ['Open', 'Done'], ['❌', '✅'], ['', 'yes']];

/** An action items table with a Done column in one style, padded or not. */
const taskTable = fc
  .record({
    style: fc.constantFrom(...DONE_STYLES),
    header: fc.constantFrom('Done', 'Status', '**Done**'),
    padded: fc.boolean(),
    outerPipes: fc.boolean(),
    rows: fc.array(fc.record({ text: fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' ').replaceAll('|', '\\|')), owner: fc.constantFrom('Ana', 'Bo', ''), done: fc.boolean() }), { minLength: 1, maxLength: 4 }),
  })
  .map(({ style: chosen, header, padded, outerPipes, rows }): GeneratedLine[] => {
    // Without outer pipes an empty last cell cannot be written: "a | b |" is two cells, as GFM reads it.
    const style = chosen[0] === '' && !outerPipes ? (DONE_STYLES[0] as [string, string]) : chosen;
    const pad = (cell: string, width: number): string => (padded ? ` ${cell}${' '.repeat(Math.max(0, width - [...cell].length))} ` : ` ${cell} `);
    const row = (cells: string[]): { text: string; doneStart: number; doneEnd: number } => {
      const parts = cells.map((cell) => pad(cell, 8));
      const prefix = outerPipes ? '|' : '';
      const before = `${prefix}${parts.slice(0, 2).join('|')}|`;
      return { text: `${before}${parts[2]}${outerPipes ? '|' : ''}`, doneStart: before.length, doneEnd: before.length + (parts[2] as string).length };
    };
    const lines: GeneratedLine[] = [{ text: row(['Task', 'Owner', header]).text }, { text: row(['---', '---', '---']).text }];
    for (const { text, owner, done } of rows) {
      const generated = row([`Fix ${text}`, owner, done ? style[1] : style[0]]);
      lines.push({ text: generated.text, task: { done, start: generated.doneStart, end: generated.doneEnd } });
    }
    return lines;
  });

const FRONT_MATTER = [
  null,
  ['---', 'title: "Pool: exhausted"', 'date: 2026-03-14', '---'],
  ['---', '# a comment the author keeps', "title: 'It''s the pool'", 'services: [ checkout-api,  "payments" ]', 'severity:   SEV2   # trailing comment', '---'],
  ['---', 'tags:', '  - >-', '    folded', '    tag', 'reviewers: []', '---'],
];

const document = fc.record({
  bom: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n'),
  finalNewline: fc.boolean(),
  frontMatter: fc.constantFrom(...FRONT_MATTER),
  tasks: fc.array(listTask, { minLength: 0, maxLength: 6 }),
  table: fc.option(taskTable, { nil: undefined }),
  comment: fc.boolean(),
  after: fc.boolean(),
});

function build({ bom, eol, finalNewline, frontMatter, tasks, table, comment, after }: typeof document extends fc.Arbitrary<infer T> ? T : never): { text: string; lines: GeneratedLine[]; offset: number } {
  const lines: GeneratedLine[] = [];
  for (const line of frontMatter ?? []) lines.push({ text: line });
  lines.push({ text: '# Checkout outage postmortem' }, { text: '' }, { text: '## Action Items' }, { text: '' });
  if (comment) lines.push({ text: '<!-- tick these | when done -->' }, { text: '' });
  lines.push(...tasks);
  if (table) lines.push({ text: '' }, ...table);
  if (after) lines.push({ text: '' }, { text: '## Lessons Learned' }, { text: '' }, { text: 'Watch the pool.\t ' });
  const text = `${bom ? '\uFEFF' : ''}${lines.map((line) => line.text).join(eol)}${finalNewline ? eol : ''}`;
  return { text, lines, offset: bom ? 1 : 0 };
}

/** Where a line of the generated text starts. */
function lineStart(text: string, line: number, offset: number): number {
  let start = offset;
  for (let current = 1; current < line; current++) start = text.indexOf('\n', start) + 1;
  return start;
}

describe('tickActionItem (property)', () => {
  it('changes only the marker of the task ticked, and the file then reads the same but for that task', () => {
    fc.assert(
      fc.property(document, fc.nat(), (generated, pick) => {
        const { text, lines, offset } = build(generated);
        const before = parsePostmortem(text);
        const taskLines = lines.flatMap((line, index) => (line.task ? [index + 1] : []));
        // Every generated task is read as one, where it was written and as done as it was written.
        expect(before.correctiveActions.tasks.map((task) => [task.line, task.done])).toEqual(taskLines.map((number) => [number, (lines[number - 1] as GeneratedLine).task?.done]));
        fc.pre(taskLines.length > 0);
        const number = taskLines[pick % taskLines.length] as number;
        const marker = (lines[number - 1] as GeneratedLine).task as NonNullable<GeneratedLine['task']>;
        const result = tickActionItem(text, number);
        if (marker.done) {
          expect(result.status).toBe('already-done');
          return;
        }
        if (result.status !== 'ticked') throw new Error('expected a tick');
        const after = result.text;
        let prefix = 0;
        while (prefix < text.length && prefix < after.length && text[prefix] === after[prefix]) prefix++;
        let suffix = 0;
        while (suffix < Math.min(text.length, after.length) - prefix && text[text.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
        const start = lineStart(text, number, offset);
        expect(prefix).toBeGreaterThanOrEqual(start + marker.start);
        expect(text.length - suffix).toBeLessThanOrEqual(start + marker.end);
        const ticked = parsePostmortem(after);
        expect(ticked.correctiveActions.tasks.map((task) => [task.line, task.done])).toEqual(
          before.correctiveActions.tasks.map((task) => [task.line, task.line === number ? true : task.done]),
        );
        const { tasks: afterTasks, ...afterRest } = ticked.correctiveActions;
        const { tasks: beforeTasks, ...beforeRest } = before.correctiveActions;
        expect(afterRest).toEqual(beforeRest);
        expect(afterTasks.map(({ done: _done, ...task }) => task)).toEqual(beforeTasks.map(({ done: _done, ...task }) => task));
        expect({ ...ticked, correctiveActions: null }).toEqual({ ...before, correctiveActions: null });
      }),
      { numRuns: 300 },
    );
  });
});
