/**
 * Lints a postmortem `new` has just written, the way `postmortem lint <file>` would (the
 * same rules, the config that applies to the file), so problems show up while the
 * incident is fresh. Returns the report text; nothing here prints.
 */
import { createConfigResolver } from '../../lint/config-files.js';
import type { LintConfig } from '../../lint/config.js';
import { lintTextAsync } from '../../lint/engine.js';
import type { TextStyle } from '../../lint/formatters/formatter.js';
import { loadFormatter } from '../../lint/formatters/index.js';
import { builtinRules } from '../../lint/rules/index.js';
import { isPostmortemError } from '../../model/errors.js';

/** What linting the written file found. */
export interface WrittenLintReport {
  errorCount: number;
  warningCount: number;
  /** The lines to show: the stylish report and what to do, or a one-line all clear. */
  text: string;
}

/** Lints `text`, just written to `filePath` (absolute), shown relative to `cwd`. */
export async function lintWrittenPostmortem(text: string, filePath: string, options: { cwd: string; displayPath: string; color: TextStyle | null }): Promise<WrittenLintReport> {
  let config: LintConfig | undefined;
  let configNote = '';
  try {
    config = (await createConfigResolver({ cwd: options.cwd, rules: builtinRules }).configFor(filePath)).config;
  } catch (error) {
    if (!isPostmortemError(error)) throw error;
    // The file is written either way; a broken lint config should not hide the rules' findings.
    configNote = `Lint config not used: ${error.format()}\n`;
  }
  const result = await lintTextAsync(text, { filePath, ...(config ? { config } : {}) });
  const { errorCount, warningCount } = result;
  if (errorCount + warningCount === 0) {
    return { errorCount, warningCount, text: `${configNote}Lint: no problems (${builtinRules.length} rules checked).` };
  }
  const report = (await loadFormatter('stylish'))([result], { cwd: options.cwd, color: options.color }).replace(/^\n+|(?<!\n)\n+$/g, '');
  return {
    errorCount,
    warningCount,
    text: `${configNote}${report}\nEdit ${options.displayPath} to fix these, then check again with: postmortem lint ${options.displayPath}`,
  };
}
