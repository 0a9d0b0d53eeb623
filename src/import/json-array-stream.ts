/**
 * Reads the entries of a JSON file whose top level is an array (a Slack day file, a Slack
 * users.json), one entry at a time. A file up to 4 MiB (almost every day file) is read whole
 * and parsed by JSON.parse, which is many times faster than any streaming parser; a larger one
 * is streamed by stream-json's parser, so a file of any size is read in bounded memory: only
 * the entry being read is held. When either fails, stream-json's Verifier reads the file again
 * (streamed too) to say the line and column (neither parser says where), so a truncated file is
 * one line naming the file and where it stops.
 */
import { createReadStream } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import chain from 'stream-chain';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import { verifier } from 'stream-json/utils/verifier.js';
import { PostmortemError } from '../model/errors.js';
import { sourceFileError } from './source-input.js';

/** Files up to this size are read whole and parsed at once; larger ones are streamed. */
export const WHOLE_JSON_FILE_BYTES = 4 * 1024 * 1024;

/** One entry of the array: its 0-based index and its value. */
export interface JsonArrayEntry {
  index: number;
  value: unknown;
}

/** Options for {@link streamJsonArray}. */
export interface JsonArrayStreamOptions {
  /** What the file should be, for the message when its top level is not an array (`a Slack day file`). */
  what: string;
  /** Read files up to this size whole (default {@link WHOLE_JSON_FILE_BYTES}); 0 streams every file. */
  wholeFileBytes?: number;
}

/**
 * The entries of the JSON array in `absolutePath`, in order. Throws `PostmortemError` naming
 * `displayPath`: with the line and column of the first byte that is not JSON (and whether the
 * file simply ends early), or saying the top level is not an array.
 */
export async function* streamJsonArray(absolutePath: string, displayPath: string, options: JsonArrayStreamOptions): AsyncGenerator<JsonArrayEntry> {
  const text = await smallFileText(absolutePath, displayPath, options.wholeFileBytes ?? WHOLE_JSON_FILE_BYTES);
  if (text !== null) {
    yield* parsedJsonArray(text, absolutePath, displayPath, options.what);
    return;
  }
  // Packed values only: the streamer assembles entries from them alone, and the parser then
  // makes about half the tokens (a fifth less time on a 23 MiB day file).
  const entries = chain([createReadStream(absolutePath), streamArray.withParser({ streamValues: false })]);
  let finished = false;
  try {
    for await (const entry of entries as AsyncIterable<{ key: number; value: unknown }>) {
      yield { index: entry.key, value: entry.value };
    }
    finished = true;
  } catch (error) {
    throw await jsonStreamError(error, absolutePath, displayPath, options.what);
  } finally {
    // Stopped early (the reader threw, or its caller stopped asking): close the file.
    if (!finished) entries.destroy();
  }
}

/** The file's text when it is at most `limit` bytes, else null (one open for both the size and the text). */
async function smallFileText(absolutePath: string, displayPath: string, limit: number): Promise<string | null> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(absolutePath, 'r');
    const { size } = await handle.stat();
    return size <= limit ? await handle.readFile('utf8') : null;
  } catch (error) {
    throw sourceFileError(error, displayPath);
  } finally {
    await handle?.close();
  }
}

async function* parsedJsonArray(text: string, absolutePath: string, displayPath: string, what: string): AsyncGenerator<JsonArrayEntry> {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw await jsonStreamError(error, absolutePath, displayPath, what);
  }
  if (!Array.isArray(value)) throw notAnArray(displayPath, what);
  for (let index = 0; index < value.length; index += 1) yield { index, value: value[index] };
}

function notAnArray(displayPath: string, what: string, cause?: unknown): PostmortemError {
  return new PostmortemError(`not ${what}: the file is JSON but not an array`, { filePath: displayPath }, cause === undefined ? {} : { cause });
}

async function jsonStreamError(error: unknown, absolutePath: string, displayPath: string, what: string): Promise<PostmortemError> {
  if (error instanceof PostmortemError) return error;
  if ((error as NodeJS.ErrnoException | null)?.code) return sourceFileError(error, displayPath);
  const message = error instanceof Error ? error.message : String(error);
  if (/top-level object should be an array/i.test(message)) return notAnArray(displayPath, what, error);
  const place = await locateJsonError(absolutePath);
  if (!place) return new PostmortemError(`not valid JSON (${message})`, { filePath: displayPath }, { cause: error });
  const reason = place.atEnd ? 'the file ends before its JSON does (truncated?)' : place.reason;
  return new PostmortemError(`not valid JSON: ${reason}`, { filePath: displayPath, line: place.line, column: place.column }, { cause: error });
}

/** Where the first JSON error of a file is, by stream-json's Verifier (streamed too), or null when it finds none. */
async function locateJsonError(absolutePath: string): Promise<{ line: number; column: number; reason: string; atEnd: boolean } | null> {
  try {
    await pipeline(createReadStream(absolutePath), verifier.asStream());
    return null;
  } catch (error) {
    const found = error as Error & { line?: number; pos?: number; offset?: number };
    if (typeof found.line !== 'number' || typeof found.pos !== 'number') return null;
    const size = await stat(absolutePath).then((stats) => stats.size, () => Number.POSITIVE_INFINITY);
    const reason = found.message
      .replace(/^ERROR at \d+ \(\d+, \d+\): /, '')
      .replace(/^Verifier (?:cannot parse input:|has)\s*/, '')
      .trim();
    return { line: found.line, column: found.pos, reason: reason || 'unexpected input', atEnd: (found.offset ?? 0) >= size };
  }
}
