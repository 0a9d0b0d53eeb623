import { describe, expect, it } from 'vitest';
import { chromiumArgs } from '../../src/export/chromium.js';

describe('chromiumArgs', () => {
  it('turns the sandbox off only for root', () => {
    expect(chromiumArgs(true)).toContain('--no-sandbox');
    expect(chromiumArgs(false)).not.toContain('--no-sandbox');
    expect(chromiumArgs(false)).toEqual(expect.arrayContaining(['--headless', '--disable-background-networking', '--disable-component-update', '--disable-sync']));
  });
});
