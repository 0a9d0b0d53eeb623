/**
 * Tiny rules for engine, config, directive and CLI-library tests, so those tests do not
 * depend on what the real rules find. Each reports something easy to predict.
 */
import { defineRule, type Rule } from '../../src/lint/types.js';

/** Reports every line containing a word (default `bad`), at its column; default severity error. */
export const wordRule = defineRule<{ word: string }>({
  id: 'no-word',
  description: 'No bad word',
  tags: ['test'],
  severity: 'error',
  defaultOptions: { word: 'bad' },
  validateOptions: (options) => (typeof options['word'] === 'string' && options['word'] !== '' ? null : 'option "word" must be a non-empty string'),
  check({ lines, options, report }) {
    lines.forEach((line, index) => {
      const column = line.indexOf(options.word);
      if (column !== -1) report({ message: `Found "${options.word}"`, line: index + 1, column: column + 1 });
    });
  },
});

/** Reports the document when it has no title; default severity warn; no validateOptions (checked against defaults). */
export const titleRule = defineRule<{ minLength: number }>({
  id: 'has-title',
  description: 'The document has a title',
  tags: ['test'],
  severity: 'warn',
  defaultOptions: { minLength: 1 },
  check({ doc, options, report }) {
    if ((doc.title ?? '').length < options.minLength) report({ message: `Title shorter than ${options.minLength}`, line: 1 });
  },
});

/** Offers a fix: replaces every `GMT` with `UTC` (one fix per occurrence). */
export const gmtRule = defineRule({
  id: 'utc-not-gmt',
  description: 'Write UTC, not GMT',
  tags: ['test'],
  severity: 'warn',
  fixable: true,
  defaultOptions: {},
  check({ text, report }) {
    for (const match of text.matchAll(/GMT/g)) {
      const before = text.slice(0, match.index);
      const line = before.split('\n').length;
      report({ message: 'Write UTC', line, column: match.index - before.lastIndexOf('\n'), fix: { range: [match.index, match.index + 3], text: 'UTC' } });
    }
  },
});

/** Off by default. */
export const offRule = defineRule({
  id: 'off-by-default',
  description: 'Reports every document, but is off unless configured',
  tags: ['test'],
  severity: 'off',
  defaultOptions: {},
  check({ report }) {
    report({ message: 'Configured on', line: 1 });
  },
});

/** Stands in for the built-in front-matter rule, so its severity can be configured in tests. */
export const frontMatterRule = defineRule({
  id: 'front-matter',
  description: 'Front matter parses',
  tags: ['test'],
  severity: 'error',
  defaultOptions: {},
  check() {},
});

/** The fake registry. */
export const fakeRules: readonly Rule<any>[] = [wordRule, titleRule, gmtRule, offRule, frontMatterRule];
