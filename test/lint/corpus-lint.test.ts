/**
 * Every postmortem in ../shared/corpus (real ones, written by other people, read from there
 * at test time and never copied here) must lint without a crash: a rule that throws, or a
 * run that cannot finish, is a bug whatever the file says.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../../src/lint/lint-file.js';
import { repoRoot, runInProcess } from '../cli/cli-harness.js';

const corpus = join(repoRoot, '..', 'shared', 'corpus');
const hasCorpus = existsSync(corpus);
const files = hasCorpus
  ? readdirSync(corpus, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort()
  : [];

describe.skipIf(!hasCorpus)(`linting the shared corpus${hasCorpus ? '' : ' (skipped: ../shared/corpus is not beside this checkout)'}`, () => {
  it('holds files to lint', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  it.each(files)('%s lints without a crash, with messages that point into the file', async (name) => {
    const result = await lintFile(join(corpus, name));
    expect(result.fatalErrorCount ?? 0).toBe(0);
    for (const message of result.messages) {
      expect(message.line).toBeGreaterThanOrEqual(1);
      expect(message.column).toBeGreaterThanOrEqual(1);
      expect(message.message.trim()).not.toBe('');
      expect([1, 2]).toContain(message.severity);
    }
  });

  it('runs postmortem lint over the whole corpus without exit 2', async () => {
    const result = await runInProcess(['lint', corpus, '--format', 'json'], { cwd: repoRoot });
    expect(result.stderr).toBe('');
    expect([0, 1]).toContain(result.exitCode);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBe(files.length);
  });
});
