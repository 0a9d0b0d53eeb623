/** Every built-in lint rule, in the order they are documented. One module per rule; the file name is the id. */
import type { Rule } from '../types.js';
import actionItemsSpecific from './action-items-specific.js';
import blamelessLanguage from './blameless-language.js';
import frontMatter from './front-matter.js';
import noPersonalData from './no-personal-data.js';
import noPlaceholders from './no-placeholders.js';
import noSecrets from './no-secrets.js';
import requiredSections from './required-sections.js';
import summaryDuration from './summary-duration.js';
import summaryImpact from './summary-impact.js';
import summaryMatchesTimeline from './summary-matches-timeline.js';
import summaryRootCause from './summary-root-cause.js';
import timelineMilestones from './timeline-milestones.js';
import timelineOrder from './timeline-order.js';
import timelineTimezone from './timeline-timezone.js';
import wordCount from './word-count.js';

/** The built-in rules. */
export const builtinRules: ReadonlyArray<Rule<any>> = [
  requiredSections,
  summaryDuration,
  summaryImpact,
  summaryRootCause,
  timelineOrder,
  timelineTimezone,
  summaryMatchesTimeline,
  timelineMilestones,
  actionItemsSpecific,
  noPlaceholders,
  blamelessLanguage,
  frontMatter,
  wordCount,
  noSecrets,
  noPersonalData,
];
