/**
 * The git reader: the commits of a local repository in the window, read through the real
 * `git` (spawned with an argument array, never through a shell), each an event such as
 * `Commit a1b2c3d by Dana Lee: Raise pool size to 50 (tag v2.4.1)`: the deploy that started
 * an incident and the fix that ended it are usually commits, and a release tag says which.
 *
 * Which commits: those reachable from any branch, remote-tracking branch, tag or HEAD
 * (`--all`, less the stash and notes, which are not changes anyone shipped), newest first
 * in commit-date order. Which time: the committer date, when the commit was made where it
 * now is (merged, rebased, cherry-picked onto the branch that was deployed), which is also
 * the date git's own `--since`/`--until` filter on; the author date is when the change was
 * first written, often days before it shipped.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PostmortemError } from '../../model/errors.js';
import { oneLine } from '../record-fields.js';
import { detachedString, inWindow, statSource } from '../source-input.js';
import type { ImportedEvent, ImportReadOptions, TimelineSourceReader } from '../types.js';

const FIELD = '\u001f';
const RECORD = '\u001e';
/** Full hash, short hash, author (as .mailmap names them), committer date (epoch seconds), ref names, subject. */
const FORMAT = `--format=${RECORD}%H${FIELD}%h${FIELD}%aN${FIELD}%ct${FIELD}%D${FIELD}%s`;
/** How much earlier than the window git is asked to start (see readGitCommits). */
const SINCE_MARGIN_SECONDS = 24 * 60 * 60;
/** Most of git's stderr that is kept for a message: its first line is what is shown. */
const STDERR_LIMIT = 4096;

/** One commit as the log gives it. */
export interface GitCommit {
  hash: string;
  shortHash: string;
  author: string;
  /** Committer date, epoch milliseconds. */
  committedAt: number;
  /** Tags pointing at the commit (annotated tags peeled). */
  tags: string[];
  subject: string;
}

/** The text of a commit's event: `Commit a1b2c3d by Dana Lee: Raise pool size to 50 (tag v2.4.1)`. */
export function commitText(commit: GitCommit): string {
  // A tag name may hold any character but ASCII controls, so its text is read as every other field is.
  const tagNames = commit.tags.map((tag) => oneLine(tag)).filter((tag): tag is string => tag !== null).sort();
  const tags = tagNames.length === 0 ? '' : ` (${tagNames.length === 1 ? 'tag' : 'tags'} ${tagNames.join(', ')})`;
  const subject = oneLine(commit.subject);
  return `Commit ${commit.shortHash} by ${oneLine(commit.author) ?? 'unknown author'}${subject ? `: ${subject}` : ''}${tags}`;
}

/** The repository a read names: `options.repo` (`--repo`), else the source path, else the working directory. */
function repositoryOf(path: string, options: ImportReadOptions): { directory: string; shown: string } {
  const named = options.repo?.trim() || path.trim() || '.';
  return { directory: resolve(options.cwd, named), shown: named };
}

/**
 * git's environment: the caller's, less what would point it at another repository (a hook
 * running us sets GIT_DIR), with messages in English so that "not a git repository" reads
 * the same everywhere, and never a prompt.
 */
function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C', LANGUAGE: 'C', GIT_TERMINAL_PROMPT: '0' };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_NAMESPACE', 'GIT_CEILING_DIRECTORIES']) delete env[name];
  return env;
}

function spawnGit(args: readonly string[]) {
  return spawn('git', ['--no-pager', ...args], { env: gitEnvironment(), stdio: ['ignore', 'pipe', 'pipe'], shell: false, windowsHide: true });
}

function gitMissing(shown: string, error: unknown): PostmortemError {
  return new PostmortemError('git is not installed or not on PATH: the git source reads the history through it', { filePath: shown }, { cause: error });
}

/** The start of what a git process writes to stderr, as it comes: call the result for the text so far. */
function collectStderr(child: ReturnType<typeof spawnGit>): () => string {
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < STDERR_LIMIT) stderr += chunk;
  });
  return () => stderr;
}

/** Runs a short git command to its end: its exit code and the start of its stderr. */
async function runGit(args: readonly string[], shown: string): Promise<{ code: number | null; stderr: string }> {
  return await new Promise((done, fail) => {
    const child = spawnGit(args);
    const stderr = collectStderr(child);
    child.stdout.resume();
    child.on('error', (error) => fail((error as NodeJS.ErrnoException).code === 'ENOENT' ? gitMissing(shown, error) : error));
    child.on('close', (code) => done({ code, stderr: stderr() }));
  });
}

function firstLine(text: string): string {
  return text.split('\n').map((line) => line.trim()).find((line) => line !== '')?.replace(/^fatal:\s*/, '') ?? 'no message';
}

