// Where a new postmortem goes: the default name, the next free one, and a typed path.
import { describe, expect, it } from 'vitest';
import { checkOutputPath, defaultOutputPath, firstFreePath, slugify, type PathKind } from '../../src/cli/new/output-path.js';

describe('slugify', () => {
  it.each([
    ['Checkout API returned 502s!', 'checkout-api-returned-502s'],
    ['Café façade: naïve rollout', 'cafe-facade-naive-rollout'],
    ['  --- ', 'postmortem'],
    ['A very long title about a database failover that went wrong in three separate regions at once', 'a-very-long-title-about-a-database-failover-that-went-wrong'],
  ])('%j -> %j', (title, slug) => expect(slugify(title)).toBe(slug));
});

describe('output paths', () => {
  const taken = new Set(['postmortems/2026-03-14-outage.md', 'postmortems/2026-03-14-outage-2.md', 'postmortems']);
  const kindOf = (filePath: string): PathKind => (filePath === 'postmortems' ? 'directory' : taken.has(filePath) ? 'file' : null);

  it('defaults to <dir>/<date>-<slug>.md and moves on to -2, -3 when taken', () => {
    expect(defaultOutputPath('postmortems', '2026-03-14', 'Outage')).toBe('postmortems/2026-03-14-outage.md');
    expect(defaultOutputPath('docs\\incidents\\', '2026-03-14', 'Outage')).toBe('docs/incidents/2026-03-14-outage.md');
    expect(firstFreePath('postmortems/2026-03-14-outage.md', kindOf)).toBe('postmortems/2026-03-14-outage-3.md');
    expect(firstFreePath('postmortems/2026-03-15-other.md', kindOf)).toBe('postmortems/2026-03-15-other.md');
  });

  it('refuses an existing file without force, offering a free name, and a directory always', () => {
    expect(checkOutputPath('postmortems/2026-03-14-outage.md', { force: false, kindOf })).toEqual({
      ok: false,
      message: 'postmortems/2026-03-14-outage.md already exists; use postmortems/2026-03-14-outage-3.md or --force to overwrite it',
    });
    expect(checkOutputPath('postmortems/2026-03-14-outage.md', { force: true, kindOf })).toEqual({ ok: true, value: 'postmortems/2026-03-14-outage.md' });
    expect(checkOutputPath('postmortems', { force: true, kindOf })).toEqual({ ok: false, message: 'postmortems is a directory; name the file to write' });
    expect(checkOutputPath('new/', { force: false, kindOf })).toEqual({ ok: false, message: 'new/ is a directory; name the file to write' });
    expect(checkOutputPath(' ', { force: false, kindOf }).ok).toBe(false);
  });
});
