/**
 * timeline-milestones: the timeline shows when the incident was detected, when it was
 * escalated and when it was resolved, by an entry's label or by its wording (the model's
 * timeline milestones, src/model/timeline-milestones.ts).
 */
import { timelineShows, type ShownMilestone } from '../../model/timeline-milestones.js';
import { defineRule } from '../types.js';
import { checkKnownOptions } from './support/options.js';
import { sectionsOf } from './support/sections.js';

const MILESTONES: Array<{ name: ShownMilestone; example: string }> = [
  { name: 'detection', example: '"14:02 UTC: An alert on checkout error rate fired."' },
  { name: 'escalation', example: '"14:10 UTC: Escalation: paged the database on-call."' },
  { name: 'resolution', example: '"15:30 UTC: Resolution: error rate back to normal after the rollback."' },
];

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
      if (timelineShows(doc.timeline, milestone.name)) continue;
      report({
        message: `The timeline does not show ${milestone.name}: add an entry for when it happened, labelled or worded so that a reader finds it, such as ${milestone.example}`,
        line: heading.line,
      });
    }
  },
});
