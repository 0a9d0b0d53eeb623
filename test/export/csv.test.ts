import { describe, expect, it } from 'vitest';
import { csvField, csvText } from '../../src/export/csv.js';

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['', ''],
  ])('writes %j as %j (RFC 4180)', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ['=HYPERLINK("http://example.com")', '"\'=HYPERLINK(""http://example.com"")"'],
    ['+1 555 0100', "'+1 555 0100"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindented', "'\tindented"],
    ['\rcarriage', '"\'\rcarriage"'],
    ['a=b', 'a=b'],
  ])('guards %j against being read as a formula', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes numbers as they are and null as an empty field', () => {
    expect([csvField(42), csvField(34.2), csvField(null), csvField(Number.NaN), csvField(false)]).toEqual(['42', '34.2', '', '', 'false']);
  });

  it('ends every line with CRLF', () => {
    expect(csvText([['a', 'b'], [1, null]])).toBe('a,b\r\n1,\r\n');
  });
});
