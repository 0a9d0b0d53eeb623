/**
 * Reading an input file (a Markdown postmortem or an answers file) as text, with one clear
 * `PostmortemError` for each way that can go wrong, so callers never see a raw `ENOENT` or a
 * page of mojibake from a file that was never text.
 */
import { constants, readFileSync, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PostmortemError } from '../model/errors.js';

/** Largest input file read, in bytes. Postmortems are a few KB; anything near this is the wrong file. */
export const MAX_INPUT_FILE_BYTES = 5 * 1024 * 1024;

/** How much of the start of a file is searched for a NUL byte, as git and grep do to spot binaries. */
const BINARY_SNIFF_BYTES = 8 * 1024;

/** Options for {@link readPostmortemFile}. */
export interface ReadFileOptions {
  /** Directory a relative path is resolved from. Default `process.cwd()`. */
  cwd?: string;
  /** Size limit in bytes. Default {@link MAX_INPUT_FILE_BYTES}. */
  maxBytes?: number;
  /** Keep a leading UTF-8 byte order mark in the text (for a command that writes the file back as it was). Default false. */
  keepByteOrderMark?: boolean;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

/** How {@link openError} names what it could not open; the defaults are for a file. */
export interface OpenErrorWords {
  /** When it is not there. Default `no such file`. */
  missing?: string;
  /** It, in "cannot read ...". Default `this file`. */
  it?: string;
  /** When it is a folder. Default `is a directory, not a file`. */
  folder?: string;
}

/** A `PostmortemError` naming `filePath` for an error of opening or reading it: one line, what went wrong. */
export function openError(error: unknown, filePath: string, words: OpenErrorWords = {}): PostmortemError {
  const { missing = 'no such file', it = 'this file', folder = 'is a directory, not a file' } = words;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const location = { filePath };
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new PostmortemError(missing, location, { cause: error });
    case 'EACCES':
    case 'EPERM':
      return new PostmortemError(`permission denied: cannot read ${it}`, location, { cause: error });
    case 'EISDIR':
      return new PostmortemError(folder, location, { cause: error });
    case 'ELOOP':
      return new PostmortemError('is a loop of symbolic links', location, { cause: error });
    default:
      return new PostmortemError(`cannot read ${it} (${code ?? (error instanceof Error ? error.message : String(error))})`, location, { cause: error });
  }
}

/**
 * Reads at most `limit + 1` bytes, so an endless device or a file growing under us cannot
 * exhaust memory. `pipe` (the file's location, for the message) is for a FIFO or pipe
 * (`export /dev/stdin` in a pipeline, `<(command)`) opened without blocking, which is never
 * waited on without a writer: a first read that finds the end means nothing writes to it, and
 * is refused; later reads that would block (EAGAIN) wait a moment and try again until the
 * writer closes its end, or the limit is passed.
 */
async function readCapped(handle: FileHandle, limit: number, pipe: { filePath: string } | null = null): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  let first = true;
  for (;;) {
    const chunk = Buffer.alloc(Math.min(64 * 1024, limit + 1 - total));
    let bytesRead: number;
    try {
      ({ bytesRead } = await handle.read(chunk, 0, chunk.length, null));
    } catch (error) {
      if (!pipe || (error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      first = false;
      await new Promise((resolveWait) => setTimeout(resolveWait, 5));
      continue;
    }
    if (bytesRead === 0) {
      if (pipe && first) throw new PostmortemError('is a FIFO that nothing writes to; nothing read', pipe);
      break;
    }
    first = false;
    chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) break;
  }
  return Buffer.concat(chunks, total);
}

/**
 * Offset of the first byte that is not part of well-formed UTF-8 (as the WHATWG decoder
 * judges it: no overlongs, no surrogates, nothing above U+10FFFF), or -1.
 */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    let length: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) lower = 0xa0;
      if (lead === 0xed) upper = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) lower = 0x90;
      if (lead === 0xf4) upper = 0x8f;
    } else return index;
    for (let next = 1; next < length; next += 1) {
      const byte = bytes[index + next];
      const [min, max] = next === 1 ? [lower, upper] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return index;
    }
    index += length;
  }
  return -1;
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}

