// Property: for generated front matter (comments, the three quoting styles, flow and block
// lists, empty values, CRLF, a byte order mark) and any body, an edit changes only the edited
// value's bytes or adds bytes at one place, and the parser reads back exactly the values asked for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editFrontMatter } from '../../src/edit/front-matter-editor.js';
import { splitFrontMatter } from '../../src/parse/front-matter.js';

type Style = 'plain' | 'single' | 'double';

/** Names a plain scalar can hold and YAML reads back as the same string. */
const PLAIN_NAMES = ['Ann', 'Bo Chen', 'checkout-api', 'SEV2', 'draft', 'in-review', "Dana O'Neil", 'v1.2', 'db', 'Zoë', 'final'];
/** Values that need quotes somewhere: YAML indicators, words YAML reads as other types, commas, quotes, tabs. */
const TRICKY = ['a: b', '#1', 'true', '12', 'null', 'x, y', '[x]', ' lead', 'it\'s "q"', '- dash', '@at', 'tab\there', '', 'yes', '~', 'a # b', '{x}', 'Lee, Dana'];
/** Values a plain scalar can hold outside [ ] only: a comma would split a flow list. */
const PLAIN_OUTSIDE_LISTS = ['x, y', 'Lee, Dana'];
const OTHER_KEYS = ['title', 'severity', 'authors', 'services', 'tags', 'date', 'team', 'region', 'timezone'];

function write(value: string, style: Style): string {
  if (style === 'plain') return value;
  if (style === 'single') return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

const style = fc.constantFrom<Style>('plain', 'single', 'double');
/** A value written in a style that can hold it: plain only for plain-safe names. */
const writtenValue = fc.oneof(
  fc.constantFrom(...PLAIN_NAMES).chain((value) => style.map((chosen) => ({ value, text: write(value, chosen), style: chosen }))),
  fc.constantFrom(...TRICKY).chain((value) => fc.constantFrom<Style>('single', 'double').map((chosen) => ({ value, text: write(value, chosen), style: chosen }))),
);
const comment = fc.constantFrom('', ' # note', '   # a: b, "x" [y]', '\t# tabbed');
const gap = fc.constantFrom(' ', '  ', '    ');

/** The value part of a `key:` line and any lines below it, with the list's items. */
type ValueShape =
  | { kind: 'scalar'; text: string; value: string; style: Style; gap: string; comment: string }
  | { kind: 'empty'; comment: string }
  | { kind: 'flow'; items: Array<{ text: string; value: string }>; padding: string; comment: string }
  | { kind: 'block'; items: Array<{ text: string; value: string; comment: string }>; indent: string; spacing: string; comment: string };

const scalarShape = fc.record({ kind: fc.constant('scalar' as const), written: writtenValue, gap, comment }).map(({ written, ...rest }) => ({ ...rest, ...written }));
const emptyShape = fc.record({ kind: fc.constant('empty' as const), comment });
const flowShape = fc.record({
  kind: fc.constant('flow' as const),
  items: fc.array(writtenValue.filter((item) => item.style !== 'plain' || !/[,[\]{}]/.test(item.value)), { maxLength: 4 }),
  padding: fc.constantFrom('', ' '),
  comment,
});
const blockShape = fc.record({
  kind: fc.constant('block' as const),
  items: fc.array(fc.record({ written: writtenValue, comment }).map(({ written, comment: itemComment }) => ({ ...written, comment: itemComment })), { minLength: 1, maxLength: 4 }),
  indent: fc.constantFrom('', '  ', '    '),
  spacing: fc.constantFrom(' ', '   '),
  comment,
});

function entryLines(key: string, shape: ValueShape): string[] {
  switch (shape.kind) {
    case 'scalar':
      return [`${key}:${shape.gap}${shape.text}${shape.comment}`];
    case 'empty':
      return [`${key}:${shape.comment}`];
    case 'flow':
      return [`${key}: [${shape.padding}${shape.items.map((item) => item.text).join(', ')}${shape.padding}]${shape.comment}`];
    case 'block':
      return [`${key}:${shape.comment}`, ...shape.items.map((item) => `${shape.indent}-${shape.spacing}${item.text}${item.comment}`)];
  }
}

const filler = fc.array(fc.constantFrom('', '# a comment line', '# keys: [not, a, list]'), { maxLength: 2 });
const otherEntry = fc.record({ key: fc.constantFrom(...OTHER_KEYS), shape: fc.oneof(scalarShape, emptyShape, flowShape, blockShape), before: filler });

/** A front matter around one target key, with the target at a chosen place (or absent). */
const document = <T extends ValueShape>(target: fc.Arbitrary<T | null>) =>
  fc.record({
    others: fc.uniqueArray(otherEntry, { selector: (entry) => entry.key, maxLength: 5 }),
    target,
    position: fc.nat(),
    trailing: filler,
    crlf: fc.boolean(),
    bom: fc.boolean(),
    body: fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom('a', ' ', '-', '#', ':', '\n', '\r\n', '---', '\uFEFF', 'é') }), fc.constantFrom('', '# Title\n\n---\n\nText\n', 'status: not front matter\n')),
    finalBreak: fc.boolean(),
  });

interface Built {
  text: string;
  /** Offset (in `text`) of the target key's line, or -1 when absent. */
  targetLine: number;
  /** Offset of the end of the YAML: the start of the closing `---` line. */
  yamlEnd: number;
  eol: string;
}

