/**
 * Linting files on disk: read each with the input checks every command uses, lint it, and
 * turn a file that cannot be read as text into a fatal message for that file, so a run over
 * many files reports it and goes on with the others.
 */
import { isPostmortemError, PostmortemError } from '../model/errors.js';
import { readOrdinaryFileSync, readPostmortemFile } from '../parse/read-file.js';
import type { LintConfig } from './config.js';
import { fatalResult, lintTextAsync } from './engine.js';
import type { LintResult, Rule } from './types.js';

// For lint-files.ts, which loads the linter with one import() of this module: importing engine.js
// as well loaded a file of its own that only re-exports it (about 1 ms of one-file lint).
export { prepareConfig } from './engine.js';

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
 * A file's text (without a UTF-8 byte order mark, `byteOrderMark` saying whether it had one,
 * so that a fix writes it back), or why it could not be read.
 */
export type LintInput = { text: string; byteOrderMark?: boolean; error?: undefined } | { text?: undefined; error: PostmortemError };

const BYTE_ORDER_MARK = '\uFEFF';

function textInput(text: string): LintInput {
  return text.startsWith(BYTE_ORDER_MARK) ? { text: text.slice(1), byteOrderMark: true } : { text };
}

/** Reads a file to lint; a file that cannot be read gives the reason instead of a rejection. */
export async function readLintInput(filePath: string): Promise<LintInput> {
  const text = readOrdinaryFileSync(filePath, undefined, true);
  if (text !== null) return textInput(text);
  try {
    return textInput(await readPostmortemFile(filePath, { keepByteOrderMark: true }));
  } catch (error) {
    if (!isPostmortemError(error)) throw error;
    // readPostmortemFile's messages follow the file name ("is UTF-16 text"); in a report they stand alone.
    const message = /^(?:is|looks)\b/.test(error.message) ? `This file ${error.message}` : error.message.replace(/^./, (first) => first.toUpperCase());
    return { error: new PostmortemError(message, { filePath, line: error.line, column: error.column }, { cause: error }) };
  }
}

/** Lints what {@link readLintInput} read: the text's problems, or one fatal error when it could not be read. */
export async function lintInput(filePath: string, input: LintInput, options: LintFileOptions = {}): Promise<LintResult> {
  if (input.error) return fatalResult(filePath, input.error);
  try {
    const result = await lintTextAsync(input.text, { filePath, config: options.config, fix: options.fix, inlineConfig: options.inlineConfig, rules: options.rules });
    // The text was linted without its byte order mark; the fixed file keeps the one it had.
    if (input.byteOrderMark && result.output !== undefined) result.output = `${BYTE_ORDER_MARK}${result.output}`;
    // Messages quote the file ("Rate-limit a canary ..." does not start with a verb), and V8 keeps
    // a piece cut from a string as a view of the whole: kept until the report, each result held its
    // file's text alive (about 40 MB of 92 on 10,000 files). A copy holds only the messages.
    result.messages = structuredClone(result.messages);
    return result;
  } catch (error) {
    if (isPostmortemError(error)) throw error;
    // A bug met on one file is reported for that file, so the other files are still linted.
    const reason = error instanceof Error ? error.message : String(error);
    return fatalResult(filePath, `Internal error while linting this file (a bug in postmortem; please report it with the file): ${reason}`);
  }
}

/**
 * Reads and lints `filePath` (absolute). A file that cannot be read (missing, a directory,
 * too big, binary, not UTF-8, no permission) gives a result with one fatal error instead of
 * a rejection.
 */
export async function lintFile(filePath: string, options: LintFileOptions = {}): Promise<LintResult> {
  return lintInput(filePath, await readLintInput(filePath), options);
}

/** How many files are read ahead of the one being linted. */
export const READ_AHEAD = 8;

/**
 * Takes items from `next` (null when there are no more) and yields each with its file's
 * contents, in order, keeping {@link READ_AHEAD} reads in flight: linting is CPU work and
 * reading is waiting, so overlapping them keeps the thread busy.
 */
export async function* readInOrder<T extends { filePath: string }>(next: () => T | null): AsyncGenerator<[T, LintInput]> {
  const pending: Array<[T, Promise<LintInput>]> = [];
  const fill = (): void => {
    while (pending.length < READ_AHEAD) {
      const item = next();
      if (item === null) return;
      const read = readLintInput(item.filePath);
      // Awaited below in order; this only stops an early rejection being reported as unhandled.
      read.catch(() => undefined);
      pending.push([item, read]);
    }
  };
  fill();
  for (let head = pending.shift(); head; head = pending.shift()) {
    const input = await head[1];
    fill();
    yield [head[0], input];
  }
}
