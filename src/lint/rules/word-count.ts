/**
 * word-count: the body's length is within bounds. Off by default: teams that want short or
 * thorough postmortems set the bounds. Words are counted in prose: code, HTML comments, link
 * targets and front matter are not read.
 */
import { defineRule } from '../types.js';
import { checkCount, checkKnownOptions, firstError } from './support/options.js';
import { bodyStartLine } from './support/sections.js';
import { proseLines } from './support/source-text.js';

/** Options of word-count. */
export interface WordCountOptions {
  /** Fewest words, or null for no lower bound. */
  min: number | null;
  /** Most words, or null for no upper bound. */
  max: number | null;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** The number of words a reader reads in the body. */
export function countWords(lines: readonly string[], frontMatterLines: number): number {
  let count = 0;
  for (const { text } of proseLines(lines, frontMatterLines)) {
    const readable = text.replace(/\]\((?:[^()]|\([^()]*\))*\)/g, ']').replace(/https?:\/\/\S+/g, 'link').replace(/<[^<>]+>/g, ' ');
    count += readable.match(WORD)?.length ?? 0;
  }
  return count;
}

export default defineRule<WordCountOptions>({
  id: 'word-count',
  description: "The body's word count is within the configured bounds",
  tags: ['style'],
  severity: 'off',
  defaultOptions: { min: 150, max: 3000 },
  validateOptions: (options) => {
    const error = firstError(checkKnownOptions(options, ['min', 'max']), checkCount(options, 'min', 0, true), checkCount(options, 'max', 1, true));
    if (error) return error;
    const { min, max } = options;
    return typeof min === 'number' && typeof max === 'number' && min > max ? `option "min" (${min}) is more than "max" (${max})` : null;
  },
  check({ doc, lines, options, report }) {
    const words = countWords(lines, doc.source?.frontMatterLines ?? 0);
    const line = bodyStartLine(doc);
    if (options.min !== null && words < options.min) {
      report({ message: `The postmortem has ${words} words, fewer than the ${options.min} expected: say more about the impact, the timeline and why it happened`, line });
    }
    if (options.max !== null && words > options.max) {
      report({ message: `The postmortem has ${words} words, more than the ${options.max} expected: move detail into linked documents and keep what a reader needs`, line });
    }
  },
});
