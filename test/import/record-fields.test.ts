import { describe, expect, it } from 'vitest';
import { countOf, describeJsonValue, oneLine } from '../../src/import/record-fields.js';
import { detachedString, inWindow } from '../../src/import/source-input.js';

describe('the field helpers', () => {
  it('keeps a window with either end open, both ends included', () => {
    expect(inWindow(5, { since: 5, until: 5 })).toBe(true);
    expect(inWindow(4, { since: 5 })).toBe(false);
    expect(inWindow(6, { since: null, until: 5 })).toBe(false);
    expect(inWindow(-1, {})).toBe(true);
  });

  it('makes one line of a string, and nothing of the rest', () => {
    expect(oneLine('  Pool\r\n exhausted\t again ')).toBe('Pool exhausted again');
    expect(oneLine('   ')).toBeNull();
    expect(oneLine(42)).toBeNull();
  });

  it('leaves out control characters, for every reader (a PagerDuty note could drive the terminal that shows it)', () => {
    expect(oneLine('bell\u0007 and \u001b[31mred\u009b')).toBe('bell and [31mred');
    expect(oneLine('\u0000\u001b')).toBeNull();
    // Bidirectional overrides, isolates and marks could make an entry read as something else.
    expect(oneLine('invoice\u202Efdp.exe \u2066a\u2069\u200E\u061C')).toBe('invoicefdp.exe a');
  });

  it('counts with a noun, thousands separated', () => {
    expect(countOf(1, 'thread reply', 'thread replies')).toBe('1 thread reply');
    expect(countOf(1204, 'record')).toBe('1,204 records');
  });

  it('copies a string exactly, a lone surrogate too', () => {
    const text = `${'x'.repeat(40)} \ud800 ünïcödé`;
    expect(detachedString(text.slice(5))).toBe(text.slice(5));
  });

  it('describes a value for a message', () => {
    expect(describeJsonValue({ a: 1, b: 2, c: 3, d: 4, e: 5 })).toBe('an object with keys "a", "b", "c", "d", ...');
    expect(describeJsonValue([])).toBe('an array');
    expect(describeJsonValue(null)).toBe('null');
    expect(describeJsonValue(3)).toBe('a number');
    expect(describeJsonValue({})).toBe('an empty object');
  });
});
