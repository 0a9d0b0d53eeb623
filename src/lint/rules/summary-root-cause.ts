/** summary-root-cause: the summary names the root cause, so a reader who stops there knows why it happened. */
import { checkKnownOptions } from './support/options.js';
import type { Postmortem } from '../../model/postmortem.js';
import { defineRule } from '../types.js';
import { headingCarriesText, headingIsLabel, summaryHasContent, summaryLine, summaryRanges, textOf } from './support/sections.js';

// Wording that names a cause; wider than the parser's reading of a root cause sentence.
const CAUSE_WORDING = /\b(?:root[- ]?cause|caused|causing|because|due to|result(?:ed)? (?:of|from)|as a result of|stemm(?:ed|ing) from|traced (?:back )?to|triggered|the cause|culprit|led to|leading to|originated)\b/i;

/**
 * Whether a "Root Cause:" label right after the summary carries its root cause. The parser
 * starts a root cause section there ("Issue Summary:", "Duration: ...", "Root Cause: ..."
 * written as plain lines, or "# Root Cause: ..." as a heading with its text), but to a
 * reader it is the summary's root cause field.
 */
function rootCauseLabelAfterSummary(doc: Postmortem, lines: readonly string[]): boolean {
  const sections = doc.source?.sections ?? [];
  return sections.some((section, index) => {
    const before = sections[index - 1];
    return section.kind === 'rootCause' && before !== undefined && (before.kind === 'summary' || before.kind === 'impact') &&
      (headingIsLabel(lines, section.line) || headingCarriesText(section, lines));
  });
}

export default defineRule({
  id: 'summary-root-cause',
  description: 'The summary names the root cause',
  tags: ['summary'],
  severity: 'warn',
  defaultOptions: {},
  validateOptions: (options) => checkKnownOptions(options, []),
  check({ doc, lines, report }) {
    if (!summaryHasContent(doc) || doc.summary.rootCause) return;
    const texts = summaryRanges(doc, lines).map((range) => textOf(lines, range));
    if (texts.some((text) => CAUSE_WORDING.test(text)) || rootCauseLabelAfterSummary(doc, lines)) return;
    report({
      message: 'The summary does not name the root cause: add a "Root Cause:" line or a sentence such as "The outage was caused by ..."',
      line: summaryLine(doc, lines),
    });
  },
});
