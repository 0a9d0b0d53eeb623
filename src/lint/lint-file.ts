/**
 * Linting one file on disk: read it with the input checks every command uses, lint it, and
 * turn a file that cannot be read as text into a fatal message for that file, so a run over
 * many files reports it and goes on with the others.
 */
import { isPostmortemError, PostmortemError } from '../model/errors.js';
import { readPostmortemFile } from '../parse/read-file.js';
import type { LintConfig } from './config.js';
import { fatalResult, lintText } from './engine.js';
import type { LintResult, Rule } from './types.js';

/** Options for {@link lintFile}. */
export interface LintFileOptions {
  /** The config for this file. */
  config?: LintConfig;
  /** Compute fixes; the fixed text is the result's `output` (the caller writes it). */
  fix?: boolean;
  /** Obey inline directives. Default true. */
  inlineConfig?: boolean;
  /** The rules to run. Default the built-in rules. */
  rules?: readonly Rule<any>[];
}

/**
 * Reads and lints `filePath` (absolute). A file that cannot be read (missing, a directory,
 * too big, binary, not UTF-8, no permission) gives a result with one fatal error instead of
 * a rejection.
 */
export async function lintFile(filePath: string, options: LintFileOptions = {}): Promise<LintResult> {
  let text: string;
  try {
    text = await readPostmortemFile(filePath);
  } catch (error) {
    if (isPostmortemError(error)) {
      // readPostmortemFile's messages follow the file name ("is UTF-16 text"); here they stand alone.
      const message = /^(?:is|looks)\b/.test(error.message) ? `This file ${error.message}` : error.message.replace(/^./, (first) => first.toUpperCase());
      return fatalResult(filePath, new PostmortemError(message, { filePath, line: error.line, column: error.column }, { cause: error }));
    }
    throw error;
  }
  return lintText(text, { filePath, config: options.config, fix: options.fix, inlineConfig: options.inlineConfig, rules: options.rules });
}
