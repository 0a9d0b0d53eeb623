/**
 * The Prometheus Alertmanager reader: the JSON payloads Alertmanager POSTs to a webhook
 * receiver (`{ "version": "4", "status", "receiver", "alerts": [...], "groupLabels", ... }`),
 * one per file, many as JSON lines or concatenated, or a JSON array of them; also bare alerts
 * one per line (`jq -c '.alerts[]'`).
 *
 * Every alert gives an event when it started firing (label Detection) and, once it is
 * resolved, one when it stopped. Alertmanager repeats an alert in every notification of its
 * group until it resolves: the same alert (fingerprint) with the same start is one event.
 *
 * The end of an alert carries no label and reads "stopped firing", not "resolved": an alert
 * clearing is not necessarily the incident's resolution (alerts flap, a symptom clears while
 * the cause remains, one of several alerts clears first), and the postmortem's timeline
 * milestones take an entry that says "resolved" for the resolution.
 */
import { resolve } from 'node:path';
import { PostmortemError } from '../../model/errors.js';
import { parseEventTime, readAssumedZone, zoneAsWritten } from '../event-time.js';
import { readJsonRecords } from '../json-stream.js';
import { describeJsonValue, field, isPlainObject, oneLine } from '../record-fields.js';
import { detachedString, inWindow } from '../source-input.js';
import type { ImportedEvent, ImportReadOptions, TimelineSourceReader } from '../types.js';

/** Go's zero time: Alertmanager's `endsAt` for an alert still firing. */
const ZERO_TIME = /^0001-01-01T00:00:00(?:\.0+)?(?:Z|[+-]00:?00)?$/;

function isAlertShaped(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && isPlainObject(value.labels) && typeof value.startsAt === 'string';
}

/** The same alert across notifications: its fingerprint, else its labels (what Alertmanager fingerprints). */
function alertIdentity(alert: Record<string, unknown>): string {
  if (typeof alert.fingerprint === 'string' && alert.fingerprint !== '') return alert.fingerprint;
  const labels = isPlainObject(alert.labels) ? alert.labels : {};
  return JSON.stringify(Object.keys(labels).sort().map((key) => [key, labels[key]]));
}

/**
 * Reads the events of a file of Alertmanager webhook payloads. Throws `PostmortemError` for
 * a file of another shape, a truncated JSON (with line and column) or an alert without a
 * readable `startsAt` (naming the alert).
 */
export async function* readAlertmanagerPayloads(path: string, options: ImportReadOptions): AsyncGenerator<ImportedEvent> {
  const filePath = resolve(options.cwd, path);
  const zone = readAssumedZone(options.assumeZone);
  const started = new Set<string>();
  const ended = new Set<string>();
  let alertNumber = 0;
  let zoneAssumed = false;
  for await (const record of readJsonRecords(filePath, { recordsKey: 'alerts', displayPath: path })) {
    const alert = record.value;
    if (record.kind === 'top' && !isAlertShaped(alert)) {
      throw new PostmortemError(`not an Alertmanager webhook payload: JSON value ${record.index} is ${describeJsonValue(alert)} (expected "alerts")`, { filePath: path });
    }
    alertNumber += 1;
    if (!isPlainObject(alert)) throw new PostmortemError(`alert ${alertNumber} is ${describeJsonValue(alert)}, not an alert object`, { filePath: path });
    const name = oneLine(field(alert.labels, 'alertname')) ?? 'without alertname';
    const start = parseEventTime(alert.startsAt, zone, 'rfc3339');
    if (!start) {
      const shown = alert.startsAt === undefined ? 'no startsAt' : `startsAt ${JSON.stringify(alert.startsAt)}, not an RFC 3339 time`;
      throw new PostmortemError(`alert ${alertNumber} (${name}) has ${shown}`, { filePath: path });
    }
    if (start.zoneAssumed) zoneAssumed = true;
    const origin = `${path}#${alertNumber}`;
    // Only the alerts whose events are in the window are remembered, so the sets are as large
    // as the import, not the file (and hold copies: see detachedString).
    let identity: string | null = null;
    if (inWindow(start.at, options) && typeof alert.startsAt === 'string' && !ZERO_TIME.test(alert.startsAt)) {
      identity = detachedString(`${alertIdentity(alert)}\u0000${start.at}`);
      if (!started.has(identity)) {
        started.add(identity);
        const summary = oneLine(field(alert.annotations, 'summary')) ?? oneLine(field(alert.annotations, 'description'));
        yield { at: start.at, text: detachedString(`Alert ${name} firing${summary ? `: ${summary}` : ''}`), label: 'Detection', source: 'alertmanager', origin };
      }
    }
    // A firing alert's endsAt is the zero time, or when Alertmanager will call it resolved if
    // it hears nothing more: not an end that happened. Only a resolved alert's endsAt is.
    if (alert.status !== 'resolved' || typeof alert.endsAt !== 'string' || ZERO_TIME.test(alert.endsAt)) continue;
    const end = parseEventTime(alert.endsAt, zone, 'rfc3339');
    if (!end) throw new PostmortemError(`alert ${alertNumber} (${name}) has endsAt ${JSON.stringify(alert.endsAt)}, not an RFC 3339 time`, { filePath: path });
    if (end.zoneAssumed) zoneAssumed = true;
    if (!inWindow(end.at, options)) continue;
    identity ??= detachedString(`${alertIdentity(alert)}\u0000${start.at}`);
    if (ended.has(identity)) continue;
    ended.add(identity);
    yield { at: end.at, text: detachedString(`Alert ${name} stopped firing`), label: null, source: 'alertmanager', origin };
  }
  if (zoneAssumed) options.onWarning?.(`${path}: times without a zone were read as ${zoneAsWritten(zone)}`);
  if (alertNumber === 0) options.onWarning?.(`${path}: no alerts in the file`);
}

/** Whether a file's first bytes look like Alertmanager webhook payloads or alerts. */
export function looksLikeAlertmanagerPayload(head: string): boolean {
  const hasStart = /"startsAt"\s*:/.test(head);
  return (hasStart && (/"alerts"\s*:/.test(head) || /"alertname"\s*:/.test(head)))
    || (/"groupKey"\s*:/.test(head) && /"receiver"\s*:/.test(head) && /"alerts"\s*:/.test(head));
}

/** Reads Prometheus Alertmanager webhook payloads saved to a file. */
export const alertmanagerReader: TimelineSourceReader = {
  name: 'alertmanager',
  detect: (_path, head, isDirectory) => !isDirectory && looksLikeAlertmanagerPayload(head),
  read: (path, options) => readAlertmanagerPayloads(path, options),
};
