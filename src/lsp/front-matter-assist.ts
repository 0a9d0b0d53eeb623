/**
 * Completions and hover in a postmortem's YAML front matter, for the language server. The keys
 * and their descriptions come from the model's JSON Schema (schema/postmortem.schema.json), so
 * the editor says what the schema says; the values offered are the schema's statuses, the
 * project's severities and the IANA timezone names the runtime knows.
 *
 * Pure functions over the document's lines: no protocol objects, so they are tested directly.
 */
import { POSTMORTEM_STATUSES } from '../model/postmortem.js';
import { postmortemSchema } from '../model/schema.js';
import { frontMatterFences } from '../parse/front-matter-fences.js';

/** The lines of the front matter block: the opening `---` and the closing line, 0-based. */
export interface FrontMatterBlock {
  /** The opening `---` line (always 0). */
  open: number;
  /** The closing `---` (or `...`) line. */
  close: number;
}

/** A front matter key the editor offers, with what the schema says of it. */
export interface FrontMatterKey {
  name: string;
  description: string;
  /** `list` for a YAML list of names, `text` for one value. */
  shape: 'text' | 'list';
}

/** A completion the editor shows: a key (`severity: `) or a value (`SEV2`). */
export interface FrontMatterCompletion {
  label: string;
  kind: 'key' | 'value';
  /** What is inserted. */
  insertText: string;
  detail?: string;
  documentation?: string;
}

/** Where a value is in the front matter, with its key; for hover. */
export interface FrontMatterHover {
  /** Markdown text. */
  contents: string;
  /** 0-based line and the character range hovered. */
  line: number;
  start: number;
  end: number;
}

/** What completion needs from the project besides the schema. */
export interface FrontMatterAssistOptions {
  /** The severities the project allows (its config's `severities`, else SEV1-SEV4). */
  severities: readonly string[];
  /** The timezone names to offer; default `Intl.supportedValuesOf('timeZone')` and `UTC`. */
  timeZones?: readonly string[];
}

type SchemaNode = Record<string, unknown>;

function node(value: unknown): SchemaNode | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as SchemaNode) : null;
}

/** The `$defs` entry a `#/$defs/...` reference names. */
function resolveRef(schemaNode: SchemaNode): SchemaNode {
  const ref = schemaNode['$ref'];
  if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return schemaNode;
  const target = node(node(postmortemSchema['$defs'])?.[ref.slice('#/$defs/'.length)]);
  return target ? { ...target, ...schemaNode } : schemaNode;
}

function describes(types: unknown, type: string): boolean {
  return types === type || (Array.isArray(types) && types.includes(type));
}

let keysCache: FrontMatterKey[] | null = null;

/**
 * The keys a front matter block may hold, from the schema: the model's top-level fields that
 * are a value or a list of names (not the sections, which are the Markdown body), and the
 * summary's `start` and `end`, which front matter may give too.
 */
export function frontMatterKeys(): readonly FrontMatterKey[] {
  if (keysCache) return keysCache;
  const keys: FrontMatterKey[] = [];
  const add = (name: string, value: unknown): void => {
    const property = node(value);
    if (!property) return;
    const resolved = resolveRef(property);
    const description = typeof resolved['description'] === 'string' ? resolved['description'] : '';
    if (describes(resolved['type'], 'string')) keys.push({ name, description, shape: 'text' });
    else if (describes(resolved['type'], 'array') && describes(node(resolved['items'])?.['type'], 'string')) keys.push({ name, description, shape: 'list' });
  };
  for (const [name, value] of Object.entries(node(postmortemSchema['properties']) ?? {})) add(name, value);
  const summary = node(node(node(postmortemSchema['$defs'])?.['issueSummary'])?.['properties']);
  for (const name of ['start', 'end']) add(name, summary?.[name]);
  keysCache = keys;
  return keys;
}

let zoneCache: string[] | null = null;

/** The IANA timezone names this runtime knows, and `UTC`. */
export function timeZoneNames(): readonly string[] {
  if (!zoneCache) {
    const names = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    zoneCache = ['UTC', ...names.filter((name) => name !== 'UTC')];
  }
  return zoneCache;
}

/** The front matter block of a document, or null when it has none (or no closing line). */
export function findFrontMatter(lines: readonly string[]): FrontMatterBlock | null {
  const fences = frontMatterFences(lines);
  return fences?.close != null ? { open: fences.open, close: fences.close } : null;
}

