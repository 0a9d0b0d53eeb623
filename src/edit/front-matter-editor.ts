/**
 * Editing a Markdown file's YAML front matter in place, as a person would: the new value is
 * typed over the old one and nothing else moves. Comments, key order, indentation, the
 * quoting of the value edited, flow (`[A, B]`) or block (`- A`) lists, line endings, a byte
 * order mark and the body all stay byte for byte as they were.
 *
 * The `yaml` package's parser gives each node its source range (`[start, value-end,
 * node-end]`, with `keepSourceTokens` the CST tokens too), so an edit is a splice of the
 * file's text at those offsets rather than a re-serialised document, which would re-quote,
 * re-indent and drop comments. After the splices the whole file is read again with the same
 * front matter reader the parser uses (src/parse/front-matter.ts), and the result must hold
 * exactly the values asked for and the same body; anything else is a bug and nothing is
 * returned.
 */
import { isDeepStrictEqual } from 'node:util';
import { load as loadYaml } from 'js-yaml';
import { isAlias, isMap, isScalar, isSeq, parse as parseYaml, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq, type Scalar } from 'yaml';
import { PostmortemError } from '../model/errors.js';
import { splitFrontMatter } from '../parse/front-matter.js';

/** One change to a front matter: set a key to a string, or add strings to the end of a list. */
export type FrontMatterEdit =
  | {
      /** Set `key` to `value`, adding the key at the end of the front matter when it is absent. */
      op: 'set';
      key: string;
      value: string;
    }
  | {
      /** Add `items` to the end of the list under `key` (a new list when the key is absent or empty). */
      op: 'append';
      key: string;
      items: readonly string[];
    };

/** Options for {@link editFrontMatter} and {@link frontMatterKeys}. */
export interface FrontMatterEditOptions {
  /** The file, as error messages name it. */
  filePath?: string | null;
}

/** What a front matter key holds, as {@link frontMatterKeys} reports it. */
export type FrontMatterValueKind = 'scalar' | 'list' | 'mapping' | 'empty' | 'alias';

/** A top-level key of a front matter and where it is. */
export interface FrontMatterKey {
  /** The key as YAML reads it. */
  key: string;
  /** 1-based file line of the key. */
  line: number;
  /** What its value is: a single value, a list, a mapping, nothing (`key:` or `key: null`), or an alias (`*name`). */
  kind: FrontMatterValueKind;
}

/** How a string is written in YAML: the styles this editor writes. */
type ScalarStyle = 'plain' | 'single' | 'double';

/** A front matter located in a file's text (without its byte order mark). */
interface LocatedFrontMatter {
  /** Offset of the YAML, after the opening `---` line. */
  start: number;
  /** Offset just past the YAML: the start of the closing `---` line. */
  end: number;
  /** The line break the file uses. */
  eol: string;
}

/** A splice of the text. */
interface Splice {
  start: number;
  end: number;
  text: string;
}

const BOM = '\uFEFF';
const OPENING_LINE = /^---([^\n]*)\r?\n/;
const CLOSING_LINE = /\n---[ \t]*(?:\r?\n|$)/;
/** Characters a plain scalar written by this editor may hold; anything else is quoted. */
const PLAIN_SAFE = /^[\p{L}\p{N}_./()+][\p{L}\p{N}_./()+@', -]*$/u;
/** Characters that are escaped in a double-quoted scalar (and so rule out single quotes). */
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]/u;
const UNPRINTABLE_ALL = new RegExp(UNPRINTABLE.source, 'gu');
const LINE_BREAK = /[\r\n]/;

function lineBreakOf(text: string): string {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}

/** 1-based line of `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line += 1;
  return line;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * Finds the front matter as the parser does (gray-matter: from the opening `---` line to the
 * first line that starts with `---`), or null when the text has none. A front matter the
 * parser refuses (another language, no closing line) throws the parser's own error.
 */
function locateFrontMatter(text: string, filePath: string | null): LocatedFrontMatter | null {
  const opening = OPENING_LINE.exec(text);
  if (!opening) return null;
  const language = (opening[1] ?? '').trim().toLowerCase();
  const closing = text.indexOf('\n---', 3);
  if ((language !== '' && language !== 'yaml' && language !== 'yml') || closing === -1 || !CLOSING_LINE.test(text.slice(opening[0].length - 1))) {
    splitFrontMatter(text, filePath);
    throw new PostmortemError('front matter that cannot be read', { filePath, line: 1 });
  }
  const start = opening[0].length;
  return { start, end: Math.max(start, closing + 1), eol: opening[0].endsWith('\r\n') ? '\r\n' : '\n' };
}

