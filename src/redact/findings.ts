/**
 * What the secret and personal-data scanners find, and the helpers both share: where a
 * finding is in lines and columns, how it is shown (never whole), and how a text is redacted.
 */

/** The default text a redacted value is replaced with. */
export const DEFAULT_REPLACEMENT = '[REDACTED]';

/** One sensitive value found in a text. */
export interface SensitiveFinding {
  /** [start, end) character offsets of the value itself (what redaction replaces). */
  start: number;
  end: number;
  /** What it is, for messages: "GitHub token", "email address", ... */
  kind: string;
}

/** How many characters of a found value a message may show. */
export const PREVIEW_LENGTH = 4;

/**
 * The first {@link PREVIEW_LENGTH} characters of a value and an ellipsis: enough to find it, too
 * little to use it. A short value shows half of it at most, so a 4-character password is
 * never shown whole.
 */
export function previewValue(value: string): string {
  const characters = Array.from(value);
  const shown = characters.slice(0, Math.min(PREVIEW_LENGTH, Math.floor(characters.length / 2))).join('');
  return `${shown.replace(/[\u0000-\u001f\u007f]/g, ' ')}…`;
}

/** The offset each line starts at (index 0 is line 1), with the line ends {@link splitLines} uses (\r\n, \n, \r). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 10) starts.push(index + 1);
    else if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) index += 1;
      starts.push(index + 1);
    }
  }
  return starts;
}

/** The 1-based line and column of `offset`, given the text's {@link lineStarts}. */
export function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

/**
 * Findings sorted by start, with any that overlaps one kept before it dropped (two scanners
 * finding the same value, or a value inside another), so that each part of the text is
 * reported and replaced once.
 */
export function withoutOverlaps<Finding extends SensitiveFinding>(findings: readonly Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  let lastEnd = -1;
  for (const finding of sorted) {
    if (finding.end <= finding.start || finding.start < lastEnd) continue;
    kept.push(finding);
    lastEnd = finding.end;
  }
  return kept;
}

/**
 * Whether a value is a placeholder rather than a secret: the replacement itself, masks
 * (`****`, `xxxx`), variables (`$TOKEN`, `${TOKEN}`, `%TOKEN%`) and `<token>`-style blanks.
 */
export function isPlaceholderValue(value: string, replacement: string = DEFAULT_REPLACEMENT): boolean {
  if (value.includes(replacement) || value.includes(DEFAULT_REPLACEMENT)) return true;
  if (/^[*xX•.#_-]+$/.test(value)) return true;
  if (/^\$|^%\w+%$|^<[^<>]*>$|^\[[^[\]]*\]$|^\{[^{}]*\}$|\{\{/.test(value)) return true;
  return /^(?:redacted|hidden|removed|secret|password|passw0rd|changeme|example|placeholder|your[_-]?\w*|my[_-]?password|none|null|undefined)$/i.test(value);
}
