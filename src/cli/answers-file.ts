/**
 * Answers files: a postmortem in the model's JSON shape, written as JSON or YAML, read by
 * `render` (and later by `new`). Parsing is data only: YAML uses the `core` schema, so dates
 * stay strings and no tag can construct objects or run code.
 */
import { extname } from 'node:path';
import { parseJsonData } from '../io/json-data.js';
import { lineOfField, parseYamlData } from '../io/yaml-data.js';
import { normalizePostmortem } from '../model/validate.js';
import type { Postmortem } from '../model/postmortem.js';
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
  const value = detectAnswersFormat(filePath, text) === 'json' ? parseJsonData(text, filePath) : parseYamlData(text, filePath);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PostmortemError(`must contain a mapping of postmortem fields (title, date, summary, ...), found ${describe(value)}`, {
      filePath,
    });
  }
  return value as Record<string, unknown>;
}

/**
 * Parses an answers file and checks it as a postmortem in the model's shape. A wrong field
 * is reported at its line in the file (`answers.yaml:5: /summary/start must be ...`).
 * Returns the parsed object (for `new`, which needs to know which keys were given) and the
 * model made from `modelFields(raw)` (by default all of it).
 */
export function readAnswersText(
  text: string,
  filePath: string,
  modelFields: (raw: Record<string, unknown>) => Record<string, unknown> = (raw) => raw,
): { raw: Record<string, unknown>; postmortem: Postmortem } {
  const raw = parseAnswersFile(text, filePath);
  try {
    return { raw, postmortem: normalizePostmortem(modelFields(raw), { filePath }) };
  } catch (error) {
    if (!(error instanceof PostmortemError) || error.field === null || error.line !== null) throw error;
    const line = lineOfField(text, error.field);
    throw line === null ? error : new PostmortemError(error.message, { filePath: error.filePath, line, field: error.field }, { cause: error });
  }
}
