/**
 * `postmortem lint` and `postmortem export --site` find their files by the same rules
 * (src/io/find-postmortems.ts): one table of cases, each run through the real bin with both
 * commands, which must find the same files. The one difference is by design: a site never
 * reads its own output directory, which lint knows nothing of.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEAN } from '../lint/lint-fixtures.js';
import { packagesLoadedBy, runBin, runInProcess, useTempDir } from './cli-harness.js';

let cwd: string;
useTempDir((path) => (cwd = path));

/** A project in `cwd`: a git repository (so `.gitignore` counts) with these files; `null` content is a postmortem. */
async function project(files: Record<string, string | null>): Promise<void> {
  await mkdir(join(cwd, '.git'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(cwd, path)), { recursive: true });
    await writeFile(join(cwd, path), content ?? CLEAN);
  }
}

const stem = (file: string): string => basename(file).replace(/\.[^.]+$/, '');

/** The files `postmortem lint ...args` linted, by name without extension (names are unique in each case). */
function linted(args: string[]): string[] {
  const result = runBin(['lint', ...args, '--format', 'json'], { cwd });
  expect(result.exitCode, result.stderr).not.toBe(2);
  return (JSON.parse(result.stdout) as Array<{ filePath: string }>).map((entry) => stem(entry.filePath)).sort();
}

/** The pages `postmortem export --site <site> ...args` built, by name without extension. */
async function published(args: string[], site: string): Promise<string[]> {
  const result = runBin(['export', ...args, '--site', site], { cwd });
  expect(result.exitCode, result.stderr).toBe(0);
  expect(result.stderr).toBe('');
  const entries = await readdir(join(cwd, site), { recursive: true, withFileTypes: true });
  // The site's own pages (index, search, ...) are at its root; a postmortem's page may share a name only in a folder.
  const root = join(cwd, site);
  const own = new Set(['index.html', 'search.html', 'dashboard.html', 'actions.html']);
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html') && !(entry.parentPath === root && own.has(entry.name))).map((entry) => stem(entry.name)).sort();
}

interface DiscoveryCase {
  name: string;
  /** Files of the project; `null` is a postmortem. */
  files: Record<string, string | null>;
  /** Paths, globs and `--ignore` flags, the same for both commands. */
  args: string[];
  /** What both commands find. */
  found: string[];
  /** The site's output directory (default `site`, outside the inputs). */
  site?: string;
  /** What lint finds when it differs: only for files in the site's own output. */
  lintFinds?: string[];
}

const CASES: DiscoveryCase[] = [
  { name: 'a file .gitignore ignores', files: { '.gitignore': 'secret.md\n', 'pm/keep.md': null, 'pm/secret.md': null }, args: ['pm'], found: ['keep'] },
  { name: 'a directory .gitignore ignores', files: { '.gitignore': 'scratch/\n', 'pm/keep.md': null, 'pm/scratch/notes.md': null }, args: ['pm'], found: ['keep'] },
  { name: 'node_modules', files: { 'pm/keep.md': null, 'pm/node_modules/dep/readme.md': null }, args: ['pm'], found: ['keep'] },
  { name: 'a hidden folder and a hidden file', files: { 'pm/keep.md': null, 'pm/.drafts/draft.md': null, 'pm/.wip.md': null }, args: ['pm'], found: ['keep'] },
  { name: 'the .markdown extension, and no other', files: { 'pm/keep.md': null, 'pm/other.markdown': null, 'pm/notes.txt': null }, args: ['pm'], found: ['keep', 'other'] },
  { name: 'a glob', files: { 'pm/keep.md': null, 'pm/team/deep.md': null, 'pm/other.markdown': null, 'top.md': null }, args: ['pm/**/*.md'], found: ['deep', 'keep'] },
  {
    name: 'repeated --ignore',
    files: { 'pm/keep.md': null, 'pm/drafts/draft.md': null, 'pm/team/drafts/kept.md': null, 'pm/old.draft.md': null },
    args: ['pm', '--ignore', 'pm/drafts', '--ignore', '**/*.draft.md'],
    found: ['keep', 'kept'],
  },
  { name: 'the config\'s ignores', files: { '.postmortemrc.json': JSON.stringify({ ignores: ['pm/archive/**'] }), 'pm/keep.md': null, 'pm/archive/old.md': null }, args: ['pm'], found: ['keep'] },
  {
    name: 'files named explicitly, though ignored',
    files: { '.gitignore': 'secret.md\n', '.postmortemrc.yaml': 'ignores: [pm/archive]\n', 'pm/keep.md': null, 'pm/drafts/draft.md': null, 'pm/secret.md': null, 'pm/archive/old.md': null },
    args: ['pm', 'pm/drafts/draft.md', 'pm/secret.md', 'pm/archive/old.md', '--ignore', 'pm/drafts'],
    found: ['draft', 'keep', 'old', 'secret'],
  },
  { name: 'the site\'s output directory inside the input', files: { 'pm/keep.md': null, 'pm/site/stale.md': null }, args: ['pm'], site: 'pm/site', found: ['keep'], lintFinds: ['keep', 'stale'] },
];

