/**
 * Generic records: a CSV file (RFC 4180, a header row first) or a JSON-lines file (one object
 * per line), with a time and a text in each record and, if wanted, a label. Anything a team
 * can export as a table: a chat tool without a reader here, a status page's history, a
 * spreadsheet kept during the incident.
 *
 * Columns (keys in JSON lines; a dotted key such as `labels.alertname` reaches into objects):
 * the time is `timeField`, else the first of time, timestamp, date, at, ts; the text is
 * `textField`, else the first of text, message, event, description, summary; the label is
 * `labelField`, else a column named label when there is one. Names match in any case.
 *
 * A record whose time cannot be read is an error naming the file and line (exit 2), not a
 * skip: an entry quietly missing from a timeline is worse than a stop with the line to fix.
 * A record with an empty text is skipped, and the skips are counted in one warning.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { extname, resolve } from 'node:path';
import { parse as parseCsv, type CsvError, type Info } from 'csv-parse';
import { PostmortemError } from '../../model/errors.js';
import { parseEventTime, readAssumedZone, zoneAsWritten } from '../event-time.js';
import { countOf, formatCount, oneLine } from '../record-fields.js';
import { inWindow, readFileHead, sourceFileError, statSource } from '../source-input.js';
import type { ImportedEvent, ImportReadOptions, TimelineSourceReader } from '../types.js';

/** The columns tried, in order, when no field is named. */
export const GENERIC_DEFAULT_FIELDS = {
  time: ['time', 'timestamp', 'date', 'at', 'ts'],
  text: ['text', 'message', 'event', 'description', 'summary'],
  label: ['label'],
} as const;

type FieldRole = keyof typeof GENERIC_DEFAULT_FIELDS;

const OPTION_OF_ROLE: Record<FieldRole, string> = { time: '--time-field', text: '--text-field', label: '--label-field' };

/** The reader of CSV and JSON-lines files. */
export const genericReader: TimelineSourceReader = {
  name: 'generic',
  detect(path, head, isDirectory) {
    if (isDirectory) return false;
    const extension = extname(path).toLowerCase();
    if (extension === '.csv' || extension === '.jsonl' || extension === '.ndjson') return true;
    const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
    if (firstLine.trimStart().startsWith('{')) return jsonLineHasTime(firstLine);
    return csvHeaderHasTime(firstLine);
  },
  read(path, options) {
    return readGeneric(path, options);
  },
};

/** A first line that is a JSON object with one of the default time keys (a cut-off line at the end of the head counts when it starts so). */
function jsonLineHasTime(line: string): boolean {
  try {
    const value = JSON.parse(line) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).some((key) => isDefault('time', key));
  } catch {
    return GENERIC_DEFAULT_FIELDS.time.some((name) => new RegExp(`^\\s*\\{.*"${name}"\\s*:`, 'i').test(line));
  }
}

/** A first line that is a CSV header with two or more columns, one of them a default time column. */
function csvHeaderHasTime(line: string): boolean {
  const columns = line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
  return columns.length >= 2 && columns.some((column) => isDefault('time', column));
}

function isDefault(role: FieldRole, name: string): boolean {
  return (GENERIC_DEFAULT_FIELDS[role] as readonly string[]).includes(name.toLowerCase());
}

