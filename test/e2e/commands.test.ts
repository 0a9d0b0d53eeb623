// Every command, and the options the README documents, through the real bin as a user runs it
// without a terminal. Finer behaviour is tested in-process beside each module; this suite checks
// that the shipped bundle does it too.
import { existsSync } from 'node:fs';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, outOfOrderPostmortem, STACK_LINE, systemChromium, useTempDir, writeFiles } from './e2e-harness.js';

let cwd: string;
useTempDir((path) => (cwd = path));

const chromium = systemChromium();

const REQUIRED = [
  '--title', 'Image uploads failed',
  '--date', '2026-02-03',
  '--severity', 'SEV3',
  '--timezone', 'Europe/Berlin',
  '--authors', 'Ines Duarte, Kofi Mensah',
  '--start', '14:10',
  '--end', '15:40',
  '--impact', 'Uploads of images over 2 MB failed for about 15% of users',
  '--root-cause', 'A proxy limit was lowered by a config change',
  '--resolution', 'We restored the proxy limit and retried the failed uploads.',
];

const parseBack = (file: string): Record<string, unknown> => {
  const result = bin(['export', file], cwd);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Record<string, unknown>;
};

describe('postmortem new, without a terminal', () => {
  it('writes every answer given by flag, with the template and output asked for', async () => {
    const result = bin([
      'new', ...REQUIRED,
      '--users-affected', '15',
      '--root-cause-detail', 'The change lowered `client_max_body_size` from 10 MB to 1 MB.',
      '--timeline', '14:10|A proxy config change was deployed',
      '--timeline', '14:22|Upload errors paged the on-call engineer|Detection',
      '--timeline', '15:40|Upload errors stopped|Resolution',
      '--improvement', 'Check proxy limits against upload sizes in CI',
      '--task', 'Add an upload-size test to the proxy pipeline|Kofi Mensah|2027-05-01|P2',
      '--lessons', 'The upload error rate alert worked.',
      '--services', 'image-upload, edge-proxy',
      '--tags', 'config-change',
      '-t', 'narrative',
      '-o', 'out/uploads.md',
    ], cwd);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Wrote out/uploads.md');
    const model = parseBack('out/uploads.md');
    expect(model).toMatchObject({ title: 'Image uploads failed', severity: 'SEV3', authors: ['Ines Duarte', 'Kofi Mensah'], services: ['image-upload', 'edge-proxy'], tags: ['config-change'], timezone: 'Europe/Berlin', lessonsLearned: 'The upload error rate alert worked.' });
    expect(model['summary']).toMatchObject({ start: '2026-02-03T14:10:00+01:00', end: '2026-02-03T15:40:00+01:00', usersAffectedPercent: 15 });
    expect((model['timeline'] as unknown[]).length).toBe(3);
    expect(JSON.stringify(model['correctiveActions'])).toContain('Kofi Mensah');
  });

  it('names every missing required answer by flag, exit 2, without waiting', () => {
    const result = bin(['new', '--title', 'Half an answer'], cwd);
    expect(result.exitCode).toBe(2);
    for (const flag of ['--severity', '--start', '--end', '--impact', '--root-cause', '--resolution']) expect(result.stderr).toContain(flag);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('reads an --answers file, flags winning, and takes defaults with --yes', async () => {
    await writeFiles(cwd, { 'answers.yaml': 'title: From the file\nseverity: SEV2\nsummary:\n  impact: Logins were slow\n' });
    const result = bin(['new', '--answers', 'answers.yaml', ...REQUIRED.slice(2), '--yes', '-o', 'from-answers.md'], cwd);
    expect(result.stderr).toBe('');
    expect(parseBack('from-answers.md')).toMatchObject({ title: 'From the file', severity: 'SEV3' });
  });

  it('refuses to overwrite without --force, and overwrites with -f', async () => {
    await writeFile(join(cwd, 'taken.md'), 'mine\n');
    const refused = bin(['new', ...REQUIRED, '-o', 'taken.md'], cwd);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('taken.md');
    expect(await readFile(join(cwd, 'taken.md'), 'utf8')).toBe('mine\n');
    expect(bin(['new', ...REQUIRED, '-o', 'taken.md', '-f'], cwd).exitCode).toBe(0);
    expect(parseBack('taken.md')).toMatchObject({ title: 'Image uploads failed' });
  });

  it('finishes a draft with --resume and throws one away with --discard-draft', async () => {
    const draft = JSON.stringify({ version: 1, savedAt: '2026-02-03T16:00:00Z', answers: { title: 'Title from the draft' } });
    await writeFile(join(cwd, '.postmortem-draft.json'), draft);
    const undecided = bin(['new', ...REQUIRED.slice(2)], cwd);
    expect(undecided.exitCode).toBe(2);
    expect(undecided.stderr).toMatch(/--resume|--discard-draft/);
    expect(bin(['new', '--resume', ...REQUIRED.slice(2), '-o', 'resumed.md'], cwd).exitCode).toBe(0);
    expect(parseBack('resumed.md')).toMatchObject({ title: 'Title from the draft' });
    expect(existsSync(join(cwd, '.postmortem-draft.json'))).toBe(false);

    await writeFile(join(cwd, '.postmortem-draft.json'), draft);
    expect(bin(['new', '--discard-draft', ...REQUIRED, '-o', 'fresh.md'], cwd).exitCode).toBe(0);
    expect(parseBack('fresh.md')).toMatchObject({ title: 'Image uploads failed' });
  });
});

describe('postmortem render', () => {
  it('renders an answers file to standard output, or with a template into a file, never over one without --force', async () => {
    await writeFiles(cwd, { 'answers.json': JSON.stringify({ title: 'Queue backlog', date: '2026-01-09', severity: 'SEV2' }) });
    const printed = bin(['render', 'answers.json'], cwd);
    expect(printed.exitCode).toBe(0);
    expect(printed.stdout).toMatch(/^---\ntitle: "Queue backlog"/);
    expect(bin(['render', 'answers.json', '-t', 'pagerduty', '-o', 'queue.md'], cwd).exitCode).toBe(0);
    const rendered = await readFile(join(cwd, 'queue.md'), 'utf8');
    expect(rendered).toContain('# Queue backlog');
    expect(rendered).not.toBe(printed.stdout);
    expect(bin(['render', 'answers.json', '-o', 'queue.md'], cwd).exitCode).toBe(2);
    expect(bin(['render', 'answers.json', '-o', 'queue.md', '--force'], cwd).exitCode).toBe(0);
  });
});

describe('postmortem export', () => {
  it('prints JSON of the model, writes it with -o, and makes an HTML page with a template', async () => {
    await writeFiles(cwd, { 'search.md': outOfOrderPostmortem('SEV2'), 'page.html.hbs': '<!doctype html><title>{{title}}</title>\n' });
    expect(JSON.parse(bin(['export', 'search.md'], cwd).stdout)).toMatchObject({ title: 'Search results were stale for two hours' });
    expect(bin(['export', 'search.md', '--format', 'json', '-o', 'search.json'], cwd).exitCode).toBe(0);
    expect(JSON.parse(await readFile(join(cwd, 'search.json'), 'utf8'))).toMatchObject({ severity: 'SEV2' });
    const page = bin(['export', 'search.md', '--format', 'html', '-o', '-'], cwd);
    expect(page.stdout).toMatch(/^<!DOCTYPE html>/i);
    expect(page.stdout).toContain('Search results were stale for two hours');
    expect(bin(['export', 'search.md', '--format', 'html', '-t', 'page.html.hbs', '-o', '-'], cwd).stdout).toBe('<!doctype html><title>Search results were stale for two hours</title>\n');
  });

  it('builds a site with the parsing worker (--concurrency 2), and again with --force over a file it did not write', async () => {
    const files: Record<string, string> = {};
    // Enough files for the staged build to start its worker.
    for (let index = 0; index < 320; index++) files[`incidents/${String(index).padStart(3, '0')}.md`] = outOfOrderPostmortem(index % 2 ? 'SEV2' : 'SEV3');
    await writeFiles(cwd, files);
    const built = bin(['export', 'incidents', '--site', 'site', '--concurrency', '2'], cwd);
    expect(built.stderr).toBe('');
    expect(built.exitCode).toBe(0);
    // One page per postmortem, besides the site's own pages.
    const pages = (await readdir(join(cwd, 'site'))).filter((name) => name.endsWith('.html') && !['index.html', 'search.html', 'dashboard.html', 'actions.html'].includes(name));
    expect(pages).toHaveLength(320);
    expect(await readFile(join(cwd, 'site', 'index.html'), 'utf8')).toContain('319.html');
    await writeFile(join(cwd, 'site', '000.html'), 'not ours');
    expect(bin(['export', 'incidents', '--site', 'site'], cwd).exitCode).toBe(2);
    expect(bin(['export', 'incidents', '--site', 'site', '--force'], cwd).exitCode).toBe(0);
    expect(await readFile(join(cwd, 'site', '000.html'), 'utf8')).toContain('Search results were stale');
  });

  it.skipIf(!chromium)('prints PDF pages with the system Chromium', async () => {
    await writeFiles(cwd, { 'search.md': outOfOrderPostmortem('SEV2') });
    const result = bin(['export', 'search.md', '--format', 'pdf', '-o', 'pdf/'], cwd);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const pdf = await readFile(join(cwd, 'pdf', 'search.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await stat(join(cwd, 'pdf', 'search.pdf'))).size).toBeGreaterThan(10_000);
  });
});

describe('postmortem lint', () => {
  const setUp = (): Promise<void> =>
    writeFiles(cwd, {
      'postmortems/search.md': outOfOrderPostmortem('SEV2'),
      // Warnings only: no detection or escalation in the timeline.
      'postmortems/quiet.md': outOfOrderPostmortem('SEV2').replace(/^- 09:(25|40) UTC: .*\n/gm, ''),
    });

  it('lints postmortems/ by default, in each report format', async () => {
    await setUp();
    const stylish = bin(['lint'], cwd);
    expect(stylish.exitCode).toBe(1);
    expect(stylish.stdout).toContain('timeline-order');
    const json = JSON.parse(bin(['lint', '-f', 'json'], cwd).stdout) as Array<{ messages: Array<{ ruleId: string }> }>;
    expect(json.flatMap((result) => result.messages.map((message) => message.ruleId))).toContain('timeline-order');
    const sarif = JSON.parse(bin(['lint', '--format', 'sarif'], cwd).stdout) as { version: string; runs: Array<{ results: unknown[] }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.length).toBeGreaterThan(0);
    expect(bin(['lint', '--format', 'github'], cwd).stdout).toMatch(/^::error file=postmortems\/search\.md,line=23/m);
  });

  it('filters with --quiet, --max-warnings, --rule and --no-inline-config, and writes -o (with --force)', async () => {
    await setUp();
    const rules = (args: string[]): string[] =>
      (JSON.parse(bin(['lint', 'postmortems/quiet.md', '-f', 'json', ...args], cwd).stdout) as Array<{ messages: Array<{ ruleId: string }> }>).flatMap((result) => result.messages.map((message) => message.ruleId));
    const all = rules([]);
    expect(all).toContain('timeline-milestones');
    expect(rules(['--quiet'])).not.toContain('timeline-milestones');
    expect(rules(['--rule', 'timeline-milestones:off'])).not.toContain('timeline-milestones');
    expect(bin(['lint', 'postmortems/quiet.md'], cwd).exitCode).toBe(0);
    expect(bin(['lint', 'postmortems/quiet.md', '--max-warnings', '0'], cwd).exitCode).toBe(1);
    expect(bin(['lint', 'postmortems/quiet.md', '--max-warnings', '99'], cwd).exitCode).toBe(0);
    await writeFile(join(cwd, 'postmortems', 'quiet.md'), `<!-- postmortem-disable-file -->\n${await readFile(join(cwd, 'postmortems', 'quiet.md'), 'utf8')}`);
    expect(rules([])).toEqual([]);
    expect(rules(['--no-inline-config']).length).toBeGreaterThan(0);
    expect(bin(['lint', '-o', 'report.txt'], cwd).stdout).toBe('');
    expect(await readFile(join(cwd, 'report.txt'), 'utf8')).toContain('timeline-order');
    expect(bin(['lint', '-o', 'report.txt'], cwd).exitCode).toBe(2);
    expect(bin(['lint', '-o', 'report.txt', '--force'], cwd).exitCode).toBe(1);
  });

  it('fixes with --fix, shows fixes with --fix-dry-run, and lints on threads with --concurrency', async () => {
    // A GMT label in a UTC document: timeline-timezone rewrites it.
    const fixable = outOfOrderPostmortem('SEV2').replace('10:30 UTC', '10:30 GMT');
    await writeFiles(cwd, { 'fix.md': fixable });
    const dry = JSON.parse(bin(['lint', 'fix.md', '--fix-dry-run', '-f', 'json'], cwd).stdout) as Array<{ output?: string }>;
    expect(dry[0]?.output).toBe(fixable.replace('10:30 GMT', '10:30 UTC'));
    expect(await readFile(join(cwd, 'fix.md'), 'utf8')).toBe(fixable);
    bin(['lint', 'fix.md', '--fix'], cwd);
    const fixed = await readFile(join(cwd, 'fix.md'), 'utf8');
    expect(fixed).toBe(dry[0]?.output);
    const files: Record<string, string> = {};
    for (let index = 0; index < 30; index++) files[`many/${index}.md`] = fixable;
    await writeFiles(cwd, files);
    const one = bin(['lint', 'many', '-f', 'json', '--concurrency', '1'], cwd).stdout;
    expect(bin(['lint', 'many', '-f', 'json', '--concurrency', '2'], cwd).stdout).toBe(one);
  });
});

describe('postmortem templates, help and version', () => {
  it('lists the built-in templates', () => {
    const result = bin(['templates'], cwd);
    expect(result.exitCode).toBe(0);
    for (const name of ['classic', 'narrative', 'google-sre', 'pagerduty']) expect(result.stdout).toMatch(new RegExp(`^${name}\\s`, 'm'));
  });

  it.each(['new', 'render', 'export', 'lint', 'templates'])('shows help with examples for %s', (command) => {
    for (const args of [[command, '--help'], ['help', command]]) {
      const result = bin(args, cwd);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain(`Usage: postmortem ${command}`);
      expect(result.stdout).toContain('Examples:');
    }
  });

  it('prints the version', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(bin(['--version'], cwd).stdout).toBe(`${version}\n`);
    expect(bin(['-V'], cwd).stdout).toBe(`${version}\n`);
  });
});
