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

  it("keeps a custom rule's fix that is a class instance, as a plain range and text", async () => {
    class Replace {
      readonly #range: [number, number];
      readonly #text: string;
      constructor(range: [number, number], text: string) {
        this.#range = range;
        this.#text = text;
      }
      get range(): [number, number] {
        return this.#range;
      }
      get text(): string {
        return this.#text;
      }
      toString(): string {
        return this.#text;
      }
    }
    const classFixRule = defineRule({
      id: 'class-fix',
      description: 'fixes with an object of its own class',
      tags: [],
      severity: 'warn',
      fixable: true,
      defaultOptions: {},
      check({ report }) {
        report({ message: 'Shout the title', line: 1, column: 3, fix: new Replace([2, 3], 'A') });
      },
    });
    const result = await lintInput('/tmp/three.md', { text: '# a title\n' }, { rules: [classFixRule] });
    expect(result.messages).toEqual([{ ruleId: 'class-fix', severity: 1, message: 'Shout the title', line: 1, column: 3, fix: { range: [2, 3], text: 'A' } }]);
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
