import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gitReader } from '../../src/import/sources/git.js';
import { at, describeEvents, readAll, readError } from './import-harness.js';

/** A repository whose history the tests know: commits at fixed dates, a release tag, a merge, a stash. */
let root: string;
let repo: string;

function git(args: string[], date?: string, author = 'Dana Lee', cwd = repo): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: root,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: author,
      GIT_AUTHOR_EMAIL: 'dev@example.com',
      GIT_COMMITTER_NAME: author,
      GIT_COMMITTER_EMAIL: 'dev@example.com',
      ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
    },
  });
}

async function commit(message: string, date: string, author?: string): Promise<string> {
  await writeFile(join(repo, 'changes.txt'), `${message}\n`, { flag: 'a' });
  git(['add', 'changes.txt'], date, author);
  git(['commit', '-q', '-m', message], date, author);
  return git(['rev-parse', '--short', 'HEAD']).trim();
}

const hashes: Record<string, string> = {};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pm-git-'));
  repo = join(root, 'checkout-service');
  await mkdir(repo);
  git(['init', '-q']);
  hashes.old = await commit('Add checkout retries', '2026-03-10T09:00:00Z');
  hashes.pool = await commit('Raise pool size to 50\n\nThe pool ran dry under the sale traffic.', '2026-03-14T13:58:00Z', 'Priya Raman');
  git(['tag', 'v2.4.1']);
  git(['tag', '-a', '-m', 'Release 2.4.1 to production', 'prod-2026-03-14']);
  git(['checkout', '-q', '-b', 'hotfix'], '2026-03-14T14:40:00Z');
  hashes.fix = await commit('Cap connection wait at 5 s', '2026-03-14T14:40:00Z', 'Sam Ortiz');
  git(['checkout', '-q', 'main']);
  // Merged on a machine whose clock was 35 minutes slow: committer dates are not always in order.
  git(['merge', '-q', '--no-ff', '-m', 'Merge branch hotfix', 'hotfix'], '2026-03-14T15:05:00+01:00');
  hashes.merge = git(['rev-parse', '--short', 'HEAD']).trim();
  hashes.later = await commit('Write the postmortem draft', '2026-03-16T10:00:00Z');
  // Work in progress stashed during the incident is not a change anyone shipped.
  await writeFile(join(repo, 'changes.txt'), 'wip\n', { flag: 'a' });
  git(['stash', '-q'], '2026-03-14T14:50:00Z');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('git reader', () => {
  it('gives the commits of every branch in the window, children before parents, with their tags', async () => {
    const { events, warnings } = await readAll(gitReader, repo, { since: at('2026-03-14T12:00:00Z'), until: at('2026-03-14T16:00:00Z') });
    expect(describeEvents(events)).toEqual([
      `2026-03-14T14:05:00.000Z | - | Commit ${hashes.merge} by Dana Lee: Merge branch hotfix`,
      `2026-03-14T14:40:00.000Z | - | Commit ${hashes.fix} by Sam Ortiz: Cap connection wait at 5 s`,
      `2026-03-14T13:58:00.000Z | - | Commit ${hashes.pool} by Priya Raman: Raise pool size to 50 (tags prod-2026-03-14, v2.4.1)`,
    ]);
    expect(warnings).toEqual([]);
    expect(events.every((event) => event.source === 'git' && event.origin === `${repo}@${event.text.split(' ')[1]}`)).toBe(true);
  });

  it('reads the repository named by repo (--repo), relative to cwd, before the source path', async () => {
    const { events } = await readAll(gitReader, 'ignored', { cwd: root, repo: 'checkout-service', since: at('2026-03-16T00:00:00Z') });
    expect(describeEvents(events)).toEqual([`2026-03-16T10:00:00.000Z | - | Commit ${hashes.later} by Dana Lee: Write the postmortem draft`]);
    expect(events[0]?.origin).toBe(`checkout-service@${hashes.later}`);
  });

  it('reads the whole history without a window, and the working directory without a path', async () => {
    const { events } = await readAll(gitReader, '', { cwd: repo });
    expect(events.map((event) => event.text.split(' ')[1])).toEqual([hashes.later, hashes.merge, hashes.fix, hashes.pool, hashes.old]);
  });

  it('finds a commit in the window behind a merge made on a clock 35 minutes slow', async () => {
    // The merge says 14:05, its parent 14:40: git's own --since 14:30 would stop at the merge.
    const { events } = await readAll(gitReader, repo, { since: at('2026-03-14T14:30:00Z'), until: at('2026-03-14T16:00:00Z') });
    expect(describeEvents(events)).toEqual([`2026-03-14T14:40:00.000Z | - | Commit ${hashes.fix} by Sam Ortiz: Cap connection wait at 5 s`]);
  });

  it('filters to the millisecond, both ends included', async () => {
    const exact = await readAll(gitReader, repo, { since: at('2026-03-14T14:40:00Z'), until: at('2026-03-14T14:40:00Z') });
    expect(exact.events.map((event) => event.at)).toEqual([at('2026-03-14T14:40:00Z')]);
    const after = await readAll(gitReader, repo, { since: at('2026-03-14T14:40:00Z') + 1, until: at('2026-03-14T14:40:01Z') });
    expect(after.events).toEqual([]);
  });

  it('warns, without failing, when no commit is in the window', async () => {
    const { events, warnings } = await readAll(gitReader, repo, { since: at('2026-04-01T00:00:00Z'), until: at('2026-04-01T06:00:00Z') });
    expect(events).toEqual([]);
    expect(warnings).toEqual([`${repo}: no commits between 2026-04-01 00:00 UTC and 2026-04-01 06:00 UTC (committer dates)`]);
  });

  it('stops git when the caller stops reading', async () => {
    const seen: string[] = [];
    for await (const event of gitReader.read(repo, { cwd: root })) {
      seen.push(event.text);
      break;
    }
    expect(seen).toHaveLength(1);
  });

  it('detects a directory holding .git, nothing else', async () => {
    expect(gitReader.detect(repo, '', true)).toBe(true);
    expect(gitReader.detect(root, '', true)).toBe(false);
    expect(gitReader.detect(join(repo, 'changes.txt'), 'x', false)).toBe(false);
  });
});