/** A parsed front matter: its YAML text, the document, and how to turn offsets into file lines. */
interface ParsedFrontMatter {
  located: LocatedFrontMatter;
  yaml: string;
  map: YAMLMap | null;
  /** File line of an offset in `yaml`. */
  lineOf: (offset: number) => number;
}

/**
 * Parses the front matter with source ranges and refuses what cannot be edited safely:
 * invalid YAML, a key written twice, a document that is not a mapping, and anything the
 * parser's own reader (js-yaml) would refuse.
 */
function parseFrontMatter(text: string, located: LocatedFrontMatter, filePath: string | null): ParsedFrontMatter {
  const yaml = text.slice(located.start, located.end);
  const lineOf = (offset: number): number => lineAt(yaml, offset) + 1;
  const document = parseDocument(yaml, { keepSourceTokens: true, uniqueKeys: true, prettyErrors: false, version: '1.2' });
  const [error] = document.errors;
  if (error) {
    const line = lineOf(error.pos[0]);
    if (error.code === 'DUPLICATE_KEY' && isMap(document.contents)) {
      // Which key, and where both are: the mapping still holds every pair as written.
      const pairs = document.contents.items;
      const duplicate = pairs.find((pair, index) => pairs.slice(0, index).some((earlier) => isDeepStrictEqual(earlier.key?.toJSON?.() ?? earlier.key, pair.key?.toJSON?.() ?? pair.key)));
      const name = duplicate ? keyOf(duplicate) : null;
      const first = name === null ? undefined : pairs.find((pair) => keyOf(pair) === name);
      const lines = first && duplicate ? ` (lines ${lineOf((first.key as Node).range?.[0] ?? 0)} and ${lineOf((duplicate.key as Node).range?.[0] ?? 0)})` : '';
      throw new PostmortemError(`the front matter has the key ${name === null ? '' : `"${name}" `}twice${lines}; remove one of them`, { filePath, line: duplicate ? lineOf((duplicate.key as Node).range?.[0] ?? 0) : line });
    }
    // The parser's reader says it as lint's front-matter rule does, at the same line; only what it accepts is reported here.
    splitFrontMatter(text, filePath);
    throw new PostmortemError(`invalid YAML front matter: ${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`, { filePath, line });
  }
  const contents = document.contents;
  if (contents !== null && !isMap(contents)) {
    throw new PostmortemError('front matter must be a YAML mapping of keys to values', { filePath, line: lineOf(contents.range?.[0] ?? 0) });
  }
  // The parser reads front matter with js-yaml: whatever it refuses, this refuses with its message.
  splitFrontMatter(text, filePath);
  return { located, yaml, map: contents, lineOf };
}

function keyOf(pair: Pair): string | null {
  return isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : null;
}

function findPair(map: YAMLMap | null, key: string): Pair | null {
  return (map?.items.find((pair) => keyOf(pair) === key) as Pair | undefined) ?? null;
}

function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || (isScalar(value) && (value.value === null || value.value === undefined));
}

function kindOf(value: unknown): FrontMatterValueKind {
  if (isEmptyValue(value)) return 'empty';
  if (isAlias(value)) return 'alias';
  if (isSeq(value)) return 'list';
  if (isMap(value)) return 'mapping';
  return 'scalar';
}

function styleOfToken(node: Scalar): ScalarStyle | null {
  switch (node.srcToken?.type) {
    case 'scalar':
      return 'plain';
    case 'single-quoted-scalar':
      return 'single';
    case 'double-quoted-scalar':
      return 'double';
    default:
      return null;
  }
}

/** Whether `value` may be written as a plain scalar and read back as the same string, by both YAML readers in use. */
function plainIsSafe(value: string): boolean {
  if (!PLAIN_SAFE.test(value) || value.endsWith(' ') || value.includes('  ')) return false;
  try {
    // YAML 1.1 readers too (other tools read the same files) must not see a boolean, a number
    // or null (`yes`, `off`, `1_000`); a date they read as a date is still the same day.
    const yaml11 = parseYaml(value, { version: '1.1' }) as unknown;
    return parseYaml(value, { version: '1.2' }) === value && loadYaml(value) === value && (yaml11 === value || yaml11 instanceof Date);
  } catch {
    return false;
  }
}

