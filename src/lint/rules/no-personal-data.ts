/**
 * no-personal-data: no email addresses, phone numbers, IP addresses, card numbers or
 * project-defined ids (customer or account numbers) in a postmortem that may be shared
 * company-wide or published. Documentation values (example.com, 192.0.2.0/24, ...) are
 * allowed, and a project allows more with `allow`. The scan is src/redact/personal-data.ts.
 */
import { DEFAULT_REPLACEMENT } from '../../redact/findings.js';
import { checkAllowEntry, compileProjectPattern, findPersonalData } from '../../redact/personal-data.js';
import { defineRule } from '../types.js';
import { checkKnownOptions, checkOneLineString, checkStringList, firstError } from './support/options.js';
import { reportSensitiveFindings } from './support/sensitive-findings.js';

/** Options of no-personal-data. */
export interface NoPersonalDataOptions {
  /** More patterns to report (regular expression sources), e.g. `CUST-\\d{6}`. */
  patterns: string[];
  /** Values not to report: globs (`*@ourcompany.com`), IP addresses and CIDR ranges (`10.0.0.0/8`). */
  allow: string[];
  /** What `--fix` writes in place of the value. */
  replacement: string;
}

function checkPatternsAndAllow(options: Record<string, unknown>): string | null {
  for (const source of (options['patterns'] as string[] | undefined) ?? []) {
    const compiled = compileProjectPattern(source);
    if (typeof compiled === 'string') return `option "patterns": ${compiled}`;
  }
  for (const entry of (options['allow'] as string[] | undefined) ?? []) {
    const problem = checkAllowEntry(entry);
    if (problem) return `option "allow": ${problem}`;
  }
  return null;
}

export default defineRule<NoPersonalDataOptions>({
  id: 'no-personal-data',
  description: 'No email addresses, phone numbers, IP addresses, card numbers or project-defined ids; documentation values are allowed; --fix redacts them',
  tags: ['security'],
  severity: 'warn',
  fixable: true,
  defaultOptions: { patterns: [], allow: [], replacement: DEFAULT_REPLACEMENT },
  validateOptions: (options) => firstError(checkKnownOptions(options, ['patterns', 'allow', 'replacement']), checkStringList(options, 'patterns'), checkStringList(options, 'allow'), checkOneLineString(options, 'replacement'), checkPatternsAndAllow(options)),
  check({ text, options, report }) {
    reportSensitiveFindings(text, findPersonalData(text, options), options.replacement, report, (finding, preview) => {
      const what = finding.kind === 'project pattern' ? 'matches a project pattern' : finding.kind;
      return `Personal data (${what}) "${preview}": remove it (--fix replaces it with ${JSON.stringify(options.replacement)}), or allow it in the rule's "allow" option`;
    });
  },
});
