/**
 * Timeline milestones, a fact of the model worked out in one place for lint, export and the
 * collection commands: what each timeline entry marks in the course of an incident
 * (impact begins, detection, acknowledgement or escalation, mitigation, resolution), and
 * from those the moments `stats` measures.
 *
 * The entry's label decides when it has one (`Detection Method`, `Escalation`); most real
 * timelines have none, so the opening words of the text are read next (`Alert fired`,
 * `Escalated to`, `Rolled back`, `Service restored`). Anything else is a plain event.
 */
import type { Postmortem, TimelineEntry, TimelineEntryKind } from './postmortem.js';
import { pretested, type PretestedPattern } from './pretested.js';
import { zonedInstantMillis } from './time.js';

export type { TimelineEntryKind } from './postmortem.js';

/** The kinds in the order the chart's legend lists them, with their names. */
export const TIMELINE_ENTRY_KINDS: ReadonlyArray<{ kind: TimelineEntryKind; name: string }> = [
  { kind: 'impact', name: 'Impact begins' },
  { kind: 'detection', name: 'Detection' },
  { kind: 'escalation', name: 'Escalation' },
  { kind: 'mitigation', name: 'Mitigation' },
  { kind: 'resolution', name: 'Resolution' },
  { kind: 'event', name: 'Event' },
];

const LABEL_KINDS: ReadonlyArray<[RegExp, TimelineEntryKind]> = [
  [/detect|alert|notic|discover|report|identif/i, 'detection'],
  [/escalat|acknowledg|\back\b|page|incident (?:declared|opened)/i, 'escalation'],
  [/mitigat|workaround|roll(?:ed)?[ -]?back|revert|actions? taken|fix/i, 'mitigation'],
  [/resol|recover|restor|closed|end of (?:outage|impact|incident)/i, 'resolution'],
  [/start of (?:outage|impact|incident)|impact (?:start|began|begins)|outage (?:start|began|begins)|trigger|begin/i, 'impact'],
];

/**
 * Cues in the text, tried in this order. Only near the start of the text: "the alert that
 * should have detected it did not fire" is not a detection. A negation nearby cancels.
 */
