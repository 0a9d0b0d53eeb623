/**
 * The `ignores` key of the project config: glob patterns of files and directories that
 * `postmortem lint` and `postmortem export --site` skip when they walk a directory or expand
 * a glob (src/io/find-postmortems.ts applies them). Checked here, without loading anything,
 * so that lint's config check (src/lint/config.ts) and file discovery report a bad value
 * the same way: one line naming the config file.
 */
import { PostmortemError } from '../model/errors.js';
import { describeValue as describe } from './describe-value.js';

/** The top-level key of the project config that holds ignore patterns. */
export const IGNORES_KEY = 'ignores';


/**
 * Why `pattern` cannot be an ignore pattern, or null when it can. A negated pattern is
 * refused rather than read as "everything but": naming a file is how to take it anyway.
 */
export function ignorePatternProblem(pattern: string): string | null {
  if (pattern.trim() === '') return 'an ignore pattern cannot be empty';
  if (pattern.startsWith('!')) return `"${pattern}": negated ignore patterns are not supported (a file named on the command line is always read)`;
  return null;
}

/**
 * Checks an `ignores` value read from `source` (the config file as messages name it) and
 * returns its patterns: absent or null is none. Throws `PostmortemError` naming `source` for
 * anything but an array of non-empty strings.
 */
export function checkIgnoresSetting(value: unknown, source: string | null): string[] {
  const fail = (message: string): never => {
    throw new PostmortemError(source === null ? `invalid config: ${message}` : message, { filePath: source });
  };
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return fail(`"${IGNORES_KEY}" must be an array of glob patterns, not ${describe(value)}`);
  value.forEach((pattern: unknown, index) => {
    if (typeof pattern !== 'string') fail(`"${IGNORES_KEY}"[${index}] must be a glob pattern (a string), not ${describe(pattern)}`);
    const problem = ignorePatternProblem(pattern as string);
    if (problem) fail(`"${IGNORES_KEY}"[${index}]: ${problem}`);
  });
  return value as string[];
}
