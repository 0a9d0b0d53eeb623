/**
 * JSON exports of any size read one value at a time: a Slack day file or users.json (one
 * array), the PagerDuty log (pages of `log_entries` concatenated or one per line, an incident
 * holding them) and Alertmanager webhook payloads (`alerts`, JSON lines or an array).
 *
 * Two ways of reading, each where it is fastest:
 * - A one-array file up to 4 MiB (almost every Slack day file) is read whole and parsed by
 *   JSON.parse, many times faster than any streaming parser on small files.
 * - Anything else is tokenised block by block by stream-json's bare `jsonParser`, its tokens
 *   walked in a plain loop and only the value being read assembled, so memory is bounded by
 *   the largest value and the read block, not the file. (stream-json's own async pipelines
 *   await once per token: five times slower on a 128 MB PagerDuty log, 9 s against 1.8 s.)
 *
 * The strings of a streamed value are slices of the block they were read in (see detachedString):
 * a reader copies what it keeps past the value it is reading.
 *
 * JSON that does not parse is one `PostmortemError` naming the file, with the line and column
 * where it breaks or ends early, from stream-json's verifier reading the file again (neither
 * parser says where; the second pass costs only on a file that is refused anyway).
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { getManyValues, none } from 'stream-chain/defs.js';
import Assembler from 'stream-json/assembler.js';
import { verifyFile } from 'stream-json/file/verifier.js';
import { jsonParser, type Token } from 'stream-json/parser.js';
import { PostmortemError } from '../model/errors.js';
import { sourceFileError, statSource } from './source-input.js';

/**
 * Bytes read at a time (Node's own default). Larger blocks are no faster, and cost memory: a
 * block's string of more than 128 KiB lives in V8's large-object space, which only a full
 * garbage collection frees, so 256 KiB blocks took a third more peak RSS (108 against 75 MB
 * reading a 16 MB Slack day file, 131 against 107 MB a 100 MB PagerDuty log).
 */
const READ_BLOCK_BYTES = 64 * 1024;

/** One-array files up to this size are read whole and parsed at once; larger ones are streamed. */
export const WHOLE_JSON_FILE_BYTES = 4 * 1024 * 1024;

/** One entry of a one-array file: its 0-based index and its value. */
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

/** One value read by {@link readJsonRecords}. */
export type JsonRecord =
  /** An element of an array held under the records key (`log_entries`, `alerts`), anywhere in the file. */
  | { kind: 'record'; value: unknown; index: number }
  /**
   * A top-level value (or an element of a top-level array) in which no records key appeared:
   * a bare record written one per line, or a document of another shape.
   */
  | { kind: 'top'; value: unknown; index: number };

/** Options for {@link readJsonRecords}. */
export interface JsonRecordsOptions {
  /** The key whose array elements are the records: `log_entries`, `alerts`. */
  recordsKey: string;
  /** The file as the user named it, for messages. */
  displayPath: string;
}

/**
 * The entries of the JSON array in `absolutePath` (one document whose top level is an
 * array), in order. Throws `PostmortemError` naming `displayPath`: with the line and column
 * of the first byte that is not JSON (and whether the file simply ends early), or saying the
 * top level is not an array.
 */
export async function* streamJsonArray(absolutePath: string, displayPath: string, options: JsonArrayStreamOptions): AsyncGenerator<JsonArrayEntry> {
  const shape: JsonShape = { kind: 'array', what: options.what };
  const file = await openJsonFile(absolutePath, displayPath);
  let text: string | null;
  try {
    text = file.size <= (options.wholeFileBytes ?? WHOLE_JSON_FILE_BYTES) ? await file.handle.readFile('utf8') : null;
  } catch (error) {
    await file.handle.close();
    throw sourceFileError(error, displayPath, MISSING_JSON_FILE);
  }
  if (text === null) {
    for await (const value of walkJsonFile(file, absolutePath, displayPath, shape)) yield { index: value.index - 1, value: value.value };
    return;
  }
  await file.handle.close();
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw await jsonReadError(error, absolutePath, displayPath, file.size, shape);
  }
  if (!Array.isArray(value)) throw notAnArray(displayPath, options.what);
  for (let index = 0; index < value.length; index += 1) yield { index, value: value[index] };
}

/**
 * Streams the records of a JSON file (one document, several concatenated, or JSON lines).
 * `record` values are numbered 1, 2, 3 in file order; `top` values by their place among the
 * file's top-level values. Throws `PostmortemError` with the line and column for JSON that
 * does not parse or ends early (a truncated download).
 */