function doubleQuoted(value: string): string {
  // JSON's escapes are a subset of YAML's double-quoted ones; the rest of the unprintable set is escaped as \u.
  return JSON.stringify(value).replace(UNPRINTABLE_ALL, (character) => `\\u${(character.codePointAt(0) as number).toString(16).padStart(4, '0')}`);
}

/** `value` in `style` when that style can hold it safely, else double-quoted. */
function formatScalar(value: string, style: ScalarStyle): string {
  if (style === 'plain' && plainIsSafe(value)) return value;
  if (style === 'single' && !LINE_BREAK.test(value) && !UNPRINTABLE.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return doubleQuoted(value);
}

function formatKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) && plainIsSafe(key) ? key : doubleQuoted(key);
}

/** The style most of these scalars are written in (double-quoted when tied or none). */
function prevailingStyle(nodes: readonly unknown[]): ScalarStyle {
  const counts: Record<ScalarStyle, number> = { plain: 0, single: 0, double: 0 };
  for (const node of nodes) {
    if (!isScalar(node) || typeof node.value !== 'string') continue;
    const style = styleOfToken(node);
    if (style) counts[style] += 1;
  }
  const best = Math.max(counts.plain, counts.single, counts.double);
  if (best === 0 || counts.double === best) return 'double';
  return counts.single === best ? 'single' : 'plain';
}

/** Every scalar value in the front matter (top-level values and list items), for its prevailing style. */
function valueScalars(map: YAMLMap | null): unknown[] {
  const scalars: unknown[] = [];
  for (const pair of map?.items ?? []) {
    // A loop, not push(...): a list can hold more items than a call has room for arguments.
    if (isSeq(pair.value)) for (const item of pair.value.items) scalars.push(item);
    else scalars.push(pair.value);
  }
  return scalars;
}

/** The tag as written (`!!str`) where the CST has it, else as resolved. */
function writtenTag(node: Node, parsed: ParsedFrontMatter): string {
  const [start] = node.range ?? [0];
  const before = parsed.yaml.slice(lineStartOf(parsed.yaml, start), start);
  // The last words before the node: `!tag` or `!tag &anchor` (words, not a regex: the line is the user's, and a pattern over it backtracked).
  const words = before.trimEnd().split(/\s+/);
  const last = words.at(-1) ?? '';
  const tagWord = last.startsWith('&') ? words.at(-2) : last;
  return (tagWord?.startsWith('!') ? tagWord : undefined) ?? node.tag ?? '';
}

/** An alias, anchor or tag on the edited key or its value: editing the text under it could change what other nodes mean. */
function refuseProperties(pair: Pair, key: string, parsed: ParsedFrontMatter, filePath: string | null): void {
  const line = parsed.lineOf((pair.key as Node).range?.[0] ?? 0);
  const nodes: unknown[] = [pair.key, pair.value, ...(isSeq(pair.value) ? pair.value.items : [])];
  for (const node of nodes) {
    if (isAlias(node)) throw new PostmortemError(`"${key}" uses an alias (*${node.source}); write the value out to let postmortem edit it`, { filePath, line });
    const properties = node as (Node & { anchor?: string }) | null;
    if (properties?.anchor) throw new PostmortemError(`"${key}" has an anchor (&${properties.anchor}); remove it to let postmortem edit the value`, { filePath, line });
    if (properties?.tag) throw new PostmortemError(`"${key}" has a tag (${writtenTag(properties, parsed)}); remove it to let postmortem edit the value`, { filePath, line });
  }
}

