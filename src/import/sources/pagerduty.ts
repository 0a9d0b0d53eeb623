/**
 * The PagerDuty reader: an incident's log entries as the REST API returns them
 * (`GET /incidents/{id}/log_entries`: `{ "log_entries": [...], "limit", "offset", "more" }`),
 * several such pages concatenated or one per line, an incident JSON holding `log_entries`,
 * or bare log entries one per line (`jq -c '.log_entries[]'`).
 *
 * Each kept entry becomes one event; the entry's type says what happened and gives the
 * label (see ENTRY_TYPES). Notifications, automatic assignments and the other bookkeeping
 * entries PagerDuty writes are skipped, and counted in one warning.
 */
import { resolve } from 'node:path';
import { PostmortemError } from '../../model/errors.js';
import { parseEventTime, readAssumedZone, zoneAsWritten } from '../event-time.js';
import { readJsonRecords } from '../json-stream.js';
import { countOf, describeJsonValue, field, formatCount, isPlainObject, oneLine } from '../record-fields.js';
import { detachedString, inWindow } from '../source-input.js';
import type { ImportedEvent, ImportReadOptions, TimelineSourceReader } from '../types.js';

type LogEntry = Record<string, unknown>;

/** How a kept entry type reads: its label and its text. */
interface EntryType {
  label: 'Detection' | 'Escalation' | 'Resolution' | null;
  text(entry: LogEntry): string;
}

/**
 * The entry types kept. Everything else (`notify_log_entry`, `link_log_entry`,
 * `reach_trigger_limit_log_entry`, `repeat_escalation_path_log_entry`,
 * `exhaust_escalation_path_log_entry`, automatic `assign_log_entry`, types PagerDuty adds
 * later) is skipped: a page sent to a phone or an assignment the escalation policy made is
 * noise next to the trigger, acknowledgement and escalation it follows from.
 */
export const PAGERDUTY_ENTRY_TYPES: Readonly<Record<string, EntryType>> = {
  trigger_log_entry: {
    label: 'Detection',
    text: (entry) => {
      const by = agentName(entry);
      const what = oneLine(field(field(entry, 'event_details'), 'description'))
        ?? oneLine(field(field(entry, 'channel'), 'summary'))
        ?? incidentTitle(entry);
      if (what) return by ? `Triggered by ${by}: ${what}` : `Triggered: ${what}`;
      return oneLine(entry.summary) ?? (by ? `Triggered by ${by}` : 'Incident triggered');
    },
  },
  acknowledge_log_entry: { label: 'Escalation', text: (entry) => byAgent(entry, 'Acknowledged') },
  escalate_log_entry: {
    label: 'Escalation',
    text: (entry) => {
      const summary = oneLine(entry.summary);
      if (summary && /^escalated\b/i.test(summary)) return summary;
      const to = assigneeNames(entry);
      if (to) return `Escalated to ${to}`;
      return summary ?? byAgent(entry, 'Escalated');
    },
  },
  // A person handing the incident to another team or person: a reassignment, as the
  // escalation policy's own `assign_log_entry`s are not (see keptAssignment).
  assign_log_entry: { label: 'Escalation', text: (entry) => reassignment(entry, 'Reassigned') },
  delegate_log_entry: { label: 'Escalation', text: (entry) => reassignment(entry, 'Reassigned') },
  resolve_log_entry: { label: 'Resolution', text: (entry) => byAgent(entry, 'Resolved') },
  annotate_log_entry: {
    label: null,
    text: (entry) => {
      const by = agentName(entry);
      // The note itself is the channel's summary; the entry's own summary may only say a note was added.
      const note = oneLine(field(field(entry, 'channel'), 'summary')) ?? oneLine(field(field(entry, 'channel'), 'content')) ?? oneLine(entry.summary) ?? '';
      return by ? `Note by ${by}: ${note}`.trimEnd() : `Note: ${note}`.trimEnd();
    },
  },
  unacknowledge_log_entry: { label: null, text: (entry) => oneLine(entry.summary) ?? byAgent(entry, 'Unacknowledged') },
  snooze_log_entry: { label: null, text: (entry) => oneLine(entry.summary) ?? byAgent(entry, 'Snoozed') },
  unsnooze_log_entry: { label: null, text: (entry) => oneLine(entry.summary) ?? 'Snooze ended' },
  urgency_change_log_entry: { label: null, text: (entry) => oneLine(entry.summary) ?? byAgent(entry, 'Urgency changed') },
  priority_change_log_entry: { label: null, text: (entry) => oneLine(entry.summary) ?? byAgent(entry, 'Priority changed') },
};

function agentName(entry: LogEntry): string | null {
  return oneLine(field(entry.agent, 'summary'));
}

function byAgent(entry: LogEntry, verb: string): string {
  const by = agentName(entry);
  return by ? `${verb} by ${by}` : oneLine(entry.summary) ?? verb;
}

