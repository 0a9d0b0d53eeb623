/**
 * timeline-milestones: the timeline shows when the incident was detected, when it was
 * escalated and when it was resolved, by an entry's label or by its wording.
 */
import type { TimelineEntry } from '../../model/postmortem.js';
import { defineRule } from '../types.js';
import { checkKnownOptions } from './support/options.js';
import { sectionsOf } from './support/sections.js';

interface Milestone {
  name: string;
  label: RegExp;
  wording: RegExp;
  example: string;
}

const MILESTONES: Milestone[] = [
  {
    name: 'detection',
    label: /^(?:detect|alert|discover|identif|notic|report|first (?:report|sign)|page|trigger|monitoring)/i,
    wording: /\b(?:detect(?:ed|ion|s)?|alert(?:ed|s|ing)?|alarms?|notice[sd]|discover(?:ed|s)|report(?:ed|s)|spot(?:ted|s)|observe[sd]|flagged|fired|became aware|first (?:reports?|signs?)|complain(?:ed|ts?)|paged|identified|monitoring (?:system )?(?:showed|indicated|flagged)|went down|found (?:the|an?) (?:issue|problem|error|bug)|appear(?:ed|s)|show(?:ing|ed)|spike[sd]?|surge|saw|seen|receiv(?:ed|ing)|began|started)\b/i,
    example: '"14:02 UTC: An alert on checkout error rate fired."',
  },
  {
    name: 'escalation',
    label: /^escalat/i,
    wording: /\b(?:escalat(?:ed|ion|es|ing|e)|paged|pages|page[sd]? (?:the|out)|(?:calls?|called|brings?|brought|pulls?|pulled|loops?|looped) in|engag(?:ed|es)|notif(?:ied|ies)|involv(?:ed|es)|woke|on-?call|incident commander|declared (?:an? )?(?:incident|sev)|incident (?:was )?declared|war room|bridge|hand(?:ed|s) (?:off|over)|reach(?:ed|es) out|contact(?:ed|s)|inform(?:ed|s)|assembled|join(?:ed|s)|enlist(?:ed|s)|ask(?:ed|s) (?:the|for)|alerted the)\b/i,
    example: '"14:10 UTC: Escalation: paged the database on-call."',
  },
  {
    name: 'resolution',
    label: /^(?:resol|mitigat|recover|fix|restor|rollback|roll back|closed|all clear|outage ends?|end)/i,
    wording: /\b(?:resolved|resolution|resolves?|restored|restores?|restoring|recovered|recovers?|recovery|fixed|fixes|fix (?:was )?(?:deployed|applied|merged|released)|mitigated|mitigates?|mitigation|rolled back|rolls? back|reverted|reverts?|back to normal|back online|returned to normal|fully (?:operational|functional|available|restored)|normal (?:operations?|service)|service (?:was )?(?:restored|resumed)|closed|all clear|stable|stabili[sz]ed|came back|repaired|resumed|working again|end of (?:the )?outage|fix (?:lands|landed|is live|went live)|available again|(?:is|was|were|are) (?:now )?(?:operational|running normally|working normally|loading properly)|running (?:normally|again)|ended)\b/i,
    example: '"15:30 UTC: Resolution: error rate back to normal after the rollback."',
  },
];

// A label is read like wording too: "How was the issue detected: ..." is a detection entry.
const shows = (entries: readonly TimelineEntry[], milestone: Milestone): boolean =>
  entries.some((entry) => (entry.label !== null && (milestone.label.test(entry.label.trim()) || milestone.wording.test(entry.label))) || milestone.wording.test(entry.text));

export default defineRule({
  id: 'timeline-milestones',
  description: 'The timeline shows detection, escalation and resolution (by label or wording)',
  tags: ['timeline'],
  severity: 'warn',
  defaultOptions: {},
  validateOptions: (options) => checkKnownOptions(options, []),
  check({ doc, report }) {
    const heading = sectionsOf(doc, 'timeline')[0];
    if (!heading || doc.timeline.length === 0) return;
    for (const milestone of MILESTONES) {
      if (shows(doc.timeline, milestone)) continue;
      report({
        message: `The timeline does not show ${milestone.name}: add an entry for when it happened, labelled or worded so that a reader finds it, such as ${milestone.example}`,
        line: heading.line,
      });
    }
  },
});
