/**
 * The lint engine: one text in, one result out. It parses the text, runs each enabled rule
 * with its configured options, drops what inline directives switch off, sets severities, and
 * with `fix` applies rule fixes and lints again. No I/O: reading files and writing fixes is
 * the caller's business (see lint-files.ts and the CLI).
 */
import { isPostmortemError, type PostmortemError } from '../model/errors.js';
import { frontMatterFences } from '../parse/front-matter-fences.js';
import type { Postmortem } from '../model/postmortem.js';
import { parsePostmortem } from '../parse/parse-postmortem.js';
import { configureRules, type ConfiguredRule, type LintConfig } from './config.js';
import { readInlineConfig } from './directives.js';
import { applyFixes, isValidFix } from './fix.js';
import { builtinRules } from './rules/index.js';
import type { LintMessage, LintResult, ProblemReport, Rule, Severity } from './types.js';

/** The rule id of front matter that cannot be read (the `front-matter` rule's id, so config and directives treat both alike). */
export const FRONT_MATTER_RULE_ID = 'front-matter';

/** The id of a fatal message: the file could not be read as a postmortem at all. */
export const READ_ERROR_ID = 'read-error';

/** The id of a message about an inline directive that names an unknown rule or directive. */
export const INLINE_CONFIG_ID = 'inline-config';

/** The ids the engine itself reports under, besides the rules'. */
export const ENGINE_MESSAGE_IDS = [READ_ERROR_ID, INLINE_CONFIG_ID] as const;

/** How many times `fix` re-lints and fixes again, as ESLint (fixes that touch wait for a later pass). */
export const MAX_FIX_PASSES = 10;

/** Options for {@link lintText}. */
export interface LintTextOptions {
  /** The file the text came from: the result's `filePath`. Default `<text>`. */
  filePath?: string | null;
  /** Severities and options; rules not named keep their defaults. Checked, and cached per config object. */
  config?: LintConfig;
  /** Apply the fixes rules offer; the fixed text is the result's `output`. */
  fix?: boolean;
  /** Obey `<!-- postmortem-disable ... -->` comments. Default true. */
  inlineConfig?: boolean;
  /** The rules to run. Default {@link builtinRules}. */
  rules?: readonly Rule<any>[];
}

const NUMERIC: Record<'warn' | 'error', 1 | 2> = { warn: 1, error: 2 };

/** configureRules is pure but not free; a run lints thousands of files with a handful of config objects. */
const configuredCache = new WeakMap<readonly Rule<any>[], WeakMap<object, Map<string, ConfiguredRule>>>();
const defaultConfigured = new WeakMap<readonly Rule<any>[], Map<string, ConfiguredRule>>();
const knownIdsCache = new WeakMap<readonly Rule<any>[], ReadonlySet<string>>();

function configuredRules(config: LintConfig | undefined, rules: readonly Rule<any>[], source: string | null = null): Map<string, ConfiguredRule> {
  if (!config) {
    let configured = defaultConfigured.get(rules);
    if (!configured) defaultConfigured.set(rules, (configured = configureRules(undefined, rules)));
    return configured;
  }
  let byConfig = configuredCache.get(rules);
  if (!byConfig) configuredCache.set(rules, (byConfig = new WeakMap()));
  let configured = byConfig.get(config);
  if (!configured) byConfig.set(config, (configured = configureRules(config, rules, source)));
  return configured;
}

/**
 * Checks `config` against `rules` and keeps the outcome for {@link lintText}, so a run can
 * check each config once up front with its file named in any error (`source`), before
 * linting anything. Throws `PostmortemError` naming `source` for an invalid config.
 */
export function prepareConfig(config: LintConfig | undefined, rules: readonly Rule<any>[] = builtinRules, source: string | null = null): void {
  configuredRules(config, rules, source);
}

function knownRuleIds(rules: readonly Rule<any>[]): ReadonlySet<string> {
  let ids = knownIdsCache.get(rules);
  if (!ids) knownIdsCache.set(rules, (ids = new Set(rules.map((rule) => rule.id))));
  return ids;
}

/** The lines of a text, without line terminators (index 0 is line 1). */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n|\r/);
}

/**
 * The text with its front matter block replaced by empty lines, so the body can still be
 * parsed and linted, with the same line numbers, when the front matter cannot be read.
 */
