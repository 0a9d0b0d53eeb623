/**
 * What a timeline entry marks in the course of an incident, so the chart and the list can
 * tell detection, escalation, mitigation and resolution apart at a glance. The entry's
 * label decides when it has one (`Detection Method`, `Escalation`); most real timelines have
 * none, so the opening words of the text are read next (`Alert fired`, `Escalated to`,
 * `Rolled back`, `Service restored`). Anything else is a plain event.
 */
import type { TimelineEntry } from '../model/postmortem.js';

/** The kinds of timeline entry the export draws differently. */
export type TimelineEntryKind = 'impact' | 'detection' | 'escalation' | 'mitigation' | 'resolution' | 'event';

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
  [/escalat|page|incident (?:declared|opened)/i, 'escalation'],
  [/mitigat|workaround|roll(?:ed)?[ -]?back|revert|actions? taken|fix/i, 'mitigation'],
  [/resol|recover|restor|closed|end of (?:outage|impact|incident)/i, 'resolution'],
  [/start of (?:outage|impact|incident)|impact (?:start|began|begins)|outage (?:start|began|begins)|trigger|begin/i, 'impact'],
];

/**
 * Cues in the text, tried in this order. Only near the start of the text: "the alert that
 * should have detected it did not fire" is not a detection. A negation nearby cancels.
 */
const TEXT_KINDS: ReadonlyArray<[RegExp, TimelineEntryKind]> = [
  [/\b(?:start of (?:the )?(?:outage|impact|incident)|(?:outage|impact|incident|errors?|downtime) (?:begins|began|starts|started)|users? (?:began|started) (?:to )?(?:see|report|experienc)|deploy(?:ed|ment)? (?:of|to) .* (?:caus|trigger))/i, 'impact'],
  [/\b(?:alerts? (?:fired|triggered|went off|was raised|were raised|came in|indicated|showed|reported|notified|for (?:high|elevated|increased))|alerted|(?:received|got|triggered|fired) (?:an |the |a |multiple |several )?alerts?|paged|paging|pager|detected|noticed|discovered|identified|monitoring (?:flagged|showed|reported|indicated)|on-?call (?:was )?(?:notified|alerted)|first (?:user )?reports?|customers? reported|users? reported)\b/i, 'detection'],
  [/\b(?:escalat\w*|incident (?:was )?(?:declared|opened)|war ?room|bridge (?:was )?opened|(?:called|brought) in|sev ?[0-9] declared)/i, 'escalation'],
  [/\b(?:roll(?:ed|ing)? ?back|revert(?:ed|ing)?|mitigat\w*|workaround|failover|failed over|restarted|rebooted|scaled (?:up|out)|disabled|hotfix|patch(?:ed)? deployed|fix (?:was )?(?:deployed|applied|pushed)|deployed (?:a |the )?fix)/i, 'mitigation'],
  [/\b(?:resolved|restored|recovered|resumed|stabili[sz]ed|back to normal|fully (?:operational|functional)|service (?:is )?(?:back|up)|end of (?:the )?(?:outage|impact|incident)|incident (?:was )?closed|all clear|returned to normal|normal operations?)/i, 'resolution'],
];

const NEGATION = /\b(?:not|no|never|without|failed to|didn't|did not|wasn't|was not|hadn't)\b/i;

/** How far into the text a cue counts: the gist of an entry is in its first words. */
const TEXT_CUE_WINDOW = 90;

/** Kinds already worked out: a page asks for each entry's twice (the chart and the list). */
const kinds = new Map<string, TimelineEntryKind>();

/** What an entry marks: from its label when it has one, else from the opening words of its text. */
export function timelineEntryKind(entry: Pick<TimelineEntry, 'label' | 'text'>): TimelineEntryKind {
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
