/**
 * `postmortem stats` through the real bin/postmortem.js (the bundle `npm test` builds): every
 * format and option as a user runs it, and what the command loads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CollectionStats } from '../../src/collection/types.js';
import { packagesLoadedBy, repoRoot, runBin, useTempDir } from './cli-harness.js';
import { BROKEN, COLLECTION, writeFiles } from './stats-documents.js';

let cwd: string;
useTempDir((path) => (cwd = path));

const bin = (args: string[]) => runBin(['stats', ...args], { cwd, env: { TZ: 'UTC' } });

describe('postmortem stats (bin)', () => {
  it('prints the report', async () => {
    await writeFiles(cwd, COLLECTION);
    const result = bin(['--today', '2026-09-15']);
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Postmortem stats: 4 incidents, 2026-01-10 to 2026-06-02\n/);
    const row = (name: string) => result.stdout.split('\n').find((line) => line.startsWith(`  ${name}`))?.trim().split(/ {2,}/);
    expect(row('Time to resolve')).toEqual(['Time to resolve', '3', '1', '1 h 20 min', '2 h 16 min', '45 min', '2 h 30 min']);
    expect(row('Time to acknowledge')).toEqual(['Time to acknowledge', '2', '2', '21 min', '28 min', '12 min', '30 min']);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('writes JSON with --format json, filtered and grouped as asked', async () => {
    await writeFiles(cwd, COLLECTION);
    const result = bin(['postmortems', '--format', 'json', '--since', '2026-01-10', '--until', '2026-02-20', '--group-by', 'quarter', '--today', '2026-01-31']);
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    const json = JSON.parse(result.stdout) as CollectionStats & { skipped: unknown[] };
    expect(json.incidents.map((incident) => incident.file)).toEqual(['postmortems/2026-01-10-checkout.md', 'postmortems/2026-02-20-payments.md']);
    expect([json.groupBy, json.groups.map((group) => [group.key, group.incidents]), json.excludedUndated, json.today]).toEqual(['quarter', [['2026-Q1', 2]], 1, '2026-01-31']);
    expect(json.actions).toEqual({ total: 3, open: 2, done: 1, overdue: 0, unowned: 1, undated: 1 });
    expect(json.times.timeToResolve).toEqual({ known: 2, unknown: 0, median: 62.5, p90: 76.5, min: 45, max: 80 });
    expect(json.skipped).toEqual([]);
  });

  it('writes CSV with --format csv', async () => {
    await writeFiles(cwd, COLLECTION);
    const result = bin(['--format', 'csv', '--ignore', 'postmortems/undated.md']);
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    const lines = result.stdout.split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[2]).toBe('postmortems/2026-02-20-payments.md,"Payments timed out, again",2026-02-20,SEV1,,checkout; payments,capacity,3,,,45,1,0');
    expect(lines[3]).toMatch(/^postmortems\/2026-06-02-search\.md,"'=HYPERLINK/);
  });

  it('reads the ignores of -c, --config', async () => {
    await writeFiles(cwd, { ...COLLECTION, 'team.json': JSON.stringify({ ignores: ['postmortems/2026-*'] }) });
    const result = bin(['-c', 'team.json', '--format', 'json']);
    expect((JSON.parse(result.stdout) as CollectionStats).incidents.map((incident) => incident.file)).toEqual(['postmortems/undated.md']);
  });

  it('leaves out a file it cannot read, names it with its line, and exits 2', async () => {
    await writeFiles(cwd, { ...COLLECTION, 'postmortems/broken.md': BROKEN });
    const result = bin(['--today', '2026-09-15']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^postmortems\/broken\.md:2: invalid YAML front matter: [^\n]+\n$/);
    expect(result.stdout).toContain('1 file could not be read and is left out');
  });

  it('refuses a date that is not one, with exit 2 and no stack', async () => {
    await writeFiles(cwd, COLLECTION);
    const result = bin(['--since', '2026-02-30']);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^postmortem: option '--since <YYYY-MM-DD>' argument '2026-02-30' is invalid/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('loads the parser but not the HTML export, the prompts or the templates', async () => {
    await writeFiles(cwd, COLLECTION);
    const loaded = packagesLoadedBy(['stats', '--format', 'json'], { cwd, log: join(cwd, 'imports.log') });
    expect(loaded.exitCode).toBe(0);
    expect(loaded.packages.has('markdown-it')).toBe(true);
    for (const name of ['sanitize-html', '@inquirer/prompts', 'playwright-core', 'handlebars', 'ajv', 'chrono-node']) expect(loaded.packages.has(name), name).toBe(false);
    const help = packagesLoadedBy(['stats', '--help'], { cwd, log: join(cwd, 'imports-help.log') });
    expect(help.packages.has('string-width')).toBe(false);
    expect(help.packages.has('gray-matter')).toBe(false);
  });

  it("prints the README's example report as it stands there, and the README documents every option of --help", () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const section = /^### `postmortem stats \[paths\.\.\.\] \[options\]`\n([\s\S]*?)^### /m.exec(readme)?.[1] ?? '';
    const example = /^```\n(Postmortem stats:[\s\S]*?)^```$/m.exec(section)?.[1];
    const fixture = join(repoRoot, 'test', 'fixtures', 'collection');
    expect(runBin(['stats', 'postmortems', '--group-by', 'quarter', '--today', '2026-09-15'], { cwd: fixture }).stdout).toBe(example);
    const help = runBin(['stats', '--help'], { cwd }).stdout;
    const options = [...help.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1] as string).filter((option) => option !== '--help');
    expect(options.length).toBe(8);
    // Each a row of the options table: | `--since <YYYY-MM-DD>` | or | `-c, --config <file>` |.
    for (const option of options) expect(section, option).toMatch(new RegExp(`^\\| \`(?:-\\w, )?${option}[ \`]`, 'm'));
  });
});