function build(key: string, generated: { others: Array<{ key: string; shape: ValueShape; before: string[] }>; target: ValueShape | null; position: number; trailing: string[]; crlf: boolean; bom: boolean; body: string; finalBreak: boolean }): Built {
  const eol = generated.crlf ? '\r\n' : '\n';
  const entries = generated.others.map((entry) => ({ before: entry.before, lines: entryLines(entry.key, entry.shape), target: false }));
  if (generated.target) entries.splice(generated.position % (entries.length + 1), 0, { before: [], lines: entryLines(key, generated.target), target: true });
  const bom = generated.bom ? '\uFEFF' : '';
  let text = `${bom}---${eol}`;
  let targetLine = -1;
  for (const entry of entries) {
    for (const line of entry.before) text += line + eol;
    if (entry.target) targetLine = text.length;
    for (const line of entry.lines) text += line + eol;
  }
  for (const line of generated.trailing) text += line + eol;
  const yamlEnd = text.length;
  text += '---';
  if (generated.body !== '' || generated.finalBreak) text += eol + generated.body;
  return { text, targetLine, yamlEnd, eol };
}

/** The result is the original with `original.slice(start, end)` replaced: returns the replacement. */
function replacementAt(original: string, result: string, start: number, end: number): string {
  expect(result.startsWith(original.slice(0, start))).toBe(true);
  expect(result.endsWith(original.slice(end))).toBe(true);
  return result.slice(start, result.length - (original.length - end));
}

function readBack(text: string): { data: Record<string, unknown> | null; body: string } {
  const { data, body } = splitFrontMatter(text.replace(/^\uFEFF/, ''));
  return { data, body };
}

const RUNS = { numRuns: 400 };

describe('front matter edits, on generated files', () => {
  it('setting a value changes only that value (or adds one line), and reads back as set', () => {
    const target = fc.option(fc.oneof(scalarShape, emptyShape), { nil: null });
    const newValue = fc.constantFrom(...PLAIN_NAMES, ...TRICKY);
    fc.assert(
      fc.property(document(target), newValue, (generated, value) => {
        const built = build('status', generated);
        const before = readBack(built.text);
        const result = editFrontMatter(built.text, [{ op: 'set', key: 'status', value }]);
        const after = readBack(result);
        expect(after.data).toEqual({ ...before.data, status: value });
        expect(after.body).toBe(before.body);

        const shape = generated.target;
        const keyEnd = built.targetLine + 'status:'.length;
        if (shape === null) {
          const added = replacementAt(built.text, result, built.yamlEnd, built.yamlEnd);
          expect(added).toMatch(new RegExp(`^status: [^\\r\\n]+${built.eol}$`));
        } else if (shape.kind === 'scalar') {
          const start = keyEnd + shape.gap.length;
          const written = replacementAt(built.text, result, start, start + shape.text.length);
          // The style is kept when it can hold the new value.
          const keeps = shape.style === 'plain' ? PLAIN_NAMES.includes(value) || PLAIN_OUTSIDE_LISTS.includes(value) : shape.style === 'single' ? !/[\r\n]/.test(value) : true;
          if (keeps) expect(written).toBe(write(value, shape.style));
          else expect(written.startsWith('"')).toBe(true);
        } else {
          // Typed in after `status:`, before any comment on the line.
          const insertedAt = shape.comment === '' ? keyEnd : built.text.indexOf('#', keyEnd);
          const candidates = [keyEnd, insertedAt];
          const fits = candidates.some((at) => result.startsWith(built.text.slice(0, at)) && result.endsWith(built.text.slice(at)));
          expect(fits).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('appending to a list adds bytes at one place only, and reads back with the items at the end', () => {
    const target = fc.option(fc.oneof(emptyShape, flowShape, blockShape), { nil: null });
    const items = fc.array(fc.constantFrom(...PLAIN_NAMES, ...TRICKY), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(document(target), items, (generated, added) => {
        const built = build('reviewers', generated);
        const before = readBack(built.text);
        const result = editFrontMatter(built.text, [{ op: 'append', key: 'reviewers', items: added }]);
        const after = readBack(result);
        const previous = before.data?.['reviewers'];
        expect(after.data).toEqual({ ...before.data, reviewers: [...(Array.isArray(previous) ? previous : []), ...added] });
        expect(after.body).toBe(before.body);
        expect(result.length).toBeGreaterThan(built.text.length);

        const shape = generated.target;
        const keyEnd = built.targetLine + 'reviewers:'.length;
        let at: number;
        if (shape === null) at = built.yamlEnd;
        else if (shape.kind === 'flow') {
          const open = built.text.indexOf('[', keyEnd) + 1;
          at = shape.items.length === 0 ? open : open + shape.padding.length + shape.items.map((item) => item.text).join(', ').length;
        } else if (shape.kind === 'block') {
          const lines = entryLines('reviewers', shape);
          at = built.targetLine + lines.reduce((length, line) => length + line.length + built.eol.length, 0);
        } else {
          at = shape.comment === '' ? keyEnd : built.text.indexOf('#', keyEnd);
          if (!(result.startsWith(built.text.slice(0, at)) && result.endsWith(built.text.slice(at)))) at = keyEnd;
        }
        const inserted = replacementAt(built.text, result, at, at);
        if (shape?.kind === 'block') {
          const lines = inserted.split(built.eol);
          expect(lines.pop()).toBe('');
          for (const line of lines) expect(line.startsWith(`${shape.indent}-${shape.spacing}`)).toBe(true);
        }
        if (shape?.kind === 'flow' && shape.items.length > 0) expect(inserted.startsWith(', ')).toBe(true);
        // Nothing added holds a line break of the other kind: a CRLF file stays CRLF.
        expect(inserted.replace(/\r\n/g, '').includes(built.eol === '\r\n' ? '\n' : '\r')).toBe(false);
      }),
      RUNS,
    );
  });
});
