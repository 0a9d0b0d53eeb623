/**
 * Helpers for the source reader tests: run a reader to the end, collecting its events and
 * warnings, or the one-line message of the error it throws.
 */
import { fileURLToPath } from 'node:url';
import { isPostmortemError } from '../../src/model/errors.js';
import type { ImportedEvent, ImportReadOptions, TimelineSourceReader } from '../../src/import/types.js';

/** test/fixtures/import/, where the readers' fixtures are. */
export const importFixtures = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

/** What a reader gave: its events in the order it gave them, and its warnings. */
export interface ReadResult {
  events: ImportedEvent[];
  warnings: string[];
}

/** Reads `path` (relative to `cwd`, the fixtures by default) to the end. */
export async function readAll(reader: TimelineSourceReader, path: string, options: Partial<ImportReadOptions> = {}): Promise<ReadResult> {
  const events: ImportedEvent[] = [];
  const warnings: string[] = [];
  for await (const event of reader.read(path, { cwd: importFixtures, onWarning: (message) => warnings.push(message), ...options })) events.push(event);
  return { events, warnings };
}

/** The formatted message of the PostmortemError reading `path` throws; fails when it reads, or throws anything else. */
export async function readError(reader: TimelineSourceReader, path: string, options: Partial<ImportReadOptions> = {}): Promise<string> {
  try {
    await readAll(reader, path, options);
  } catch (error) {
    if (isPostmortemError(error)) return error.format();
    throw error;
  }
  throw new Error(`${path} was read without an error`);
}

/** `2026-03-14T14:05:00Z` as epoch milliseconds. */
export function at(iso: string): number {
  const millis = Date.parse(iso);
  if (Number.isNaN(millis)) throw new Error(`not a time: ${iso}`);
  return millis;
}

/** Events as `ISO instant | label | text` lines, for comparing with what a person expects. */
export function describeEvents(events: readonly ImportedEvent[]): string[] {
  return events.map((event) => `${new Date(event.at).toISOString()} | ${event.label ?? '-'} | ${event.text}`);
}
