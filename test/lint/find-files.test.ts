import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLintFiles } from '../../src/lint/find-files.js';
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

async function found(patterns: string[], cwd = root): Promise<string[]> {
  return (await findLintFiles(patterns, { cwd })).map((path) => relative(root, path));
}

async function failure(patterns: string[], cwd = root): Promise<string> {
  try {
    await findLintFiles(patterns, { cwd });
  } catch (error) {
    if (error instanceof PostmortemError) return error.format();
    throw error;
  }
  throw new Error('expected a PostmortemError');
}

describe('findLintFiles', () => {
  it('walks directories for Markdown files, sorted, skipping other files and node_modules', async () => {
    await files({
      'pm/b.md': '',
      'pm/a.markdown': '',
      'pm/2026/c.md': '',
      'pm/notes.txt': '',
      'pm/image.png': '',
      'pm/node_modules/dep/README.md': '',
    });
    expect(await found(['pm'])).toEqual(['pm/2026/c.md', 'pm/a.markdown', 'pm/b.md']);
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
  });

  it('lints a file named explicitly even when it is ignored', async () => {
    await mkdir(join(root, '.git'));
    await files({ '.gitignore': 'drafts/\n', 'drafts/d.md': '', 'notes.txt': '' });
    expect(await found(['drafts/d.md', 'notes.txt'])).toEqual(['drafts/d.md', 'notes.txt']);
  });

  it('expands globs, without node_modules or ignored files', async () => {
    await mkdir(join(root, '.git'));
    await files({ '.gitignore': 'old/\n', 'a/one.md': '', 'a/b/two.md': '', 'a/b/two.txt': '', 'old/three.md': '', 'node_modules/x/four.md': '' });
    expect(await found(['**/*.md'])).toEqual(['a/b/two.md', 'a/one.md']);
    expect(await found(['a/*.md', 'a/**/*.md'])).toEqual(['a/b/two.md', 'a/one.md']);
  });

  it('fails naming the pattern when a path does not exist or nothing matches', async () => {
    await mkdir(join(root, '.git'));
    await files({ '.gitignore': 'old/\n', 'old/x.md': '', 'empty/notes.txt': '' });
    expect(await failure(['missing.md'])).toBe('missing.md: no such file or directory');
    expect(await failure(['missing/**/*.md'])).toBe('missing/**/*.md: no files match this pattern');
    expect(await failure(['old/*.md'])).toBe('old/*.md: no files match this pattern (all of them are ignored by .gitignore)');
    expect(await failure(['empty'])).toBe('empty: no Markdown files (*.md, *.markdown) in this directory');
  });

  it('lints postmortems/ by default when it exists, else *.md here', async () => {
    await files({ 'README.md': '', 'postmortems/a.md': '' });
    expect(await found([])).toEqual(['postmortems/a.md']);
    await files({ 'other/README.md': '', 'other/sub/b.md': '' });
    expect(await found([], join(root, 'other'))).toEqual(['other/README.md']);
  });

  it('fails when there is nothing to lint by default', async () => {
    await mkdir(join(root, 'nothing'));
    expect(await failure([], join(root, 'nothing'))).toMatch(/^\*\.md: no postmortems found/);
  });

  it('lists a file once however many patterns name it', async () => {
    await files({ 'pm/a.md': '' });
    expect(await found(['pm', 'pm/a.md', 'pm/*.md'])).toEqual(['pm/a.md']);
  });
});
