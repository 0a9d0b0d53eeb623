/**
 * Which files `postmortem lint` and `postmortem export --site` read, by one set of rules:
 *
 * - a file named is always taken, whatever its name and whatever would ignore it;
 * - a directory is walked for Markdown files (`*.md`, `*.markdown`);
 * - a glob is matched (picomatch) below its leading fixed directories, whatever the extension;
 * - walking a directory or a glob skips hidden files and folders (unless the glob names one),
 *   `node_modules` and `.git`, what `.gitignore` ignores (and `.git/info/exclude`), the
 *   `ignore` patterns (`--ignore`), the project config's `ignores`, and the directories the
 *   caller names (a site's own output directory).
 *
 * The glob, `.gitignore` and config code is loaded only when a directory is walked or a glob
 * expanded: linting one named file (an editor, a pre-commit hook) does not pay for it.
 */
import { lstatSync, statSync, type Stats } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { checkIgnoresSetting, ignorePatternProblem, IGNORES_KEY } from '../config/ignores-setting.js';
import { PostmortemError } from '../model/errors.js';
import { GitIgnoreRules } from './gitignore-rules.js';
import { IgnorePatterns, type IgnorePatternGroup } from './ignore-patterns.js';

/** File name endings a directory walk picks up. */
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'] as const;

/** What is read when no path is given: this directory if it exists, else `*.md` here. */
export const DEFAULT_POSTMORTEM_DIRECTORY = 'postmortems';

/** Directories never walked into, even by a glob that names them. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

/** Options for {@link findPostmortems}. */
export interface FindPostmortemsOptions {
  /** Directory relative paths, globs and `ignore` patterns are resolved from. */
  cwd: string;
  /** Skip what `.gitignore` ignores. Default true. */
  gitignore?: boolean;
  /** Glob patterns to skip, relative to `cwd` (`--ignore`). */
  ignore?: readonly string[];
  /**
   * Skip what the project config's `ignores` says (patterns relative to the config file's
   * directory). The config is `configFile` (resolved from `cwd`) or else the nearest one
   * upward from `cwd`. Default true.
   */
  configIgnores?: boolean;
  /** The config file to read `ignores` from instead of searching (`--config`). */
  configFile?: string | null;
  /** Directories (absolute or relative to `cwd`) never walked into: a site's own output. */
  skipDirectories?: readonly string[];
  /** A directory or glob that yields no file is not an error (a site of no pages). Default false. */
  allowEmpty?: boolean;
}

/** A file found, and where it lies in the input that found it. */
export interface FoundPostmortem {
  /** Absolute path. */
  path: string;
  /**
   * Relative to the directory walked (for a glob, its leading fixed directories), with `/`
   * separators; a file named is its own name. A site mirrors these in its page paths.
   */
  relative: string;
}

/** What skips a path while walking. */
interface Exclusions {
  /** Directories never walked into, absolute. */
  skipped: ReadonlySet<string>;
  /** What ignores `path` (absolute) or a directory it is in, for messages; null when nothing does. */
  reason(path: string, isDirectory: boolean): string | null;
}

/** One directory walk: a directory given, or a glob's leading fixed directories. */
interface WalkPlan {
  root: string;
  /** Whether the file at `fromRoot` (`/`-separated, relative to the root) is wanted. */
  wants(fromRoot: string, name: string): boolean;
  /** Directory levels below the root that can hold a wanted file. */
  maxDepth: number;
  /** Walk into hidden folders and take hidden files: a glob that names a hidden segment. */
  hidden: boolean;
}

interface WalkOutcome {
  files: FoundPostmortem[];
  /** What skipped paths on the way, for the message when nothing is found. */
  ignoredBy: Set<string>;
  /** What ignores the root itself, or null. */
  rootIgnoredBy: string | null;
}