/** How a file's records are read: CSV unless it is named .jsonl/.ndjson or starts with `{`. */
async function formatOf(absolute: string, display: string): Promise<'csv' | 'jsonl'> {
  const extension = extname(absolute).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl';
  const head = await readFileHead(absolute, display, 4096);
  return head.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

/** One record: its fields, by name, and the line it starts on. */
interface GenericRecord {
  line: number;
  /** The time's column or key, quoted, for messages. */
  timeField: string;
  get(role: FieldRole): unknown;
}

async function* readGeneric(path: string, options: ImportReadOptions): AsyncGenerator<ImportedEvent> {
  const absolute = resolve(options.cwd, path);
  const stats = await statSource(absolute, path);
  if (stats.isDirectory()) throw new PostmortemError('is a folder: a CSV or JSON-lines file was expected', { filePath: path });
  const zone = readAssumedZone(options.assumeZone);
  const format = await formatOf(absolute, path);
  const records = format === 'csv' ? csvRecords(absolute, path, options) : jsonLineRecords(absolute, path, options);
  let warnedZone = false;
  const emptyTextLines: number[] = [];
  for await (const row of records) {
    const time = parseEventTime(row.get('time'), zone);
    if (!time) {
      const written = row.get('time');
      const problem = written === undefined || written === null || String(written).trim() === '' ? 'no time' : `"${String(written)}" is not a time`;
      throw new PostmortemError(`${problem} in ${row.timeField}: write ISO 8601 (2026-03-14T14:05:00Z, or without the offset in the zone assumed) or epoch seconds or milliseconds`, { filePath: path, line: row.line });
    }
    if (time.zoneAssumed && !warnedZone) {
      warnedZone = true;
      options.onWarning?.(`${path}:${row.line}: times without a UTC offset are read in ${zoneAsWritten(zone)} (the zone assumed)`);
    }
    if (!inWindow(time.at, options)) continue;
    const text = oneLine(cellText(row.get('text')));
    if (!text) {
      emptyTextLines.push(row.line);
      continue;
    }
    const label = oneLine(cellText(row.get('label')));
    yield { at: time.at, text, label, source: 'generic', origin: `${path}:${row.line}` };
  }
  if (emptyTextLines.length > 0) {
    const lines = emptyTextLines.slice(0, 5).join(', ') + (emptyTextLines.length > 5 ? ', ...' : '');
    options.onWarning?.(`${path}: skipped ${countOf(emptyTextLines.length, 'record')} with no text (line${emptyTextLines.length === 1 ? '' : 's'} ${lines})`);
  }
}

/** A cell or JSON value as text: strings as they are, numbers and booleans written out, anything else nothing. */
function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/**
 * The column a role reads: the one named by its option (exact, else in any case), or the
 * first default present. Null when the role has no column (an error for time and text).
 */
function pickField(names: readonly string[], role: FieldRole, options: ImportReadOptions): string | null {
  const named = role === 'time' ? options.timeField : role === 'text' ? options.textField : options.labelField;
  if (named) return names.includes(named) ? named : (names.find((name) => name.toLowerCase() === named.toLowerCase()) ?? null);
  for (const candidate of GENERIC_DEFAULT_FIELDS[role]) {
    const found = names.find((name) => name.toLowerCase() === candidate);
    if (found !== undefined) return found;
  }
  return null;
}

function missingField(role: FieldRole, names: readonly string[], options: ImportReadOptions, where: { filePath: string; line: number }, noun: 'column' | 'key'): PostmortemError {
  const named = role === 'time' ? options.timeField : role === 'text' ? options.textField : options.labelField;
  const looked = named ? `"${named}"` : GENERIC_DEFAULT_FIELDS[role].join(', ');
  const have = names.length > 0 ? names.join(', ') : 'none';
  return new PostmortemError(`no ${role} ${noun} (looked for ${looked}; the ${noun}s are ${have}): name it with ${OPTION_OF_ROLE[role]}`, where);
}

/** The longest CSV record read, in characters: no timeline entry comes near it. */
const MAX_CSV_RECORD_CHARACTERS = 1024 * 1024;

async function* csvRecords(absolute: string, display: string, options: ImportReadOptions): AsyncGenerator<GenericRecord> {
  // One record (one row, or a quoted cell left open by a stray quote) never grows past this:
  // without it an unclosed quote early in a 200 MB file would gather the rest of it in memory.
  const parser = parseCsv({ bom: true, skip_empty_lines: true, info: true, max_record_size: MAX_CSV_RECORD_CHARACTERS });
  const input = createReadStream(absolute);
  // pipe() does not pass a read error on: the parser would wait for input that never comes.
  input.once('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let columns: Array<number | null> | null = null;
  let timeField = '';
  let previousEnd = 0;
  let previousEmpty = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      // csv-parse says the line a record ends on; it starts after the previous one and the empty lines skipped.
      const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
      previousEnd = info.lines;
      previousEmpty = info.empty_lines;
      if (!columns) {
        const names = record.map((name) => name.trim());
        const time = pickField(names, 'time', options);
        const text = pickField(names, 'text', options);
        const label = pickField(names, 'label', options);
        if (time === null) throw missingField('time', names, options, { filePath: display, line }, 'column');
        if (text === null) throw missingField('text', names, options, { filePath: display, line }, 'column');
        if (label === null && options.labelField) throw missingField('label', names, options, { filePath: display, line }, 'column');
        columns = [names.indexOf(time), names.indexOf(text), label === null ? null : names.indexOf(label)];
        timeField = `column "${time}"`;
        continue;
      }
      const [time, text, label] = columns;
      const cells = record;
      yield {
        line,
        timeField,
        get: (role) => {
          const index = role === 'time' ? time : role === 'text' ? text : label;
          return index === null || index === undefined ? undefined : cells[index];
        },
      };
    }
  } catch (error) {
    if (error instanceof PostmortemError) throw error;
    if ((error as NodeJS.ErrnoException | null)?.syscall) throw sourceFileError(error, display);
    const csvError = error as CsvError & { lines?: number };
    // A record too long is named where it starts: that is where the stray quote is.
    const line = csvError.code === 'CSV_MAX_RECORD_SIZE' ? previousEnd + 1 : typeof csvError.lines === 'number' ? csvError.lines : null;
    throw new PostmortemError(`not valid CSV: ${csvReason(csvError)}`, { filePath: display, line }, { cause: error });
  } finally {
    input.destroy();
    parser.destroy();
  }
}

