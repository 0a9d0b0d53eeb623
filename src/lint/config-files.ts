/**
 * The lint config for each linted file: the `rules` of the project config file nearest
 * upward from the file (src/config/project-config.ts finds and reads it), or of the one file
 * named with `--config`, checked against the rules and with `--rule` laid over it.
 */
import { dirname } from 'node:path';
import { createProjectConfigFinder, readProjectConfigFile, type ProjectConfigFile } from '../config/project-config.js';
import { checkLintConfig, mergeLintConfigs, type LintConfig } from './config.js';
import type { Rule } from './types.js';

export { CONFIG_FILE_NAMES, PACKAGE_JSON_KEY } from '../config/project-config.js';

/** A config and the file it came from. */
export interface FoundConfig {
  /** The config file, absolute, or null when none was found (the rules' defaults apply). */
  path: string | null;
  /** The config file as error messages name it (see `ProjectConfigFile.displayPath`), or null. */
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

/**
 * Creates a resolver that finds the config for each linted file. Each config file is read
 * and checked once; every error names the config file (exit 2 in the CLI).
 */
export function createConfigResolver(options: ConfigResolverOptions): ConfigResolver {
  const rules = options.rules ?? null;
  const overrides = options.ruleOverrides ? checkLintConfig(options.ruleOverrides, rules, '--rule') : null;
  const withOverrides = (config: LintConfig): LintConfig => (overrides ? mergeLintConfigs(config, overrides) : config);
  const check = (file: ProjectConfigFile): FoundConfig => ({
    path: file.path,
    displayPath: file.displayPath,
    config: withOverrides(checkLintConfig(file.data, rules, file.displayPath)),
  });

  if (options.configFile) {
    const loaded = readProjectConfigFile(options.configFile, options.cwd).then(check);
    // Rejections are handled by whoever awaits configFor; this stops an unhandled-rejection warning meanwhile.
    loaded.catch(() => undefined);
    return { ruleOverrides: overrides, configFor: () => loaded };
  }

  const finder = createProjectConfigFinder({ cwd: options.cwd, stopDir: options.stopDir });
  const checked = new Map<string, Promise<FoundConfig>>();
  const noConfig: FoundConfig = { path: null, displayPath: null, config: withOverrides({}) };
  return {
    ruleOverrides: overrides,
    async configFor(filePath: string): Promise<FoundConfig> {
      const found = await finder.find(dirname(filePath));
      if (!found) return noConfig;
      let result = checked.get(found.path);
      if (!result) {
        result = Promise.resolve().then(() => check(found));
        checked.set(found.path, result);
      }
      return result;
    },
  };
}