describe('git reader: what it cannot read, one line', () => {
  let savedPath: string | undefined;
  afterEach(() => {
    if (savedPath !== undefined) process.env.PATH = savedPath;
    savedPath = undefined;
  });

  it('names a directory that is not a repository', async () => {
    const plain = join(root, 'plain');
    await mkdir(plain, { recursive: true });
    // GIT_CEILING_DIRECTORIES is not needed: the temporary directory is not inside a repository.
    expect(await readError(gitReader, 'plain', { cwd: root })).toBe('plain: not a git repository');
  });

  it('names a path that does not exist, or is a file', async () => {
    expect(await readError(gitReader, 'nowhere', { cwd: root })).toBe('nowhere: no such directory (the git source reads a repository)');
    expect(await readError(gitReader, 'checkout-service/changes.txt', { cwd: root })).toBe('checkout-service/changes.txt: not a directory: the git source reads a repository (--repo PATH)');
  });

  it('says git is missing when it is not on PATH', async () => {
    savedPath = process.env.PATH;
    process.env.PATH = join(root, 'no-binaries-here');
    expect(await readError(gitReader, repo, { cwd: root })).toBe(`${repo}: git is not installed or not on PATH: the git source reads the history through it`);
  });

  it('reads an empty repository as no commits', async () => {
    const empty = join(root, 'empty');
    await mkdir(empty);
    git(['init', '-q'], undefined, undefined, empty);
    const { events, warnings } = await readAll(gitReader, empty, { cwd: root });
    expect(events).toEqual([]);
    expect(warnings).toEqual([`${empty}: no commits`]);
  });
});