/** csv-parse's reason in the words of this tool (its own messages name the line again and use its option names). */
function csvReason(error: CsvError): string {
  const message = String(error.message ?? error);
  if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    const counts = /expect (\d+), got (\d+)/.exec(message);
    if (counts) return `${counts[2]} cells where the header has ${counts[1]} (a comma in a cell needs the cell in double quotes)`;
  }
  if (error.code === 'CSV_MAX_RECORD_SIZE') return `a record starting here runs past ${formatCount(MAX_CSV_RECORD_CHARACTERS)} characters (a double quote that opens a cell never closes?)`;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return 'the file ends inside a quoted cell (truncated, or a stray double quote earlier on)';
  return message.replace(/\s+(?:on|at) line \d+\.?$/, '').replace(/\.$/, '');
}

async function* jsonLineRecords(absolute: string, display: string, options: ImportReadOptions): AsyncGenerator<GenericRecord> {
  const input = createReadStream(absolute, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  try {
    for await (const written of lines) {
      number += 1;
      const source = number === 1 ? written.replace(/^\uFEFF/, '') : written;
      if (source.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(source);
      } catch (error) {
        const reason = (error as Error).message.replace(/\s+/g, ' ').replace(/ in JSON at position \d+.*$/, '');
        throw new PostmortemError(`not valid JSON: ${reason} (each line of a JSON-lines file is one JSON object)`, { filePath: display, line: number }, { cause: error });
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new PostmortemError('not a JSON object: each line of a JSON-lines file is one object with a time and a text', { filePath: display, line: number });
      }
      const object = value as Record<string, unknown>;
      const keys = Object.keys(object);
      const where = { filePath: display, line: number };
      const time = fieldKey(object, keys, 'time', options);
      if (time === null) throw missingField('time', keys, options, where, 'key');
      const textKey = fieldKey(object, keys, 'text', options);
      if (textKey === null) throw missingField('text', keys, options, where, 'key');
      const label = fieldKey(object, keys, 'label', options);
      yield { line: number, timeField: `key "${time}"`, get: (role) => (role === 'time' ? lookup(object, time) : role === 'text' ? lookup(object, textKey) : label === null ? undefined : lookup(object, label)) };
    }
  } catch (error) {
    if (error instanceof PostmortemError) throw error;
    throw sourceFileError(error, display);
  } finally {
    lines.close();
    input.destroy();
  }
}

/** The key a role reads in one JSON object: as pickField says, or a dotted path into nested objects. */
function fieldKey(object: Record<string, unknown>, keys: string[], role: FieldRole, options: ImportReadOptions): string | null {
  const named = role === 'time' ? options.timeField : role === 'text' ? options.textField : options.labelField;
  if (named && !keys.includes(named) && named.includes('.') && lookup(object, named) !== undefined) return named;
  return pickField(keys, role, options);
}

/** A key's value, or a dotted path's (`labels.alertname`) when the object has no key of that name. */
function lookup(object: Record<string, unknown>, key: string): unknown {
  if (Object.hasOwn(object, key)) return object[key];
  let value: unknown = object;
  for (const part of key.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
