/**
 * Ignore patterns in the manner of ESLint's and markdownlint-cli2's `ignores`: globs
 * (picomatch) matched against paths relative to a base directory, `--ignore` patterns from
 * the working directory and a config file's `ignores` from the config file's directory.
 * A pattern that matches a directory ignores everything in it (`drafts`, `drafts/` and
 * `drafts/**` all ignore `drafts/a.md`); one ending in `/` matches directories only. As in
 * any glob, `drafts` matches at the base only; a leading globstar segment matches at any depth.
 */
import { isAbsolute, relative, sep } from 'node:path';
import type picomatch from 'picomatch';

/** Patterns that share a base directory and a name for messages. */
export interface IgnorePatternGroup {
  /** The directory the patterns are relative to, absolute. */
  base: string;
  patterns: readonly string[];
  /** Where they came from, for messages: `--ignore`, or `"ignores" in .postmortemrc.json`. */
  source: string;
}

interface CompiledPattern {
  matches: picomatch.Matcher;
  directoriesOnly: boolean;
  absolute: boolean;
}

interface CompiledGroup {
  base: string;
  source: string;
  patterns: CompiledPattern[];
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Compiled ignore patterns; see the module comment for how they match. */
export class IgnorePatterns {
  private readonly groups: CompiledGroup[];

  /** Compiles `groups` with picomatch (passed in, so that it is only loaded when needed). */
  constructor(groups: readonly IgnorePatternGroup[], compile: typeof picomatch) {
    this.groups = groups.map((group) => ({
      base: group.base,
      source: group.source,
      patterns: group.patterns.map((pattern) => {
        const directoriesOnly = pattern.endsWith('/');
        const glob = pattern.replace(/^\.\//, '').replace(/(?<!\/)\/+$/, '');
        // `dot`: hidden names are matched too, so `drafts/**` leaves nothing of drafts/ behind.
        return { matches: compile(glob, { dot: true }), directoriesOnly, absolute: isAbsolute(glob) };
      }),
    }));
  }

  /**
   * Which patterns ignore `path` (absolute) or a directory it is in, named as in
   * {@link IgnorePatternGroup.source}; null when none does.
   */
  sourceIgnoring(path: string, isDirectory: boolean): string | null {
    for (const group of this.groups) {
      const fromBase = relative(group.base, path);
      const absoluteParts = toPosix(path).split('/');
      const relativeParts = fromBase === '' ? [] : toPosix(fromBase).split('/');
      for (const pattern of group.patterns) {
        const parts = pattern.absolute ? absoluteParts : relativeParts;
        // Each directory on the way down, then the path itself.
        for (let length = pattern.absolute ? 2 : 1; length <= parts.length; length += 1) {
          const itself = length === parts.length;
          if (pattern.directoriesOnly && itself && !isDirectory) continue;
          if (pattern.matches(parts.slice(0, length).join('/'))) return group.source;
        }
      }
    }
    return null;
  }
}
