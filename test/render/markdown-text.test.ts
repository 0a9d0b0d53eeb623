import { describe, expect, it } from 'vitest';
import { indentContinuation, isSingleLine, labelledText, tableCell } from '../../src/render/markdown-text.js';

describe('tableCell', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['a||b', 'a\\|\\|b'],
    ['already \\| escaped', 'already \\| escaped'],
    ['a backslash then a pipe \\\\|', 'a backslash then a pipe \\\\\\|'],
    ['two\nlines', 'two<br>lines'],
    ['windows\r\nline', 'windows<br>line'],
    ['  padded  ', 'padded'],
    ['', ''],
  ])('writes %j as %j', (text, cell) => {
    expect(tableCell(text)).toBe(cell);
  });
});

describe('indentContinuation', () => {
  it('indents the lines after the first and leaves blank lines empty', () => {
    expect(indentContinuation('first\nsecond\n\nfourth', 2)).toBe('first\n  second\n\n  fourth');
  });

  it('leaves one line alone', () => {
    expect(indentContinuation('only', 4)).toBe('only');
  });
});

describe('labelledText', () => {
  it.each([
    ['A full disk.', '**Root cause:** A full disk.'],
    ['- a list\n- of causes', '**Root cause:**\n\n- a list\n- of causes'],
    ['1. first', '**Root cause:**\n\n1. first'],
    ['### A heading', '**Root cause:**\n\n### A heading'],
    ['> quoted', '**Root cause:**\n\n> quoted'],
    ['```\ncode\n```', '**Root cause:**\n\n```\ncode\n```'],
    ['**Bold** opening words.', '**Root cause:** **Bold** opening words.'],
    ['', ''],
  ])('labels %j', (text, labelled) => {
    expect(labelledText('Root cause', text)).toBe(labelled);
  });
});

describe('isSingleLine', () => {
  it.each([
    ['one line', true],
    ['two\nlines', false],
    ['   ', false],
    ['', false],
  ])('%j is %s', (text, expected) => {
    expect(isSingleLine(text)).toBe(expected);
  });
});