const TEXT_KINDS: ReadonlyArray<[RegExp | PretestedPattern, TimelineEntryKind]> = [
  [/\b(?:start of (?:the )?(?:outage|impact|incident)|(?:outage|impact|incident|errors?|downtime) (?:begins|began|starts|started)|users? (?:began|started) (?:to )?(?:see|report|experienc)|deploy(?:ed|ment)? (?:of|to) .* (?:caus|trigger))/i, 'impact'],
  // Pretested by a word that every match holds (the largest pattern here): keep them in step.
  [pretested(/alert|pag(?:ed|ing|er)|detected|noticed|discovered|identified|monitoring|call|first|report/i, /\b(?:alerts? (?:fired|triggered|went off|was raised|were raised|came in|indicated|showed|reported|notified|for (?:high|elevated|increased))|alerted|(?:received|got|triggered|fired) (?:an |the |a |multiple |several )?alerts?|paged|paging|pager|detected|noticed|discovered|identified|monitoring (?:flagged|showed|reported|indicated)|on-?call (?:was )?(?:notified|alerted)|first (?:user )?reports?|customers? reported|users? reported)\b/i), 'detection'],
  [/\b(?:escalat\w*|acknowledg\w*|ack'?ed|incident (?:was )?(?:declared|opened)|war ?room|bridge (?:was )?opened|(?:called|brought) in|sev ?[0-9] declared)/i, 'escalation'],
  [/\b(?:roll(?:ed|ing)? ?back|revert(?:ed|ing)?|mitigat\w*|workaround|failover|failed over|restarted|rebooted|scaled (?:up|out)|disabled|hotfix|patch(?:ed)? deployed|fix (?:was )?(?:deployed|applied|pushed)|deployed (?:a |the )?fix)/i, 'mitigation'],
  [/\b(?:resolved|restored|recovered|resumed|stabili[sz]ed|back to normal|fully (?:operational|functional)|service (?:is )?(?:back|up)|end of (?:the )?(?:outage|impact|incident)|incident (?:was )?closed|all clear|returned to normal|normal operations?)/i, 'resolution'],
];

const NEGATION = /\b(?:not|no|never|without|failed to|didn't|did not|wasn't|was not|hadn't)\b/i;

/** How far into the text a cue counts: the gist of an entry is in its first words. */
const TEXT_CUE_WINDOW = 90;

/** Kinds already worked out: a page asks for each entry's twice (the chart and the list). */
const kinds = new Map<string, TimelineEntryKind>();

/**
 * What an entry marks: the kind the parser stored on it, else worked out from its label when
 * it has one, or from the opening words of its text.
 */
export function timelineEntryKind(entry: Pick<TimelineEntry, 'label' | 'text' | 'kind'>): TimelineEntryKind {
  return entry.kind ?? classifyTimelineEntry(entry);
}

/** What an entry marks, from its label and text alone (ignoring a stored `kind`). */
export function classifyTimelineEntry(entry: Pick<TimelineEntry, 'label' | 'text'>): TimelineEntryKind {
  const key = `${entry.label ?? ''}\u0000${entry.text.slice(0, TEXT_CUE_WINDOW)}`;
  let kind = kinds.get(key);
  if (kind === undefined) {
    kind = kindOf(entry);
    if (kinds.size >= 5000) kinds.clear();
    kinds.set(key, kind);
  }
  return kind;
}

function kindOf(entry: Pick<TimelineEntry, 'label' | 'text'>): TimelineEntryKind {
  if (entry.label) {
    for (const [pattern, kind] of LABEL_KINDS) if (pattern.test(entry.label)) return kind;
  }
  const opening = entry.text.slice(0, TEXT_CUE_WINDOW);
  for (const [pattern, kind] of TEXT_KINDS) {
    const match = pattern.exec(opening);
    if (match && !NEGATION.test(opening.slice(Math.max(0, match.index - 24), match.index + match[0].length))) return kind;
  }
  return 'event';
}

/** The milestones the `timeline-milestones` lint rule asks a timeline to show. */
export type ShownMilestone = 'detection' | 'escalation' | 'resolution';

/**
 * Wider wording than the kinds above, for the question "does the timeline show this at all":
 * an entry whose main point is something else may still say that the on-call was paged.
 */
const MILESTONE_WORDING: Record<ShownMilestone, { label: RegExp; wording: RegExp; kinds: readonly TimelineEntryKind[] }> = {
  detection: {
    label: /^(?:detect|alert|discover|identif|notic|report|first (?:report|sign)|page|trigger|monitoring)/i,
    wording: /\b(?:detect(?:ed|ion|s)?|alert(?:ed|s|ing)?|alarms?|notice[sd]|discover(?:ed|s)|report(?:ed|s)|spot(?:ted|s)|observe[sd]|flagged|fired|became aware|first (?:reports?|signs?)|complain(?:ed|ts?)|paged|identified|monitoring (?:system )?(?:showed|indicated|flagged)|went down|found (?:the|an?) (?:issue|problem|error|bug)|appear(?:ed|s)|show(?:ing|ed)|spike[sd]?|surge|saw|seen|receiv(?:ed|ing)|began|started)\b/i,
    kinds: ['detection'],
  },
  escalation: {
    label: /^(?:escalat|acknowledg)/i,
    wording: /\b(?:escalat(?:ed|ion|es|ing|e)|acknowledg(?:ed|es|ing|e)|paged|pages|page[sd]? (?:the|out)|(?:calls?|called|brings?|brought|pulls?|pulled|loops?|looped) in|engag(?:ed|es)|notif(?:ied|ies)|involv(?:ed|es)|woke|on-?call|incident commander|declared (?:an? )?(?:incident|sev)|incident (?:was )?declared|war room|bridge|hand(?:ed|s) (?:off|over)|reach(?:ed|es) out|contact(?:ed|s)|inform(?:ed|s)|assembled|join(?:ed|s)|enlist(?:ed|s)|ask(?:ed|s) (?:the|for)|alerted the)\b/i,
    kinds: ['escalation'],
  },
  resolution: {
    label: /^(?:resol|mitigat|recover|fix|restor|rollback|roll back|closed|all clear|outage ends?|end)/i,
    wording: /\b(?:resolved|resolution|resolves?|restored|restores?|restoring|recovered|recovers?|recovery|fixed|fixes|fix (?:was )?(?:deployed|applied|merged|released)|mitigated|mitigates?|mitigation|rolled back|rolls? back|reverted|reverts?|back to normal|back online|returned to normal|fully (?:operational|functional|available|restored)|normal (?:operations?|service)|service (?:was )?(?:restored|resumed)|closed|all clear|stable|stabili[sz]ed|came back|repaired|resumed|working again|end of (?:the )?outage|fix (?:lands|landed|is live|went live)|available again|(?:is|was|were|are) (?:now )?(?:operational|running normally|working normally|loading properly)|running (?:normally|again)|ended)\b/i,
    kinds: ['mitigation', 'resolution'],
  },
};

/**
 * Whether a timeline shows a milestone anywhere: an entry of its kind, or a label or wording
 * that names it. A label is read like wording too: "How was the issue detected: ..." counts.
 */
export function timelineShows(entries: readonly TimelineEntry[], milestone: ShownMilestone): boolean {
  const { label, wording, kinds } = MILESTONE_WORDING[milestone];
  // The kinds first, for every entry: the wording patterns are large, and V8 compiles a pattern at
  // its first use (about a millisecond each), which a timeline whose entries have the kind never needs.
  return entries.some((entry) => kinds.includes(timelineEntryKind(entry)))
    || entries.some((entry) => (entry.label !== null && (label.test(entry.label.trim()) || wording.test(entry.label))) || wording.test(entry.text));
}

/** One moment of an incident, and where the postmortem gives it. */
export interface MilestoneMoment {
  /** The instant, ISO 8601 as the model holds it (with an offset when the timezone is known). */
  at: string;
  /** Where it was read: the summary's window, or a timeline entry. */
  from: 'summary' | 'timeline';
  /** 1-based source line of the timeline entry, when it came from one parsed from a file. */
  line: number | null;
}

/** The moments of an incident that its metrics are measured between; null when the document does not give one. */
export interface IncidentMilestones {
  /** When impact began: the summary's start, else the earliest timeline entry that marks it. */
  impactStart: MilestoneMoment | null;
  /** The earliest detection entry (an alert, a page, a first report). */
  detected: MilestoneMoment | null;
  /** The earliest entry that marks acknowledgement or escalation. */
  acknowledged: MilestoneMoment | null;
  /** The earliest mitigation entry (a rollback, a failover, a workaround). */
  mitigated: MilestoneMoment | null;
  /** When impact ended: the summary's end, else the earliest resolution entry. */
  resolved: MilestoneMoment | null;
}

/**
 * The incident's milestones from its summary and timeline. Of several entries of one kind
 * the earliest counts (timelines are not always in order); entries without a known instant
 * (no date, or no time) give none.
 */
export function incidentMilestones(postmortem: Pick<Postmortem, 'summary' | 'timeline' | 'timezone'>): IncidentMilestones {
  const earliest = new Map<TimelineEntryKind, { entry: TimelineEntry; millis: number }>();
  for (const entry of postmortem.timeline) {
    if (!entry.at) continue;
    // Plain events mark no milestone: not worth reading their instant (stats does this for every file).
    const kind = timelineEntryKind(entry);
    if (kind === 'event') continue;
    const millis = zonedInstantMillis(entry.at, postmortem.timezone);
    if (Number.isNaN(millis)) continue;
    const known = earliest.get(kind);
    if (!known || millis < known.millis) earliest.set(kind, { entry, millis });
  }
  const fromTimeline = (kind: TimelineEntryKind): MilestoneMoment | null => {
    const found = earliest.get(kind);
    return found ? { at: found.entry.at as string, from: 'timeline', line: found.entry.line ?? null } : null;
  };
  const fromSummary = (at: string | null): MilestoneMoment | null =>
    at && !Number.isNaN(zonedInstantMillis(at, postmortem.timezone)) ? { at, from: 'summary', line: null } : null;
  return {
    impactStart: fromSummary(postmortem.summary.start) ?? fromTimeline('impact'),
    detected: fromTimeline('detection'),
    acknowledged: fromTimeline('escalation'),
    mitigated: fromTimeline('mitigation'),
    resolved: fromSummary(postmortem.summary.end) ?? fromTimeline('resolution'),
  };
}
