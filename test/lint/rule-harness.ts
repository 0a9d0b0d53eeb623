/**
 * Runs one rule over a Markdown snippet without the lint engine, so that rule tests stay
 * independent of it: parse, merge options over the rule's defaults, validate them, collect
 * what the rule reports. Also applies fixes, the way `--fix` does, to test what a fix writes.
 */
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';
import type { ProblemReport, Rule } from '../../src/lint/types.js';

/** Runs a rule over text and returns its reports in the order given. Throws when the options are invalid. */
export function runRule<Options>(rule: Rule<Options>, text: string, options: Partial<Options> = {}): ProblemReport[] {
  const doc = parsePostmortem(text, { filePath: 'incident.md' });
  const merged = { ...rule.defaultOptions, ...options } as Options;
  const invalid = rule.validateOptions?.(merged as Record<string, unknown>) ?? null;
  if (invalid) throw new Error(`invalid options for ${rule.id}: ${invalid}`);
  const problems: ProblemReport[] = [];
  rule.check({ doc, text, lines: text.split(/\r?\n/), options: merged, report: (problem) => problems.push(problem) });
  return problems;
}

/** The lines a rule reports on, in order: the shortest useful summary of what it found. */
export function reportedLines<Options>(rule: Rule<Options>, text: string, options: Partial<Options> = {}): number[] {
  return runRule(rule, text, options).map((problem) => problem.line);
}

/** Applies every fix of the reports to the text, last first, skipping fixes that overlap one already applied. */
export function applyFixes(text: string, problems: readonly ProblemReport[]): string {
  const fixes = problems.flatMap((problem) => (problem.fix ? [problem.fix] : [])).sort((a, b) => b.range[0] - a.range[0]);
  let output = text;
  let limit = Infinity;
  for (const fix of fixes) {
    if (fix.range[1] > limit) continue;
    output = output.slice(0, fix.range[0]) + fix.text + output.slice(fix.range[1]);
    limit = fix.range[0];
  }
  return output;
}

/** Builds a snippet from lines, so that fixtures read like the files they stand for. */
export function markdown(...lines: string[]): string {
  return lines.join('\n');
}

/** Like {@link runRule}, first awaiting the rule's `prepare` (as lintTextAsync does), for rules that scan asynchronously. */
export async function runRuleAsync<Options>(rule: Rule<Options>, text: string, options: Partial<Options> = {}): Promise<ProblemReport[]> {
  const doc = parsePostmortem(text, { filePath: 'incident.md' });
  const merged = { ...rule.defaultOptions, ...options } as Options;
  const invalid = rule.validateOptions?.(merged as Record<string, unknown>) ?? null;
  if (invalid) throw new Error(`invalid options for ${rule.id}: ${invalid}`);
  const pending = rule.prepare?.(text, merged) ?? null;
  const prepared = pending ? await pending : undefined;
  const problems: ProblemReport[] = [];
  rule.check({ doc, text, lines: text.split(/\r?\n/), options: merged, report: (problem) => problems.push(problem), ...(prepared === undefined ? {} : { prepared }) });
  return problems;
}
