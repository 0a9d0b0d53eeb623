/**
 * blameless-language: no wording that blames people. A postmortem asks what let the mistake
 * happen, not who made it. Like Vale's existence rules, the list of phrases can be extended
 * (`words`) and trimmed (`ignore`) in config.
 */
import { defineRule } from '../types.js';
import { checkKnownOptions, checkStringList, firstError } from './support/options.js';
import { proseLines } from './support/source-text.js';

/** Options of blameless-language. */
export interface BlamelessLanguageOptions {
  /** More phrases to report, matched whole-word and ignoring case. */
  words: string[];
  /** Built-in phrases not to report, by the name shown in messages. */
  ignore: string[];
}

/** A built-in phrase: its name (for messages and `ignore`) and how it is found. */
interface BlamePhrase {
  name: string;
  pattern: RegExp;
}

const BUILT_IN: BlamePhrase[] = [
  { name: "'s fault", pattern: /(?<![\w-])[\w-]+['’]s fault\b/gi },
  { name: 'at fault', pattern: /\bat fault\b/gi },
  { name: 'careless', pattern: /\bcareless(?:ly|ness)?\b/gi },
  { name: 'should have known', pattern: /\b(?:should|ought to) (?:have|'ve)\s+known\b|\bshould['’]ve known\b/gi },
  { name: 'human error', pattern: /\bhuman errors?\b/gi },
  { name: 'stupid', pattern: /\bstupid(?:ity|ly)?\b/gi },
  { name: 'dumb', pattern: /\bdumb\b/gi },
  { name: 'idiot', pattern: /\bidiot(?:s|ic)?\b/gi },
  { name: 'incompetent', pattern: /\bincompeten(?:t|ce)\b/gi },
  { name: 'negligent', pattern: /\bneglig(?:ent|ently|ence)\b/gi },
  { name: 'lazy', pattern: /\blaz(?:y|iness)\b/gi },
  { name: 'sloppy', pattern: /\bsloppy\b/gi },
  { name: 'reckless', pattern: /\breckless(?:ly|ness)?\b/gi },
  { name: 'screwed up', pattern: /\bscrewed up\b/gi },
  { name: 'messed up', pattern: /\bmessed up\b/gi },
  { name: 'fat-fingered', pattern: /\bfat[- ]finger(?:ed|ing)?\b/gi },
  { name: 'didn\'t bother', pattern: /\b(?:didn['’]t|did not) bother\b/gi },
];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const patternCache = new WeakMap<BlamelessLanguageOptions, RegExp | null>();

/**
 * One pattern for every phrase to look for (the built-in ones not ignored, and the configured
 * ones), so that each line is scanned once; built once per options object.
 */
function blamePattern(options: BlamelessLanguageOptions): RegExp | null {
  if (patternCache.has(options)) return patternCache.get(options) ?? null;
  const ignored = new Set(options.ignore.map((name) => name.toLowerCase()));
  const builtIn = BUILT_IN.filter((phrase) => !ignored.has(phrase.name.toLowerCase())).map((phrase) => phrase.pattern.source);
  const configured = options.words.map((word) => `(?<![\\w])${escapeRegExp(word.trim())}(?![\\w])`);
  const sources = [...builtIn, ...configured];
  const pattern = sources.length > 0 ? new RegExp(sources.map((source) => `(?:${source})`).join('|'), 'gi') : null;
  patternCache.set(options, pattern);
  return pattern;
}

export default defineRule<BlamelessLanguageOptions>({
  id: 'blameless-language',
  description: 'No blaming words ("X\'s fault", "carelessly", "should have known", "human error", "stupid", ...); the list is configurable',
  tags: ['style'],
  severity: 'warn',
  defaultOptions: { words: [], ignore: [] },
  validateOptions: (options) => firstError(checkKnownOptions(options, ['words', 'ignore']), checkStringList(options, 'words'), checkStringList(options, 'ignore')),
  check({ doc, lines, options, report }) {
    const pattern = blamePattern(options);
    if (!pattern) return;
    for (const { line, text } of proseLines(lines, doc.source?.frontMatterLines ?? 0)) {
      for (const match of text.matchAll(pattern)) {
        report({
          message: `"${match[0]}" blames a person: describe what in the system or process let this happen and why the action made sense at the time`,
          line,
          column: match.index + 1,
          endLine: line,
          endColumn: match.index + 1 + match[0].length,
        });
      }
    }
  },
});
