import { describe, expect, it } from 'vitest';
import { pretested } from './pretested.js';

describe('pretested', () => {
  it('runs the pattern only where the pretest passes, and gives its result there', () => {
    const pattern = /(\d+) alerts? fired/i;
    let runs = 0;
    const exec = pattern.exec.bind(pattern);
    pattern.exec = (text: string) => {
      runs += 1;
      return exec(text);
    };
    const guarded = pretested(/alert/i, pattern);
    expect(guarded.exec('The deploy began.')).toBeNull();
    expect(guarded.test('The deploy began.')).toBe(false);
    expect(runs).toBe(0);
    expect(guarded.exec('3 alerts fired')?.[1]).toBe('3');
    expect(guarded.test('an alert was raised')).toBe(false);
    expect(runs).toBe(2);
  });
});
