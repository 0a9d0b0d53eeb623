/** `postmortem lint` driven in-process through run(): exit codes, flags, output, fixes. */
import { chmod, readdir, readFile, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, runInProcess } from '../cli/cli-harness.js';
import { CLEAN, ERROR, FIXABLE, WARNING, writeFiles } from './lint-fixtures.js';

let cwd: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ path: cwd, remove } = await makeTempDir());
});
afterEach(async () => remove());

const lint = (args: string[], options: { ttyColorDepth?: number; env?: Record<string, string> } = {}) => runInProcess(['lint', ...args], { cwd, ...options });

describe('postmortem lint: exit codes', () => {
  it('exits 0 and prints nothing for a clean file', async () => {
    await writeFiles(cwd, { 'clean.md': CLEAN });
    expect(await lint(['clean.md'])).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });

  it('exits 0 with warnings only, and prints them', async () => {
    await writeFiles(cwd, { 'warn.md': WARNING });
    const result = await lint(['warn.md']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('warn.md\n  30:8  warning  "human error" blames a person');
    expect(result.stdout).toContain('✖ 1 problem (0 errors, 1 warning)');
  });

  it('exits 1 when there is an error', async () => {
    await writeFiles(cwd, { 'clean.md': CLEAN, 'error.md': ERROR });
    const result = await lint(['clean.md', 'error.md']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('error.md\n  30:1  error  Placeholder "TODO" left in the text');
    expect(result.stdout).not.toContain('clean.md');
  });

  it('exits 2, naming the path, when a path does not exist or a glob matches nothing', async () => {
    await writeFiles(cwd, { 'clean.md': CLEAN });
    expect(await lint(['clean.md', 'missing.md'])).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: missing.md: no such file or directory\n' });
    expect(await lint(['drafts/**/*.md'])).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: drafts/**/*.md: no files match this pattern\n' });
  });

  it('exits 2, naming the config file, for an invalid config', async () => {
    await writeFiles(cwd, { 'clean.md': CLEAN, '.postmortemrc.json': JSON.stringify({ rules: { 'timeline-ordr': 'error' } }) });
    expect(await lint(['clean.md'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'postmortem: .postmortemrc.json: unknown rule "timeline-ordr" (did you mean "timeline-order"?)\n',
    });
  });

  it('exits 2 for an invalid option value in a config, a missing --config file and a bad --rule', async () => {
    await writeFiles(cwd, { 'clean.md': CLEAN, 'lint.yaml': 'rules:\n  word-count: [warn, {max: many}]\n' });
    const badOption = await lint(['clean.md', '--config', 'lint.yaml']);
    expect(badOption.exitCode).toBe(2);
    expect(badOption.stderr).toMatch(/^postmortem: lint\.yaml: rule "word-count": /);
    expect(await lint(['clean.md', '--config', 'nope.json'])).toMatchObject({ exitCode: 2, stderr: 'postmortem: nope.json: no such config file\n' });
    expect(await lint(['clean.md', '--rule', 'no-placeholder:off'])).toMatchObject({ exitCode: 2, stderr: 'postmortem: --rule: unknown rule "no-placeholder" (did you mean "no-placeholders"?)\n' });
  });

  it('exits 2 for a bad --max-warnings, --format or --concurrency value (usage errors)', async () => {
    await writeFiles(cwd, { 'clean.md': CLEAN });
    for (const args of [['--max-warnings', 'lots'], ['--max-warnings', '-1'], ['--format', 'xml'], ['--concurrency', '0']]) {
      const result = await lint(['clean.md', ...args]);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain("(run 'postmortem lint --help' for usage)");
    }
  });
});

describe('postmortem lint: flags', () => {
  it('--quiet reports errors only', async () => {
    await writeFiles(cwd, { 'warn.md': WARNING, 'error.md': ERROR });
    const quietWarnings = await lint(['warn.md', '--quiet']);
    expect(quietWarnings).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    const both = await lint(['warn.md', 'error.md', '--quiet', '--format', 'json']);
    const results = JSON.parse(both.stdout) as Array<{ messages: Array<{ severity: number }>; warningCount: number }>;
    expect(results.flatMap((result) => result.messages.map((message) => message.severity))).toEqual([2]);
    expect(results.every((result) => result.warningCount === 0)).toBe(true);
  });

  it('--max-warnings fails the run when there are more warnings than allowed', async () => {
    await writeFiles(cwd, { 'warn.md': WARNING });
    expect((await lint(['warn.md', '--max-warnings', '1'])).exitCode).toBe(0);
    const over = await lint(['warn.md', '--max-warnings', '0']);
    expect(over.exitCode).toBe(1);
    expect(over.stderr).toBe('postmortem: too many warnings (1; --max-warnings allows 0)\n');
  });

  it('--output writes the report to a file, replacing it only with --force, and prints nothing', async () => {
    await writeFiles(cwd, { 'error.md': ERROR, 'reports/old.json': 'stale' });
    const refused = await lint(['error.md', '--format', 'json', '--output', 'reports/old.json']);
    expect(refused).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: reports/old.json: already exists; use --force to overwrite it\n' });
    expect(await readFile(join(cwd, 'reports', 'old.json'), 'utf8')).toBe('stale');
    const result = await lint(['error.md', '--format', 'json', '--output', 'reports/old.json', '--force']);
    expect(result).toEqual({ exitCode: 1, stdout: '', stderr: '' });
    const report = JSON.parse(await readFile(join(cwd, 'reports', 'old.json'), 'utf8')) as Array<{ filePath: string; errorCount: number }>;
    expect(report).toEqual([expect.objectContaining({ filePath: join(cwd, 'error.md'), errorCount: 1 })]);
    // No colour in a file, even when the terminal has it.
    await lint(['error.md', '--output', 'report.txt'], { ttyColorDepth: 8 });
    expect(await readFile(join(cwd, 'report.txt'), 'utf8')).not.toContain('\u001b[');
  });

  it('never writes the report over a file being linted, even with --force', async () => {
    await writeFiles(cwd, { 'error.md': ERROR });
    const result = await lint(['error.md', '--output', 'error.md', '--force']);
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: error.md: is one of the files being linted; write the report to another file\n' });
    expect(await readFile(join(cwd, 'error.md'), 'utf8')).toBe(ERROR);
  });

  it('accepts a config that also holds the new command\'s settings', async () => {
    await writeFiles(cwd, { 'error.md': ERROR, '.postmortemrc.yaml': 'new:\n  outputDir: docs/postmortems\nrules:\n  no-placeholders: off\n' });
    const result = await lint(['error.md', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).not.toBe(2);
  });

  it('--format sarif and github', async () => {
    await writeFiles(cwd, { 'error.md': ERROR });
    const sarif = JSON.parse((await lint(['error.md', '--format', 'sarif'])).stdout);
    expect(sarif.version).toBe('2.1.0');
    const driver = sarif.runs[0].tool.driver;
    expect(driver.rules.find((rule: { id: string }) => rule.id === 'no-placeholders').helpUri).toMatch(/docs\/rules\/no-placeholders\.md$/);
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'no-placeholders', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'error.md' }, region: { startLine: 30 } } }] });
    expect((await lint(['error.md', '--format', 'github'])).stdout).toMatch(/^::error file=error\.md,line=30,col=1,endLine=30,endColumn=5,title=no-placeholders::Placeholder "TODO" left in the text/);
  });

  it('colours the stylish report on a terminal only', async () => {
    await writeFiles(cwd, { 'error.md': ERROR });
    expect((await lint(['error.md'], { ttyColorDepth: 8 })).stdout).toContain('\u001b[31merror');
    expect((await lint(['error.md'])).stdout).not.toContain('\u001b[');
    expect((await lint(['error.md'], { ttyColorDepth: 8, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('--rule sets a rule for the run over the config', async () => {
    await writeFiles(cwd, { 'error.md': ERROR, '.postmortemrc.json': JSON.stringify({ rules: { 'no-placeholders': 'error' } }) });
    expect((await lint(['error.md', '--rule', 'no-placeholders:off'])).exitCode).toBe(0);
    expect((await lint(['error.md', '--rule', 'no-placeholders:warn'])).stdout).toContain('warning  Placeholder');
  });

  it('finds the config upward from each file', async () => {
    await writeFiles(cwd, {
      'team-a/error.md': ERROR,
      'team-b/error.md': ERROR,
      'team-a/.postmortemrc.yaml': 'rules:\n  no-placeholders: warn\n',
      'team-b/package.json': JSON.stringify({ postmortem: { rules: { 'no-placeholders': 'off' } } }),
    });
    const result = await lint(['.', '--format', 'json']);
    const counts = (JSON.parse(result.stdout) as Array<{ filePath: string; errorCount: number; warningCount: number }>).map((entry) => [entry.filePath.slice(cwd.length + 1), entry.errorCount, entry.warningCount]);
    expect(counts).toEqual([['team-a/error.md', 0, 1], ['team-b/error.md', 0, 0]]);
    expect(result.exitCode).toBe(0);
  });

  it('obeys inline directives, and ignores them with --no-inline-config', async () => {
    await writeFiles(cwd, { 'error.md': ERROR.replace('TODO.', '<!-- postmortem-disable-next-line no-placeholders -->\nTODO.') });
    expect((await lint(['error.md'])).exitCode).toBe(0);
    expect((await lint(['error.md', '--no-inline-config'])).exitCode).toBe(1);
  });

  it('lints postmortems/ by default', async () => {
    await writeFiles(cwd, { 'postmortems/error.md': ERROR, 'README.md': 'TODO' });
    const result = await lint([]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('postmortems/error.md');
    expect(result.stdout).not.toContain('README.md');
  });
});

describe('postmortem lint: files that cannot be read', () => {
  it('reports a binary, a UTF-16 and a non-UTF-8 file as fatal errors and still lints the others', async () => {
    await writeFiles(cwd, {
      'pm/a-binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
      'pm/b-utf16.md': Buffer.from('\ufeff# T', 'utf16le'),
      'pm/c-latin1.md': Buffer.from('# Caf\xe9\n', 'latin1'),
      'pm/d-error.md': ERROR,
      'pm/e-clean.md': CLEAN,
    });
    const result = await lint(['pm', '--format', 'json']);
    expect(result.exitCode).toBe(1);
    const results = JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; fatal?: boolean; line: number; message: string }> }>;
    expect(results.map((entry) => [entry.filePath.slice(cwd.length + 1), entry.messages.map((message) => `${message.ruleId}${message.fatal ? ' fatal' : ''} ${message.line}`)])).toEqual([
      ['pm/a-binary.md', ['read-error fatal 1']],
      ['pm/b-utf16.md', ['read-error fatal 1']],
      ['pm/c-latin1.md', ['read-error fatal 1']],
      ['pm/d-error.md', ['no-placeholders 30']],
      ['pm/e-clean.md', []],
    ]);
    expect(results[0]?.messages[0]?.message).toMatch(/^This file looks like a binary file/);
    expect(results[1]?.messages[0]?.message).toBe('This file is UTF-16 text; save it as UTF-8');
    expect(results[2]?.messages[0]?.message).toMatch(/^This file is not valid UTF-8/);
  });

  it('reports a file over the 5 MiB input limit without reading it all', async () => {
    await writeFiles(cwd, { 'huge.md': '# Huge\n', 'clean.md': CLEAN });
    await truncate(join(cwd, 'huge.md'), 5 * 1024 * 1024 + 1);
    const result = await lint(['huge.md', 'clean.md', '--format', 'json']);
    expect(result.exitCode).toBe(1);
    const [clean, huge] = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>;
    expect(huge?.messages).toEqual([expect.objectContaining({ ruleId: 'read-error', message: 'This file is too large (5242881 bytes; the limit is 5 MiB)' })]);
    expect(clean?.messages).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)('reports a file it has no permission to read', async () => {
    await writeFiles(cwd, { 'secret.md': CLEAN, 'clean.md': CLEAN });
    await chmod(join(cwd, 'secret.md'), 0o000);
    const result = await lint(['secret.md', 'clean.md']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('permission denied');
  });
});

describe('postmortem lint --fix', () => {
  it('writes the fixes, reports what is left, and a second run changes nothing', async () => {
    await writeFiles(cwd, { 'fixable.md': FIXABLE, 'error.md': ERROR });
    const first = await lint(['fixable.md', 'error.md', '--fix']);
    expect(first.exitCode).toBe(1);
    expect(first.stdout).not.toContain('fixable.md');
    expect(first.stdout).toContain('error.md');
    expect(await readFile(join(cwd, 'fixable.md'), 'utf8')).toBe(CLEAN);
    expect(await readFile(join(cwd, 'error.md'), 'utf8')).toBe(ERROR);
    const before = await stat(join(cwd, 'fixable.md'));
    const second = await lint(['fixable.md', '--fix']);
    expect(second).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect((await stat(join(cwd, 'fixable.md'))).mtimeMs).toBe(before.mtimeMs);
  });

  it('writes atomically: no temporary file is left and the file keeps its permissions', async () => {
    await writeFiles(cwd, { 'fixable.md': FIXABLE });
    await chmod(join(cwd, 'fixable.md'), 0o640);
    const inode = (await stat(join(cwd, 'fixable.md'))).ino;
    await lint(['fixable.md', '--fix']);
    expect(await readdir(cwd)).toEqual(['fixable.md']);
    const after = await stat(join(cwd, 'fixable.md'));
    expect(after.mode & 0o777).toBe(0o640);
    // A new inode: the fixed file was renamed into place, not rewritten in place.
    expect(after.ino).not.toBe(inode);
  });

  it('--fix-dry-run reports what would be left and writes nothing', async () => {
    await writeFiles(cwd, { 'fixable.md': FIXABLE });
    const result = await lint(['fixable.md', '--fix-dry-run', '--format', 'json']);
    expect(result.exitCode).toBe(0);
    const [entry] = JSON.parse(result.stdout) as Array<{ messages: unknown[]; output?: string }>;
    expect(entry?.messages).toEqual([]);
    expect(entry?.output).toBe(CLEAN);
    expect(await readFile(join(cwd, 'fixable.md'), 'utf8')).toBe(FIXABLE);
    expect((await lint(['fixable.md', '--fix', '--fix-dry-run'])).exitCode).toBe(2);
  });
});

describe('postmortem lint: progress', () => {
  async function manyFiles(count: number): Promise<void> {
    const files: Record<string, string> = {};
    for (let index = 0; index < count; index += 1) files[`pm/${String(index).padStart(3, '0')}.md`] = CLEAN;
    await writeFiles(cwd, files);
  }

  it('draws a progress line on a terminal for many files, and clears it', async () => {
    await manyFiles(25);
    const result = await lint(['pm'], { ttyColorDepth: 8 });
    expect(result.stderr).toContain('\rLinting 25/25 files...');
    expect(result.stderr.endsWith('\r\u001b[K')).toBe(true);
  });

  it('draws nothing when standard error is not a terminal, or for few files', async () => {
    await manyFiles(25);
    expect((await lint(['pm'])).stderr).toBe('');
    await writeFiles(cwd, { 'one.md': CLEAN });
    expect((await lint(['one.md'], { ttyColorDepth: 8 })).stderr).toBe('');
  });
});

describe('postmortem lint --help', () => {
  it('lists the flags, examples and exit codes', async () => {
    const result = await runInProcess(['lint', '--help'], { cwd });
    expect(result.exitCode).toBe(0);
    for (const text of ['--config', '--format', '--output', '--quiet', '--max-warnings', '--fix', '--no-inline-config', 'Examples:', 'Exit status']) expect(result.stdout).toContain(text);
  });
});
