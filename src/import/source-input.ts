/**
 * What every timeline source reader needs around its own format: a file error as one line
 * naming the file, the first bytes of a file, the window check, and copies of what it keeps.
 * (Reading the fields of a record is src/import/record-fields.ts; times, event-time.ts.)
 */
import type { Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { PostmortemError } from '../model/errors.js';
import { openError } from '../parse/read-file.js';
import type { ImportReadOptions } from './types.js';

/**
 * A `PostmortemError` for a file or folder that cannot be opened or listed, naming it as the
 * user did. `missing` is what to say when it is not there (`no such file` for a path that
 * must be a file).
 */
export function sourceFileError(error: unknown, displayPath: string, missing = 'no such file or folder'): PostmortemError {
  return openError(error, displayPath, { missing, it: 'it', folder: 'is a folder, not a file' });
}

/**
 * What `stat` says of a source's path; a path that is not there or cannot be read is a
 * `PostmortemError` ({@link sourceFileError}), and so is one that is neither a file nor a
 * folder: opening a FIFO to read waits for a writer for ever, and a device may never end.
 */
export async function statSource(absolutePath: string, displayPath: string, missing?: string): Promise<Stats> {
  let stats: Stats;
  try {
    stats = await stat(absolutePath);
  } catch (error) {
    throw sourceFileError(error, displayPath, missing);
  }
  if (!stats.isFile() && !stats.isDirectory()) {
    throw new PostmortemError('is not a regular file or folder (a FIFO, socket or device): export the records to a file and import that', { filePath: displayPath });
  }
  return stats;
}

/** The first `maxBytes` of a file as text, without a leading byte order mark (a character cut at the end is replaced). */
export async function readFileHead(absolutePath: string, displayPath: string, maxBytes: number): Promise<string> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(absolutePath, 'r');
    const buffer = Buffer.alloc(maxBytes);
    const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw sourceFileError(error, displayPath);
  } finally {
    await handle?.close();
  }
}

/** Whether an instant is inside the window of `options` (both ends included; an absent end is open). */
export function inWindow(at: number, options: Pick<ImportReadOptions, 'since' | 'until'>): boolean {
  return (options.since === null || options.since === undefined || at >= options.since) && (options.until === null || options.until === undefined || at <= options.until);
}

/** The UTC date (YYYY-MM-DD) of an instant. */
export function utcDate(millis: number): string {
  return new Date(millis).toISOString().slice(0, 10);
}

/**
 * A copy of a string that holds nothing else in memory. The strings of a streamed JSON value
 * are slices of the block the tokenizer read (V8 keeps a slice of 13 characters or more as a
 * view of its parent), and so are the parts of git's output: one such string kept, in a set
 * of seen ids, a map of user names or an event's text, keeps its whole read block alive, and
 * kept for every record of a 3 GB log, the whole log. What a reader keeps past the record it
 * is reading goes through this.
 */
export function detachedString(text: string): string {
  // UTF-16 code units copied as they are (a lone surrogate too; UTF-8 would replace it), and
  // text that fits in one byte a character still comes back as a one-byte string.
  return Buffer.from(text, 'utf16le').toString('utf16le');
}
