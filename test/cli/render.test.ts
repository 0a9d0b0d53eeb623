import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runBin, runInProcess, useTempDir } from './cli-harness.js';

const ANSWERS_YAML = `title: Checkout outage
date: 2026-03-14
severity: SEV2
status: draft
authors: [Dana Lee]
timezone: UTC
summary:
  text: Checkout returned errors after a config push.
  start: 2026-03-14T02:00:00Z
  end: 2026-03-14T06:00:00Z
timeline:
  - time: "02:00"
    text: Config pushed.
`;

let cwd: string;
useTempDir((path) => (cwd = path));
beforeEach(async () => {
  await writeFile(join(cwd, 'answers.yaml'), ANSWERS_YAML);
});

describe('postmortem render input errors', () => {
  it('names a missing answers file in one line, without a stack, exit 2', async () => {
    const result = await runInProcess(['render', 'nope.yaml'], { cwd });
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: nope.yaml: no such file\n' });
  });

  it('names the file, line and column of a YAML syntax error', async () => {
    await writeFile(join(cwd, 'broken.yaml'), 'title: ok\nsummary: a: b\n');
    const result = await runInProcess(['render', 'broken.yaml'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('postmortem: broken.yaml:2:10: not valid YAML: Nested mappings are not allowed in compact mappings\n');
  });

  it('names the file of invalid JSON', async () => {
    await writeFile(join(cwd, 'broken.json'), '{"title": ');
    const result = await runInProcess(['render', 'broken.json'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^postmortem: broken\.json(:\d+:\d+)?: not valid JSON: .+\n$/);
  });

  it('refuses an answers file that is a list', async () => {
    await writeFile(join(cwd, 'list.yaml'), '- a\n');
    const result = await runInProcess(['render', 'list.yaml'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('postmortem: list.yaml: must contain a mapping of postmortem fields');
  });

  it('names the file and the field of a value the model does not allow', async () => {
    await writeFile(join(cwd, 'wrong.json'), JSON.stringify({ title: 'x', status: 'published' }, null, 2));
    const result = await runInProcess(['render', 'wrong.json'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toMatch(/^postmortem: wrong\.json:3: \/status must be one of/);
  });
});

// Expected to fail until then; they describe the documented behaviour.
describe('postmortem render with the real renderer', () => {
  it('writes the summary on the timeline\'s clock, as long as the window really was, in the real bin', async () => {
    // Local times in New York across the spring-forward night of March 9, 2025: one hour passed.
    await writeFile(join(cwd, 'dst.yaml'), `title: Spring forward
date: 2025-03-09
timezone: America/New_York
summary:
  start: 2025-03-09T01:30:00
  end: 2025-03-09T03:30:00
timeline:
  - time: "01:30"
    text: Alert fired.
  - time: "03:30"
    text: Service restored.
`);
    const result = runBin(['render', 'dst.yaml'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('- **Duration:** 1 h 0 min, between 01:30 and 03:30 (America/New_York)\n');
    expect(result.stdout).toContain('- 01:30: Alert fired.\n- 03:30: Service restored.\n');
  });

  it('prints the Markdown to standard output without -o, and for -o -', async () => {
    for (const args of [['render', 'answers.yaml'], ['render', 'answers.yaml', '-o', '-']]) {
      const result = await runInProcess(args, { cwd });
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain('Checkout outage');
      expect(result.stdout).toContain('Config pushed.');
    }
    expect(await readdir(cwd)).toEqual(['answers.yaml']);
  });

  it('reads the same answers as JSON', async () => {
    const fromYaml = await runInProcess(['render', 'answers.yaml'], { cwd });
    await writeFile(
      join(cwd, 'answers.json'),
      JSON.stringify({
        title: 'Checkout outage', date: '2026-03-14', severity: 'SEV2', status: 'draft', authors: ['Dana Lee'], timezone: 'UTC',
        summary: { text: 'Checkout returned errors after a config push.', start: '2026-03-14T02:00:00Z', end: '2026-03-14T06:00:00Z' },
        timeline: [{ time: '02:00', text: 'Config pushed.' }],
      }),
    );
    const fromJson = await runInProcess(['render', 'answers.json'], { cwd });
    expect(fromJson.exitCode).toBe(0);
    expect(fromJson.stdout).toBe(fromYaml.stdout);
  });

  it('writes -o atomically into a new directory, refuses to overwrite, and overwrites with --force', async () => {
    const first = await runInProcess(['render', 'answers.yaml', '-o', 'out/postmortem.md'], { cwd });
    expect(first).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    const written = await readFile(join(cwd, 'out/postmortem.md'), 'utf8');
    expect(written).toContain('Checkout outage');
    expect(await readdir(join(cwd, 'out'))).toEqual(['postmortem.md']);

    await writeFile(join(cwd, 'out/postmortem.md'), 'edited by hand');
    const refused = await runInProcess(['render', 'answers.yaml', '-o', 'out/postmortem.md'], { cwd });
    expect(refused).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'postmortem: out/postmortem.md: already exists; use --force to overwrite it\n',
    });
    expect(await readFile(join(cwd, 'out/postmortem.md'), 'utf8')).toBe('edited by hand');

    const forced = await runInProcess(['render', 'answers.yaml', '-o', 'out/postmortem.md', '--force'], { cwd });
    expect(forced.exitCode).toBe(0);
    expect(await readFile(join(cwd, 'out/postmortem.md'), 'utf8')).toBe(written);
    expect(await readdir(join(cwd, 'out'))).toEqual(['postmortem.md']);
  });

  it('renders with every built-in template that `templates` lists', async () => {
    const listing = await runInProcess(['templates'], { cwd });
    expect(listing.exitCode).toBe(0);
    const names = listing.stdout.trimEnd().split('\n').map((line) => line.split(/\s+/)[0]);
    expect(names).toEqual(expect.arrayContaining(['classic', 'narrative', 'google-sre', 'pagerduty']));
    for (const name of names) {
      const result = await runInProcess(['render', 'answers.yaml', '--template', name as string], { cwd });
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('Checkout outage');
    }
  });

  it('refuses an unknown template in one line, exit 2', async () => {
    const result = await runInProcess(['render', 'answers.yaml', '--template', 'no-such-template'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^postmortem: .*no-such-template.*\n$/);
  });
});
