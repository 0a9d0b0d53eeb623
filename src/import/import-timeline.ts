/**
 * PLACEHOLDER on the import-cli branch until the readers' branch (import-sources) lands on
 * main: its importTimeline replaces this file whole at the merge. It reads only JSON lines
 * with `time` (ISO 8601 with an offset), `text` and an optional `label`, enough for the
 * commands' tests, whose fixtures are in the generic reader's shape.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PostmortemError } from '../model/errors.js';
import type { ImportedEvent, ImportReadOptions, ImportSourceName } from './types.js';

/** Reads events from every path, sorted by time, filtered to the window. */
export async function importTimeline(paths: readonly string[], options: ImportReadOptions & { from?: ImportSourceName | null }): Promise<ImportedEvent[]> {
  const events: ImportedEvent[] = [];
  for (const path of paths) {
    const text = await readFile(resolve(options.cwd, path), 'utf8').catch(() => {
      throw new PostmortemError('no such file', { filePath: path });
    });
    text.split('\n').forEach((line, index) => {
      if (!line.trim()) return;
      let record: { time?: string; text?: string; label?: string };
      try {
        record = JSON.parse(line) as typeof record;
      } catch {
        throw new PostmortemError('not a JSON line', { filePath: path, line: index + 1 });
      }
      const at = Date.parse(record.time ?? '');
      if (Number.isNaN(at)) throw new PostmortemError('no time', { filePath: path, line: index + 1 });
      if ((options.since ?? -Infinity) > at || (options.until ?? Infinity) < at) return;
      events.push({ at, text: record.text ?? '', label: record.label ?? null, source: 'generic', origin: `${path}:${index + 1}` });
    });
  }
  return events.sort((first, second) => first.at - second.at);
}
