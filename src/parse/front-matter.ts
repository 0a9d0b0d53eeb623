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

function parseYamlMapping(source: string): Record<string, unknown> {
  // js-yaml's default schema is YAML 1.2's core schema: `2026-03-14` stays a string (no Date
  // objects) and no tag builds anything but plain data. The alias limit stops "billion laughs":
  // aliases nest, so k of them can stand for about 3^(k/3) values once expanded (20: ~1,500).
  const value: unknown = loadYaml(source, { maxAliases: 20 });
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
    if (error instanceof YAMLException) {
      // The error's offset is into the front matter block, which starts on file line 2.
      const block = text.slice(firstLine[0].length);
      // An error found at the end of a line (an unclosed bracket) belongs to that line, not the next.
      const offset = error.mark?.position ?? 0;
      const line = block.slice(0, offset).replace(/\r?\n$/, '').split('\n').length + 1;
      throw new PostmortemError(`invalid YAML front matter: ${error.reason}`, { filePath, line }, { cause: error });
    }
    throw error;
  }
  const consumed = text.length - file.content.length;
  const bodyLineOffset = text.slice(0, consumed).split('\n').length - 1;
  return { data: file.data ?? {}, body: file.content, bodyLineOffset };
}
