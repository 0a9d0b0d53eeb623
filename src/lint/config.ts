/**
 * Lint configuration as data: which rules run, how severe their problems are, and their
 * options. A config is checked up front and completely, so a typo in a rule id, a severity
 * or an option fails the run with the config file named (exit 2) instead of quietly
 * turning a rule off.
 */
import { checkIgnoresSetting, IGNORES_KEY } from '../config/ignores-setting.js';
import { projectSeverities } from '../config/severities.js';
import { checkStatusSetting, STATUS_KEY } from '../config/status-setting.js';
import { PostmortemError } from '../model/errors.js';
import { didYouMean } from './closest-name.js';
import type { Rule, Severity } from './types.js';
import { describeValue as describe } from '../config/describe-value.js';

/** A severity as a config may write it: a name, or ESLint's numbers (0 off, 1 warn, 2 error). */
export type SeveritySetting = Severity | 0 | 1 | 2;

/** One rule's entry in a config: a severity, or `[severity, options]`. */
export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

/** A lint configuration (`.postmortemrc.json`, `.postmortemrc.yaml`, the `postmortem` key of package.json). */
export interface LintConfig {
  /** Severity and options per rule id; rules not named keep their defaults. */
  rules?: Record<string, RuleSetting>;
  /**
   * The project's severities (src/config/severities.ts), shared with `postmortem new`: the
   * default of every rule option named `severities` (the `front-matter` rule's).
   */
  severities?: string[];
}

/** A rule as one run uses it: its severity decided and its options merged over the defaults. */
export interface ConfiguredRule {
  rule: Rule<any>;
  severity: Severity;
  options: Record<string, unknown>;
}

/** Where a config came from, for error messages: a file path, `--rule`, or null for a config passed in code. */
export type ConfigSource = string | null;

// `new` belongs to `postmortem new` (src/cli/new/new-config.ts): one project config file (src/config/project-config.ts) serves both.
// `severities` is read by both (src/config/severities.ts). `ignores` belongs to file discovery
// (src/io/find-postmortems.ts), which lint and export share; it is checked here too, so that a
// bad value in any config file stops a lint run.
// `status` belongs to `postmortem status` (src/config/status-setting.ts), and is checked here too, as `ignores` is.
const TOP_LEVEL_KEYS = ['rules', 'severities', IGNORES_KEY, 'new', STATUS_KEY, '$schema'];
const SEVERITY_NAMES: readonly Severity[] = ['off', 'warn', 'error'];
const NUMERIC_SEVERITIES: Record<number, Severity> = { 0: 'off', 1: 'warn', 2: 'error' };

function configError(message: string, source: ConfigSource): PostmortemError {
  return new PostmortemError(source === null ? `invalid lint config: ${message}` : message, { filePath: source });
}


function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a severity as written in a config, or null when it is not one. */
export function readSeverity(value: unknown): Severity | null {
  if (typeof value === 'number') return NUMERIC_SEVERITIES[value] ?? null;
  if (typeof value === 'string') {
    const name = value.trim().toLowerCase();
    if ((SEVERITY_NAMES as readonly string[]).includes(name)) return name as Severity;
    if (name === 'warning') return 'warn';
  }
  return null;
}

function severityOf(ruleId: string, value: unknown, source: ConfigSource): Severity {
  const severity = readSeverity(value);
  if (severity === null) {
    throw configError(`rule "${ruleId}": the severity must be "off", "warn" or "error" (or 0, 1, 2), not ${describe(value)}`, source);
  }
  return severity;
}

/**
 * Options checked against the defaults for rules that have no `validateOptions` of their own:
 * an unknown name or a value of another type than the default is a mistake worth reporting.
 */
function checkOptionsAgainstDefaults(rule: Rule<any>, options: Record<string, unknown>): string | null {
  const defaults = (rule.defaultOptions ?? {}) as Record<string, unknown>;
  const names = Object.keys(defaults);
  for (const [name, value] of Object.entries(options)) {
    if (!(name in defaults)) {
      return names.length === 0
        ? `takes no options, but "${name}" was given`
        : `unknown option "${name}"${didYouMean(name, names)}; the options are ${names.map((known) => `"${known}"`).join(', ')}`;
    }
    const expected = defaults[name];
    if (expected === null || expected === undefined) continue;
    const kind = (item: unknown): string => (Array.isArray(item) ? 'array' : item === null ? 'null' : typeof item);
    if (kind(value) !== kind(expected)) return `option "${name}" must be ${kind(expected) === 'array' ? 'an array' : `a ${kind(expected)}`}, not ${describe(value)}`;
  }
  return null;
}