export function blankFrontMatter(text: string): string {
  const lines = text.split('\n');
  const fences = frontMatterFences(lines);
  if (!fences) return text;
  // Without a closing line only the opening one goes: the rest is more likely Markdown than YAML.
  const closing = fences.close ?? 0;
  return lines.map((line, index) => (index <= closing ? (line.endsWith('\r') ? '\r' : '') : line)).join('\n');
}

/** A result with no messages. */
function emptyResult(filePath: string): LintResult {
  return { filePath, messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
}

/** Counts errors, warnings and fixable ones, and sorts the messages by position. */
function finishResult(filePath: string, messages: LintMessage[]): LintResult {
  messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  const result = emptyResult(filePath);
  result.messages = messages;
  let fatal = 0;
  for (const message of messages) {
    if (message.severity === 2) {
      result.errorCount += 1;
      if (message.fix) result.fixableErrorCount += 1;
      if (message.fatal) fatal += 1;
    } else {
      result.warningCount += 1;
      if (message.fix) result.fixableWarningCount += 1;
    }
  }
  if (fatal > 0) result.fatalErrorCount = fatal;
  return result;
}

/**
 * The result for a file that could not be linted at all: one fatal error (ESLint's shape
 * for a file it cannot parse), so a run over many files reports it and goes on.
 */
export function fatalResult(filePath: string, error: PostmortemError | Error | string): LintResult {
  const message = typeof error === 'string' ? error : error.message;
  const line = isPostmortemError(error) && error.line !== null ? error.line : 1;
  const column = isPostmortemError(error) && error.column !== null ? error.column : 1;
  return finishResult(filePath, [{ ruleId: READ_ERROR_ID, severity: 2, fatal: true, message, line, column }]);
}

function toMessage(ruleId: string, severity: 1 | 2, problem: ProblemReport, lineCount: number): LintMessage {
  const clampLine = (line: unknown): number => (typeof line === 'number' && Number.isFinite(line) ? Math.min(Math.max(1, Math.trunc(line)), Math.max(1, lineCount)) : 1);
  const message: LintMessage = {
    ruleId,
    severity,
    message: String(problem.message),
    line: clampLine(problem.line),
    column: typeof problem.column === 'number' && problem.column >= 1 ? Math.trunc(problem.column) : 1,
  };
  if (typeof problem.endLine === 'number') message.endLine = clampLine(problem.endLine);
  if (typeof problem.endColumn === 'number' && problem.endColumn >= 1) message.endColumn = Math.trunc(problem.endColumn);
  // A plain copy: the rule's own object (a custom rule's may be a class instance) would not survive
  // the structured clone of results (worker threads, lint-file.ts).
  if (problem.fix) message.fix = { range: [problem.fix.range[0], problem.fix.range[1]], text: String(problem.fix.text) };
  return message;
}

/** Parses, turning unreadable front matter into a problem and parsing the body alone. */
function parseForLint(text: string, filePath: string | null): { doc: Postmortem; frontMatterError: PostmortemError | null } {
  try {
    return { doc: parsePostmortem(text, { filePath }), frontMatterError: null };
  } catch (error) {
    if (!isPostmortemError(error)) throw error;
    return { doc: parsePostmortem(blankFrontMatter(text), { filePath }), frontMatterError: error };
  }
}

/** One lint pass over `text`: every message, suppressions applied, fixes attached but not applied. */
function lintOnce(text: string, filePath: string, configured: Map<string, ConfiguredRule>, rules: readonly Rule<any>[], inlineConfig: boolean, prepared: PreparedByRule): LintMessage[] {
  const lines = splitLines(text);
  const { doc, frontMatterError } = parseForLint(text, filePath);
  const messages: LintMessage[] = [];
  const directives = inlineConfig && text.includes('postmortem-')
    ? readInlineConfig(lines, { firstBodyLine: (doc.source?.frontMatterLines ?? 0) + 1, knownRuleIds: knownRuleIds(rules) })
    : null;
  const disabled = directives ? directives.isDisabled : (): boolean => false;
  for (const problem of directives?.problems ?? []) {
    messages.push({ ruleId: INLINE_CONFIG_ID, severity: 1, message: problem.message, line: problem.line, column: problem.column });
  }

  if (frontMatterError) {
    const severity: Severity = configured.get(FRONT_MATTER_RULE_ID)?.severity ?? 'error';
    const line = frontMatterError.line ?? 1;
    if (severity !== 'off' && !disabled(FRONT_MATTER_RULE_ID, line)) {
      const message = frontMatterError.message.replace(/^./, (first) => first.toUpperCase());
      messages.push({ ruleId: FRONT_MATTER_RULE_ID, severity: NUMERIC[severity], message, line, column: frontMatterError.column ?? 1 });
    }
  }

  for (const { rule, severity, options } of configured.values()) {
    if (severity === 'off') continue;
    const numeric = NUMERIC[severity];
    const ruleId = rule.id;
    const report = (problem: ProblemReport): void => {
      const message = toMessage(ruleId, numeric, problem, lines.length);
      if (disabled(ruleId, message.line)) return;
      if (message.fix && !isValidFix(message.fix, text.length)) delete message.fix;
      messages.push(message);
    };
    try {
      rule.check({ doc, text, lines, options, report, ...(prepared?.has(ruleId) ? { prepared: prepared.get(ruleId) } : {}) });
    } catch (error) {
      // A rule that throws is a bug in the rule; say which rule and which file so it can be reported.
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`lint rule "${ruleId}" failed on ${filePath}: ${reason}`, { cause: error });
    }
  }
  return messages;
}

