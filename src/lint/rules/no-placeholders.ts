/**
 * no-placeholders: nothing is left to fill in: TODO, TBD, XXX, FIXME, lorem ipsum,
 * `[insert ...]`, unrendered `{{...}}` template fields, and sections with nothing under their
 * heading. Code (fenced and inline) and HTML comments are not read: a TODO in a code sample
 * or a note to the writer is not a placeholder in the postmortem.
 */
import type { SectionLocation } from '../../model/postmortem.js';
import { dateOnly } from '../../parse/clock.js';
import { classifyHeading } from '../../parse/sections.js';
import { defineRule } from '../types.js';
import { checkKnownOptions } from './support/options.js';
import { headingCarriesText } from './support/sections.js';
import { headingDepth, proseLines } from './support/source-text.js';

interface Placeholder {
  pattern: RegExp;
  what: (found: string) => string;
}

const PLACEHOLDERS: Placeholder[] = [
  { pattern: /\b(?:TODO|TBD|FIXME)\b|\bXXX+\b/g, what: (found) => `Placeholder "${found}" left in the text: write the missing content, or remove it` },
  { pattern: /\b(?:XX|HH):(?:XX|MM)\b/g, what: (found) => `Placeholder time "${found}" left in the text: write the time it happened` },
  { pattern: /\blorem ipsum\b/gi, what: () => 'Filler text "lorem ipsum" left in the text: replace it with what happened' },
  // One level of brackets inside ("[Insert a link to [the dashboard]]"); each character is read one way.
  { pattern: /\[\s*insert\b(?:[^[\]]|\[[^[\]]*\])*\]|<\s*insert\b(?:[^<>]|<[^<>]*>)*>|\{\s*insert\b(?:[^{}]|\{[^{}]*\})*\}/gi, what: (found) => `Template instruction "${found}" left in the text: replace it with the content it asks for` },
  { pattern: /\{\{\{?[^{}]*\}?\}\}/g, what: (found) => `Unrendered template field "${found}": fill in the value, or render the template with answers` },
];

// Every placeholder contains one of these; most lines contain none, and are passed over after one test.
const MAYBE_PLACEHOLDER = /TODO|TBD|FIXME|XXX|XX:|HH:|lorem|insert|\{\{/i;

const RULE_LINE = /^\s*(?:(?:[-=*_])\s*){3,}$/;

/**
 * Whether a section has nothing under its heading: no text, no code, nothing on the heading
 * line after its name, and the next section is not part of it. A deeper section, one whose
 * heading carries its text (`# Root Cause: the certificate expired`) or one whose name the
 * parser does not know is content written as a heading, so the section above it is not empty.
 * A heading that is only a date is not a section at all.
 */
function isEmpty(section: SectionLocation, next: SectionLocation | undefined, lines: readonly string[], prose: Map<number, string>): boolean {
  if (headingCarriesText(section, lines)) return false;
  // A heading that is only a date ("## 3.4.2020") dates the document; it is not a section to fill.
  if (dateOnly(section.heading) || /^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(section.heading.trim())) return false;
  if (next && (headingDepth(lines, next.line) > headingDepth(lines, section.line) || (next.kind === 'other' && classifyHeading(next.heading) === null) || headingCarriesText(next, lines))) return false;
  for (let line = section.line + 1; line <= section.endLine; line++) {
    const text = prose.get(line);
    // A line missing from the prose is code, which is content.
    if (text === undefined) return false;
    if (text.trim() !== '' && !RULE_LINE.test(text)) return false;
  }
  return true;
}

export default defineRule({
  id: 'no-placeholders',
  description: 'No TODO, TBD, XXX, FIXME, lorem ipsum, [insert ...], unrendered {{...}} or empty sections',
  tags: ['content'],
  severity: 'error',
  defaultOptions: {},
  validateOptions: (options) => checkKnownOptions(options, []),
  check({ doc, lines, report }) {
    const prose = proseLines(lines, doc.source?.frontMatterLines ?? 0);
    for (const { line, text } of prose) {
      if (!MAYBE_PLACEHOLDER.test(text)) continue;
      for (const { pattern, what } of PLACEHOLDERS) {
        for (const match of text.matchAll(pattern)) {
          report({ message: what(match[0]), line, column: match.index + 1, endLine: line, endColumn: match.index + 1 + match[0].length });
        }
      }
    }
    const proseByLine = new Map(prose.map(({ line, text }) => [line, text]));
    const sections = doc.source?.sections ?? [];
    sections.forEach((section, index) => {
      if (!isEmpty(section, sections[index + 1], lines, proseByLine)) return;
      report({ message: `The "${section.heading}" section is empty: write it, or remove the heading if it does not apply`, line: section.line });
    });
  },
});
