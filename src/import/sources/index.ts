/**
 * The timeline source readers there are, by name. Detection tries them in the order of
 * IMPORT_SOURCE_NAMES (src/import/types.ts): the more particular shapes first, generic CSV and
 * JSON lines last.
 */
import { IMPORT_SOURCE_NAMES, type ImportSourceName, type TimelineSourceReader } from '../types.js';
import { alertmanagerReader } from './alertmanager.js';
import { genericReader } from './generic.js';
import { gitReader } from './git.js';
import { pagerDutyReader } from './pagerduty.js';
import { slackReader } from './slack.js';

const READERS: ReadonlyMap<ImportSourceName, TimelineSourceReader> = new Map(
  [slackReader, pagerDutyReader, alertmanagerReader, gitReader, genericReader].map((reader) => [reader.name, reader]),
);

/** The readers, in the order detection tries them. */
export function timelineSourceReaders(): TimelineSourceReader[] {
  return IMPORT_SOURCE_NAMES.flatMap((name) => {
    const reader = READERS.get(name);
    return reader ? [reader] : [];
  });
}

/** The reader of a source, or null when there is none by that name. */
export function timelineSourceReader(name: string): TimelineSourceReader | null {
  return READERS.get(name as ImportSourceName) ?? null;
}