/** What each rule's `prepare` resolved to for one text, by rule id; null when no rule prepared anything. */
type PreparedByRule = Map<string, unknown> | null;

/**
 * The lint passes over one text, as a generator: before each pass it yields the text the pass
 * will lint and takes back what the rules prepared for it, so that {@link lintText} (which
 * prepares nothing) and {@link lintTextAsync} (which awaits each rule's `prepare`) share one
 * loop.
 */
function* lintPasses(text: string, options: LintTextOptions): Generator<string, LintResult, PreparedByRule> {
  const filePath = options.filePath ?? '<text>';
  const rules = options.rules ?? builtinRules;
  const configured = configuredRules(options.config, rules);
  const inlineConfig = options.inlineConfig !== false;
  if (inlineConfig && /<!--\s*postmortem-disable-file\s*-->/.test(text)) {
    // Checked on the raw text first so a whole-file opt-out costs no parse; directives in code are ruled out below.
    const directives = readInlineConfig(splitLines(text));
    if (directives.directives.some((directive) => directive.kind === 'disable-file' && directive.ruleIds.length === 0)) return emptyResult(filePath);
  }

  let current = text;
  let messages = lintOnce(current, filePath, configured, rules, inlineConfig, yield current);
  if (options.fix) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass += 1) {
      const fixes = messages.flatMap((message) => (message.fix ? [message.fix] : []));
      if (fixes.length === 0) break;
      const applied = applyFixes(current, fixes);
      if (applied.applied === 0) break;
      current = applied.text;
      messages = lintOnce(current, filePath, configured, rules, inlineConfig, yield current);
    }
  }
  const result = finishResult(filePath, messages);
  if (options.fix && current !== text) result.output = current;
  return result;
}

/** Awaits the `prepare` of every enabled rule that has one, for `text`. */
async function prepareRules(text: string, options: LintTextOptions): Promise<PreparedByRule> {
  let prepared: PreparedByRule = null;
  for (const { rule, severity, options: ruleOptions } of configuredRules(options.config, options.rules ?? builtinRules).values()) {
    if (severity === 'off' || !rule.prepare) continue;
    try {
      const pending = rule.prepare(text, ruleOptions);
      if (pending) (prepared ??= new Map()).set(rule.id, await pending);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`lint rule "${rule.id}" failed on ${options.filePath ?? '<text>'}: ${reason}`, { cause: error });
    }
  }
  return prepared;
}

/**
 * Lints the text of one postmortem, synchronously. Never reads or writes files, never
 * prints. Throws `PostmortemError` for an invalid `config`, and an `Error` naming the rule
 * when a rule itself fails (a bug). Rules with an asynchronous `prepare` run unprepared:
 * `no-secrets` then finds secrets with this project's own patterns only, not secretlint's
 * ({@link lintTextAsync} runs both).
 */
export function lintText(text: string, options: LintTextOptions = {}): LintResult {
  const passes = lintPasses(text, options);
  let step = passes.next();
  while (!step.done) step = passes.next(null);
  return step.value;
}

/**
 * Lints the text of one postmortem like {@link lintText}, first awaiting what rules prepare
 * for it (the `no-secrets` rule's secret scanner, imported only for a text that needs it).
 * What `lintFile`, `lintFiles` and the CLI use.
 */
export async function lintTextAsync(text: string, options: LintTextOptions = {}): Promise<LintResult> {
  const passes = lintPasses(text, options);
  let step = passes.next();
  while (!step.done) step = passes.next(await prepareRules(step.value, options));
  return step.value;
}
