/**
 * What every lint report formatter is: a pure function from results to text, as ESLint's
 * formatters are. Colour comes in as a style object (the CLI passes its Chalk instance for
 * the stream the report goes to), so a formatter never looks at the terminal itself.
 */
import { isAbsolute, relative, sep } from 'node:path';
import type { LintResult, Rule } from '../types.js';

/** The text styles a formatter may use; a Chalk instance is one. */
export interface TextStyle {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

/** Facts about a rule a report may show (SARIF lists every rule). */
export type RuleMetadata = Pick<Rule<any>, 'id' | 'description' | 'tags' | 'severity'> & { fixable?: boolean };

/** Options every formatter receives. */
export interface FormatterOptions {
  /** Paths in the report are shown relative to this directory. */
  cwd: string;
  /** Colours, for formatters meant for a terminal; absent means plain text. */
  color?: TextStyle | null;
  /** The rules of the run, for formatters that describe them. */
  rules?: readonly RuleMetadata[];
  /** The tool's version, for formatters that name the tool. */
  toolVersion?: string;
  /** The tool's home page, for formatters that name the tool. */
  toolInformationUri?: string | null;
  /** The address of a rule's documentation, when known. */
  ruleDocsUrl?: (ruleId: string) => string | null;
}

/** A report formatter: results in, the report's text out. */
export type Formatter = (results: readonly LintResult[], options: FormatterOptions) => string;

/** Styles that leave text as it is. */
export const PLAIN_STYLE: TextStyle = {
  red: (text) => text,
  yellow: (text) => text,
  green: (text) => text,
  dim: (text) => text,
  bold: (text) => text,
  underline: (text) => text,
};

/** `filePath` relative to `cwd` with `/` separators when it is inside `cwd`, else as it is. */
export function displayPath(filePath: string, cwd: string): string {
  if (!isAbsolute(filePath)) return sep === '/' ? filePath : filePath.split(sep).join('/');
  const path = relative(cwd, filePath);
  if (!path || path.startsWith('..') || isAbsolute(path)) return filePath;
  return sep === '/' ? path : path.split(sep).join('/');
}
