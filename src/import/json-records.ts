/**
 * Records streamed out of a JSON export of any size: the PagerDuty log (pages of
 * `log_entries`, or an incident holding them) and Alertmanager webhook payloads (`alerts`)
 * come as one JSON document, as several concatenated (`}{`, one page after another) or as
 * JSON lines, and may be hundreds of megabytes. stream-json tokenises the file block by
 * block; only one record (a log entry, an alert) is assembled at a time, so memory stays
 * bounded by the largest record and the read block, not the file.
 *
 * The tokenizer is stream-json's bare `jsonParser`, called on each block as it is read and
 * its tokens walked in a plain loop: its async-generator pipeline (`parseFile`) awaits once
 * per token, five times slower on a 128 MB PagerDuty log (9 s against 1.8 s).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { getManyValues, none } from 'stream-chain/defs.js';
import Assembler from 'stream-json/assembler.js';
import { verifyFile } from 'stream-json/file/verifier.js';
import { jsonParser, type Token } from 'stream-json/parser.js';
import { PostmortemError } from '../model/errors.js';

/** Bytes read at a time: large enough that per-block work is negligible, small enough to stay bounded. */
const READ_BLOCK_BYTES = 256 * 1024;

/** One value read from the file. */
export type JsonRecord =
  /** An element of an array held under the records key (`log_entries`, `alerts`), anywhere in the file. */
  | { kind: 'record'; value: unknown; index: number }
  /**
   * A top-level value (or an element of a top-level array) in which no records key appeared:
   * a bare record written one per line, or a document of another shape.
   */
  | { kind: 'top'; value: unknown; index: number };

/** What the caller reads. */
export interface JsonRecordsOptions {
  /** The key whose array elements are the records: `log_entries`, `alerts`. */
  recordsKey: string;
  /** The file as the user named it, for messages. */
  displayPath: string;
}

interface Frame {
  type: 'object' | 'array';
  /** The key this container sits under in its parent object, or null (top level, array element). */
  key: string | null;
  /** For objects: the key whose value comes next. */
  pendingKey: string | null;
}

/**
 * Streams the records of a JSON file (one document, several concatenated, or JSON lines).
 * `record` values are numbered 1, 2, 3 in file order; `top` values by their place among the
 * file's top-level values. Throws `PostmortemError` with the line and column for JSON that
 * does not parse or ends early (a truncated download).
 */
export async function* readJsonRecords(filePath: string, options: JsonRecordsOptions): AsyncGenerator<JsonRecord> {
  const { recordsKey, displayPath } = options;
  await checkReadableFile(filePath, displayPath);
  const stack: Frame[] = [];
  // What is being assembled: a record, or a top-level value that may yet turn out to hold records.
  let assembling: { assembler: Assembler; kind: 'record' | 'top'; depth: number; index: number } | null = null;
  let recordCount = 0;
  let topCount = 0;
  // Packed values only: the streamed chunk tokens would only be skipped.
  const parse = jsonParser({ jsonStreaming: true, streamValues: false, packValues: true });
  const blocks = createReadStream(filePath, { encoding: 'utf8', highWaterMark: READ_BLOCK_BYTES });
  let first = true;
  try {
    for await (const block of blocks as AsyncIterable<string>) {
      // The bare tokenizer takes a leading byte order mark for a syntax error.
      const text = first ? block.replace(/^\uFEFF/, '') : block;
      first = false;
      const parsed = parse(text);
      if (parsed === none) continue;
      // Records found in this block are handed on after it is walked: the walk stays synchronous.
      const found: JsonRecord[] = [];
      for (const token of getManyValues(parsed) as Token[]) {
        const name = token.name;
        const opensContainer = name === 'startObject' || name === 'startArray';
        if (opensContainer || name === 'stringValue' || name === 'numberValue' || name === 'nullValue' || name === 'trueValue' || name === 'falseValue') {
          const parent = stack[stack.length - 1];
          // A top-level value, or an element of a top-level array (a JSON array of payloads);
          // a top-level array itself is only the list around them.
          const topSlot = parent === undefined ? name !== 'startArray' : stack.length === 1 && parent.type === 'array';
          if (topSlot) topCount += 1;
          if (assembling === null) {
            if (parent?.type === 'array' && parent.key === recordsKey) {
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
      yield* found;
    }
  } catch (error) {
    if (error instanceof PostmortemError) throw error;
    throw await syntaxError(filePath, displayPath, error);
  }
  if (stack.length > 0) throw await syntaxError(filePath, displayPath, null);
}

async function checkReadableFile(filePath: string, displayPath: string): Promise<void> {
  let info;
  try {
    info = await stat(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PostmortemError(code === 'ENOENT' ? 'no such file' : `cannot read: ${(error as Error).message}`, { filePath: displayPath }, { cause: error });
  }
  if (info.isDirectory()) throw new PostmortemError('is a directory, not a JSON file', { filePath: displayPath });
}

/**
 * The error for JSON that did not parse (or, with `cause` null, ended inside a value):
 * stream-json's verifier reads the file again to say where, which costs a second pass but
 * only on a file that is already refused.
 */
async function syntaxError(filePath: string, displayPath: string, cause: unknown): Promise<PostmortemError> {
  if (cause instanceof RangeError) {
    return new PostmortemError(`not readable as JSON: ${cause.message}`, { filePath: displayPath }, { cause });
  }
  const code = (cause as NodeJS.ErrnoException | null)?.code;
  if (code) return new PostmortemError(`cannot read: ${(cause as Error).message}`, { filePath: displayPath }, { cause });
  try {
    await verifyFile(filePath, { jsonStreaming: true });
  } catch (error) {
    const where = error as { message?: string; line?: number; pos?: number; offset?: number };
    if (typeof where.line === 'number') {
      const size = (await stat(filePath)).size;
      // The verifier counts characters, not bytes: an offset at or past the last one is the end.
      const truncated = typeof where.offset === 'number' && where.offset >= (await characterCount(filePath, size));
      const reason = truncated
        ? `the JSON ends early at byte ${size} (a truncated file?)`
        : `not valid JSON: ${describeVerifierMessage(where.message ?? '')}`;
      return new PostmortemError(reason, { filePath: displayPath, line: where.line, column: where.pos ?? null }, { cause: cause ?? error });
    }
  }
  const reason = cause === null ? 'the JSON ends early (a truncated file?)' : `not valid JSON: ${(cause as Error).message}`;
  return new PostmortemError(reason, { filePath: displayPath }, { cause });
}

/** The characters of a file (UTF-8), counted only when a file is refused; its byte size bounds it. */
async function characterCount(filePath: string, size: number): Promise<number> {
  let count = 0;
  for await (const block of createReadStream(filePath, { encoding: 'utf8', highWaterMark: READ_BLOCK_BYTES }) as AsyncIterable<string>) count += block.length;
  return Math.min(count, size);
}

/** "ERROR at 34 (2, 10): Verifier cannot parse input: expected ','" -> "expected ','". */
function describeVerifierMessage(message: string): string {
  return message.replace(/^ERROR at \d+ \(\d+, \d+\):\s*/, '').replace(/^Verifier (?:cannot parse input|has expected)\s*:?\s*/, 'expected ').replace(/^expected expected/, 'expected').trim();
}
