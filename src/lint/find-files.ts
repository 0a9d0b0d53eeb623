/**
 * Which files `postmortem lint` reads: named files as given, directories walked for Markdown
 * files, globs expanded (tinyglobby). Files git ignores (`.gitignore` files from the
 * repository root down, and `.git/info/exclude`, read with the `ignore` package) and
 * anything under `node_modules` or `.git` are skipped when walking or globbing; a file named
 * explicitly is always linted, since naming it says it is wanted.
 */
import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Ignore } from 'ignore';
import { PostmortemError } from '../model/errors.js';

// `ignore` and `tinyglobby` are imported only when a directory is walked or a glob expanded:
// linting one named file (an editor, a pre-commit hook) should not pay for loading them.
type IgnoreFactory = (options?: { ignorecase?: boolean }) => Ignore;

/** File name endings a directory walk picks up. */
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'] as const;

/** Directories never walked or globbed into. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

/** What `postmortem lint` with no paths lints: this directory if it exists, else `*.md` here. */
export const DEFAULT_LINT_DIRECTORY = 'postmortems';

/** Options for {@link findLintFiles}. */
export interface FindLintFilesOptions {
  /** Directory relative paths and globs are resolved from. */
  cwd: string;
  /** Honour `.gitignore`. Default true. */
  gitignore?: boolean;
}

function isMarkdownName(name: string): boolean {
  const lower = name.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * Git's ignore rules for one repository: each directory's `.gitignore` applies to the paths
 * under it, as in git (a negation in a deeper file cannot re-include what a shallower one
 * excluded, which git does not allow for directories either).
 */
class GitIgnoreRules {
  private readonly byDirectory = new Map<string, Ignore | null>();

  constructor(
    private readonly root: string,
    private readonly ignore: IgnoreFactory,
  ) {
    const exclude = join(root, '.git', 'info', 'exclude');
    const rootRules = this.rulesFor(root);
    if (existsSync(exclude)) {
      const rules = this.ignore().add(readFileSync(exclude, 'utf8'));
      if (rootRules) rules.add(rootRules);
      this.byDirectory.set(root, rules);
    }
  }

  /** The nearest directory at or above `start` that holds `.git` (a repository or a worktree), or null. */
  static findRoot(start: string): string | null {
    for (let directory = start; ; directory = dirname(directory)) {
      if (existsSync(join(directory, '.git'))) return directory;
      if (dirname(directory) === directory) return null;
    }
  }

  private rulesFor(directory: string): Ignore | null {
    if (this.byDirectory.has(directory)) return this.byDirectory.get(directory) ?? null;
    let rules: Ignore | null = null;
    try {
      rules = this.ignore().add(readFileSync(join(directory, '.gitignore'), 'utf8'));
    } catch {
      // No .gitignore here (or unreadable): nothing ignored at this level.
    }
    this.byDirectory.set(directory, rules);
    return rules;
  }

  /** Whether git ignores `path` (absolute); `isDirectory` matters for patterns ending in `/`. */
  ignores(path: string, isDirectory: boolean): boolean {
    const fromRoot = relative(this.root, path);
    if (!fromRoot || fromRoot.startsWith('..') || isAbsolute(fromRoot)) return false;
    const parts = fromRoot.split(sep);
    let directory = this.root;
    for (let depth = 0; depth < parts.length; depth += 1) {
      const rules = this.rulesFor(directory);
      if (rules) {
        const below = toPosix(parts.slice(depth).join(sep)) + (isDirectory ? '/' : '');
        if (rules.ignores(below)) return true;
      }
      directory = join(directory, parts[depth] as string);
    }
    return false;
  }
}

async function walk(directory: string, gitignore: GitIgnoreRules | null, found: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    throw new PostmortemError(`cannot read this directory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { filePath: directory }, { cause: error });
  }
  const subdirectories: string[] = [];
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (ALWAYS_SKIPPED.has(entry.name) || gitignore?.ignores(path, true)) continue;
      subdirectories.push(path);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isMarkdownName(entry.name)) {
      if (entry.isSymbolicLink() && !statOrNull(path)?.isFile()) continue;
      if (!gitignore?.ignores(path, false)) found.push(path);
    }
  }
  // Symlinked directories are not followed: a link loop cannot make the walk endless.
  for (const subdirectory of subdirectories) await walk(subdirectory, gitignore, found);
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function underSkippedDirectory(path: string, cwd: string): boolean {
  const fromCwd = relative(cwd, path);
  return fromCwd.split(sep).some((part) => ALWAYS_SKIPPED.has(part));
}

/**
 * The files to lint for `patterns` (paths, directories or globs), absolute, sorted and
 * without duplicates. With no patterns: `postmortems/` if it exists, else `*.md`.
 *
 * Throws `PostmortemError` (exit 2) for a path that does not exist, or a glob or directory
 * that yields no file, naming it: a typo in CI must not pass as "no problems".
 */
export async function findLintFiles(patterns: readonly string[], options: FindLintFilesOptions): Promise<string[]> {
  const cwd = resolve(options.cwd);
  let gitignore: GitIgnoreRules | null | undefined;
  const gitignoreRules = async (): Promise<GitIgnoreRules | null> => {
    if (gitignore === undefined) {
      gitignore = options.gitignore === false ? null : new GitIgnoreRules(GitIgnoreRules.findRoot(cwd) ?? cwd, (await import('ignore')).default);
    }
    return gitignore;
  };
  const given = patterns.length > 0 ? patterns : [statOrNull(join(cwd, DEFAULT_LINT_DIRECTORY))?.isDirectory() ? DEFAULT_LINT_DIRECTORY : '*.md'];
  const files = new Set<string>();
  for (const pattern of given) {
    const path = resolve(cwd, pattern);
    const stats = statOrNull(path);
    if (stats?.isFile()) {
      files.add(path);
      continue;
    }
    if (stats?.isDirectory()) {
      const found: string[] = [];
      await walk(path, await gitignoreRules(), found);
      if (found.length === 0) throw new PostmortemError(`no Markdown files (${MARKDOWN_EXTENSIONS.map((extension) => `*${extension}`).join(', ')}) in this directory`, { filePath: pattern });
      for (const file of found) files.add(file);
      continue;
    }
    if (stats) throw new PostmortemError('is not a file or a directory', { filePath: pattern });
    const { glob, isDynamicPattern } = await import('tinyglobby');
    if (!isDynamicPattern(pattern)) {
      throw new PostmortemError(patterns.length === 0 ? `no postmortems found: there is no ${DEFAULT_LINT_DIRECTORY}/ directory here; name the files to lint` : 'no such file or directory', { filePath: pattern });
    }
    const rules = await gitignoreRules();
    const matches = await glob(pattern, { cwd, absolute: true, onlyFiles: true, dot: false, expandDirectories: false, ignore: ['**/node_modules/**', '**/.git/**'] });
    const kept = matches.map((match) => resolve(match)).filter((match) => !underSkippedDirectory(match, cwd) && !rules?.ignores(match, false));
    if (kept.length === 0) {
      throw new PostmortemError(
        patterns.length === 0 ? `no postmortems found: no ${DEFAULT_LINT_DIRECTORY}/ directory and no *.md files here; name the files to lint` : `no files match this pattern${matches.length > 0 ? ' (all of them are ignored by .gitignore)' : ''}`,
        { filePath: pattern },
      );
    }
    for (const match of kept) files.add(match);
  }
  return [...files].sort();
}
