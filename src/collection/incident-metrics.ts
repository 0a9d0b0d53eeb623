/**
 * One incident's times, the figures `stats` adds up: from impact start to detection, to
 * acknowledgement or escalation, to mitigation, and the impact's length. Each is worked out
 * from the milestones the model finds (src/model/timeline-milestones.ts) and is null when the
 * document does not give both ends: an unknown time is never a zero.
 */
import { incidentMinutes } from '../model/incident-minutes.js';
import type { Postmortem } from '../model/postmortem.js';
import { incidentMilestones, type MilestoneMoment } from '../model/timeline-milestones.js';
import { zonedMinutesBetween } from '../model/time.js';
import type { IncidentMetrics } from './types.js';

/** The parts of a postmortem its metrics are read from. */
export type IncidentMetricsInput = Pick<Postmortem, 'summary' | 'timeline' | 'timezone'>;

/**
 * Whole minutes from impact start to a milestone. Instants without an offset are read in the
 * postmortem's timezone, so a span across a daylight-saving change is as long as it was. A
 * milestone written before impact start (an alert that fired on the first errors, before the
 * summary's rounder start time) counts as 0: it was reached as the impact began.
 */
function minutesFromStart(start: MilestoneMoment | null, moment: MilestoneMoment | null, timezone: string | null): number | null {
  if (!start || !moment) return null;
  const minutes = zonedMinutesBetween(start.at, moment.at, timezone);
  return Number.isNaN(minutes) ? null : Math.max(0, minutes);
}

/**
 * The times of one incident, in whole minutes from impact start:
 *
 * - impact start is the summary's start, else the earliest timeline entry that marks impact;
 * - time to detect, acknowledge and mitigate run to the earliest detection, escalation and
 *   mitigation entries of the timeline (one before impact start counts as 0);
 * - time to resolve is the impact duration ({@link incidentMinutes}: as stated, or the
 *   summary's start to end), else impact start to the earliest resolution entry.
 *
 * A time is null when the document does not give one of its ends.
 */
export function incidentMetrics(postmortem: IncidentMetricsInput): IncidentMetrics {
  const milestones = incidentMilestones(postmortem);
  const { impactStart } = milestones;
  const duration = incidentMinutes(postmortem);
  return {
    timeToDetect: minutesFromStart(impactStart, milestones.detected, postmortem.timezone),
    timeToAcknowledge: minutesFromStart(impactStart, milestones.acknowledged, postmortem.timezone),
    timeToMitigate: minutesFromStart(impactStart, milestones.mitigated, postmortem.timezone),
    timeToResolve: duration !== null ? Math.max(0, duration) : minutesFromStart(impactStart, milestones.resolved, postmortem.timezone),
    milestones,
  };
}