async function checkRepository(directory: string, shown: string): Promise<void> {
  const info = await statSource(directory, shown, 'no such directory (the git source reads a repository)');
  if (!info.isDirectory()) throw new PostmortemError('not a directory: the git source reads a repository (--repo PATH)', { filePath: shown });
  const { code, stderr } = await runGit(['-C', directory, 'rev-parse', '--git-dir'], shown);
  if (code === 0) return;
  if (/not a git repository/i.test(stderr)) throw new PostmortemError('not a git repository', { filePath: shown });
  throw new PostmortemError(`git cannot read the repository: ${firstLine(stderr)}`, { filePath: shown });
}

function parseCommit(record: string): GitCommit | null {
  const [hash, shortHash, author, committed, refs, ...subject] = record.trimEnd().split(FIELD);
  if (!hash || !shortHash || committed === undefined) return null;
  const tags = (refs ?? '').split(', ').filter((ref) => ref.startsWith('tag: ')).map((ref) => ref.slice('tag: '.length));
  return { hash, shortHash, author: author ?? '', committedAt: Number(committed) * 1000, tags, subject: subject.join(FIELD) };
}

/** `2026-03-14 14:00 UTC`, for a message about the window. */
function shownInstant(millis: number): string {
  return `${new Date(millis).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * The commits of a repository in the window, newest first, streamed from `git log` as it
 * writes them. Throws `PostmortemError` when git is missing, the directory is not a
 * repository or git fails; no commits in the window is not an error, but a warning.
 */
export async function* readGitCommits(path: string, options: ImportReadOptions): AsyncGenerator<GitCommit> {
  const { directory, shown } = repositoryOf(path, options);
  await checkRepository(directory, shown);
  const args = [
    '-C', directory,
    // Output this code parses, whatever the user's configuration says; and nothing the
    // repository's own configuration names is run (a signature check runs gpg.program, an
    // fsmonitor hook runs a program), since reading a repository must not run code from it.
    '-c', 'log.showSignature=false', '-c', 'core.fsmonitor=false', '-c', 'i18n.logOutputEncoding=UTF-8',
    'log', '--exclude=refs/stash', '--exclude=refs/notes/*', '--all', '--date-order', '--no-color', FORMAT,
  ];
  // git's window is in whole seconds; the exact one is applied below. git stops walking at a
  // commit older than --since and takes its parents for older still, so a commit behind a
  // merge made on a slow clock would be lost: a day's margin keeps it, at the cost of reading
  // a day more of history.
  if (options.since !== null && options.since !== undefined) args.push(`--since=@${Math.floor(options.since / 1000) - SINCE_MARGIN_SECONDS}`);
  if (options.until !== null && options.until !== undefined) args.push(`--until=@${Math.ceil(options.until / 1000)}`);
  const child = spawnGit(args);
  const stderr = collectStderr(child);
  let spawnError: unknown = null;
  child.on('error', (error) => {
    spawnError = error;
  });
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  let count = 0;
  let pending = '';
  try {
    for await (const chunk of child.stdout.setEncoding('utf8') as AsyncIterable<string>) {
      pending += chunk;
      const records = pending.split(RECORD);
      pending = records.pop() ?? '';
      for (const record of records) {
        const commit = record === '' ? null : parseCommit(record);
        if (commit && inWindow(commit.committedAt, options)) {
          count += 1;
          yield commit;
        }
      }
    }
    const code = await exited;
    if (spawnError) throw (spawnError as NodeJS.ErrnoException).code === 'ENOENT' ? gitMissing(shown, spawnError) : spawnError;
    if (code !== 0) throw new PostmortemError(`git log failed: ${firstLine(stderr())}`, { filePath: shown });
    const last = pending === '' ? null : parseCommit(pending);
    if (last && inWindow(last.committedAt, options)) {
      count += 1;
      yield last;
    }
  } finally {
    // The caller stopped early: git need not write the rest of the history.
    if (child.exitCode === null && child.signalCode === null) child.kill();
  }
  if (count === 0) {
    const since = options.since === null || options.since === undefined ? null : shownInstant(options.since);
    const until = options.until === null || options.until === undefined ? null : shownInstant(options.until);
    const window = since && until ? ` between ${since} and ${until}` : since ? ` since ${since}` : until ? ` until ${until}` : '';
    options.onWarning?.(`${shown}: no commits${window ? `${window} (committer dates)` : ''}`);
  }
}

/** Reads the events of a repository's history: one per commit, no label. */
export async function* readGitHistory(path: string, options: ImportReadOptions): AsyncGenerator<ImportedEvent> {
  const { shown } = repositoryOf(path, options);
  for await (const commit of readGitCommits(path, options)) {
    // Copies: the parts of git's output are views of the 64 KB chunks they came in.
    yield { at: commit.committedAt, text: detachedString(commitText(commit)), label: null, source: 'git', origin: detachedString(`${shown}@${commit.shortHash}`) };
  }
}

/**
 * Reads commit history from a local git repository. The source path is the repository
 * (`--repo` given as `options.repo` wins); detection takes a directory holding `.git`
 * (resolved against the process's working directory when relative).
 */
export const gitReader: TimelineSourceReader = {
  name: 'git',
  detect: (path, _head, isDirectory) => isDirectory && existsSync(join(path, '.git')),
  read: (path, options) => readGitHistory(path, options),
};
