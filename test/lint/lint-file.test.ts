import { describe, expect, it } from 'vitest';
import { lintInput } from '../../src/lint/lint-file.js';
import { defineRule } from '../../src/lint/types.js';
import { wordRule } from './fake-rules.js';

const crashingRule = defineRule({
  id: 'crashes',
  description: 'throws, as a bug would',
  tags: [],
  severity: 'error',
  defaultOptions: {},
  check() {
    throw new RangeError('Maximum call stack size exceeded');
  },
});

describe('lintInput', () => {
  it('reports a bug met on one file as a fatal problem of that file instead of throwing', async () => {
    const result = await lintInput('/tmp/one.md', { text: '# A title\n' }, { rules: [crashingRule] });
    expect(result.errorCount).toBe(1);
    expect(result.messages[0]).toMatchObject({ severity: 2, fatal: true, line: 1 });
    expect(result.messages[0]?.message).toMatch(/^Internal error while linting this file .*Maximum call stack size exceeded$/);
  });

  it('lints normally otherwise', async () => {
    const result = await lintInput('/tmp/two.md', { text: '# A title\n' }, { rules: [wordRule] });
    expect(result.messages.every((message) => !('fatal' in message && message.fatal))).toBe(true);
  });
});