function isMarkdownName(name: string): boolean {
  const lower = name.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

async function readConfigIgnores(cwd: string, configFile: string | null): Promise<IgnorePatternGroup | null> {
  const { findProjectConfig, readProjectConfigFile } = await import('../config/project-config.js');
  const file = configFile ? await readProjectConfigFile(configFile, cwd) : await findProjectConfig(cwd, { cwd });
  // A config that is not an object is reported by the command that checks its own part.
  if (!file || typeof file.data !== 'object' || file.data === null || Array.isArray(file.data)) return null;
  const patterns = checkIgnoresSetting((file.data as Record<string, unknown>)[IGNORES_KEY], file.displayPath);
  return patterns.length > 0 ? { base: dirname(file.path), patterns, source: `"${IGNORES_KEY}" in ${file.displayPath}` } : null;
}

async function loadExclusions(cwd: string, options: FindPostmortemsOptions): Promise<Exclusions> {
  const groups: IgnorePatternGroup[] = [];
  if (options.ignore && options.ignore.length > 0) groups.push({ base: cwd, patterns: options.ignore, source: '--ignore' });
  const fromConfig = options.configIgnores === false ? null : await readConfigIgnores(cwd, options.configFile ?? null);
  if (fromConfig) groups.push(fromConfig);
  const [gitignore, patterns] = await Promise.all([
    options.gitignore === false ? null : import('ignore').then(({ default: ignore }) => new GitIgnoreRules(GitIgnoreRules.findRoot(cwd) ?? cwd, ignore)),
    groups.length > 0 ? import('picomatch').then(({ default: picomatch }) => new IgnorePatterns(groups, picomatch)) : null,
  ]);
  return {
    skipped: new Set((options.skipDirectories ?? []).map((directory) => resolve(cwd, directory))),
    reason: (path, isDirectory) => (gitignore?.ignores(path, isDirectory) ? '.gitignore' : (patterns?.sourceIgnoring(path, isDirectory) ?? null)),
  };
}

async function walk(plan: WalkPlan, exclusions: Exclusions): Promise<WalkOutcome> {
  const outcome: WalkOutcome = { files: [], ignoredBy: new Set(), rootIgnoredBy: exclusions.reason(plan.root, true) };
  if (outcome.rootIgnoredBy !== null) return outcome;
  const pending: Array<{ directory: string; depth: number }> = [{ directory: plan.root, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { directory, depth } = next;
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      throw new PostmortemError(`cannot read this directory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { filePath: directory }, { cause: error });
    }
    for (const entry of entries) {
      if (ALWAYS_SKIPPED.has(entry.name) || (!plan.hidden && entry.name.startsWith('.'))) continue;
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        // Symlinked directories are not followed (they are not isDirectory() here): a link loop cannot make the walk endless.
        if (depth >= plan.maxDepth || exclusions.skipped.has(path)) continue;
        const reason = exclusions.reason(path, true);
        if (reason !== null) outcome.ignoredBy.add(reason);
        else pending.push({ directory: path, depth: depth + 1 });
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        const fromRoot = toPosix(relative(plan.root, path));
        if (!plan.wants(fromRoot, entry.name)) continue;
        if (entry.isSymbolicLink() && !statOrNull(path)?.isFile()) continue;
        const reason = exclusions.reason(path, false);
        if (reason !== null) outcome.ignoredBy.add(reason);
        else outcome.files.push({ path, relative: fromRoot });
      }
    }
  }
  outcome.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return outcome;
}

/** The walk for a glob, or null when `pattern` is not one. */
async function globPlan(pattern: string, cwd: string): Promise<WalkPlan | null> {
  const { default: picomatch } = await import('picomatch');
  const scanned = picomatch.scan(pattern);
  if (!scanned.isGlob) return null;
  const matches = picomatch(scanned.glob, { dot: false });
  const segments = scanned.glob.split('/');
  return {
    root: resolve(cwd, scanned.base || '.'),
    wants: (fromRoot) => matches(fromRoot),
    // Without a globstar every `/` of the glob is one level down (braces can only add to the count).
    maxDepth: scanned.glob.includes('**') ? Infinity : segments.length - 1,
    hidden: segments.some((segment) => segment.startsWith('.') && segment !== '.' && segment !== '..'),
  };
}

function and(sources: Set<string>): string {
  const names = [...sources];
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The files `patterns` (paths, directories or globs) name, by the rules in this module's
 * comment: absolute, in the order of `patterns` and sorted within each, each file once. With
 * no patterns: `postmortems/` if it exists, else `*.md`.
 *
 * Throws `PostmortemError` (exit 2) naming the pattern for a path that does not exist, and
 * (unless `allowEmpty`) for a directory or glob that yields no file: a typo in CI must not
 * pass as "no problems". Also for an invalid `ignore` pattern or config `ignores`.
 */
export async function findPostmortems(patterns: readonly string[], options: FindPostmortemsOptions): Promise<FoundPostmortem[]> {
  const cwd = resolve(options.cwd);
  for (const pattern of options.ignore ?? []) {
    const problem = ignorePatternProblem(pattern);
    if (problem) throw new PostmortemError(`--ignore: ${problem}`);
  }
  let exclusions: Promise<Exclusions> | null = null;
  const byDefault = patterns.length === 0;
  const given = byDefault ? [statOrNull(join(cwd, DEFAULT_POSTMORTEM_DIRECTORY))?.isDirectory() ? DEFAULT_POSTMORTEM_DIRECTORY : '*.md'] : patterns;
  const seen = new Set<string>();
  const found: FoundPostmortem[] = [];
  const take = (file: FoundPostmortem): void => {
    if (seen.has(file.path)) return;
    seen.add(file.path);
    found.push(file);
  };
  for (const pattern of given) {
    const path = resolve(cwd, pattern);
    const stats = statOrNull(path);
    if (stats?.isFile()) {
      take({ path, relative: basename(path) });
      continue;
    }
    if (stats && !stats.isDirectory()) throw new PostmortemError('is not a file or a directory', { filePath: pattern });
    if (!stats && lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) {
      throw new PostmortemError('is a symbolic link to nothing (its target is missing, or the links loop)', { filePath: pattern });
    }
    const plan: WalkPlan | null = stats ? { root: path, wants: (_fromRoot, name) => isMarkdownName(name), maxDepth: Infinity, hidden: false } : await globPlan(pattern, cwd);
    if (!plan) {
      throw new PostmortemError(byDefault ? `no postmortems found: there is no ${DEFAULT_POSTMORTEM_DIRECTORY}/ directory here; name the files` : 'no such file or directory', { filePath: pattern });
    }
    exclusions ??= loadExclusions(cwd, options);
    const outcome = statOrNull(plan.root)?.isDirectory() ? await walk(plan, await exclusions) : { files: [], ignoredBy: new Set<string>(), rootIgnoredBy: null };
    if (outcome.files.length === 0 && !options.allowEmpty) {
      const what = stats ? `no Markdown files (${MARKDOWN_EXTENSIONS.map((extension) => `*${extension}`).join(', ')}) in this directory` : 'no files match this pattern';
      const why =
        outcome.rootIgnoredBy !== null
          ? ` (${toPosix(relative(cwd, plan.root)) || '.'} is ignored by ${outcome.rootIgnoredBy})`
          : outcome.ignoredBy.size > 0
            ? ` (apart from paths ignored by ${and(outcome.ignoredBy)})`
            : '';
      throw new PostmortemError(byDefault ? `no postmortems found: no ${DEFAULT_POSTMORTEM_DIRECTORY}/ directory and no *.md files here${why}; name the files` : `${what}${why}`, { filePath: pattern });
    }
    for (const file of outcome.files) take(file);
  }
  return found;
}

/**
 * Whether `filePath` (absolute) is one of the project's postmortems, for an editor that is
 * not told which files to lint: a Markdown file under `postmortems/` when `options.cwd` has
 * that directory (as `postmortem lint` with no paths reads), else one anywhere below `cwd`;
 * in no hidden or always-skipped directory, and ignored neither by `.gitignore` nor by the
 * config's `ignores`. So a README or a changelog beside `postmortems/` is left alone.
 */
export async function isProjectPostmortem(filePath: string, options: FindPostmortemsOptions): Promise<boolean> {
  const cwd = resolve(options.cwd);
  const path = resolve(filePath);
  if (!isMarkdownName(path)) return false;
  const directory = join(cwd, DEFAULT_POSTMORTEM_DIRECTORY);
  const root = statOrNull(directory)?.isDirectory() ? directory : cwd;
  const fromRoot = relative(root, path);
  if (fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot)) return false;
  const segments = fromRoot.split(sep);
  if (segments.some((segment) => segment.startsWith('.') || ALWAYS_SKIPPED.has(segment))) return false;
  const exclusions = await loadExclusions(cwd, options);
  let ancestor = root;
  for (const segment of segments.slice(0, -1)) {
    ancestor = join(ancestor, segment);
    if (exclusions.reason(ancestor, true) !== null) return false;
  }
  return exclusions.reason(path, false) === null;
}

/** @deprecated 0.1.0's name for {@link FindPostmortemsOptions}. */
export type FindLintFilesOptions = FindPostmortemsOptions;

/** @deprecated 0.1.0's name for {@link DEFAULT_POSTMORTEM_DIRECTORY}. */
export const DEFAULT_LINT_DIRECTORY = DEFAULT_POSTMORTEM_DIRECTORY;

/**
 * @deprecated 0.1.0's `findLintFiles`: the absolute paths {@link findPostmortems} finds, kept
 * so that code written against 0.1.0 still works. Use `findPostmortems`, which also says where
 * each file sits below the directory walked.
 */
export async function findLintFiles(patterns: readonly string[], options: FindPostmortemsOptions): Promise<string[]> {
  return (await findPostmortems(patterns, options)).map((file) => file.path);
}
