/**
 * `postmortem lint` through the real bin/postmortem.js (built dist/, as `npm test` builds it):
 * the worker-thread path only runs from compiled JavaScript, so it is tested here.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, packagesLoadedBy as loadedBy, runBin } from '../cli/cli-harness.js';
import { fakeSecrets } from '../redact/fake-secrets.js';
import { CLEAN, ERROR, FIXABLE, WARNING, writeFiles } from './lint-fixtures.js';

let cwd: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({ path: cwd, remove } = await makeTempDir());
  const files: Record<string, string | Uint8Array> = {};
  const texts = [CLEAN, WARNING, ERROR, FIXABLE];
  for (let index = 0; index < 60; index += 1) files[`pm/${String(index).padStart(2, '0')}.md`] = texts[index % texts.length] as string;
  files['pm/99-binary.md'] = Buffer.from([0x00, 0x01, 0x02]);
  files['leak/leak.md'] = `${CLEAN}\n## Notes\n\n${fakeSecrets()[0]!.line}\n`;
  await writeFiles(cwd, files);
});
afterAll(async () => remove());

type JsonReport = Array<{ filePath: string; messages: Array<{ ruleId: string; line: number }>; errorCount: number; warningCount: number }>;

describe('postmortem lint on worker threads', () => {
  it('gives the same report in the same order on one thread and on several', () => {
    const single = runBin(['lint', 'pm', '--format', 'json', '--concurrency', '1'], { cwd });
    const threaded = runBin(['lint', 'pm', '--format', 'json', '--concurrency', '3'], { cwd });
    expect(single.exitCode).toBe(1);
    expect(threaded.exitCode).toBe(1);
    expect(threaded.stderr).toBe('');
    const report = JSON.parse(threaded.stdout) as JsonReport;
    expect(report).toHaveLength(61);
    expect(report).toEqual(JSON.parse(single.stdout));
    expect(report.map((entry) => entry.filePath)).toEqual([...report.map((entry) => entry.filePath)].sort());
    expect(report.at(-1)?.messages.map((message) => message.ruleId)).toEqual(['read-error']);
  });

  it('fails with exit 2 and the config file named when a worker finds the config invalid', async () => {
    await writeFiles(cwd, { 'pm/.postmortemrc.json': JSON.stringify({ rules: { 'no-placeholders': ['error', { unknownOption: true }] } }) });
    try {
      const result = runBin(['lint', 'pm', '--concurrency', '2'], { cwd });
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^postmortem: pm\/\.postmortemrc\.json: rule "no-placeholders": /);
    } finally {
      await writeFiles(cwd, { 'pm/.postmortemrc.json': '{}' });
    }
  });

  it('writes fixes from the workers', async () => {
    const fixDir = join(cwd, 'fix');
    const files: Record<string, string> = {};
    for (let index = 0; index < 30; index += 1) files[`fix/${index}.md`] = FIXABLE;
    await writeFiles(cwd, files);
    const result = runBin(['lint', 'fix', '--fix', '--concurrency', '2'], { cwd });
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    for (let index = 0; index < 30; index += 1) expect(await readFile(join(fixDir, `${index}.md`), 'utf8')).toBe(CLEAN);
  });

  it('lints a file of megabytes on a worker and reports it with the others', async () => {
    // About 3 MB of timeline: parsing it takes far more memory than a small file does.
    const entries = Array.from({ length: 60_000 }, (_, index) => `- ${String(10 + (index % 12)).padStart(2, '0')}:${String(index % 60).padStart(2, '0')} UTC: something happened here with words`);
    await writeFiles(cwd, { 'big/big.md': `# Big\n\n## Timeline\n\n${entries.join('\n')}\n`, 'big/a.md': CLEAN, 'big/b.md': ERROR });
    // The report (thousands of problems) goes to a file: more than spawnSync buffers.
    const result = runBin(['lint', 'big', '--format', 'json', '--concurrency', '2', '--output', 'big-report.json'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(await readFile(join(cwd, 'big-report.json'), 'utf8')) as JsonReport;
    expect(report.map((entry) => [entry.filePath.slice(cwd.length + 1), entry.errorCount > 0])).toEqual([['big/a.md', false], ['big/b.md', true], ['big/big.md', true]]);
    expect(report[2]?.messages.some((message) => message.ruleId === 'required-sections')).toBe(true);
  });

  it('reads a YAML config from the real bin (the bundle must give the YAML parser its named exports)', async () => {
    await writeFiles(cwd, { 'yaml/.postmortemrc.yaml': 'rules:\n  required-sections: off\n', 'yaml/a.md': '# Only a title\n', 'plain/a.md': '# Only a title\n' });
    const ruleIds = (path: string): string[] => {
      const result = runBin(['lint', path, '--format', 'json'], { cwd });
      expect(result.stderr).toBe('');
      return (JSON.parse(result.stdout) as JsonReport)[0]?.messages.map((message) => message.ruleId) ?? [];
    };
    expect(ruleIds('plain/a.md')).toContain('required-sections');
    expect(ruleIds('yaml/a.md')).not.toContain('required-sections');
  });

  it('prints its report and exit code the same way from the real bin', () => {
    const result = runBin(['lint', 'pm/02.md'], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('pm/02.md');
    expect(result.stdout).not.toContain('\u001b[');
  });
});

/** The packages a run of the real bin loads; the run must not fail to start (exit 2). */
function packagesLoadedBy(args: string[], log: string): Set<string> {
  const loaded = loadedBy(args, { cwd, log });
  expect(loaded.exitCode).not.toBe(2);
  return loaded.packages;
}

