/**
 * Finding and reading lint config files: `.postmortemrc.json`, `.postmortemrc.yaml` /
 * `.yml`, or a `postmortem` key in package.json, the nearest one upward from each linted
 * file, or one file named with `--config`. lilconfig does the search and caching; its
 * loaders are replaced with ours, which read JSON and YAML as data only: a config file is
 * never run (no `.js` configs), so linting an untrusted checkout cannot execute code.
 */
import { readFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { lilconfig, type Loader } from 'lilconfig';
import { PostmortemError } from '../model/errors.js';
import { checkLintConfig, mergeLintConfigs, type LintConfig } from './config.js';
import type { Rule } from './types.js';

/** The file names searched in each directory, in order. */
export const CONFIG_FILE_NAMES = ['package.json', '.postmortemrc.json', '.postmortemrc.yaml', '.postmortemrc.yml'] as const;

/** The key of package.json that holds a config. */
export const PACKAGE_JSON_KEY = 'postmortem';

/** A config and the file it came from. */
export interface FoundConfig {
  /** The config file, absolute, or null when none was found (the rules' defaults apply). */
  path: string | null;
  /** The config file as error messages name it (relative to cwd when inside it), or null. */
  displayPath: string | null;
  /** The config, checked, with `ruleOverrides` applied. The same object for every file that shares the config file. */
  config: LintConfig;
}

/** Options for {@link createConfigResolver}. */
export interface ConfigResolverOptions {
  /** Directory `configFile` is resolved from. */
  cwd: string;
  /** One config file for every linted file instead of searching (`--config`). */
  configFile?: string | null;
  /** Rule settings laid over whatever the config file says (`--rule`). */
  ruleOverrides?: LintConfig | null;
  /**
   * The rules a config may name: with them, each config is checked when it is read. Without
   * them only its shape is, and rule ids and options are checked where the rules are loaded
   * (engine.prepareConfig), which lets a run's main thread leave the rules to its workers.
   */
  rules?: readonly Rule<any>[] | null;
  /** Where the upward search stops (inclusive). Default: the file system root. */
  stopDir?: string;
}

/** Finds the config for each linted file, reading each config file once. */
export interface ConfigResolver {
  /** The `--rule` settings laid over every config (already part of each found config); checked against the rules with source `--rule`. */
  ruleOverrides: LintConfig | null;
  /** The config that applies to `filePath` (absolute). Throws `PostmortemError` naming the config file when it is invalid. */
  configFor(filePath: string): Promise<FoundConfig>;
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
  const { parse, YAMLParseError } = await import('yaml');
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

const refuseCode: Loader = (filePath) => {
  throw new PostmortemError('config files are JSON or YAML; a JavaScript config is never loaded, because reading a config must not run code', { filePath });
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

/**
 * Creates a resolver that finds the config for each linted file. Each config file is read
 * and checked once; every error names the config file (exit 2 in the CLI).
 */
export function createConfigResolver(options: ConfigResolverOptions): ConfigResolver {
  const rules = options.rules ?? null;
  // Config files found by searching are named relative to the working directory when inside it, as the user would type them.
  const display = (filePath: string): string => {
    const path = relative(options.cwd, filePath);
    return path && !path.startsWith('..') && !isAbsolute(path) ? path : filePath;
  };
  const renamed = (error: unknown): unknown =>
    error instanceof PostmortemError && error.filePath && isAbsolute(error.filePath)
      ? new PostmortemError(error.message, { filePath: display(error.filePath), line: error.line, column: error.column }, { cause: error })
      : error;
  const overrides = options.ruleOverrides ? checkLintConfig(options.ruleOverrides, rules, '--rule') : null;
  const withOverrides = (config: LintConfig): LintConfig => (overrides ? mergeLintConfigs(config, overrides) : config);
  const explorer = lilconfig(PACKAGE_JSON_KEY, {
    searchPlaces: [...CONFIG_FILE_NAMES],
    loaders: LOADERS,
    stopDir: options.stopDir ?? resolve('/'),
  });
  const checked = new Map<string, Promise<FoundConfig>>();
  const noConfig: FoundConfig = { path: null, displayPath: null, config: withOverrides({}) };

  const check = (filePath: string, value: unknown): FoundConfig => ({ path: filePath, displayPath: display(filePath), config: withOverrides(checkLintConfig(value, rules, display(filePath))) });

  if (options.configFile) {
    const filePath = resolve(options.cwd, options.configFile);
    const displayPath = options.configFile;
    const extension = extname(filePath).toLowerCase();
    const loaded = (async (): Promise<FoundConfig> => {
      if (!['.json', '.yaml', '.yml', ''].includes(extension)) {
        throw new PostmortemError(
          extension === '.js' || extension === '.mjs' || extension === '.cjs' || extension === '.ts'
            ? 'config files are JSON or YAML; a JavaScript config is never loaded, because reading a config must not run code'
            : 'a config file must be .json, .yaml or .yml',
          { filePath: displayPath },
        );
      }
      let content: string;
      try {
        content = await readFile(filePath, 'utf8');
      } catch (error) {
        throw readError(error, displayPath);
      }
      try {
        if (/(^|[\\/])package\.json$/.test(filePath)) {
          const manifest = (await loadJson(filePath, content)) as Record<string, unknown> | null;
          return { path: filePath, displayPath, config: withOverrides(checkLintConfig(manifest?.[PACKAGE_JSON_KEY], rules, displayPath)) };
        }
        const value = content.trim() === '' ? {} : await (extension === '.json' ? loadJson : loadYaml)(filePath, content);
        return { path: filePath, displayPath, config: withOverrides(checkLintConfig(value, rules, displayPath)) };
      } catch (error) {
        if (error instanceof PostmortemError && error.filePath === filePath) {
          throw new PostmortemError(error.message, { filePath: displayPath, line: error.line }, { cause: error });
        }
        throw error;
      }
    })();
    // Rejections are handled by whoever awaits configFor; this stops an unhandled-rejection warning meanwhile.
    loaded.catch(() => undefined);
    return { ruleOverrides: overrides, configFor: () => loaded };
  }

  return {
    ruleOverrides: overrides,
    async configFor(filePath: string): Promise<FoundConfig> {
      let found: { filepath: string; config: unknown } | null;
      try {
        found = await explorer.search(dirname(filePath));
      } catch (error) {
        throw renamed(readError(error, (error as NodeJS.ErrnoException).path ?? dirname(filePath)));
      }
      if (!found || !found.filepath) return noConfig;
      let result = checked.get(found.filepath);
      if (!result) {
        const { filepath, config } = found;
        result = Promise.resolve().then(() => check(filepath, config));
        checked.set(filepath, result);
      }
      return result;
    },
  };
}
