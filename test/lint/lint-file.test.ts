import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile, lintInput } from '../../src/lint/lint-file.js';
import { defineRule } from '../../src/lint/types.js';
import { useTempDir } from '../cli/cli-harness.js';
import { gmtRule, wordRule } from './fake-rules.js';

let dir: string;
useTempDir((path) => (dir = path));

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

describe('lintFile', () => {
  it('lints a file without its UTF-8 byte order mark, and gives the fixed text with the mark back', async () => {
    const path = join(dir, 'bom.md');
    await writeFile(path, '\uFEFF# A title\n\nAt 10:00 GMT.\n');
    const result = await lintFile(path, { rules: [gmtRule], fix: true });
    expect(result.output).toBe('\uFEFF# A title\n\nAt 10:00 UTC.\n');
    const unfixed = await lintFile(path, { rules: [gmtRule] });
    // Positions count from the text after the mark: GMT is on line 3, column 10.
    expect(unfixed.messages.map(({ line, column }) => [line, column])).toEqual([[3, 10]]);
  });

  it('adds no mark to a file that had none', async () => {
    const path = join(dir, 'plain.md');
    await writeFile(path, '# A title\n\nAt 10:00 GMT.\n');
    expect((await lintFile(path, { rules: [gmtRule], fix: true })).output).toBe('# A title\n\nAt 10:00 UTC.\n');
  });
});