/** Where a value goes after `key:` when the key has none: the text to insert and its offset. */
function emptyValueSplice(pair: Pair, parsed: ParsedFrontMatter, written: string): Splice {
  // A null written out (`key: null`, `key: ~`) is replaced.
  if (isScalar(pair.value) && pair.value.range && pair.value.range[1] > pair.value.range[0]) {
    return { start: pair.value.range[0], end: pair.value.range[1], text: written };
  }
  // An empty value is typed in right after the colon, with one space: whatever followed (a
  // comment, after a tab or spaces) stays as it was. After a tab, js-yaml refuses a `[` list.
  const indicator = pair.srcToken?.sep?.find((token) => token.type === 'map-value-ind');
  if (indicator) return { start: indicator.offset + 1, end: indicator.offset + 1, text: ` ${written}` };
  const offset = (isScalar(pair.value) ? pair.value.range?.[0] : undefined) ?? (pair.key as Node).range?.[1] ?? 0;
  return { start: offset, end: offset, text: `: ${written}` };
}

/** The column the top-level keys start at (front matter may be indented as a whole). */
function topLevelIndent(parsed: ParsedFrontMatter): string {
  const first = parsed.map?.items[0]?.key as Node | undefined;
  const offset = first?.range?.[0];
  if (offset === undefined) return '';
  const prefix = parsed.yaml.slice(lineStartOf(parsed.yaml, offset), offset);
  return /^[ ]*$/.test(prefix) ? prefix : '';
}

/** A new `key: value` at the end of the mapping. */
function newKeySplice(parsed: ParsedFrontMatter, key: string, written: string | string[]): Splice {
  const { map, yaml, located } = parsed;
  const eol = located.eol;
  if (map && map.srcToken?.type === 'flow-collection') {
    // A front matter written as `{a: 1}`: the pair goes in before the closing brace.
    const last = map.items[map.items.length - 1];
    const pairText = `${formatKey(key)}: ${Array.isArray(written) ? `[${written.join(', ')}]` : written}`;
    if (!last) return { start: map.srcToken.start.offset + 1, end: map.srcToken.start.offset + 1, text: pairText };
    const end = (last.value as Node | null)?.range?.[1] ?? (last.key as Node).range?.[1] ?? 0;
    return { start: end, end, text: `, ${pairText}` };
  }
  const indent = topLevelIndent(parsed);
  let lines: string;
  if (Array.isArray(written)) {
    lines = useBlockLists(map)
      ? `${indent}${formatKey(key)}:${eol}${written.map((item) => `${indent}  - ${item}${eol}`).join('')}`
      : `${indent}${formatKey(key)}: [${written.join(', ')}]${eol}`;
  } else {
    lines = `${indent}${formatKey(key)}: ${written}${eol}`;
  }
  // The YAML ends with a line break (the closing `---` starts a line), unless it is empty.
  const needsBreak = yaml.length > 0 && !yaml.endsWith('\n');
  return { start: yaml.length, end: yaml.length, text: `${needsBreak ? eol : ''}${lines}` };
}

/** Whether the front matter's lists are written as block lists (`- A` lines) rather than `[A, B]`. */
function useBlockLists(map: YAMLMap | null): boolean {
  const lists = (map?.items ?? []).map((pair) => pair.value).filter((value): value is YAMLSeq => isSeq(value));
  return lists.length > 0 && lists.every((list) => list.srcToken?.type === 'block-seq');
}

function setSplice(parsed: ParsedFrontMatter, key: string, value: string, filePath: string | null): Splice {
  const pair = findPair(parsed.map, key);
  const inFlow = parsed.map?.srcToken?.type === 'flow-collection';
  const fallback = prevailingStyle(valueScalars(parsed.map));
  const style = (preferred: ScalarStyle): string => formatScalar(value, inFlow && preferred === 'plain' && /[,[\]{}]/.test(value) ? 'double' : preferred);
  if (!pair) return newKeySplice(parsed, key, style(fallback));
  refuseProperties(pair, key, parsed, filePath);
  const line = parsed.lineOf((pair.key as Node).range?.[0] ?? 0);
  if (isEmptyValue(pair.value)) return emptyValueSplice(pair, parsed, style(fallback));
  if (isSeq(pair.value) || isMap(pair.value)) {
    throw new PostmortemError(`"${key}" holds ${isSeq(pair.value) ? 'a list' : 'a mapping'}, not a single value; postmortem will not replace it`, { filePath, line });
  }
  const node = pair.value as Scalar;
  const [start, valueEnd] = node.range ?? [0, 0];
  const written = style(styleOfToken(node) ?? fallback);
  if (node.srcToken?.type === 'block-scalar') {
    // A block scalar's range runs to the end of its last line: keep that line break.
    const original = parsed.yaml.slice(start, valueEnd);
    const kept = /\r?\n$/.exec(original)?.[0] ?? '';
    return { start, end: valueEnd, text: `${written}${kept}` };
  }
  return { start, end: valueEnd, text: written };
}

