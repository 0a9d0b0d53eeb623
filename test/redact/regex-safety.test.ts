/**
 * The secret and personal-data scanners run every pattern over whole files a user pasted
 * together: each must be free of nested repetition (catastrophic backtracking), as
 * safe-regex2 judges it. safe-regex2 cannot read lookbehind, so none of these uses it.
 */
import isSafeRegex from 'safe-regex2';
import { describe, expect, it } from 'vitest';
import { PERSONAL_DATA_PATTERNS } from '../../src/redact/personal-data.js';
import { SECRET_PATTERNS, SECRETLINT_CANDIDATE, SLACK_HOOK_CANDIDATE } from '../../src/redact/secrets.js';

const patterns: Array<[string, RegExp]> = [
  ['secretlint prefilter', SECRETLINT_CANDIDATE],
  ['Slack hook prefilter', SLACK_HOOK_CANDIDATE],
  ...SECRET_PATTERNS.map(({ id, pattern }): [string, RegExp] => [id, pattern]),
  ...Object.entries(PERSONAL_DATA_PATTERNS),
];

describe('scanner patterns', () => {
  it.each(patterns)('%s is safe from catastrophic backtracking', (_name, pattern) => {
    expect(isSafeRegex(pattern)).toBe(true);
  });

  it('the check can fail: a nested repetition is refused', () => {
    expect(isSafeRegex(/(?:a+)+b/)).toBe(false);
  });
});