/** `[#4821] checkout 5xx above 5%` -> `checkout 5xx above 5%`: the number is PagerDuty's, not the incident's story. */
function incidentTitle(entry: LogEntry): string | null {
  const title = oneLine(field(entry.incident, 'summary'));
  return title ? title.replace(/^\[#\d+\]\s*/, '') || null : null;
}

function assigneeNames(entry: LogEntry): string | null {
  const list = Array.isArray(entry.assignees) ? entry.assignees : [];
  const names = list.map((assignee) => oneLine(field(assignee, 'summary'))).filter((name): name is string => name !== null);
  return names.length > 0 ? names.join(', ') : null;
}

function reassignment(entry: LogEntry, verb: string): string {
  const summary = oneLine(entry.summary);
  if (summary) return summary;
  const to = assigneeNames(entry);
  const by = agentName(entry);
  return `${verb}${to ? ` to ${to}` : ''}${by ? ` by ${by}` : ''}`;
}

/** An assignment is kept when a person made it; PagerDuty's own (on trigger, on escalation) are not news. */
function keptAssignment(entry: LogEntry): boolean {
  return field(entry.agent, 'type') === 'user_reference';
}

function isLogEntryShaped(value: unknown): value is LogEntry {
  return isPlainObject(value) && typeof value.type === 'string' && /_log_entry(?:_reference)?$/.test(value.type);
}

/**
 * Reads the events of a PagerDuty log file. See the module comment for the shapes read;
 * throws `PostmortemError` for a file of another shape, a truncated JSON (with line and
 * column) or a log entry without a readable `created_at` (naming the entry).
 */
export async function* readPagerDutyLog(path: string, options: ImportReadOptions): AsyncGenerator<ImportedEvent> {
  const filePath = resolve(options.cwd, path);
  const zone = readAssumedZone(options.assumeZone);
  const seenIds = new Set<string>();
  const skipped = new Map<string, number>();
  let entryNumber = 0;
  let zoneAssumed = false;
  for await (const record of readJsonRecords(filePath, { recordsKey: 'log_entries', displayPath: path })) {
    const value = record.value;
    if (record.kind === 'top' && !isLogEntryShaped(value)) {
      const incident = field(value, 'incident');
      if (isPlainObject(incident)) {
        throw new PostmortemError(`JSON value ${record.index} is an incident without "log_entries": save GET /incidents/{id}/log_entries instead (see the README, Timeline import)`, { filePath: path });
      }
      throw new PostmortemError(`not a PagerDuty log: JSON value ${record.index} is ${describeJsonValue(value)}, not a log entries response (expected "log_entries")`, { filePath: path });
    }
    entryNumber += 1;
    if (!isPlainObject(value)) {
      throw new PostmortemError(`log entry ${entryNumber} is ${describeJsonValue(value)}, not a log entry object`, { filePath: path });
    }
    const type = typeof value.type === 'string' ? value.type.replace(/_reference$/, '') : '(no type)';
    const kept = PAGERDUTY_ENTRY_TYPES[type];
    if (!kept || (type === 'assign_log_entry' && !keptAssignment(value))) {
      skipped.set(type, (skipped.get(type) ?? 0) + 1);
      continue;
    }
    const instant = parseEventTime(value.created_at, zone, 'rfc3339');
    if (!instant) {
      if (value.created_at === undefined && typeof value.type === 'string' && value.type.endsWith('_reference')) {
        throw new PostmortemError(`log entry ${entryNumber} is a reference without created_at: save the full entries from GET /incidents/{id}/log_entries`, { filePath: path });
      }
      const shown = value.created_at === undefined ? 'no created_at' : `created_at ${JSON.stringify(value.created_at)} is not an ISO 8601 time`;
      throw new PostmortemError(`log entry ${entryNumber} (${type}) has ${shown}`, { filePath: path });
    }
    if (instant.zoneAssumed) zoneAssumed = true;
    if (!inWindow(instant.at, options)) continue;
    // Overlapping pages (an offset fetched twice) repeat entries: one event each. Only ids in
    // the window are kept, so the set is as large as the import, not the log.
    if (typeof value.id === 'string') {
      if (seenIds.has(value.id)) continue;
      seenIds.add(detachedString(value.id));
    }
    yield { at: instant.at, text: detachedString(kept.text(value)), label: kept.label, source: 'pagerduty', origin: `${path}#${entryNumber}` };
  }
  if (zoneAssumed) options.onWarning?.(`${path}: times without a zone were read as ${zoneAsWritten(zone)}`);
  if (entryNumber === 0) options.onWarning?.(`${path}: no PagerDuty log entries in the file`);
  const skippedTotal = [...skipped.values()].reduce((sum, count) => sum + count, 0);
  if (skippedTotal > 0) {
    const kinds = [...skipped].sort((a, b) => b[1] - a[1]).map(([type, count]) => `${type} ${formatCount(count)}`).join(', ');
    options.onWarning?.(`${path}: skipped ${countOf(skippedTotal, 'log entry', 'log entries')} of other types (${kinds})`);
  }
}

/** Whether a file's first bytes look like PagerDuty log entries: a `log_entries` key, or an entry's `*_log_entry` type. */
export function looksLikePagerDutyLog(head: string): boolean {
  return /"log_entries"\s*:/.test(head) || /"type"\s*:\s*"[a-z_]+_log_entry"/.test(head);
}

/** Reads PagerDuty's incident log entries (REST API responses, saved to a file). */
export const pagerDutyReader: TimelineSourceReader = {
  name: 'pagerduty',
  detect: (_path, head, isDirectory) => !isDirectory && looksLikePagerDutyLog(head),
  read: (path, options) => readPagerDutyLog(path, options),
};
