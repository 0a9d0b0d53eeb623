/**
 * The shapes of the collection commands (`actions`, `stats`) and of their library functions
 * (`collectActions`, `incidentMetrics`, `collectionStats`): what a folder of postmortems adds
 * up to. Times are whole minutes; a value the documents do not give is `null`, never 0.
 */
import type { CorrectiveTask, Postmortem } from '../model/postmortem.js';
import type { IncidentMilestones } from '../model/timeline-milestones.js';

/** The postmortem an action item belongs to, as listings show it. */
export interface ActionItemSource extends Pick<Postmortem, 'title' | 'date' | 'severity' | 'status' | 'services'> {
  /** The file, as given in `source.filePath` (relative to the working directory for the CLI), or null. */
  file: string | null;
}

/**
 * One task of a postmortem's corrective actions (its text, owner, due date as the model
 * holds it, priority, issue and done), with where it is and whether it is late.
 */
export interface ActionItem extends Omit<CorrectiveTask, 'line'> {
  /** The file, as in {@link ActionItemSource.file}. */
  file: string | null;
  /** 1-based line of the task in the file, when parsed from one. */
  line: number | null;
  /** Open, with a due date (YYYY-MM-DD) before `today`. */
  overdue: boolean;
  postmortem: ActionItemSource;
}

/** Filters and the date of {@link collectActions}; every filter given must match (owners: any of them). */
export interface CollectActionsOptions {
  /** YYYY-MM-DD that `overdue` is measured against. Default: today, in the local timezone. */
  today?: string;
  /** Only tasks not done. */
  open?: boolean;
  /** Only tasks done. */
  done?: boolean;
  /** Only overdue tasks (open, due before `today`). */
  overdue?: boolean;
  /** Only tasks owned by one of these (case-insensitive). */
  owners?: readonly string[];
  /** Only tasks of postmortems of one of these severities (case-insensitive). */
  severities?: readonly string[];
  /** Only tasks of postmortems that name one of these services (case-insensitive). */
  services?: readonly string[];
}

/** The times measured for each incident, in the order an incident goes through them. */
export type IncidentTimeName = 'timeToDetect' | 'timeToAcknowledge' | 'timeToMitigate' | 'timeToResolve';

/** Every time of {@link IncidentTimeName}, in order. */
export const INCIDENT_TIME_NAMES: readonly IncidentTimeName[] = ['timeToDetect', 'timeToAcknowledge', 'timeToMitigate', 'timeToResolve'];

/** An incident's times, in minutes from impact start; null when the document does not give both ends. */
export interface IncidentMetrics {
  /** Impact start to the detection milestone. */
  timeToDetect: number | null;
  /** Impact start to the acknowledgement or escalation milestone. */
  timeToAcknowledge: number | null;
  /** Impact start to the mitigation milestone. */
  timeToMitigate: number | null;
  /** The impact duration: stated, from the summary's start and end, or impact start to the resolution milestone. */
  timeToResolve: number | null;
  /** The moments these were measured between. */
  milestones: IncidentMilestones;
}

/** The spread of one time over a set of incidents. */
export interface TimeDistribution {
  /** Incidents whose document gives this time. */
  known: number;
  /** Incidents whose document does not: counted, never taken as 0. */
  unknown: number;
  /** Median and 90th percentile (linear interpolation between closest ranks); null when none is known. */
  median: number | null;
  p90: number | null;
  min: number | null;
  max: number | null;
}

/** A count of incidents under one key; `key` null means the documents do not say (unknown). */
export interface CountRow {
  key: string | null;
  count: number;
}

/** The ways `stats` can group incidents. */
export type StatsGroupBy = 'month' | 'quarter' | 'severity' | 'service';

/** One incident as the collection report lists it. */
export interface IncidentSummary extends ActionItemSource {
  tags: string[];
  metrics: IncidentMetrics;
  /** Its tasks not done, and of those, the overdue ones. */
  openActions: number;
  overdueActions: number;
}

/** Options of {@link collectionStats}. */
export interface CollectionStatsOptions {
  /** YYYY-MM-DD for overdue actions. Default: today, local time. */
  today?: string;
  /** Only incidents dated on or after this day (YYYY-MM-DD); undated incidents are then left out. */
  since?: string;
  /** Only incidents dated on or before this day (YYYY-MM-DD); undated incidents are then left out. */
  until?: string;
  /** How {@link CollectionStats.groups} groups the incidents. Default `month`. */
  groupBy?: StatsGroupBy;
  /** Days within which an incident with the same service and tag counts as a recurrence. Default 90. */
  recurrenceDays?: number;
}

/** A group of incidents (by month, quarter, severity or service) and their times. */
export interface StatsGroup {
  key: string | null;
  incidents: number;
  times: Record<IncidentTimeName, TimeDistribution>;
}

/** Incidents sharing a service and a tag, each within the recurrence window of the one before. */
export interface Recurrence {
  service: string;
  tag: string;
  incidents: Array<Pick<IncidentSummary, 'file' | 'title' | 'date'>>;
}

/** What a collection of postmortems adds up to. */
export interface CollectionStats {
  today: string;
  since: string | null;
  until: string | null;
  groupBy: StatsGroupBy;
  /** Days within which an incident with the same service and tag counted as a recurrence. */
  recurrenceDays: number;
  /** Undated incidents left out because `since` or `until` was given (0 without them). */
  excludedUndated: number;
  /** The incidents counted, by date (undated last). */
  incidents: IncidentSummary[];
  counts: {
    /** By YYYY-MM, in time order (unknown last). */
    month: CountRow[];
    /** By YYYY-Qn, in time order (unknown last). */
    quarter: CountRow[];
    /** Most first, unknown last. An incident counts once for each of its services and tags. */
    severity: CountRow[];
    service: CountRow[];
    tag: CountRow[];
    /** Per month (as `month`), the count of each severity (every severity, in `severity` order, 0 included): the dashboard's stacked bars. */
    monthBySeverity: Array<{ month: string | null; severities: CountRow[] }>;
  };
  /** Each time over every incident counted. */
  times: Record<IncidentTimeName, TimeDistribution>;
  /** Each time per severity. */
  timesBySeverity: StatsGroup[];
  /** The incidents grouped by `groupBy`. */
  groups: StatsGroup[];
  /**
   * The incidents' tasks: all, not done, done, overdue (open, due before `today`), and of the
   * open ones those with no owner and those with no due date that reads as a date.
   */
  actions: { total: number; open: number; done: number; overdue: number; unowned: number; undated: number };
  recurrences: Recurrence[];
}
