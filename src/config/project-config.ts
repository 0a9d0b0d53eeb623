/**
 * The project config file: `.postmortemrc.json`, `.postmortemrc.yaml` / `.yml`, or the
 * `postmortem` key of package.json, the nearest one upward from a directory, or one file
 * named with `--config`. This module finds and reads it; each command checks its own part
 * (`postmortem lint` the `rules`, src/lint/config-files.ts; `postmortem new` the `new` key,
 * src/cli/new/new-config.ts), so one file serves both.
 *
 * lilconfig does the search and caching; its loaders are replaced with ours, which read
 * JSON and YAML as data only: a config file is never run (no `.js` configs), so linting an
 * untrusted checkout cannot execute code.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { lilconfig, type Loader } from 'lilconfig';
import { PostmortemError } from '../model/errors.js';

/** The file names searched in each directory, in order. */
export const CONFIG_FILE_NAMES = ['package.json', '.postmortemrc.json', '.postmortemrc.yaml', '.postmortemrc.yml'] as const;

/** The key of package.json that holds a config. */
export const PACKAGE_JSON_KEY = 'postmortem';

/** A project config file and what it holds. */
export interface ProjectConfigFile {
  /** The file, absolute. */
  path: string;
  /** The file as messages name it: as typed for `--config`, else relative to the working directory when inside it or above it. */
  displayPath: string;
  /** The parsed content (for package.json, its `postmortem` key), not yet checked by any command. */
  data: unknown;
}

/** Options for {@link createProjectConfigFinder} and {@link findProjectConfig}. */
export interface ProjectConfigFinderOptions {
  /** The working directory: found files are named relative to it. Default: the directory searched from. */
  cwd?: string;
  /** Where the upward search stops (inclusive). Default: the file system root. */
  stopDir?: string;
}

/** Finds the nearest project config upward from a directory, reading each config file once. */
export interface ProjectConfigFinder {
  /** The config file for `directory` (absolute), or null when there is none. Throws `PostmortemError` naming a file that cannot be read. */
  find(directory: string): Promise<ProjectConfigFile | null>;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim();
}