/** A UTF-16 byte order mark, little or big endian. */
function startsLikeUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The offset of a NUL byte in the first {@link BINARY_SNIFF_BYTES}, or -1. */
function nulOffset(bytes: Buffer): number {
  return bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
}

// fatal: refuse bad bytes rather than turning them into U+FFFD; ignoreBOM false strips a UTF-8 BOM.
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_KEEPING_BOM = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of an ordinary input file, read synchronously, or null when anything is unusual:
 * not a regular file, cannot be read, too big, starts like UTF-16, has a NUL byte in its first
 * 8 KB, or is not UTF-8. For runs over many files (lint, a site build): profiling showed the
 * promise-based open/stat/read/close of {@link readPostmortemFile} costing a sixth of a lint
 * worker's time and more of a site build's. A null goes to readPostmortemFile, whose checks
 * are the same and whose messages stay the only ones.
 */
export function readOrdinaryFileSync(filePath: string, maxBytes: number = MAX_INPUT_FILE_BYTES, keepByteOrderMark = false): string | null {
  let bytes: Buffer;
  try {
    // Regular files only: reading a FIFO or a device synchronously could block the thread for good.
    const stats = statSync(filePath);
    if (!stats.isFile() || stats.size > maxBytes) return null;
    bytes = readFileSync(filePath);
  } catch {
    return null;
  }
  if (bytes.length > maxBytes || startsLikeUtf16(bytes) || nulOffset(bytes) !== -1) return null;
  try {
    return (keepByteOrderMark ? UTF8_KEEPING_BOM : UTF8).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Reads a UTF-8 text file the tool takes as input, such as a Markdown postmortem or an
 * answers file, and returns its text with a leading UTF-8 byte order mark removed (unless
 * `keepByteOrderMark`). Line endings are kept as they are. An empty file gives `''`.
 *
 * Throws `PostmortemError` (exit code 2) naming the file, as given, when it does not exist,
 * is a directory, cannot be read, is larger than {@link MAX_INPUT_FILE_BYTES}, looks binary
 * (a NUL byte in the first 8 KB, or a UTF-16 byte order mark) or is not valid UTF-8 (with the
 * line and byte offset of the first bad byte).
 */
export async function readPostmortemFile(filePath: string, options: ReadFileOptions = {}): Promise<string> {
  const limit = options.maxBytes ?? MAX_INPUT_FILE_BYTES;
  const location = { filePath };
  let handle: FileHandle;
  try {
    // Non-blocking: opening a FIFO for reading otherwise waits for a writer, for ever if none comes.
    handle = await open(resolve(options.cwd ?? process.cwd(), filePath), constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw openError(error, filePath);
  }
  let bytes: Buffer;
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new PostmortemError('is a directory, not a file', location);
    if (stats.isSocket()) throw new PostmortemError('is a socket, not a file; nothing read', location);
    if (stats.size > limit) {
      throw new PostmortemError(`is too large (${stats.size} bytes; the limit is ${formatSize(limit)})`, location);
    }
    bytes = await readCapped(handle, limit, stats.isFIFO() ? location : null);
  } catch (error) {
    throw error instanceof PostmortemError ? error : openError(error, filePath);
  } finally {
    await handle.close().catch(() => undefined);
  }
  if (bytes.length > limit) {
    throw new PostmortemError(`is too large (more than ${formatSize(limit)})`, location);
  }
  if (startsLikeUtf16(bytes)) {
    throw new PostmortemError('is UTF-16 text; save it as UTF-8', location);
  }
  const nul = nulOffset(bytes);
  if (nul !== -1) {
    throw new PostmortemError(`looks like a binary file (NUL byte at offset ${nul}), not text`, location);
  }
  try {
    return (options.keepByteOrderMark ? UTF8_KEEPING_BOM : UTF8).decode(bytes);
  } catch (error) {
    const offset = firstInvalidUtf8Offset(bytes);
    if (offset === -1) throw new PostmortemError('is not valid UTF-8; save it as UTF-8', location, { cause: error });
    throw new PostmortemError(
      `is not valid UTF-8 (bad byte 0x${(bytes[offset] as number).toString(16).padStart(2, '0')} at byte offset ${offset}); save it as UTF-8`,
      { filePath, line: lineOfOffset(bytes, offset) },
      { cause: error },
    );
  }
}
