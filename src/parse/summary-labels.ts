/** The labels of summary fields: `Duration:`, `**Impact:**`, `- Root Cause:` and the like. */

/** Fields a summary (or a preamble) may label. */
export type SummaryLabel = 'duration' | 'start' | 'end' | 'impact' | 'percent' | 'rootCause' | 'severity' | 'status' | 'authors' | 'date' | 'timezone';

const LABELS: Array<[SummaryLabel, RegExp]> = [
  ['duration', /^(?:duration|outage duration|incident duration|time ?frame|time window|period|when)$/i],
  ['start', /^(?:start|start time|started|began|impact start|outage start)$/i],
  ['end', /^(?:end|end time|ended|impact end|outage end|resolved at)$/i],
  ['impact', /^(?:impact|user impact|customer impact|business impact|effect)$/i],
  ['percent', /^(?:users affected|affected users|share of users affected|% of users affected|percentage of users affected|affected)$/i],
  ['rootCause', /^(?:root causes?|causes?|main cause|trigger)$/i],
  ['severity', /^(?:severity|sev|severity level|priority)$/i],
  ['status', /^(?:status)$/i],
  ['authors', /^(?:authors?|written by|prepared by|by)$/i],
  ['date', /^(?:date|incident date|date of incident)$/i],
  ['timezone', /^(?:time ?zone|tz)$/i],
];

// The label starts and ends with a letter, so the spaces around it belong to one `\s*` alone (two
// that could share a run of spaces backtracked quadratically on a long one).
const LABELLED = /^\s*(?:(?:[-*+]|\d{1,2}[.)])\s+)?(?:(?:\*\*|__)\s*)?([A-Za-z%](?:[A-Za-z% ]{0,39}[A-Za-z%])?)\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:|:)(.*)$/;

/** Reads `Label: value` (bulleted or not, label bold or not) when the label is a summary field. */
export function readLabel(text: string): { label: SummaryLabel; value: string } | null {
  const match = LABELLED.exec(text);
  if (!match) return null;
  const name = (match[1] as string).trim();
  for (const [label, pattern] of LABELS) if (pattern.test(name)) return { label, value: (match[2] as string).trim() };
  return null;
}
