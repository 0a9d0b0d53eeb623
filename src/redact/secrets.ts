/**
 * Finding secrets in a text: secretlint's recommended rule set (AWS, GCP, GitHub, npm,
 * Slack, OpenAI, Anthropic, Linear, SendGrid, Shopify, 1Password, private key blocks,
 * passwords in URLs and database connection strings), plus a few patterns it lacks (JWTs,
 * Stripe, GitLab and Google API keys, passwords in URLs of any scheme, and `password=` /
 * `secret:` assignments whose value looks random).
 *
 * secretlint is about 1 MB of JavaScript and runs asynchronously, so it is imported only
 * for a text that contains text one of its rules could match ({@link mayNeedSecretlint}):
 * most postmortems contain none, and linting them never loads it.
 */
import { isPlaceholderValue, withoutOverlaps, type SensitiveFinding } from './findings.js';

/** Options of the secret scan. */
export interface SecretScanOptions {
  /** Values that are not secrets (exact, e.g. a published test key). */
  allow?: readonly string[];
  /** The redaction text: a value equal to it (or containing it) is already redacted. */
  replacement?: string;
}

/** A secret found, with the id of the rule that found it (`secretlint/github`, `postmortem/jwt`, ...). */
export interface SecretFinding extends SensitiveFinding {
  source: string;
}

/**
 * For each of secretlint's recommended rules, text without which it cannot report anything (its
 * patterns, reduced to a fixed part each). Kept a superset: a miss here is a secret not found.
 * secretlint is loaded only for a text that holds one of them, and only the rules whose text is
 * there run on it: each rule compiles and runs its own patterns over the whole text (about 5 ms
 * for all of them the first time), and a leaked token usually wakes one or two. A rule not
 * listed here (one that a later preset adds) always runs; `filter-comments` (which honours
 * `secretlint-disable` comments) always runs too.
 */