export async function* readJsonRecords(filePath: string, options: JsonRecordsOptions): AsyncGenerator<JsonRecord> {
  const file = await openJsonFile(filePath, options.displayPath);
  yield* walkJsonFile(file, filePath, options.displayPath, { kind: 'values', recordsKey: options.recordsKey });
}

/** What a file holds: one array (its elements are read), or any number of values holding records under a key. */
type JsonShape = { kind: 'array'; what: string } | { kind: 'values'; recordsKey: string };

/** An open JSON file and its size in bytes. */
interface JsonFile {
  handle: FileHandle;
  size: number;
}

/** The message for a JSON file that is not there. */
const MISSING_JSON_FILE = 'no such file';

/** Opens a JSON file (one open for its size and its content); a directory or a file that cannot be opened is a `PostmortemError`. */
async function openJsonFile(absolutePath: string, displayPath: string): Promise<JsonFile> {
  // Checked before it is opened: opening a FIFO would wait for a writer for ever.
  if ((await statSource(absolutePath, displayPath, MISSING_JSON_FILE)).isDirectory()) throw new PostmortemError('is a directory, not a JSON file', { filePath: displayPath });
  let handle: FileHandle | undefined;
  try {
    handle = await open(absolutePath, 'r');
    const stats = await handle.stat();
    return { handle, size: stats.size };
  } catch (error) {
    await handle?.close();
    if (error instanceof PostmortemError) throw error;
    throw sourceFileError(error, displayPath, MISSING_JSON_FILE);
  }
}

interface Frame {
  type: 'object' | 'array';
  /** The key this container sits under in its parent object, or null (top level, array element). */
  key: string | null;
  /** For objects: the key whose value comes next. */
  pendingKey: string | null;
}

/**
 * The values of a JSON file as {@link readJsonRecords} gives them, tokenised block by block.
 * For the `array` shape the file is one document whose top level must be an array, and its
 * elements are the `top` values; there are no records.
 */
async function* walkJsonFile(file: JsonFile, filePath: string, displayPath: string, shape: JsonShape): AsyncGenerator<JsonRecord> {
  const recordsKey = shape.kind === 'values' ? shape.recordsKey : null;
  const stack: Frame[] = [];
  // What is being assembled: a record, or a top-level value that may yet turn out to hold records.
  let assembling: { assembler: Assembler; kind: 'record' | 'top'; depth: number; index: number } | null = null;
  let recordCount = 0;
  let topCount = 0;
  let seenValue = false;
  // Records found in a block are handed on after it is walked: the walk stays synchronous.
  let found: JsonRecord[] = [];
  const walk = (tokens: Token[]): void => {
    for (const token of tokens) {
      const name = token.name;
      const opensContainer = name === 'startObject' || name === 'startArray';
      if (opensContainer || name === 'stringValue' || name === 'numberValue' || name === 'nullValue' || name === 'trueValue' || name === 'falseValue') {
        if (!seenValue) {
          seenValue = true;
          if (shape.kind === 'array' && name !== 'startArray') throw notAnArray(displayPath, shape.what);
        }
        const parent = stack[stack.length - 1];
        // A top-level value, or an element of a top-level array (a JSON array of payloads);
        // a top-level array itself is only the list around them.
        const topSlot = parent === undefined ? name !== 'startArray' : stack.length === 1 && parent.type === 'array';
        if (topSlot) topCount += 1;
        if (assembling === null) {
          if (parent?.type === 'array' && parent.key !== null && parent.key === recordsKey) {
            recordCount += 1;
            assembling = { assembler: new Assembler(), kind: 'record', depth: stack.length, index: recordCount };
          } else if (topSlot) {
            assembling = { assembler: new Assembler(), kind: 'top', depth: stack.length, index: topCount };
          }
        }
        if (opensContainer) {
          stack.push({ type: name === 'startObject' ? 'object' : 'array', key: parent?.type === 'object' ? parent.pendingKey : null, pendingKey: null });
        }
      } else if (token.name === 'keyValue') {
        const frame = stack[stack.length - 1];
        if (frame) frame.pendingKey = token.value;
        // A top-level value that holds records is only their container: stop assembling it,
        // and assemble its records one by one instead.
        if (token.value === recordsKey && assembling?.kind === 'top') assembling = null;
      } else if (name === 'endObject' || name === 'endArray') {
        stack.pop();
      }
      if (assembling) {
        assembling.assembler.consume(token);
        if (stack.length === assembling.depth) {
          found.push({ kind: assembling.kind, value: assembling.assembler.current, index: assembling.index });
          assembling = null;
        }
      }
    }
  };
  // Packed values only: the streamed chunk tokens would only be skipped.
  const parse = jsonParser({ jsonStreaming: shape.kind === 'values', streamValues: false, packValues: true });
  const blocks = createReadStream(filePath, { fd: file.handle, encoding: 'utf8', highWaterMark: READ_BLOCK_BYTES });
  let first = true;
  try {
    for await (const block of blocks as AsyncIterable<string>) {
      // The bare tokenizer takes a leading byte order mark for a syntax error.
      const parsed = parse(first && block.charCodeAt(0) === 0xfeff ? block.slice(1) : block);
      first = false;
      if (parsed === none) continue;
      walk(getManyValues(parsed) as Token[]);
      const ready = found;
      found = [];
      yield* ready;
    }
    // The end of the input: a number the file ends with is complete, a value cut short an error.
    // A Flushable is flushed by calling it with `none` (its types name only the chunks).
    const last = (parse as unknown as (chunk: typeof none) => ReturnType<typeof parse>)(none);
    if (last !== none) walk(getManyValues(last) as Token[]);
    yield* found;
  } catch (error) {
    throw await jsonReadError(error, filePath, displayPath, file.size, shape);
  } finally {
    // Stopped early (the reader threw, or its caller stopped asking): close the file.
    blocks.destroy();
  }
  if (stack.length > 0) throw await jsonReadError(null, filePath, displayPath, file.size, shape);
}

