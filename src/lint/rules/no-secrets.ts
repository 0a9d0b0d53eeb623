/**
 * no-secrets: no API keys, tokens, private keys, JWTs or passwords in the text. Postmortems
 * are pasted together from logs, chat and dashboards and then published; a credential in one
 * is an incident of its own. The scan is src/redact/secrets.ts (secretlint's recommended
 * rules, imported only for a text that could hold what they find, plus our own patterns).
 * Front matter and code blocks are read too: a config snippet is where keys turn up.
 */
import { DEFAULT_REPLACEMENT, withoutOverlaps } from '../../redact/findings.js';
import { findPatternSecrets, findSecrets, mayNeedSecretlint, type SecretFinding } from '../../redact/secrets.js';
import { defineRule } from '../types.js';
import { checkKnownOptions, checkOneLineString, checkStringList, firstError } from './support/options.js';
import { reportSensitiveFindings } from './support/sensitive-findings.js';

/** Options of no-secrets. */
export interface NoSecretsOptions {
  /** What `--fix` writes in place of a secret. */
  replacement: string;
  /** Values that are not secrets (exact), e.g. a key published in a provider's documentation. */
  allow: string[];
}

export default defineRule<NoSecretsOptions>({
  id: 'no-secrets',
  description: 'No API keys, tokens, private keys, JWTs or passwords (in URLs, connection strings or assignments); --fix redacts them',
  tags: ['security'],
  severity: 'error',
  fixable: true,
  defaultOptions: { replacement: DEFAULT_REPLACEMENT, allow: [] },
  validateOptions: (options) => firstError(checkKnownOptions(options, ['replacement', 'allow']), checkOneLineString(options, 'replacement'), checkStringList(options, 'allow')),
  prepare: (text, options) => (mayNeedSecretlint(text) ? findSecrets(text, options) : null),
  check({ text, options, prepared, report }) {
    let findings: readonly SecretFinding[];
    // Without what prepare found (lintText, which is synchronous, prepares nothing), only this
    // project's own patterns run: secretlint loads asynchronously. lintTextAsync, lintFile and
    // lintFiles run both; the README says so.
    if (Array.isArray(prepared)) findings = prepared as SecretFinding[];
    else findings = withoutOverlaps(findPatternSecrets(text, options));
    reportSensitiveFindings(text, findings, options.replacement, report, (finding, preview) => `Secret in the text (${finding.kind}) "${preview}": revoke it, then remove it (--fix replaces it with ${JSON.stringify(options.replacement)})`);
  },
});