describe('postmortem lint from the bundle', () => {
  it('links each SARIF rule to a docs page that exists', () => {
    const result = runBin(['lint', 'pm/00.md', 'pm/02.md', '--format', 'sarif'], { cwd });
    expect(result.exitCode).toBe(1);
    const rules = (JSON.parse(result.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri?: string }> } } }> }).runs[0]?.tool.driver.rules ?? [];
    const documented = rules.filter((rule): rule is { id: string; helpUri: string } => rule.helpUri !== undefined);
    // The 15 rules have pages; the read-error and inline-config pseudo-rules do not.
    expect(documented).toHaveLength(15);
    for (const rule of documented) {
      // Without a repository in package.json the links are the docs/rules/ pages shipped beside the package.
      expect(existsSync(fileURLToPath(rule.helpUri)), rule.helpUri).toBe(true);
    }
  });
});

describe('what postmortem lint loads', () => {
  it('loads neither the parser nor the lint engine for lint --help', () => {
    const loaded = packagesLoadedBy(['lint', '--help'], join(cwd, 'imports-help.log'));
    expect(loaded.has('commander')).toBe(true);
    for (const name of ['markdown-it', 'gray-matter', 'js-yaml', 'yaml', 'dayjs', 'lilconfig', 'picomatch', 'ignore']) expect(loaded.has(name), name).toBe(false);
  });

  it('loads the parser to lint one named file, but no glob, .gitignore, date, templating or schema library', () => {
    const loaded = packagesLoadedBy(['lint', 'pm/00.md'], join(cwd, 'imports-one.log'));
    expect(loaded.has('markdown-it')).toBe(true);
    expect(loaded.has('js-yaml')).toBe(true);
    for (const name of ['picomatch', 'ignore', 'dayjs', 'yaml', 'handlebars', 'ajv']) expect(loaded.has(name), name).toBe(false);
    expect(loaded.has('@secretlint/core')).toBe(false);
  });

  it('loads secretlint for a file with a secret, without its debug logger and profiler, and finds the secret', () => {
    const loaded = loadedBy(['lint', 'leak/leak.md', '--format', 'json'], { cwd, log: join(cwd, 'imports-leak.log') });
    expect(loaded.exitCode).toBe(1);
    expect(loaded.packages.has('@secretlint/core')).toBe(true);
    expect(loaded.packages.has('@secretlint/secretlint-rule-preset-recommend')).toBe(true);
    for (const name of ['debug', '@secretlint/profiler']) expect(loaded.packages.has(name), name).toBe(false);
    const report = JSON.parse(runBin(['lint', 'leak/leak.md', '--format', 'json'], { cwd }).stdout) as JsonReport;
    expect(report[0]?.messages.filter((message) => message.ruleId === 'no-secrets')).toHaveLength(1);
  });
});
