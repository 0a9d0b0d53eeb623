/**
 * What every timeline source reader needs around its own format: a file error as one line
 * naming the file, the window check, and text made one plain line.
 */
import { PostmortemError } from '../model/errors.js';
import type { ImportReadOptions } from './types.js';

/**
 * A `PostmortemError` for a file or folder that cannot be opened or listed, naming it as the
 * user did. `missing` is what to say when it is not there (`no such file` for a path that
 * must be a file).
 */
export function sourceFileError(error: unknown, displayPath: string, missing = 'no such file or folder'): PostmortemError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const location = { filePath: displayPath };
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new PostmortemError(missing, location, { cause: error });
    case 'EACCES':
    case 'EPERM':
      return new PostmortemError('permission denied: cannot read it', location, { cause: error });
    case 'EISDIR':
      return new PostmortemError('is a folder, not a file', location, { cause: error });
    default:
      return new PostmortemError(`cannot read it (${code ?? (error instanceof Error ? error.message : String(error))})`, location, { cause: error });
  }
}

/** Whether an instant is inside the window of `options` (both ends included; an absent end is open). */
export function inWindow(at: number, options: Pick<ImportReadOptions, 'since' | 'until'>): boolean {
  return (options.since === null || options.since === undefined || at >= options.since) && (options.until === null || options.until === undefined || at <= options.until);
}

// Control characters other than whitespace (escape sequences, NUL, C1 controls) never belong in
// a timeline entry and could drive a terminal that shows the entry.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Text on one line: line breaks and runs of white space become one space, control characters go, ends trimmed. */
export function oneLine(text: string): string {
  return text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/** The UTC date (YYYY-MM-DD) of an instant. */
export function utcDate(millis: number): string {
  return new Date(millis).toISOString().slice(0, 10);
}