/** Whether a 0-based line is inside the front matter (between its fences). */
export function inFrontMatter(lines: readonly string[], line: number): boolean {
  const block = findFrontMatter(lines);
  return block !== null && line > block.open && line < block.close;
}

const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:/;

/** The values to offer after `key:`; empty for a key whose values are free text. */
function valuesFor(key: string, options: FrontMatterAssistOptions): readonly string[] {
  if (key === 'severity') return options.severities;
  if (key === 'status') return POSTMORTEM_STATUSES;
  if (key === 'timezone') return options.timeZones ?? timeZoneNames();
  return [];
}

/**
 * The completions at a position (0-based line, UTF-16 character) of a document, or null when
 * the position is not in its front matter. At the start of a line: the keys not yet used; after
 * `severity:`, `status:` or `timezone:`, the values (filtered by what is typed, so that a list
 * of 400 timezones stays short).
 */
export function completeFrontMatter(lines: readonly string[], line: number, character: number, options: FrontMatterAssistOptions): FrontMatterCompletion[] | null {
  if (!inFrontMatter(lines, line)) return null;
  const text = (lines[line] ?? '').slice(0, character);
  const keyMatch = KEY_LINE.exec(text);
  if (keyMatch) {
    const typed = text.slice(keyMatch[0].length).trim().replace(/^["']/, '').toLowerCase();
    const values = valuesFor(keyMatch[1] as string, options).filter((value) => value.toLowerCase().includes(typed));
    const description = frontMatterKeys().find((key) => key.name === keyMatch[1])?.description;
    // After `key:` with nothing typed yet the value needs a space before it.
    const space = /:$/.test(text) ? ' ' : '';
    return values.map((value) => ({ label: value, kind: 'value', insertText: `${space}${value}`, ...(description ? { detail: description } : {}) }));
  }
  if (/^\s/.test(text) || text.includes(':')) return [];
  const block = findFrontMatter(lines) as FrontMatterBlock;
  const used = new Set<string>();
  for (let index = block.open + 1; index < block.close; index += 1) {
    if (index === line) continue;
    const other = KEY_LINE.exec(lines[index] as string);
    if (other) used.add(other[1] as string);
  }
  return frontMatterKeys()
    .filter((key) => !used.has(key.name) && key.name.toLowerCase().startsWith(text.trim().toLowerCase()))
    .map((key) => ({ label: key.name, kind: 'key', insertText: key.shape === 'list' ? `${key.name}: []` : `${key.name}: `, detail: key.shape === 'list' ? 'list' : 'value', documentation: key.description }));
}

/** The offset from UTC a timezone has at `when`, as `UTC+01:00`, or null for a name the runtime does not know. */
function currentOffset(zone: string, when: Date): string | null {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(when);
    const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? null;
    return name === 'GMT' ? 'UTC+00:00' : name?.replace(/^GMT/, 'UTC') ?? null;
  } catch {
    return null;
  }
}

/**
 * What to show when the pointer rests on a front matter key (the schema's description) or on
 * the value of `timezone` (the zone's offset from UTC now), or null elsewhere.
 */
export function hoverFrontMatter(lines: readonly string[], line: number, character: number, now: Date = new Date()): FrontMatterHover | null {
  if (!inFrontMatter(lines, line)) return null;
  const text = lines[line] ?? '';
  const keyMatch = KEY_LINE.exec(text);
  if (!keyMatch) return null;
  const name = keyMatch[1] as string;
  const key = frontMatterKeys().find((candidate) => candidate.name === name);
  if (character <= name.length) {
    if (!key) return null;
    return { contents: `**${name}**: ${key.description}`, line, start: 0, end: name.length };
  }
  if (name !== 'timezone') return null;
  const valueStart = keyMatch[0].length + (/^\s*/.exec(text.slice(keyMatch[0].length))?.[0].length ?? 0);
  const zone = text.slice(valueStart).replace(/(?<!\s)\s+#[\s\S]*$/, '').trim().replace(/^(["'])(.*)\1$/, '$2');
  if (zone === '' || character < valueStart) return null;
  const offset = currentOffset(zone, now);
  if (offset === null) return null;
  return { contents: `**${zone}**: ${offset} now`, line, start: valueStart, end: text.trimEnd().length };
}
