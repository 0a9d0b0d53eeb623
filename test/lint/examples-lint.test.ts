/** The postmortems in examples/ are what we show people: they must lint with no problem at all (CI runs the same check). */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/lint-files.js';
import { repoRoot } from '../cli/cli-harness.js';

const examples = join(repoRoot, 'examples');
const hasExamples = existsSync(examples) && readdirSync(examples).some((name) => name.endsWith('.md'));

describe.skipIf(!hasExamples)('examples/', () => {
  it('lints with zero problems', async () => {
    const results = await lintFiles(['examples'], { cwd: repoRoot });
    expect(results.length).toBeGreaterThan(0);
    const problems = results.flatMap((result) => result.messages.map((message) => `${result.filePath.slice(repoRoot.length)}:${message.line}: ${message.ruleId}: ${message.message}`));
    expect(problems).toEqual([]);
  });
});
