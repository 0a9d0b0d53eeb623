import { describe, expect, it } from 'vitest';
import { markdown, runRule } from '../../../test/lint/rule-harness.js';
import rule, { type BlamelessLanguageOptions } from './blameless-language.js';

const body = (line: string): string => markdown('## Root Cause', line);

describe('blameless-language', () => {
  it.each<[string, string, Partial<BlamelessLanguageOptions>]>([
    ['a blameless account', body('The deploy tool accepted an empty value and read it as zero workers.'), {}],
    ['the word blameless itself', body('We ran a blameless review.'), {}],
    ['blame words inside code', body('The job is called `human-error-report`.'), {}],
    ['a built-in phrase the config ignores', body('It was put down to human error.'), { ignore: ['human error'] }],
  ])('accepts %s', (_name, text, options) => {
    expect(runRule(rule, text, options)).toEqual([]);
  });

  it.each<[string, string, Partial<BlamelessLanguageOptions>, string, number]>([
    ['someone\'s fault', body("It was Sam's fault."), {}, "Sam's fault", 8],
    ['carelessly', body('The config was carelessly edited.'), {}, 'carelessly', 16],
    ['should have known', body('The on-call should have known better.'), {}, 'should have known', 13],
    ['human error', body('Root cause: human error.'), {}, 'human error', 13],
    ['stupid', body('A stupid mistake.'), {}, 'stupid', 3],
    ['a phrase added in config, ignoring case', body('The intern broke prod.'), { words: ['the intern'] }, 'The intern', 1],
  ])('reports %s with its column', (_name, text, options, found, column) => {
    expect(runRule(rule, text, options)).toEqual([{
      line: 2,
      column,
      endLine: 2,
      endColumn: column + found.length,
      message: `"${found}" blames a person: describe what in the system or process let this happen and why the action made sense at the time`,
    }]);
  });

  it('refuses word lists that are not lists of words', () => {
    expect(rule.validateOptions?.({ words: 'stupid' })).toMatch(/"words" must be a list/);
    expect(rule.validateOptions?.({ ignore: [''] })).toMatch(/"ignore" must be a list of non-empty strings/);
    expect(rule.validateOptions?.({ words: ['rogue'], ignore: ['dumb'] })).toBeNull();
  });
});