function notAnArray(displayPath: string, what: string): PostmortemError {
  return new PostmortemError(`not ${what}: the file is JSON but not an array`, { filePath: displayPath });
}

/**
 * The error for a JSON file that could not be read: a file error as one line, JSON nested
 * too deep, or JSON that does not parse (`error` null: that ends inside a value) with the
 * line and column stream-json's verifier finds.
 */
async function jsonReadError(error: unknown, filePath: string, displayPath: string, size: number, shape: JsonShape): Promise<PostmortemError> {
  if (error instanceof PostmortemError) return error;
  if ((error as NodeJS.ErrnoException | null)?.code) return sourceFileError(error, displayPath, MISSING_JSON_FILE);
  if (error instanceof RangeError) return new PostmortemError(`not readable as JSON: ${error.message}`, { filePath: displayPath }, { cause: error });
  const place = await locateJsonError(filePath, shape.kind === 'values');
  if (!place) {
    const reason = error === null ? 'the JSON ends early (a truncated file?)' : `not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    return new PostmortemError(reason, { filePath: displayPath }, { cause: error });
  }
  const location = { filePath: displayPath, line: place.line, column: place.column };
  if (!place.atEnd) return new PostmortemError(`not valid JSON: ${place.reason}`, location, { cause: error ?? place.error });
  // The two readers have always worded a truncated file their own way (and their tests say so).
  const reason = shape.kind === 'array' ? 'not valid JSON: the file ends before its JSON does (truncated?)' : `the JSON ends early at byte ${size} (a truncated file?)`;
  return new PostmortemError(reason, location, { cause: error ?? place.error });
}

/** Where the first JSON error of a file is, by stream-json's verifier (streamed too), or null when it finds none. */
async function locateJsonError(filePath: string, jsonStreaming: boolean): Promise<{ line: number; column: number; reason: string; atEnd: boolean; error: unknown } | null> {
  try {
    await verifyFile(filePath, { jsonStreaming });
    return null;
  } catch (error) {
    const found = error as Error & { line?: number; pos?: number; offset?: number };
    if (typeof found.line !== 'number' || typeof found.pos !== 'number') return null;
    const characters = await characterCount(filePath);
    // "ERROR at 34 (2, 10): Verifier cannot parse input: expected ','" -> "expected ','".
    const reason = String(found.message)
      .replace(/^ERROR at \d+ \(\d+, \d+\):\s*/, '')
      .replace(/^Verifier (?:cannot parse input:|has)\s*/, '')
      .trim();
    // The verifier counts characters after a byte order mark, not bytes: at or past the last one is the end.
    return { line: found.line, column: found.pos, reason: reason || 'unexpected input', atEnd: (found.offset ?? 0) >= characters, error };
  }
}

/** A file's length in characters (UTF-8, without a leading byte order mark), counted only for a file that is refused. */
async function characterCount(filePath: string): Promise<number> {
  let characters = 0;
  let first = true;
  for await (const block of createReadStream(filePath, { encoding: 'utf8', highWaterMark: READ_BLOCK_BYTES }) as AsyncIterable<string>) {
    characters += block.length - (first && block.charCodeAt(0) === 0xfeff ? 1 : 0);
    first = false;
  }
  return characters;
}
