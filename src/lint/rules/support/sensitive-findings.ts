/**
 * Reporting what the secret and personal-data scans found, as no-secrets and no-personal-data
 * both do: each finding at its line and column, its message given a preview of the value
 * (never the whole of it), and a fix that writes the replacement where the value was.
 */
import { lineStarts, positionAt, previewValue, type SensitiveFinding } from '../../../redact/findings.js';
import { frontMatterEnd, replacementFor } from '../../../redact/redact-text.js';
import type { ProblemReport } from '../../types.js';

/** Reports each finding in `text`; `message` words it from the finding and the preview of its value. */
export function reportSensitiveFindings<Finding extends SensitiveFinding>(
  text: string,
  findings: readonly Finding[],
  replacement: string,
  report: (problem: ProblemReport) => void,
  message: (finding: Finding, preview: string) => string,
): void {
  if (findings.length === 0) return;
  const starts = lineStarts(text);
  const frontMatterEnds = frontMatterEnd(text);
  for (const finding of findings) {
    const start = positionAt(starts, finding.start);
    const end = positionAt(starts, finding.end);
    report({
      message: message(finding, previewValue(text.slice(finding.start, finding.end))),
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      fix: { range: [finding.start, finding.end], text: replacementFor(text, finding, replacement, frontMatterEnds) },
    });
  }
}
