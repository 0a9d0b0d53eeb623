/**
 * The default report, ESLint's "stylish": problems grouped under each file name, one a line
 * (position, severity, message, rule id), then a summary line. Nothing at all when there are
 * no problems, so a clean run prints nothing.
 */
import { terminalText } from '../../cli/terminal-text.js';
import { displayPath, PLAIN_STYLE, type Formatter } from './formatter.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function widest(widths: readonly number[]): number {
  return widths.reduce((most, width) => Math.max(most, width), 0);
}

/** Formats results as ESLint's stylish formatter does; file names and messages are shown on one line each, never obeyed ({@link terminalText}). */
export const formatStylish: Formatter = (results, options) => {
  const style = options.color ?? PLAIN_STYLE;
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  const blocks: string[] = [];
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
    // As in ESLint: line numbers right-aligned, columns left-aligned, so the colons line up.
    // Widest by reduce, not Math.max(...): a file can have more messages than a call has room for arguments.
    const lineWidth = widest(result.messages.map((message) => String(message.line).length));
    const columnWidth = widest(result.messages.map((message) => String(message.column).length));
    const rows = result.messages.map((message) => ({
      position: `${String(message.line).padStart(lineWidth)}:${String(message.column).padEnd(columnWidth)}`,
      severity: message.severity === 2 ? 'error' : 'warning',
      // A message is one line in this layout; rules write one line, but a config or file name may not.
      text: terminalText(message.message),
      ruleId: message.ruleId,
    }));
    const severityWidth = widest(rows.map((row) => row.severity.length));
    const textWidth = widest(rows.map((row) => row.text.length));
    const lines = rows.map((row) => {
      const severity = row.severity === 'error' ? style.red(row.severity) : style.yellow(row.severity);
      return `  ${style.dim(row.position)}  ${severity}${' '.repeat(severityWidth - row.severity.length)}  ${row.text}${' '.repeat(textWidth - row.text.length)}  ${style.dim(row.ruleId)}`;
    });
    blocks.push(`${style.underline(terminalText(displayPath(result.filePath, options.cwd)))}\n${lines.join('\n')}`);
  }
  if (blocks.length === 0) return '';
  const total = errors + warnings;
  const summaryStyle = errors > 0 ? style.red : style.yellow;
  let output = `\n${blocks.join('\n\n')}\n\n${summaryStyle(style.bold(`✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`))}\n`;
  if (fixableErrors + fixableWarnings > 0) {
    output += `${summaryStyle(style.bold(`  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`))}\n`;
  }
  return `${output}\n`;
};

export default formatStylish;
