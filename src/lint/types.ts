/**
 * The shapes lint rules, the lint engine and formatters share. A rule is a small pure
 * module (no I/O, no printing): it reads the parsed model and the source lines and reports
 * problems through a callback, like markdownlint's rules and ESLint's.
 */
import type { Postmortem } from '../model/postmortem.js';

/** How serious a problem is: `off` disables the rule. */
export type Severity = 'off' | 'warn' | 'error';

/** ESLint's numeric severities, used by the JSON formatter: 1 warning, 2 error. */
export type NumericSeverity = 1 | 2;

/** A fix: replace the text between two offsets of the file with new text. */
export interface Fix {
  /** [start, end) character offsets into the whole file text (front matter included). */
  range: [number, number];
  text: string;
}

/** What a rule reports. */
export interface ProblemReport {
  /** A message a person can act on. */
  message: string;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column, where it makes sense. */
  column?: number;
  /** 1-based end line and column, where known. */
  endLine?: number;
  endColumn?: number;
  /** A fix that needs no guessing, when the rule can make one. */
  fix?: Fix;
}

/** Everything a rule may read. */
export interface RuleContext<Options = Record<string, unknown>> {
  /** The parsed postmortem (with `source` positions). */
  doc: Postmortem;
  /** The whole file text, front matter included. */
  text: string;
  /** The file's lines (index 0 is line 1). */
  lines: readonly string[];
  /** The rule's options from config, defaults applied. */
  options: Options;
  /** Reports a problem. */
  report(problem: ProblemReport): void;
  /**
   * What the rule's {@link Rule.prepare} resolved to for this text; undefined when it was not
   * called (the synchronous `lintText`) or returned null.
   */
  prepared?: unknown;
}

/** A lint rule. The file name under src/lint/rules/ is the id. */
export interface Rule<Options = Record<string, unknown>> {
  /** The rule id, e.g. `timeline-order`. */
  id: string;
  /** One line: what the rule checks. */
  description: string;
  /** Tags for grouping (`summary`, `timeline`, `structure`, `style`, ...). */
  tags: readonly string[];
  /** Severity when config says nothing. */
  severity: Severity;
  /** Default options. */
  defaultOptions: Options;
  /**
   * Checks options from config; returns an error message for invalid options (the engine
   * turns it into an exit-2 config error naming the config file), or null.
   */
  validateOptions?(options: Record<string, unknown>): string | null;
  /** Whether the rule offers fixes. */
  fixable?: boolean;
  /**
   * Asynchronous work `check` needs for one text, such as a scanner imported only when the
   * text may need it: `lintTextAsync` (and so `lintFile`, `lintFiles` and the CLI) awaits it
   * before each pass and hands the result to `check` as `context.prepared`. Returns null
   * when this text needs nothing.
   */
  prepare?(text: string, options: Options): Promise<unknown> | null;
  /** Checks one document. */
  check(context: RuleContext<Options>): void;
}

/** Defines a rule with its option types checked. */
export function defineRule<Options = Record<string, unknown>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

/** One problem in lint output (ESLint's message shape). */
export interface LintMessage {
  ruleId: string;
  severity: NumericSeverity;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: Fix;
  /** True when the file could not be linted at all (unreadable, binary, not UTF-8), as ESLint marks parse failures. */
  fatal?: boolean;
}

/** The result of linting one file (ESLint's result shape). */
export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** How many of the errors are fatal (the file could not be linted); absent means 0. */
  fatalErrorCount?: number;
  /** The fixed text, present when fixing was asked for and changed something. */
  output?: string;
}
