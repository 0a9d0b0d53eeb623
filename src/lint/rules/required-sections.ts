/** required-sections: the sections every postmortem needs are there, under any of the names the parser knows. */
import type { Postmortem, SectionKind } from '../../model/postmortem.js';
import { defineRule } from '../types.js';
import { checkKnownOptions, checkStringList, firstError } from './support/options.js';
import { bodyStartLine, hasSummary, sectionsOf } from './support/sections.js';

/** The sections a configuration may require: the kinds the parser recognises. */
export type RequirableSection = Exclude<SectionKind, 'other' | 'rootCauseAndResolution'>;

/** Options of required-sections. */
export interface RequiredSectionsOptions {
  /** The sections that must be present, by model name. */
  sections: RequirableSection[];
}

/** What each section is for and a few of the names it may have, for messages a writer can act on. */
const SECTION_HELP: Record<RequirableSection, { heading: string; purpose: string; alsoKnownAs: string }> = {
  summary: { heading: 'Summary', purpose: 'what happened, for how long and to whom, in a few lines', alsoKnownAs: 'Issue Summary, Overview, TL;DR' },
  impact: { heading: 'Impact', purpose: 'who was affected and how much', alsoKnownAs: 'User Impact, Customer Impact' },
  timeline: { heading: 'Timeline', purpose: 'the events in time order, with times and a timezone', alsoKnownAs: 'Chronology, Sequence of Events' },
  rootCause: { heading: 'Root Cause', purpose: 'why the incident happened', alsoKnownAs: 'Cause, Contributing Factors, Root Cause and Resolution' },
  resolution: { heading: 'Resolution', purpose: 'how service was restored', alsoKnownAs: 'Fix, Mitigation, Recovery, Root Cause and Resolution' },
  correctiveActions: { heading: 'Corrective and Preventative Measures', purpose: 'what will be done so that it does not happen again', alsoKnownAs: 'Action Items, Follow-ups, Next Steps' },
  lessonsLearned: { heading: 'Lessons Learned', purpose: 'what went well, what went wrong, where you got lucky', alsoKnownAs: 'What went well, Takeaways' },
  conclusion: { heading: 'Conclusion', purpose: 'closing remarks', alsoKnownAs: 'Closing, Final Thoughts' },
};

/** The section names a configuration may list. */
export const REQUIRABLE_SECTIONS = Object.keys(SECTION_HELP) as RequirableSection[];

/** Whether a document has a section, counting a combined root cause and resolution section for both, and a summary paragraph without a heading. */
function hasSection(doc: Postmortem, kind: RequirableSection): boolean {
  if (sectionsOf(doc, kind).length > 0) return true;
  // An opening paragraph before the first heading is the summary in many real postmortems; the parser reads it as one.
  if (kind === 'summary' && hasSummary(doc)) return true;
  if ((kind === 'rootCause' || kind === 'resolution') && sectionsOf(doc, 'rootCauseAndResolution').length > 0) return true;
  return false;
}

export default defineRule<RequiredSectionsOptions>({
  id: 'required-sections',
  description: 'The summary, timeline, root cause, resolution and corrective measures sections are present',
  tags: ['structure'],
  severity: 'error',
  defaultOptions: { sections: ['summary', 'timeline', 'rootCause', 'resolution', 'correctiveActions'] },
  validateOptions: (options) => firstError(checkKnownOptions(options, ['sections']), checkStringList(options, 'sections', REQUIRABLE_SECTIONS)),
  check({ doc, options, report }) {
    const line = bodyStartLine(doc);
    for (const kind of options.sections) {
      if (hasSection(doc, kind)) continue;
      const help = SECTION_HELP[kind];
      report({
        message: `Missing a ${help.heading} section: add a "## ${help.heading}" heading with ${help.purpose} (also recognised: ${help.alsoKnownAs})`,
        line,
      });
    }
  },
});
