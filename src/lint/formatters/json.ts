/**
 * ESLint's JSON report: an array with one object per file, so tools that read ESLint's
 * output (editors, CI dashboards, jq scripts) read ours unchanged.
 */
import type { Formatter } from './formatter.js';

/** Formats results as ESLint's `json` formatter does (absolute file paths, one line, the fixed text when a dry run made one). */
export const formatJson: Formatter = (results) => {
  const files = results.map((result) => ({
    filePath: result.filePath,
    messages: result.messages.map((message) => ({
      ruleId: message.ruleId,
      ...(message.fatal ? { fatal: true } : {}),
      severity: message.severity,
      message: message.message,
      line: message.line,
      column: message.column,
      ...(message.endLine !== undefined ? { endLine: message.endLine } : {}),
      ...(message.endColumn !== undefined ? { endColumn: message.endColumn } : {}),
      ...(message.fix ? { fix: { range: message.fix.range, text: message.fix.text } } : {}),
    })),
    errorCount: result.errorCount,
    fatalErrorCount: result.fatalErrorCount ?? 0,
    warningCount: result.warningCount,
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
    // Present only when fixes were worked out and not written (--fix-dry-run), as in ESLint.
    ...(result.output !== undefined ? { output: result.output } : {}),
  }));
  return `${JSON.stringify(files)}\n`;
};

export default formatJson;