/** Options merged over the rule's defaults and checked; throws a config error naming the source. */
function mergeOptions(rule: Rule<any>, options: Record<string, unknown>, source: ConfigSource, defaults: Record<string, unknown> = (rule.defaultOptions ?? {}) as Record<string, unknown>): Record<string, unknown> {
  const merged = { ...defaults, ...options };
  let problem: string | null;
  try {
    problem = rule.validateOptions ? rule.validateOptions(merged) : checkOptionsAgainstDefaults(rule, options);
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  if (problem) throw configError(`rule "${rule.id}": ${problem}`, source);
  return merged;
}

/**
 * Checks that `value` is a lint config and that every rule id, severity and option in it is
 * valid for `rules` (with `rules` null, only the shape and severities are checked). Returns
 * the config; throws `PostmortemError` naming `source` otherwise.
 */
export function checkLintConfig(value: unknown, rules: readonly Rule<any>[] | null, source: ConfigSource = null): LintConfig {
  if (value === null || value === undefined) return {};
  if (!isPlainObject(value)) throw configError(`a lint config must be an object with a "rules" key, not ${describe(value)}`, source);
  for (const key of Object.keys(value)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      throw configError(`unknown key "${key}"${didYouMean(key, TOP_LEVEL_KEYS)}; a lint config has "rules"`, source);
    }
  }
  projectSeverities(value, source);
  checkIgnoresSetting(value[IGNORES_KEY], source);
  checkStatusSetting(value[STATUS_KEY], source);
  const settings = value.rules;
  // Kept whole without rules too: its other keys (the project's `severities`) still apply.
  if (settings === undefined || settings === null) return value as LintConfig;
  if (!isPlainObject(settings)) throw configError(`"rules" must be an object of rule ids to severities, not ${describe(settings)}`, source);
  const byId = rules ? new Map(rules.map((rule) => [rule.id, rule])) : null;
  for (const [ruleId, setting] of Object.entries(settings)) {
    const rule = byId?.get(ruleId);
    if (byId && !rule) throw configError(`unknown rule "${ruleId}"${didYouMean(ruleId, byId.keys())}`, source);
    if (Array.isArray(setting)) {
      if (setting.length === 0 || setting.length > 2) {
        throw configError(`rule "${ruleId}": write a severity or [severity, options], not an array of ${setting.length}`, source);
      }
      severityOf(ruleId, setting[0], source);
      if (setting.length === 2) {
        if (!isPlainObject(setting[1])) throw configError(`rule "${ruleId}": the options must be an object, not ${describe(setting[1])}`, source);
        if (rule) mergeOptions(rule, setting[1], source);
      }
    } else {
      severityOf(ruleId, setting, source);
    }
  }
  return value as LintConfig;
}

function splitSetting(setting: RuleSetting): { severity: unknown; options: Record<string, unknown> | null } {
  if (Array.isArray(setting)) return { severity: setting[0], options: (setting[1] as Record<string, unknown> | undefined) ?? null };
  return { severity: setting, options: null };
}

/**
 * Lays `over` on top of `base`, as `--rule` lies over a config file: a severity alone
 * changes the severity and keeps the options the base gave, as in ESLint.
 */
export function mergeLintConfigs(base: LintConfig, over: LintConfig): LintConfig {
  if (!over.rules) return base;
  const rules: Record<string, RuleSetting> = { ...base.rules };
  for (const [ruleId, setting] of Object.entries(over.rules)) {
    const previous = rules[ruleId];
    const next = splitSetting(setting);
    if (next.options === null && previous !== undefined) {
      const options = splitSetting(previous).options;
      rules[ruleId] = options ? [next.severity as SeveritySetting, options] : (next.severity as SeveritySetting);
    } else {
      rules[ruleId] = setting;
    }
  }
  return { ...base, rules };
}

/**
 * Every rule in `rules` with the severity and options `config` gives it (the rule's own
 * default severity and options where the config says nothing). Throws `PostmortemError`
 * naming `source` for an invalid config.
 */
export function configureRules(config: LintConfig | undefined, rules: readonly Rule<any>[], source: ConfigSource = null): Map<string, ConfiguredRule> {
  checkLintConfig(config, rules, source);
  // Project-wide settings are the defaults of the rule options of the same name.
  const severities = projectSeverities(config, source);
  const configured = new Map<string, ConfiguredRule>();
  for (const rule of rules) {
    const setting = config?.rules?.[rule.id];
    const defaults = { ...((rule.defaultOptions ?? {}) as Record<string, unknown>) };
    if (severities && 'severities' in defaults) defaults['severities'] = severities;
    if (setting === undefined) {
      configured.set(rule.id, { rule, severity: rule.severity, options: defaults });
      continue;
    }
    const { severity, options } = splitSetting(setting);
    configured.set(rule.id, {
      rule,
      severity: severityOf(rule.id, severity, source),
      options: options ? mergeOptions(rule, options, source, defaults) : defaults,
    });
  }
  return configured;
}

/**
 * Reads a `--rule` value: `id:severity` or `id:[severity, {options}]` (JSON after the colon),
 * as ESLint's `--rule` does. Throws `PostmortemError` for anything else.
 */
export function parseRuleFlag(flag: string): LintConfig {
  const colon = flag.indexOf(':');
  if (colon <= 0) throw new PostmortemError(`--rule ${JSON.stringify(flag)}: write rule-id:severity, for example timeline-order:warn`);
  const ruleId = flag.slice(0, colon).trim();
  const rest = flag.slice(colon + 1).trim();
  let setting: unknown = rest;
  if (rest.startsWith('[') || /^\d$/.test(rest)) {
    try {
      setting = JSON.parse(rest);
    } catch {
      throw new PostmortemError(`--rule ${JSON.stringify(flag)}: the value after the colon is not valid JSON`);
    }
  }
  return { rules: { [ruleId]: setting as RuleSetting } };
}