function appendSplice(parsed: ParsedFrontMatter, key: string, items: readonly string[], filePath: string | null): Splice {
  const pair = findPair(parsed.map, key);
  const fallback = prevailingStyle(valueScalars(parsed.map));
  // Inside [ ] a plain item may not hold , [ ] { } either.
  const flowItem = (item: string, style: ScalarStyle): string => formatScalar(item, style === 'plain' && /[,[\]{}]/.test(item) ? 'double' : style);
  if (!pair) {
    const block = useBlockLists(parsed.map) && parsed.map?.srcToken?.type !== 'flow-collection';
    return newKeySplice(parsed, key, items.map((item) => (block ? formatScalar(item, fallback) : flowItem(item, fallback))));
  }
  refuseProperties(pair, key, parsed, filePath);
  const line = parsed.lineOf((pair.key as Node).range?.[0] ?? 0);
  if (isEmptyValue(pair.value)) return emptyValueSplice(pair, parsed, `[${items.map((item) => flowItem(item, fallback)).join(', ')}]`);
  if (!isSeq(pair.value)) {
    throw new PostmortemError(`"${key}" holds ${isMap(pair.value) ? 'a mapping' : 'a single value'}, not a list; postmortem will not change it into one`, { filePath, line });
  }
  const list = pair.value;
  if (!list.items.every((item) => isScalar(item))) {
    throw new PostmortemError(`"${key}" is a list of more than names (it holds lists or mappings); postmortem will not add to it`, { filePath, line });
  }
  const style = list.items.length > 0 ? prevailingStyle(list.items) : fallback;
  const { yaml, located } = parsed;
  const token = list.srcToken;
  if (token?.type === 'flow-collection') {
    const written = items.map((item) => flowItem(item, style));
    const last = list.items[list.items.length - 1] as Scalar | undefined;
    if (!last) return { start: token.start.offset + 1, end: token.start.offset + 1, text: written.join(', ') };
    const end = last.range?.[1] ?? 0;
    return { start: end, end, text: written.map((item) => `, ${item}`).join('') };
  }
  if (token?.type !== 'block-seq') throw new PostmortemError(`"${key}" is a list postmortem cannot add to`, { filePath, line });
  // A block list: new `- item` lines after the last item's line, indented and spaced as it is.
  // The CST may end with an item holding only the comments after the list: the last `-` is wanted.
  const lastItem = token.items.findLast((item) => item.start.some((source) => source.type === 'seq-item-ind'));
  const lastNode = list.items[list.items.length - 1] as Scalar | undefined;
  const indicator = lastItem?.start.findLast((source) => source.type === 'seq-item-ind');
  if (!lastNode) throw new PostmortemError(`"${key}" is a list postmortem cannot add to`, { filePath, line });
  if (!indicator || !lastNode.range) throw new PostmortemError(`"${key}" is a list postmortem cannot add to`, { filePath, line });
  const prefix = yaml.slice(lineStartOf(yaml, indicator.offset), indicator.offset);
  const indent = /^[ ]*$/.test(prefix) ? prefix : ' '.repeat(indicator.indent);
  const gap = yaml.slice(indicator.offset + 1, lastNode.range[0]);
  const spacing = /^[ ]+$/.test(gap) ? gap : ' ';
  const valueEnd = lastNode.range[1];
  let at: number;
  if (valueEnd > 0 && yaml[valueEnd - 1] === '\n') at = valueEnd;
  else {
    const newline = yaml.indexOf('\n', valueEnd);
    at = newline === -1 ? yaml.length : newline + 1;
  }
  const eol = located.eol;
  const lead = at === yaml.length && !yaml.endsWith('\n') ? eol : '';
  return { start: at, end: at, text: lead + items.map((item) => `${indent}-${spacing}${formatScalar(item, style)}${eol}`).join('') };
}

/** The value `edit` leaves under its key, given what the key held (as the parser reads it). */
function expectedValue(edit: FrontMatterEdit, previous: unknown): unknown {
  if (edit.op === 'set') return edit.value;
  return [...(Array.isArray(previous) ? previous : []), ...edit.items];
}