const loadJson: Loader = (filePath, content) => {
  try {
    return JSON.parse(content.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new PostmortemError(`cannot read this config file: invalid JSON (${firstLine((error as Error).message)})`, { filePath }, { cause: error });
  }
};

const loadYaml: Loader = async (filePath, content) => {
  // Imported here: most projects have a JSON config or none, and start-up time matters.
  const { parse, YAMLParseError } = await import('./yaml-parser.js');
  try {
    // The core schema reads data only (no custom tags, dates stay strings); the alias cap stops "billion laughs".
    return parse(content, { schema: 'core', maxAliasCount: 100, prettyErrors: false, logLevel: 'error' }) as unknown;
  } catch (error) {
    if (error instanceof YAMLParseError) {
      throw new PostmortemError(
        `cannot read this config file: invalid YAML (${firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '')})`,
        { filePath, line: error.linePos?.[0]?.line ?? null },
        { cause: error },
      );
    }
    throw error;
  }
};

const CODE_REFUSED = 'config files are JSON or YAML; a JavaScript config is never loaded, because reading a config must not run code';

const refuseCode: Loader = (filePath) => {
  throw new PostmortemError(CODE_REFUSED, { filePath });
};

const LOADERS = {
  '.json': loadJson,
  '.yaml': loadYaml,
  '.yml': loadYaml,
  // Overriding lilconfig's defaults, which would import a JavaScript file.
  '.js': refuseCode,
  '.mjs': refuseCode,
  '.cjs': refuseCode,
  '.ts': refuseCode,
  noExt: loadYaml,
};

function readError(error: unknown, filePath: string): PostmortemError {
  if (error instanceof PostmortemError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new PostmortemError('no such config file', { filePath }, { cause: error });
  if (code === 'EISDIR') return new PostmortemError('is a directory, not a config file', { filePath }, { cause: error });
  if (code === 'EACCES' || code === 'EPERM') return new PostmortemError('permission denied: cannot read this config file', { filePath }, { cause: error });
  return new PostmortemError(`cannot read this config file (${code ?? firstLine(String((error as Error)?.message ?? error))})`, { filePath }, { cause: error });
}

/** The error again, naming the file as `name` does (errors are thrown with absolute paths). */
function renamed(error: PostmortemError, name: (filePath: string) => string): PostmortemError {
  if (!error.filePath || !isAbsolute(error.filePath)) return error;
  return new PostmortemError(error.message, { filePath: name(error.filePath), line: error.line, column: error.column }, { cause: error });
}

/**
 * A found file's name in messages, as the user would type it: relative to `cwd` when it is
 * in `cwd`, below it or in a directory above it (`../.postmortemrc.json`); absolute elsewhere.
 */
function displayName(cwd: string, filePath: string): string {
  const path = relative(cwd, filePath);
  if (!path || isAbsolute(path)) return filePath;
  if (!path.startsWith('..')) return path;
  return relative(cwd, dirname(filePath)).split(sep).every((part) => part === '..') ? path : filePath;
}

/** Creates a finder; one finder caches what it read, so a lint run over many files reads each config file once. */
export function createProjectConfigFinder(options: ProjectConfigFinderOptions = {}): ProjectConfigFinder {
  const explorer = lilconfig(PACKAGE_JSON_KEY, {
    searchPlaces: [...CONFIG_FILE_NAMES],
    loaders: LOADERS,
    stopDir: options.stopDir ?? resolve('/'),
  });
  return {
    async find(directory: string): Promise<ProjectConfigFile | null> {
      const name = (filePath: string): string => displayName(options.cwd ?? directory, filePath);
      let found: { filepath: string; config: unknown } | null;
      try {
        found = await explorer.search(directory);
      } catch (error) {
        throw renamed(readError(error, (error as NodeJS.ErrnoException).path ?? directory), name);
      }
      if (!found || !found.filepath) return null;
      return { path: found.filepath, displayPath: name(found.filepath), data: found.config };
    },
  };
}

/**
 * The nearest project config upward from `startDir` (absolute), or null when there is none.
 * A package.json counts only when it has a `postmortem` key; an empty `.postmortemrc.*` is
 * passed over. Throws `PostmortemError` naming a file that cannot be read.
 */
export function findProjectConfig(startDir: string, options: ProjectConfigFinderOptions = {}): Promise<ProjectConfigFile | null> {
  return createProjectConfigFinder(options).find(startDir);
}

/**
 * Reads the config file named with `--config` (resolved from `cwd`, named as typed): JSON,
 * YAML, or the `postmortem` key of a package.json; an empty file holds `{}`. Throws
 * `PostmortemError` naming the file when it is missing, unreadable, invalid or JavaScript.
 */
export async function readProjectConfigFile(configFile: string, cwd: string): Promise<ProjectConfigFile> {
  const filePath = resolve(cwd, configFile);
  const displayPath = configFile;
  const extension = extname(filePath).toLowerCase();
  if (!['.json', '.yaml', '.yml', ''].includes(extension)) {
    throw new PostmortemError(['.js', '.mjs', '.cjs', '.ts'].includes(extension) ? CODE_REFUSED : 'a config file must be .json, .yaml or .yml', { filePath: displayPath });
  }
  let content: string;
  try {
    content = await readFile(filePath, 'utf8');
  } catch (error) {
    throw readError(error, displayPath);
  }
  try {
    if (basename(filePath) === 'package.json') {
      const manifest = (await loadJson(filePath, content)) as Record<string, unknown> | null;
      return { path: filePath, displayPath, data: manifest?.[PACKAGE_JSON_KEY] };
    }
    const data = content.trim() === '' ? {} : await (extension === '.json' ? loadJson : loadYaml)(filePath, content);
    return { path: filePath, displayPath, data };
  } catch (error) {
    if (error instanceof PostmortemError && error.filePath === filePath) {
      throw new PostmortemError(error.message, { filePath: displayPath, line: error.line }, { cause: error });
    }
    throw error;
  }
}
