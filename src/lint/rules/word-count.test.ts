import { describe, expect, it } from 'vitest';
import { markdown, runRule } from '../../../test/lint/rule-harness.js';
import rule, { countWords, type WordCountOptions } from './word-count.js';

const words = (count: number): string => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');

describe('word-count', () => {
  it('is off unless configured', () => {
    expect(rule.severity).toBe('off');
  });

  it.each<[string, string, number]>([
    ['prose', 'The cache filled up and evicted sessions.', 7],
    ['code fences, which are not read', markdown('One two.', '```', 'not counted at all', '```'), 2],
    ['front matter, which is not read', markdown('---', 'title: not counted', '---', 'One two three.'), 3],
    ['links, counted by their text', 'See [the dashboard](https://example.com/a/b/c) now.', 4],
  ])('counts words in %s', (_name, text, count) => {
    const frontMatterLines = text.startsWith('---') ? 3 : 0;
    expect(countWords(text.split('\n'), frontMatterLines)).toBe(count);
  });

  it.each<[string, string, Partial<WordCountOptions>]>([
    ['a body within bounds', words(20), { min: 10, max: 30 }],
    ['no bounds', words(3), { min: null, max: null }],
  ])('accepts %s', (_name, text, options) => {
    expect(runRule(rule, text, options)).toEqual([]);
  });

  it.each<[string, string, Partial<WordCountOptions>, RegExp]>([
    ['too few words', words(5), { min: 10 }, /^The postmortem has 5 words, fewer than the 10 expected/],
    ['too many words', words(40), { min: null, max: 30 }, /^The postmortem has 40 words, more than the 30 expected/],
  ])('reports %s at the first line of the body', (_name, text, options, message) => {
    expect(runRule(rule, markdown('---', 'title: x', '---', text), options)).toEqual([{ line: 4, message: expect.stringMatching(message) }]);
  });

  it('refuses bounds that are not whole numbers or cross', () => {
    expect(rule.validateOptions?.({ min: 1.5 })).toMatch(/"min" must be a whole number/);
    expect(rule.validateOptions?.({ min: 100, max: 10 })).toMatch(/"min" \(100\) is more than "max" \(10\)/);
    expect(rule.validateOptions?.({ min: null, max: 500 })).toBeNull();
  });
});
