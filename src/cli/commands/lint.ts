/**
 * `postmortem lint`: find the files, lint them (on several threads for big runs), write
 * fixes, print the report, and turn the counts into the exit code: 0 no errors, 1 errors or
 * too many warnings, 2 (thrown `PostmortemError`) when the run itself could not happen.
 */
import { isAbsolute, relative } from 'node:path';
import { findPostmortems } from '../../io/find-postmortems.js';
import { mergeLintConfigs, parseRuleFlag, type LintConfig } from '../../lint/config.js';
import { createConfigResolver } from '../../lint/config-files.js';
import { loadFormatter, type FormatterName } from '../../lint/formatters/index.js';
import { lintFileStream } from '../../lint/lint-files.js';
import type { LintResult } from '../../lint/types.js';
import type { CommandContext } from '../command-context.js';
import type { OutputStream } from '../io.js';
import { readPackageInfo } from '../package-info.js';
import { ruleDocsBase } from '../rule-docs.js';
import { refuseInputsAsOutputs } from '../write-output.js';

/** Options of `postmortem lint`, as commander parses them. */
export interface LintCommandOptions {
  config?: string;
  format: FormatterName;
  output?: string;
  /** Overwrite an existing `--output` file. */
  force?: boolean;
  quiet?: boolean;
  maxWarnings?: number;
  fix?: boolean;
  fixDryRun?: boolean;
  /** False with `--no-inline-config`. */
  inlineConfig?: boolean;
  rule?: string[];
  /** `--ignore` patterns, repeatable. */
  ignore?: string[];
  concurrency?: number | 'auto';
}

/** More files than this get a progress line on a terminal; fewer finish before it would be read. */
export const PROGRESS_MIN_FILES = 20;

/** How often the progress line is redrawn, in milliseconds. */
const PROGRESS_INTERVAL_MS = 100;

/** A one-line progress counter on standard error, redrawn in place, only on a terminal. */
class ProgressLine {
  private lastDrawn = 0;
  private drawn = false;

  constructor(
    private readonly stream: OutputStream,
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {}

  update(done: number): void {
    const time = this.now();
    if (done < this.total && time - this.lastDrawn < PROGRESS_INTERVAL_MS) return;
    this.lastDrawn = time;
    this.drawn = true;
    this.stream.write(`\rLinting ${done}/${this.total} files...`);
  }

  clear(): void {
    // Carriage return and erase-line: the report that follows starts on a clean line.
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}

/** Only errors, for `--quiet`. */
function errorsOnly(result: LintResult): LintResult {
  if (result.warningCount === 0) return result;
  const messages = result.messages.filter((message) => message.severity === 2);
  return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
}

function displayPath(filePath: string, cwd: string): string {
  const path = relative(cwd, filePath);
  return path && !path.startsWith('..') && !isAbsolute(path) ? path : filePath;
}

/** Lints the files `patterns` name and writes the report; resolves to the exit code. */
export async function lintCommand(patterns: string[], options: LintCommandOptions, context: CommandContext): Promise<number> {
  const { io, colors } = context;
  const fix = options.fix === true || options.fixDryRun === true;
  let ruleOverrides: LintConfig | null = null;
  for (const flag of options.rule ?? []) ruleOverrides = mergeLintConfigs(ruleOverrides ?? {}, parseRuleFlag(flag));

  // Loaded while the files are linted; awaited (and its failure seen) only for the report.
  const loadingFormatter = loadFormatter(options.format);
  loadingFormatter.catch(() => undefined);
  const found = await findPostmortems(patterns, { cwd: io.cwd, ignore: options.ignore, configFile: options.config ?? null });
  const files = found.map((file) => file.path).sort();
  // No rules here: configs are checked against them where they are loaded (this thread for a
  // small run, the workers for a big one, so this thread never loads the parser then).
  const configs = createConfigResolver({ cwd: io.cwd, configFile: options.config ?? null, ruleOverrides });
  const progress = io.stderr.isTTY && files.length > PROGRESS_MIN_FILES ? new ProgressLine(io.stderr, files.length) : null;
  const results = new Array<LintResult>(files.length);
  let done = 0;
  try {
    for await (const { index, result } of lintFileStream(files, { configs, fix, inlineConfig: options.inlineConfig !== false, concurrency: options.concurrency })) {
      if (result.output !== undefined && !options.fixDryRun) {
        if (options.fix) {
          const { writeFileAtomic } = await import('../../io/write-file-atomic.js');
          await writeFileAtomic(result.filePath, result.output, { overwrite: true, displayPath: displayPath(result.filePath, io.cwd) });
        }
        // Once written the fixed text is not kept: a big run must not hold every file. A dry run
        // keeps it for the JSON report, as ESLint's --fix-dry-run does.
        delete result.output;
      }
      results[index] = options.quiet ? errorsOnly(result) : result;
      done += 1;
      progress?.update(done);
    }
  } finally {
    progress?.clear();
  }

  const reportToFile = options.output !== undefined && options.output !== '-';
  const formatter = await loadingFormatter;
  // Only SARIF describes the rules; the other formats need not load them.
  const rules = options.format === 'sarif' ? (await import('../../lint/rules/index.js')).builtinRules : [];
  const docsBase = ruleDocsBase();
  const report = formatter(results, {
    cwd: io.cwd,
    color: !reportToFile && colors.stdout.level > 0 ? colors.stdout : null,
    rules,
    toolVersion: readPackageInfo().version,
    ruleDocsUrl: (ruleId) => (rules.some((rule) => rule.id === ruleId) ? `${docsBase}${ruleId}.md` : null),
  });
  if (reportToFile) {
    // A report written over a postmortem would lose someone's words, --force or not; by any name (a link to a linted file too).
    refuseInputsAsOutputs([options.output as string], results.map((result) => result.filePath), io.cwd, 'is one of the files being linted; write the report to another file');
    const { writeFileAtomic } = await import('../../io/write-file-atomic.js');
    await writeFileAtomic(options.output as string, report, { cwd: io.cwd, overwrite: options.force === true });
  } else if (report) {
    io.stdout.write(report);
  }

  const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`${colors.stderr.red('postmortem:')} too many warnings (${warnings}; --max-warnings allows ${options.maxWarnings})\n`);
    return 1;
  }
  return 0;
}

