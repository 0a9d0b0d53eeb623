/**
 * Answers files: a postmortem in the model's JSON shape, written as JSON or YAML, read by
 * `render` (and later by `new`). Parsing is data only: YAML uses the `core` schema, so dates
 * stay strings and no tag can construct objects or run code.
 */
import { extname } from 'node:path';
import { parseDocument } from 'yaml';
import { PostmortemError } from '../model/errors.js';

/** The syntaxes an answers file may use. */
export type AnswersFormat = 'json' | 'yaml';

/** `.json` is JSON, `.yaml`/`.yml` YAML; anything else is JSON when it starts like JSON, else YAML. */
export function detectAnswersFormat(filePath: string, text: string): AnswersFormat {
  const extension = extname(filePath).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function parseJson(text: string, filePath: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8 names a position in most messages ("... in JSON at position 7"); use it when it does.
    const message = (error as Error).message.replace(/\s+/g, ' ');
    const position = /at position (\d+)/.exec(message);
    const where = position ? positionOf(text, Number(position[1])) : {};
    const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '');
    throw new PostmortemError(`not valid JSON: ${reason}`, { filePath, ...where }, { cause: error });
  }
}

function parseYaml(text: string, filePath: string): unknown {
  const document = parseDocument(text, { schema: 'core', prettyErrors: false, uniqueKeys: true });
  const [first] = document.errors;
  if (first) {
    const reason = first.code === 'MULTIPLE_DOCS' ? 'contains more than one YAML document' : first.message;
    throw new PostmortemError(`not valid YAML: ${reason}`, { filePath, ...positionOf(text, first.pos[0]) });
  }
  try {
    // The alias limit stops a "billion laughs" file from expanding without bound.
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new PostmortemError(`not valid YAML: ${(error as Error).message}`, { filePath }, { cause: error });
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/**
 * Parses the text of an answers file into a plain object, ready for `normalizePostmortem`.
 * Throws `PostmortemError` with the file, line and column for a syntax error, and for a file
 * whose top level is not a mapping of fields.
 */
export function parseAnswersFile(text: string, filePath: string): Record<string, unknown> {
  const value = detectAnswersFormat(filePath, text) === 'json' ? parseJson(text, filePath) : parseYaml(text, filePath);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PostmortemError(`must contain a mapping of postmortem fields (title, date, summary, ...), found ${describe(value)}`, {
      filePath,
    });
  }
  return value as Record<string, unknown>;
}
