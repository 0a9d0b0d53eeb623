/**
 * GitHub Actions workflow commands: one `::error` or `::warning` line per problem, which the
 * Actions runner turns into annotations on the pull request's changed lines. Values are
 * escaped as the runner's toolkit does, so a message with a newline or a file name with a
 * comma cannot break out of its command.
 */
import { displayPath, type Formatter } from './formatter.js';

/** Escapes a workflow command's message (`%`, CR and LF). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (also `:` and `,`, which separate properties). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Formats results as GitHub Actions annotations, one line each. */
export const formatGithub: Formatter = (results, options) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = displayPath(result.filePath, options.cwd);
    for (const message of result.messages) {
      const properties = [`file=${escapeProperty(file)}`, `line=${message.line}`, `col=${message.column}`];
      if (message.endLine !== undefined) properties.push(`endLine=${message.endLine}`);
      if (message.endColumn !== undefined) properties.push(`endColumn=${message.endColumn}`);
      properties.push(`title=${escapeProperty(message.ruleId)}`);
      lines.push(`::${message.severity === 2 ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(message.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};

export default formatGithub;
