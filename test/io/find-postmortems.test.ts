import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPostmortems, type FindPostmortemsOptions } from '../../src/io/find-postmortems.js';
import { PostmortemError } from '../../src/model/errors.js';
import { makeTempDir } from '../cli/cli-harness.js';

let root: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ path: root, remove } = await makeTempDir());
});
afterEach(async () => remove());

async function files(paths: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(paths)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

type Options = Partial<FindPostmortemsOptions>;

async function found(patterns: string[], cwd = root, options: Options = {}): Promise<string[]> {
  return (await findPostmortems(patterns, { cwd, ...options })).map((file) => relative(root, file.path));
}

async function failure(patterns: string[], cwd = root, options: Options = {}): Promise<string> {
  try {
    await findPostmortems(patterns, { cwd, ...options });
  } catch (error) {
    if (error instanceof PostmortemError) return error.format();
    throw error;
  }
  throw new Error('expected a PostmortemError');
}

describe('findPostmortems', () => {
  it('walks directories for Markdown files, sorted, skipping other files, node_modules and hidden files and folders', async () => {
    await files({
      'pm/b.md': '',
      'pm/a.markdown': '',
      'pm/2026/c.MD': '',
      'pm/notes.txt': '',
      'pm/image.png': '',
      'pm/.hidden.md': '',
      'pm/.drafts/d.md': '',
      'pm/node_modules/dep/README.md': '',
    });
    expect(await found(['pm'])).toEqual(['pm/2026/c.MD', 'pm/a.markdown', 'pm/b.md']);
  });

  it('walks a hidden or node_modules directory that is named, and takes any file named', async () => {
    await files({ '.github/pm/a.md': '', 'node_modules/x/b.md': '', 'notes.txt': '', '.hidden.md': '' });
    expect(await found(['.github', 'node_modules/x', 'notes.txt', '.hidden.md'])).toEqual(['.github/pm/a.md', 'node_modules/x/b.md', 'notes.txt', '.hidden.md']);
  });

  it('says where each file lies in the input that found it: the directory, a glob\'s fixed part, or its own name', async () => {
    await files({ 'pm/team/a.md': '', 'pm/b.md': '', 'c.md': '' });
    const relatives = async (patterns: string[]): Promise<string[]> => (await findPostmortems(patterns, { cwd: root })).map((file) => file.relative);
    expect(await relatives(['pm'])).toEqual(['b.md', 'team/a.md']);
    expect(await relatives(['pm/**/*.md'])).toEqual(['b.md', 'team/a.md']);
    expect(await relatives(['pm/team/a.md', 'c.md'])).toEqual(['a.md', 'c.md']);
  });

  it('skips what .gitignore files ignore, from the repository root down, and .git/info/exclude', async () => {
    await mkdir(join(root, '.git', 'info'), { recursive: true });
    await files({
      '.gitignore': 'drafts/\n*.tmp.md\n',
      '.git/info/exclude': 'private.md\n',
      'docs/pm/.gitignore': 'scratch.md\n',
      'docs/pm/keep.md': '',
      'docs/pm/scratch.md': '',
      'docs/pm/private.md': '',
      'docs/pm/x.tmp.md': '',
      'docs/pm/drafts/d.md': '',
    });
    expect(await found(['docs'])).toEqual(['docs/pm/keep.md']);
    // From a subdirectory the repository root's rules still apply.
    expect(await found(['.'], join(root, 'docs', 'pm'))).toEqual(['docs/pm/keep.md']);
    expect(await found(['docs'], root, { gitignore: false })).toEqual(['docs/pm/drafts/d.md', 'docs/pm/keep.md', 'docs/pm/private.md', 'docs/pm/scratch.md', 'docs/pm/x.tmp.md']);
  });

  it('takes a file named explicitly even when it is ignored', async () => {
    await mkdir(join(root, '.git'));
    await files({ '.gitignore': 'drafts/\n', 'drafts/d.md': '', 'old/e.md': '', '.postmortemrc.json': '{"ignores": ["old"]}' });
    expect(await found(['drafts/d.md', 'old/e.md'], root, { ignore: ['drafts/**'] })).toEqual(['drafts/d.md', 'old/e.md']);
  });

  it('expands globs, without node_modules, hidden or ignored files, unless the glob names a hidden folder', async () => {
    await mkdir(join(root, '.git'));
    await files({ '.gitignore': 'old/\n', 'a/one.md': '', 'a/b/two.md': '', 'a/b/two.txt': '', 'a/.h/three.md': '', 'old/three.md': '', 'node_modules/x/four.md': '' });
    expect(await found(['**/*.md'])).toEqual(['a/b/two.md', 'a/one.md']);
    expect(await found(['a/*.md', 'a/**/*.md'])).toEqual(['a/one.md', 'a/b/two.md']);
    expect(await found(['a/b/*'])).toEqual(['a/b/two.md', 'a/b/two.txt']);
    expect(await found(['a/.h/*.md', '**/.h/*.md'])).toEqual(['a/.h/three.md']);
  });

  it('skips what --ignore patterns match, relative to the working directory, whole directories included', async () => {
    await files({ 'pm/a.md': '', 'pm/drafts/b.md': '', 'pm/team/drafts/c.md': '', 'pm/x.draft.md': '', 'pm/team/y.draft.md': '' });
    expect(await found(['pm'], root, { ignore: ['pm/drafts'] })).toEqual(['pm/a.md', 'pm/team/drafts/c.md', 'pm/team/y.draft.md', 'pm/x.draft.md']);
    expect(await found(['pm'], root, { ignore: ['**/drafts/', '**/*.draft.md'] })).toEqual(['pm/a.md']);
    expect(await found(['pm/**/*.md'], root, { ignore: ['pm/drafts/**', 'pm/team/**'] })).toEqual(['pm/a.md', 'pm/x.draft.md']);
    expect(await found(['.'], join(root, 'pm'), { ignore: ['drafts', 'team'] })).toEqual(['pm/a.md', 'pm/x.draft.md']);
    // A pattern ending in / matches directories only.
    await files({ 'pm/notes': '' });
    expect(await found(['pm/*'], root, { ignore: ['pm/notes/'] })).toContain('pm/notes');
  });

  it('skips what the project config\'s ignores match, relative to the config file, or to the one named', async () => {
    await files({ 'repo/.postmortemrc.json': JSON.stringify({ ignores: ['pm/drafts/**'] }), 'repo/pm/a.md': '', 'repo/pm/drafts/b.md': '', 'other.yaml': 'ignores: ["repo/pm/a.md"]\n' });
    expect(await found(['pm'], join(root, 'repo'))).toEqual(['repo/pm/a.md']);
    // Found upward from the working directory; the patterns stay relative to the file.
    expect(await found(['.'], join(root, 'repo', 'pm'))).toEqual(['repo/pm/a.md']);
    expect(await found(['repo/pm'], root, { configFile: 'other.yaml' })).toEqual(['repo/pm/drafts/b.md']);
    expect(await found(['pm'], join(root, 'repo'), { configIgnores: false })).toEqual(['repo/pm/a.md', 'repo/pm/drafts/b.md']);
  });

  it('refuses an ignores that is not a list of glob patterns, naming the config file, and a negated pattern', async () => {
    await files({ 'a/.postmortemrc.json': '{"ignores": "drafts"}', 'a/x.md': '', 'b/.postmortemrc.yaml': 'ignores: [drafts, 3]\n', 'b/x.md': '', 'c/x.md': '' });
    expect(await failure(['.'], join(root, 'a'))).toBe('.postmortemrc.json: "ignores" must be an array of glob patterns, not "drafts"');
    expect(await failure(['.'], join(root, 'b'))).toBe('.postmortemrc.yaml: "ignores"[1] must be a glob pattern (a string), not 3');
    expect(await failure(['c/x.md'], root, { ignore: ['!keep.md'] })).toMatch(/^--ignore: "!keep\.md": negated ignore patterns are not supported/);
  });

  it('never walks into the directories it is told to skip', async () => {
    await files({ 'pm/a.md': '', 'pm/site/b.md': '' });
    expect(await found(['pm'], root, { skipDirectories: ['pm/site'] })).toEqual(['pm/a.md']);
    expect(await found(['pm/**/*.md'], root, { skipDirectories: [join(root, 'pm', 'site')] })).toEqual(['pm/a.md']);
  });

  it('fails naming the pattern when a path does not exist or nothing is found, and says what ignored the rest', async () => {
    await mkdir(join(root, '.git'));
    await files({ '.gitignore': 'old/\n', 'old/x.md': '', 'empty/notes.txt': '', 'some/drafts/y.md': '' });
    expect(await failure(['missing.md'])).toBe('missing.md: no such file or directory');
    expect(await failure(['missing/**/*.md'])).toBe('missing/**/*.md: no files match this pattern');
    expect(await failure(['old/*.md'])).toBe('old/*.md: no files match this pattern (old is ignored by .gitignore)');
    expect(await failure(['old'])).toBe('old: no Markdown files (*.md, *.markdown) in this directory (old is ignored by .gitignore)');
    expect(await failure(['empty'])).toBe('empty: no Markdown files (*.md, *.markdown) in this directory');
    expect(await failure(['some'], root, { ignore: ['**/drafts'] })).toBe('some: no Markdown files (*.md, *.markdown) in this directory (apart from paths ignored by --ignore)');
    expect(await found(['empty', 'old'], root, { allowEmpty: true })).toEqual([]);
  });

  it('reads postmortems/ by default when it exists, else *.md here', async () => {
    await files({ 'README.md': '', 'postmortems/a.md': '' });
    expect(await found([])).toEqual(['postmortems/a.md']);
    await files({ 'other/README.md': '', 'other/sub/b.md': '' });
    expect(await found([], join(root, 'other'))).toEqual(['other/README.md']);
  });

  it('fails when there is nothing to read by default', async () => {
    await mkdir(join(root, 'nothing'));
    expect(await failure([], join(root, 'nothing'))).toMatch(/^\*\.md: no postmortems found/);
  });

  it('lists a file once however many patterns name it', async () => {
    await files({ 'pm/a.md': '' });
    expect(await found(['pm', 'pm/a.md', 'pm/*.md'])).toEqual(['pm/a.md']);
  });
});
