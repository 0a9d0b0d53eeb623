/**
 * Applying rule fixes to a file's text, as ESLint does: fixes are applied in source order and
 * a fix that overlaps one already taken is left for the next pass, when the rules run again
 * on the changed text and report it afresh with correct offsets.
 */
import type { Fix } from './types.js';

/** What one pass of {@link applyFixes} did. */
export interface AppliedFixes {
  /** The text with the fixes applied. */
  text: string;
  /** How many fixes were applied. */
  applied: number;
  /** How many were skipped because they overlapped an applied one (or were invalid). */
  skipped: number;
}

/** Whether a fix's range lies within a text of `length` characters and is well ordered. */
export function isValidFix(fix: Fix | undefined, length: number): fix is Fix {
  if (!fix || !Array.isArray(fix.range) || typeof fix.text !== 'string') return false;
  const [start, end] = fix.range;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length;
}

/**
 * Applies the fixes that do not overlap each other to `text`, in source order (ties keep
 * report order). A fix that would change nothing counts as neither applied nor skipped, so
 * a rule offering a no-op fix cannot keep the fix loop going.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): AppliedFixes {
  const valid = fixes.filter((fix) => isValidFix(fix, text.length) && text.slice(fix.range[0], fix.range[1]) !== fix.text);
  let skipped = fixes.filter((fix) => !isValidFix(fix, text.length)).length;
  const ordered = valid.map((fix, order) => ({ fix, order })).sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1] || a.order - b.order);
  const parts: string[] = [];
  let position = 0;
  let applied = 0;
  // As in ESLint, a fix must start after the previous one ends: touching fixes (two insertions at one offset) wait a pass.
  let lastEnd = -Infinity;
  for (const { fix } of ordered) {
    const [start, end] = fix.range;
    if (start <= lastEnd) {
      skipped += 1;
      continue;
    }
    parts.push(text.slice(position, start), fix.text);
    position = end;
    lastEnd = end;
    applied += 1;
  }
  parts.push(text.slice(position));
  return { text: applied > 0 ? parts.join('') : text, applied, skipped };
}
