/**
 * Git's ignore rules for one repository, read with the `ignore` package: each directory's
 * `.gitignore` applies to the paths under it, and `.git/info/exclude` to the whole
 * repository, as in git. File discovery (find-postmortems.ts) skips what they ignore.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { Ignore } from 'ignore';

/** The `ignore` package's factory, passed in so that it is only loaded when a directory is walked. */
export type IgnoreFactory = (options?: { ignorecase?: boolean }) => Ignore;

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * The `.gitignore` rules of one repository. A negation in a deeper file cannot re-include
 * what a shallower one excluded, which git does not allow for directories either.
 */
export class GitIgnoreRules {
  private readonly byDirectory = new Map<string, Ignore | null>();

  /** Rules for the repository at `root` (absolute), read lazily, one directory at a time. */
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

  /**
   * Whether git ignores `path` (absolute), or a directory it is in; `isDirectory` matters for
   * patterns ending in `/`. Paths outside the repository are never ignored.
   */
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