export const SECRETLINT_RULE_CANDIDATES: Readonly<Record<string, RegExp>> = {
  'secretlint-rule-aws': /(?:A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{12}|(?:SECRET|secret|Secret)_?(?:ACCESS|access|Access)/,
  // Reads only .json and .p12 files, where a service account key holds a private key block.
  'secretlint-rule-gcp': /PRIVATE KEY/,
  'secretlint-rule-privatekey': /PRIVATE KEY/,
  'secretlint-rule-npm': /npm_\w{36}|_authToken|x-oauth-basic/,
  'secretlint-rule-basicauth': /:\/\/[^\s/:]+:[^\s/]+@/,
  'secretlint-rule-database-connection-string': /:\/\/[^\s/:]+:[^\s/]+@/,
  'secretlint-rule-slack': /xox[bparo]-|xapp-|hooks\.slack\.com/i,
  'secretlint-rule-openai': /sk-(?:proj|svcacct|admin)-|sk-[a-zA-Z0-9]{20}T3Blbk/,
  'secretlint-rule-anthropic': /sk-ant-/,
  'secretlint-rule-linear': /lin_api_/,
  'secretlint-rule-sendgrid': /SG\.\w+\.\w/,
  'secretlint-rule-shopify': /shp(?:pa|ca|at|ss)_/,
  'secretlint-rule-github': /gh[pousr]_|github_pat_/,
  'secretlint-rule-1password': /ops_ey/,
};

/** Whether `text` contains anything secretlint's recommended rules could report (so whether to load them). */
export function mayNeedSecretlint(text: string): boolean {
  return Object.values(SECRETLINT_RULE_CANDIDATES).some((candidate) => candidate.test(text));
}

/** The recommended rules whose candidate text is in `text`: those to run on it. */
export function secretlintRulesFor(text: string): string[] {
  return Object.entries(SECRETLINT_RULE_CANDIDATES)
    .filter(([, candidate]) => candidate.test(text))
    .map(([rule]) => rule);
}

/** A pattern of our own: the value is capture group 1 (or the whole match), checked by `accept` when given. */
interface SecretPattern {
  id: string;
  kind: string;
  pattern: RegExp;
  accept?: (value: string) => boolean;
}

/** Shannon entropy of a string in bits per character: random keys score high, words and numbers low. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const character of value) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const share = count / value.length;
    bits -= share * Math.log2(share);
  }
  return bits;
}

/** Whether an assigned value looks like a generated secret rather than a word, a number or a sentence. */
function looksRandom(value: string): boolean {
  if (value.length < 8 || value.includes('://')) return false;
  const hasLetter = /[A-Za-z]/.test(value);
  const hasDigitOrSymbol = /[0-9!#$%&*+/=?^~@-]/.test(value);
  if (!hasLetter || !hasDigitOrSymbol) return false;
  // A name made of words (my-app-secret-v2, ghs-runner-17), a documented example key, or another
  // assignment (access_token: expires_in=3600) is not a generated secret.
  if (/^[a-z]+(?:[-_.][a-z0-9]+)+$/.test(value) || /EXAMPLE/.test(value) || value.includes('=')) return false;
  // Dates, times, versions and ids written with separators are not keys.
  if (/^[\d.:/-]+[A-Za-z]{0,3}$/.test(value)) return false;
  return entropy(value) >= 3;
}

/** Every regex here, as every one in src/, is checked for catastrophic backtracking by test/hardening/redos.test.ts. */
export const SECRET_PATTERNS: readonly SecretPattern[] = [
  // Only at the start of a run of token characters (the character before is captured, not
  // part of the value): starting at every "eyJ" inside one long run would scan to its end each
  // time, quadratic in the run's length (100 KB of "eyJ-eyJ-..." took 5 s).
  { id: 'postmortem/jwt', kind: 'JSON Web Token', pattern: /(?:^|[^\w-])(eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,})/g },
  { id: 'postmortem/stripe', kind: 'Stripe key', pattern: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}|\bwhsec_[A-Za-z0-9]{24,}/g },
  { id: 'postmortem/gitlab', kind: 'GitLab token', pattern: /\bgl(?:pat|dt|rt|cbt|ptt)-[\w-]{20,}/g },
  { id: 'postmortem/google-api-key', kind: 'Google API key', pattern: /\bAIza[\w-]{35}(?![\w-])/g },
  {
    id: 'postmortem/url-password',
    kind: 'password in a URL',
    pattern: /\b[a-z][a-z0-9+.-]{1,30}:\/\/[^\s:/@]{1,100}:([^\s/@]{1,200})@/gi,
  },
  {
    id: 'postmortem/assigned-secret',
    kind: 'secret assigned in text',
    pattern:
      // A prefix of a name is read too: DB_PASSWORD, MYSQL_ROOT_PASSWORD, PGPASSWORD, API_TOKEN.
      /\b[A-Za-z0-9_]{0,40}?(?:password|passwd|pwd|passphrase|secret|client[_-]?secret|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|token|private[_-]?key|account[_-]?key|secret[_-]?key)["']?[ \t]{0,3}(?:=>|=|:)[ \t]{0,3}["'`]?([^\s"'`,;<>()]{8,200})/gi,
    accept: looksRandom,
  },
];

/** The secrets our own patterns find (synchronous, no library). */
export function findPatternSecrets(text: string, options: SecretScanOptions = {}): SecretFinding[] {
  const findings: SecretFinding[] = [];
  for (const { id, kind, pattern, accept } of SECRET_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const value = match[1] ?? match[0];
      const start = match.index + (match[1] === undefined ? 0 : match[0].lastIndexOf(value));
      if (accept && !accept(value)) continue;
      if (isPlaceholderValue(value, options.replacement) || options.allow?.includes(value)) continue;
      findings.push({ start, end: start + value.length, kind, source: id });
    }
  }
  return findings;
}

/** Names for secretlint's rules and messages, shown in our messages (secretlint's own show the whole secret). */
const SECRETLINT_KINDS: Record<string, string> = {
  AWSAccessKeyID: 'AWS access key ID',
  AWSSecretAccessKey: 'AWS secret access key',
  'secretlint-rule-gcp': 'Google Cloud service account key',
  'secretlint-rule-npm': 'npm token',
  'secretlint-rule-slack': 'Slack token',
  IncomingWebhook: 'Slack webhook URL',
  'secretlint-rule-basicauth': 'password in a URL',
  'secretlint-rule-openai': 'OpenAI API key',
  'secretlint-rule-anthropic': 'Anthropic API key',
  'secretlint-rule-linear': 'Linear API key',
  'secretlint-rule-privatekey': 'private key',
  'secretlint-rule-sendgrid': 'SendGrid API key',
  'secretlint-rule-shopify': 'Shopify token',
  'secretlint-rule-github': 'GitHub token',
  'secretlint-rule-1password': '1Password service account token',
  'secretlint-rule-database-connection-string': 'password in a database connection string',
};

/** What secretlint reports, reduced to what we read. */
interface SecretlintMessage {
  ruleId: string;
  messageId: string;
  range: readonly [number, number];
  data?: Record<string, unknown>;
}

/**
 * The part of a secretlint finding to redact: the password of a URL (not the host), the body
 * of a private key block (not its BEGIN and END lines), the key itself where secretlint's
 * range covers `KEY=value` or starts before the value.
 */
function valueSpan(text: string, message: SecretlintMessage): { start: number; end: number } | null {
  const [rangeStart, rangeEnd] = message.range;
  const reported = Object.values(message.data ?? {}).find((value): value is string => typeof value === 'string' && value.length >= 4 && text.includes(value, rangeStart));
  let start = rangeStart;
  let value = text.slice(rangeStart, rangeEnd);
  if (reported !== undefined) {
    const at = text.indexOf(reported, rangeStart);
    if (at !== -1 && at <= rangeEnd) {
      start = at;
      value = reported;
    }
  }
  const password = /:\/\/[^\s:/@]*:([^\s/]+)@/.exec(value);
  if (password?.[1] !== undefined) {
    const at = password.index + password[0].length - 1 - password[1].length;
    return { start: start + at, end: start + at + password[1].length };
  }
  const key = /-----BEGIN[^\n-]*-----\r?\n?([\s\S]*?)\r?\n?-----END/.exec(value);
  if (key?.[1] !== undefined && key[1].length > 0) {
    const at = value.indexOf(key[1], key.index);
    return { start: start + at, end: start + at + key[1].length };
  }
  return value.length > 0 ? { start, end: start + value.length } : null;
}

type Secretlint = typeof import('./secretlint.js');
type PresetRules = Secretlint['rules'];
let secretlint: Promise<Secretlint> | null = null;

/** Imports secretlint and the rules of its recommended preset, once per process. */
function loadSecretlint(): Promise<Secretlint> {
  secretlint ??= import('./secretlint.js');
  return secretlint;
}

/**
 * The secretlint config for a text: the recommended preset's rules, each given on its own, those
 * `needed` for it and those SECRETLINT_RULE_CANDIDATES does not know. (A preset's rules cannot be
 * turned off one by one: secretlint 11 ignores `disabled` on them.)
 */
export function secretlintConfig(rules: PresetRules, needed: ReadonlySet<string>): { rules: Array<{ id: string }> } {
  const runs = (id: string): boolean => needed.has(id) || !(id in SECRETLINT_RULE_CANDIDATES);
  return {
    rules: rules
      .filter((rule) => runs(rule.meta.id.replace(/^@secretlint\//, '')))
      .map((rule) => ({
        id: rule.meta.id,
        rule,
        // Access key IDs are reported too: an ID next to its secret in a pasted log is half the pair.
        ...(rule.meta.id === '@secretlint/secretlint-rule-aws' ? { options: { enableIDScanRule: true } } : {}),
      })),
  };
}

/** The secrets secretlint's recommended rules find in `text` (loads secretlint on first use). */
async function findSecretlintSecrets(text: string, options: SecretScanOptions, needed: ReadonlySet<string>): Promise<SecretFinding[]> {
  const { lintSource, rules } = await loadSecretlint();
  // No file path: secretlint's GCP rule would otherwise read the file from disk itself.
  const result = await lintSource({ source: { content: text, contentType: 'text', ext: '.md', filePath: undefined as unknown as string }, options: { config: secretlintConfig(rules, needed) as never, noPhysicFilePath: true, maskSecrets: false } });
  const findings: SecretFinding[] = [];
  for (const message of result.messages as unknown as SecretlintMessage[]) {
    // An AWS account ID is not a secret, and twelve digits are found everywhere.
    if (message.messageId === 'AWSAccountID') continue;
    const span = valueSpan(text, message);
    if (!span) continue;
    const value = text.slice(span.start, span.end);
    if (isPlaceholderValue(value, options.replacement) || options.allow?.includes(value)) continue;
    const rule = message.ruleId.replace(/^@secretlint\//, '');
    findings.push({ ...span, kind: SECRETLINT_KINDS[message.messageId] ?? SECRETLINT_KINDS[rule] ?? rule, source: `secretlint/${rule.replace(/^secretlint-rule-/, '')}` });
  }
  return findings;
}

/**
 * Every secret in `text`, sorted, overlaps removed (of two findings at one place, the longer).
 * Resolves without importing secretlint when the text has nothing it could report.
 */
export async function findSecrets(text: string, options: SecretScanOptions = {}): Promise<SecretFinding[]> {
  const needed = new Set(secretlintRulesFor(text));
  const fromSecretlint = needed.size > 0 ? await findSecretlintSecrets(text, options, needed) : [];
  return withoutOverlaps([...fromSecretlint, ...findPatternSecrets(text, options)]);
}
