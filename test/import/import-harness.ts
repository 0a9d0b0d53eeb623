/**
 * Helpers for the timeline import tests: the fixtures' folder, a reader's events collected
 * with its warnings, and a thrown PostmortemError's one line.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import { isPostmortemError } from '../../src/model/errors.js';
import type { ImportedEvent, ImportReadOptions, TimelineSourceReader } from '../../src/import/types.js';

/** test/fixtures/import, where the sources' fixtures are. */
export const importFixtures = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

/** An instant written in ISO 8601 (`2026-03-14T14:05:00Z`), as epoch milliseconds; throws for a typo. */
export function at(iso: string): number {
  const millis = Date.parse(iso);
  if (Number.isNaN(millis)) throw new Error(`not a time: ${iso}`);
  return millis;
}

/** What a read gave: the events (in the order read) and the warnings. */
export interface ReadResult {
  events: ImportedEvent[];
  warnings: string[];
}

/** Every event of `reader.read(path)`, with the warnings it gave. */
export async function readAll(reader: TimelineSourceReader, path: string, options: Partial<ImportReadOptions> = {}): Promise<ReadResult> {
  const warnings: string[] = [];
  const events: ImportedEvent[] = [];
  for await (const event of reader.read(path, { cwd: importFixtures, onWarning: (message) => warnings.push(message), ...options })) events.push(event);
  return { events, warnings };
}

/** The one line a PostmortemError thrown by `action` prints (`file:line: message`); fails when something else is thrown, or nothing. */
export async function errorLine(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
  } catch (error) {
    if (!isPostmortemError(error)) throw error;
    expect1Line(error.format());
    return error.format();
  }
  throw new Error('expected a PostmortemError, and nothing was thrown');
}

function expect1Line(text: string): void {
  if (text.includes('\n')) throw new Error(`an error message of more than one line: ${text}`);
}

/** A scratch folder for one test, removed after it; `files` are written into it. */
export function useScratchFolder(): { path: () => string; write: (files: Record<string, string | Buffer>) => Promise<void> } {
  let folder = '';
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'postmortem-import-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });
  return {
    path: () => folder,
    write: async (files) => {
      for (const [name, content] of Object.entries(files)) {
        await mkdir(dirname(join(folder, name)), { recursive: true });
        await writeFile(join(folder, name), content);
      }
    },
  };
}

/** The one line of the PostmortemError reading `path` to the end throws; fails when it reads, or throws anything else. */
export function readError(reader: TimelineSourceReader, path: string, options: Partial<ImportReadOptions> = {}): Promise<string> {
  return errorLine(() => readAll(reader, path, options));
}

/** Events as `ISO instant | label | text` lines, for comparing with what a person expects. */
export function describeEvents(events: readonly ImportedEvent[]): string[] {
  return events.map((event) => `${new Date(event.at).toISOString()} | ${event.label ?? '-'} | ${event.text}`);
}