function applyOne(text: string, edit: FrontMatterEdit, filePath: string | null): string {
  const located = locateFrontMatter(text, filePath);
  if (!located) {
    // No front matter: a new block on top, written as `postmortem render` writes one.
    const eol = lineBreakOf(text);
    const value = edit.op === 'set' ? doubleQuoted(edit.value) : `[${edit.items.map(doubleQuoted).join(', ')}]`;
    return `---${eol}${formatKey(edit.key)}: ${value}${eol}---${eol}${text}`;
  }
  const parsed = parseFrontMatter(text, located, filePath);
  const splice = edit.op === 'set' ? setSplice(parsed, edit.key, edit.value, filePath) : appendSplice(parsed, edit.key, edit.items, filePath);
  return text.slice(0, located.start + splice.start) + splice.text + text.slice(located.start + splice.end);
}

function checkEdit(edit: FrontMatterEdit): void {
  if (typeof edit.key !== 'string' || edit.key.trim() === '' || LINE_BREAK.test(edit.key)) throw new TypeError(`a front matter key must be a one-line name, not ${JSON.stringify(edit.key)}`);
  if (edit.op === 'append' && edit.items.length === 0) throw new TypeError(`nothing to add to "${edit.key}"`);
}

/**
 * Applies `edits` to the front matter of `text` (a Markdown file's content; a leading byte
 * order mark is kept) and returns the new text. Only the edited values change, or new lines
 * are added: a new key goes at the end of the front matter, a new list item after the last
 * one; a file without front matter gets a new block at the top.
 *
 * A value keeps the quoting it had ('single', "double" or plain) when the new value can be
 * written so and read back the same; otherwise it is double-quoted. New values take the
 * style most values of the front matter use.
 *
 * Throws `PostmortemError` naming the file and line for front matter that is not valid YAML,
 * is not a mapping, has a key twice, or where the edited key has an alias, anchor or tag or
 * holds another kind of value (a list where one value is set, a value where a list is added to).
 */
export function editFrontMatter(text: string, edits: readonly FrontMatterEdit[], options: FrontMatterEditOptions = {}): string {
  const filePath = options.filePath ?? null;
  const bom = text.startsWith(BOM) ? BOM : '';
  const original = text.slice(bom.length);
  // Checked with the editor's own messages first (a key written twice, the line of a YAML error).
  const located = locateFrontMatter(original, filePath);
  if (located) parseFrontMatter(original, located, filePath);
  if (edits.length === 0) return text;
  const before = splitFrontMatter(original, filePath);
  const expected: Record<string, unknown> = { ...(before.data ?? {}) };
  let current = original;
  for (const edit of edits) {
    checkEdit(edit);
    current = applyOne(current, edit, filePath);
    expected[edit.key] = expectedValue(edit, expected[edit.key]);
  }
  // Read back with the parser's own reader: the values asked for, and the body untouched.
  let after: ReturnType<typeof splitFrontMatter> | null = null;
  try {
    after = splitFrontMatter(current, filePath);
  } catch {
    // Reported below as what it is: a bug in this editor, not in the file.
  }
  if (!after || !isDeepStrictEqual(after.data, expected) || after.body !== before.body) {
    throw new Error(`editing the front matter of ${filePath ?? 'the text'} did not give the values asked for; nothing was written`);
  }
  return bom + current;
}

/**
 * The top-level keys of the front matter of `text`, with their lines and what they hold, in
 * file order (empty when there is no front matter). Throws `PostmortemError` as
 * {@link editFrontMatter} does for front matter it could not edit.
 */
export function frontMatterKeys(text: string, options: FrontMatterEditOptions = {}): FrontMatterKey[] {
  const filePath = options.filePath ?? null;
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const located = locateFrontMatter(source, filePath);
  if (!located) return [];
  const parsed = parseFrontMatter(source, located, filePath);
  const keys: FrontMatterKey[] = [];
  for (const pair of parsed.map?.items ?? []) {
    const key = keyOf(pair);
    if (key === null) continue;
    keys.push({ key, line: parsed.lineOf((pair.key as Node).range?.[0] ?? 0), kind: kindOf(pair.value) });
  }
  return keys;
}