describe('lint and export --site find the same files', () => {
  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
    await project(testCase.files);
    expect(await published(testCase.args, testCase.site ?? 'site')).toEqual(testCase.found);
    expect(linted(testCase.args)).toEqual(testCase.lintFinds ?? testCase.found);
  });
});

describe('discovery errors, the same from both commands', () => {
  it('refuses an ignores that is not a list of globs, naming the config file, exit 2', async () => {
    await project({ '.postmortemrc.json': JSON.stringify({ ignores: 'drafts' }), 'pm/keep.md': null });
    const message = 'postmortem: .postmortemrc.json: "ignores" must be an array of glob patterns, not "drafts"\n';
    for (const args of [['lint', 'pm'], ['lint', 'pm/keep.md'], ['export', 'pm', '--site', 'site']]) {
      expect(runBin(args, { cwd }), args.join(' ')).toEqual({ exitCode: 2, stdout: '', stderr: message });
    }
  });

  it('says when everything in a directory is ignored, exit 2, and builds no site from a glob that matches nothing', async () => {
    await project({ 'pm/drafts/draft.md': null });
    const lint = runBin(['lint', 'pm', '--ignore', 'pm/drafts'], { cwd });
    expect(lint).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: pm: no Markdown files (*.md, *.markdown) in this directory (apart from paths ignored by --ignore)\n' });
    const site = runBin(['export', 'missing/*.md', '--site', 'site'], { cwd });
    expect(site.exitCode).toBe(0);
    expect(site.stdout).toBe('site/index.html: 0 pages (6 written, 0 unchanged)\n');
  });

  it('refuses a negated --ignore, and --ignore without --site, exit 2', async () => {
    await project({ 'pm/keep.md': null });
    const negated = await runInProcess(['lint', 'pm', '--ignore', '!pm/keep.md'], { cwd });
    expect(negated.exitCode).toBe(2);
    expect(negated.stderr).toMatch(/^postmortem: --ignore: "!pm\/keep\.md": negated ignore patterns are not supported/);
    const withoutSite = await runInProcess(['export', 'pm/keep.md', '--ignore', 'x'], { cwd });
    expect(withoutSite.exitCode).toBe(2);
    expect(withoutSite.stderr).toContain('--ignore applies to --site');
  });
});

describe('what discovery loads', () => {
  it('loads the glob matcher and .gitignore reader for a glob, and neither for one named file', async () => {
    await project({ 'pm/keep.md': null });
    const forGlob = packagesLoadedBy(['lint', 'pm/*.md'], { cwd, log: join(cwd, 'imports-glob.log') });
    expect(forGlob.exitCode).toBe(0);
    for (const name of ['picomatch', 'ignore']) expect(forGlob.packages.has(name), name).toBe(true);
    const forFile = packagesLoadedBy(['lint', 'pm/keep.md', '--ignore', 'pm/**'], { cwd, log: join(cwd, 'imports-file.log') });
    expect(forFile.exitCode).toBe(0);
    for (const name of ['picomatch', 'ignore']) expect(forFile.packages.has(name), name).toBe(false);
  });
});

describe('--concurrency', () => {
  it('is described the same way in the help of lint and export', () => {
    const option = (command: string): string => {
      const help = runBin([command, '--help'], { cwd }).stdout.replace(/\s+/g, ' ');
      return /--concurrency <threads> (?:with --site: )?(.*?\(see the README\))/.exec(help)?.[1] ?? `no --concurrency in ${command} --help`;
    };
    expect(option('lint')).toContain('how many threads do the work (1: no worker threads)');
    expect(option('export')).toBe(option('lint'));
  });
});
