/**
 * YAML front matter, read with gray-matter but never evaluated: gray-matter ships engines
 * that `eval` JavaScript front matter (`---js`), so every engine but YAML is replaced with
 * one that refuses, and the language line is checked before gray-matter sees the text.
 */
import matter from 'gray-matter';
import { load as loadYaml, YAMLException } from 'js-yaml';
import { PostmortemError } from '../model/errors.js';

/** Front matter split from a Markdown body. */
export interface FrontMatter {
  /** The parsed YAML mapping, or null when the file has no front matter. */
  data: Record<string, unknown> | null;
  /** The Markdown after the front matter. */
  body: string;
  /** How many lines precede the body in the file (0 without front matter). */
  bodyLineOffset: number;
}

function refuse(language: string): never {
  throw new PostmortemError(`front matter in ${language} is not supported (only YAML is read, and it is never run)`, { line: 1 });
}

const REFUSING_ENGINES = Object.fromEntries(
  ['javascript', 'js', 'coffee', 'coffeescript', 'cson', 'toml', 'json'].map((language) => [
    language,
    { parse: () => refuse(language), stringify: () => refuse(language) },
  ]),
);

/**
 * The file line of a YAML error: gray-matter hands the engine the front matter from the end
 * of the opening `---` line (its line break included), so each line break before the error
 * moves it one line down from line 1. An error found at the end of a line (an unclosed
 * bracket) belongs to that line, not the next.
 */
function errorLine(source: string, position: number): number {
  return source.slice(0, position).replace(/\r?\n$/, '').split('\n').length;
}

function parseYamlMapping(source: string): Record<string, unknown> {
  let value: unknown;
  try {
    // js-yaml's default schema is YAML 1.2's core schema: `2026-03-14` stays a string (no Date
    // objects) and no tag builds anything but plain data. Aliases are refused outright: front
    // matter has no use for them, and js-yaml's limit counts aliases, not what they expand to,
    // so a few nested ones could still stand for millions of values ("billion laughs").
    value = loadYaml(source, { maxAliases: 0 });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const reason = /maxAliases/.test(error.reason) ? 'aliases (*name) are not allowed in front matter' : error.reason;
    throw new PostmortemError(`invalid YAML front matter: ${reason}`, { line: errorLine(source, error.mark?.position ?? 0) }, { cause: error });
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new PostmortemError('front matter must be a YAML mapping of keys to values', { line: 2 });
  }
  return value as Record<string, unknown>;
}

/**
 * Splits YAML front matter from the body. Throws `PostmortemError` (with the file line) for
 * front matter that is not valid YAML, not a mapping, or in another language.
 */
export function splitFrontMatter(text: string, filePath: string | null = null): FrontMatter {
  const firstLine = /^---([^\n]*)\r?\n/.exec(text);
  if (!firstLine) return { data: null, body: text, bodyLineOffset: 0 };
  const language = (firstLine[1] ?? '').trim().toLowerCase();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    throw new PostmortemError(`front matter in "${language}" is not supported (only YAML is read, and it is never run)`, { filePath, line: 1 });
  }
  if (!/\n---[ \t]*(?:\r?\n|$)/.test(text.slice(firstLine[0].length - 1))) {
    throw new PostmortemError('front matter starts with --- but has no closing --- line', { filePath, line: 1 });
  }
  let file: { data: Record<string, unknown>; content: string; matter?: string };
  try {
    file = matter(text, {
      language: 'yaml',
      engines: { ...REFUSING_ENGINES, yaml: { parse: parseYamlMapping, stringify: () => refuse('yaml') } },
    }) as unknown as typeof file;
  } catch (error) {
    if (error instanceof PostmortemError) {
      throw new PostmortemError(error.message, { filePath, line: error.line }, { cause: error });
    }
    throw error;
  }
  const consumed = text.length - file.content.length;
  const bodyLineOffset = text.slice(0, consumed).split('\n').length - 1;
  return { data: file.data ?? {}, body: file.content, bodyLineOffset };
}
