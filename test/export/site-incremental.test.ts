/** Re-running a site build: what the manifest lets it skip, what it rebuilds, and that the result is always a from-scratch build's. */
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildSite, type SiteReport } from '../../src/export/site.js';
import { SITE_DATA } from '../../src/export/site-data.js';
import { SITE_MANIFEST } from '../../src/export/site-manifest.js';
import { useTempDir } from '../cli/cli-harness.js';
import { sitePostmortem } from './site-fixtures.js';

const postmortem = (title: string, date: string, impact?: string): string => sitePostmortem(title, date, impact === undefined ? {} : { impact });

let cwd: string;
useTempDir((directory) => (cwd = directory));
const input = (...parts: string[]): string => path.join(cwd, 'postmortems', ...parts);
const site = (...parts: string[]): string => path.join(cwd, 'site', ...parts);
const build = (options: { template?: string; cache?: boolean } = {}): Promise<SiteReport> => buildSite(['postmortems'], 'site', { cwd, ...options });

beforeEach(async () => {
  await mkdir(input('payments'), { recursive: true });
  await writeFile(input('2026-01-10-login.md'), postmortem('Login outage', '2026-01-10'));
  await writeFile(input('2026-03-14-checkout.md'), postmortem('Checkout outage', '2026-03-14'));
  await writeFile(input('payments', '2025-11-02-refunds.md'), postmortem('Refunds delayed', '2025-11-02'));
});

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')).sort();
}

/** Each file of the site (the manifest too) with its modification time and inode: a file written again, even with the same bytes, changes both. */
async function stamps(): Promise<Map<string, string>> {
  const files = await filesUnder(site());
  return new Map(files.map((file) => {
    const stats = statSync(site(file));
    return [file, `${stats.mtimeMs}:${stats.ino}`];
  }));
}

/** The files whose stamps differ between two snapshots, or that are in only one. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

/** Every file of a site but its manifest, with its content. */
async function contents(directory: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const file of await filesUnder(directory)) if (file !== SITE_MANIFEST) result[file] = await readFile(path.join(directory, file), 'utf8');
  return result;
}

describe('a re-run of buildSite', () => {
  it('over unchanged files parses, renders and writes nothing', async () => {
    const first = await build();
    // Three pages, the index, the search page, the dashboard, the action items, the stylesheet and the script.
    expect(first).toMatchObject({ written: 9, reused: 0, fullRebuild: null });
    expect(first.pages.every((page) => page.postmortem !== null)).toBe(true);
    const before = await stamps();
    const again = await build();
    expect(again).toMatchObject({ written: 0, unchanged: 9, reused: 3, removed: [], fullRebuild: null });
    // Not parsed: the pages come from the manifest, with what the index shows of them.
    expect(again.pages.map((page) => [page.source, page.postmortem])).toEqual([['2026-01-10-login.md', null], ['2026-03-14-checkout.md', null], ['payments/2025-11-02-refunds.md', null]]);
    expect(again.pages.map((page) => page.index.title)).toEqual(['Login outage', 'Checkout outage', 'Refunds delayed']);
    expect(changed(before, await stamps())).toEqual([]);
  });

  it('rewrites only the page of an edited source, the index, the search page and the dashboard (its title is on a dot), and the data file', async () => {
    await build();
    const before = await stamps();
    await writeFile(input('2026-01-10-login.md'), postmortem('Login outage, again', '2026-01-10'));
    const again = await build();
    expect(again).toMatchObject({ written: 4, unchanged: 5, reused: 2 });
    expect(changed(before, await stamps())).toEqual([SITE_DATA, SITE_MANIFEST, '2026-01-10-login.html', 'dashboard.html', 'index.html', 'search.html']);
    expect(await readFile(site('index.html'), 'utf8')).toContain('Login outage, again');
    expect(await readFile(site('search.html'), 'utf8')).toContain('Login outage, again');
  });

  it('goes by the hash of the bytes: a source touched but not changed is not rebuilt', async () => {
    await build();
    const before = await stamps();
    const later = new Date(Date.now() + 60_000);
    await utimes(input('2026-01-10-login.md'), later, later);
    expect((await build()).reused).toBe(3);
    expect(changed(before, await stamps())).toEqual([]);
  });

  it('rebuilds a page deleted or edited in the site, and refuses one that lost its mark', async () => {
    await build();
    await rm(site('2026-01-10-login.html'));
    const page = await readFile(site('2026-03-14-checkout.html'), 'utf8');
    // Still carries the generator mark, so it is postmortem's to overwrite.
    await writeFile(site('2026-03-14-checkout.html'), page.replace('Checkout outage</h1>', 'Checkout outage (edited)</h1>'));
    const again = await build();
    expect(again).toMatchObject({ written: 2, reused: 1 });
    expect(await readFile(site('2026-03-14-checkout.html'), 'utf8')).toBe(page);
    expect(existsSync(site('2026-01-10-login.html'))).toBe(true);

    await writeFile(site('2026-03-14-checkout.html'), '<p>my own page now</p>\n');
    await expect(build()).rejects.toThrowError(expect.objectContaining({ filePath: path.join('site', '2026-03-14-checkout.html'), message: 'exists and was not written by postmortem; use --force to overwrite it' }));
    expect(await readFile(site('2026-03-14-checkout.html'), 'utf8')).toBe('<p>my own page now</p>\n');
  });

  it('rebuilds every page when the templates change', async () => {
    await mkdir(path.join(cwd, 'theme', 'partials'), { recursive: true });
    await writeFile(path.join(cwd, 'theme', 'partials', 'footer.hbs'), '<footer>one</footer>\n');
    await build({ template: 'theme' });
    const before = await stamps();
    await writeFile(path.join(cwd, 'theme', 'partials', 'footer.hbs'), '<footer>two</footer>\n');
    const again = await build({ template: 'theme' });
    expect(again).toMatchObject({ written: 3, reused: 0, fullRebuild: 'the templates changed' });
    // Rendered again, all of them; the stylesheet (the style partial) and the index (which has no footer) came out the same.
    expect(again.pages.every((page) => page.postmortem !== null)).toBe(true);
    expect(changed(before, await stamps())).toEqual([SITE_MANIFEST, '2026-01-10-login.html', '2026-03-14-checkout.html', 'payments/2025-11-02-refunds.html']);
    expect(await readFile(site('2026-01-10-login.html'), 'utf8')).toContain('<footer>two</footer>');
    // Leaving --template out is a change of templates as well.
    expect((await build()).fullRebuild).toBe('the templates changed');
    expect(await readFile(site('2026-01-10-login.html'), 'utf8')).not.toContain('<footer>two</footer>');
  });

  it('rebuilds every page after another version of postmortem built the site', async () => {
    await build();
    const manifest = await readFile(site(SITE_MANIFEST), 'utf8');
    expect(manifest).toContain('"version":"0.1.0"');
    await writeFile(site(SITE_MANIFEST), manifest.replace('"version":"0.1.0"', '"version":"0.0.9"'));
    const again = await build();
    expect(again).toMatchObject({ reused: 0, fullRebuild: 'the site was built by postmortem 0.0.9' });
    // Parsed and rendered again; the pages came out the same, so none was written.
    expect(again.pages.every((page) => page.postmortem !== null)).toBe(true);
    expect(again.written).toBe(0);
    expect(await readFile(site(SITE_MANIFEST), 'utf8')).toContain('"version":"0.1.0"');
    expect((await build()).reused).toBe(3);
  });

  it.each([
    ['cut short', (text: string) => text.slice(0, text.length / 2), '.postmortem-site.json is not valid JSON'],
    ['of another format', (text: string) => text.replace('"format":2', '"format":1'), '.postmortem-site.json has format 1, not 2'],
    ['not a manifest', () => '{"pages": []}', '.postmortem-site.json is not a site manifest of postmortem'],
    ['pointing outside the site', (text: string) => text.replace('"page":"2026-01-10-login.html"', '"page":"../postmortems/2026-01-10-login.html"'), '.postmortem-site.json is not a site manifest of postmortem'],
    ['with a hash of the wrong shape', (text: string) => text.replace(/"sha256":"[0-9a-f]+"/, '"sha256":"abc"'), '.postmortem-site.json is not a site manifest of postmortem'],
  ])('ignores a manifest %s and rebuilds every page from scratch', async (_, corrupt, reason) => {
    await build();
    const page = await readFile(site('2026-01-10-login.html'), 'utf8');
    await writeFile(site(SITE_MANIFEST), corrupt(await readFile(site(SITE_MANIFEST), 'utf8')));
    // A page the manifest cannot vouch for any more; a full rebuild puts it right.
    await writeFile(site('2026-01-10-login.html'), page.replace('Login outage</h1>', 'Stale</h1>'));
    const again = await build();
    expect(again).toMatchObject({ reused: 0, fullRebuild: reason, removed: [] });
    expect(await readFile(site('2026-01-10-login.html'), 'utf8')).toBe(page);
    expect((await build()).reused).toBe(3);
  });

  it('rebuilds the collection pages from the sources when the data file is gone, changed, or (forged into the manifest) not of a piece', async () => {
    const fresh = async (): Promise<Record<string, string>> => {
      await buildSite(['postmortems'], 'scratch', { cwd });
      const files = await contents(path.join(cwd, 'scratch'));
      await rm(path.join(cwd, 'scratch'), { recursive: true });
      return files;
    };
    await build();
    // Gone: the reused pages are parsed again for their records.
    await rm(site(SITE_DATA));
    await writeFile(input('2026-01-10-login.md'), postmortem('Login outage, again', '2026-01-10'));
    expect((await build()).reused).toBe(2);
    expect(await contents(site())).toEqual(await fresh());
    // Changed by someone: not used.
    const data = await readFile(site(SITE_DATA), 'utf8');
    await writeFile(site(SITE_DATA), data.replace(/"title":"Checkout outage"/, '"title":"Forged"'));
    await writeFile(input('2026-01-10-login.md'), postmortem('Login outage, a third time', '2026-01-10'));
    await build();
    expect(await readFile(site('dashboard.html'), 'utf8')).not.toContain('Forged');
    expect(await contents(site())).toEqual(await fresh());
    // Its search parts emptied, and the manifest made to vouch for it: the part to rebuild lacks
    // the documents of the pages reused, so it is not used at all.
    const emptied = (await readFile(site(SITE_DATA), 'utf8')).replace(/"documentsJson":"(?:[^"\\]|\\.)*"/g, '"documentsJson":"[]"');
    await writeFile(site(SITE_DATA), emptied);
    const stats = statSync(site(SITE_DATA));
    const manifest = JSON.parse(await readFile(site(SITE_MANIFEST), 'utf8')) as { collection: { data: Record<string, number> } };
    manifest.collection.data = { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
    await writeFile(site(SITE_MANIFEST), JSON.stringify(manifest));
    await writeFile(input('2026-01-10-login.md'), postmortem('Login outage, a fourth time', '2026-01-10'));
    await build();
    expect(await contents(site())).toEqual(await fresh());
  });

  it('after an edit of prose only, rewrites the search page but leaves the dashboard and the action items as they are', async () => {
    await build();
    const before = await stamps();
    await writeFile(input('2026-01-10-login.md'), postmortem('Login outage', '2026-01-10', 'Some users saw errors, it turns out.'));
    const again = await build();
    expect(again.written).toBe(3);
    expect(changed(before, await stamps())).toEqual([SITE_DATA, SITE_MANIFEST, '2026-01-10-login.html', 'index.html', 'search.html']);
    const manifest = JSON.parse(await readFile(site(SITE_MANIFEST), 'utf8')) as { collection: { pages: Record<string, { digest: string }> } };
    expect(Object.keys(manifest.collection.pages).sort()).toEqual(['actions.html', 'dashboard.html', 'search.html']);
    expect(Object.values(manifest.collection.pages).every((page) => /^[0-9a-f]{64}$/.test(page.digest))).toBe(true);
  });

  it('does not reuse an entry whose hash does not match its source', async () => {
    await build();
    const text = await readFile(site(SITE_MANIFEST), 'utf8');
    const forged = text.replace(/"sha256":"[0-9a-f]{64}"(,"page":"2026-01-10-login.html".*?"title":")Login outage/, `"sha256":"${'0'.repeat(64)}"$1Forged title`);
    expect(forged).not.toBe(text);
    await writeFile(site(SITE_MANIFEST), forged);
    const again = await build();
    expect(again.reused).toBe(2);
    expect(again.pages.find((page) => page.source === '2026-01-10-login.md')?.postmortem).not.toBeNull();
    expect(await readFile(site('index.html'), 'utf8')).not.toContain('Forged title');
  });

  it('with cache off parses and renders every page, and still writes only what changed', async () => {
    await build();
    const before = await stamps();
    const again = await build({ cache: false });
    expect(again).toMatchObject({ reused: 0, written: 0, fullRebuild: 'reuse of unchanged pages is turned off' });
    expect(again.pages.every((page) => page.postmortem !== null)).toBe(true);
    expect(changed(before, await stamps())).toEqual([]);
  });

  it('removes the page of a deleted source, and the folder it leaves empty, but keeps one edited since', async () => {
    await build();
    await writeFile(site('CNAME'), 'postmortems.example.com');
    await rm(input('payments'), { recursive: true });
    const again = await build();
    expect(again).toMatchObject({ removed: ['payments/2025-11-02-refunds.html'], orphaned: [], written: 4, reused: 2 });
    expect(await filesUnder(site())).toEqual([SITE_DATA, SITE_MANIFEST, '2026-01-10-login.html', '2026-03-14-checkout.html', 'CNAME', 'actions.html', 'dashboard.html', 'index.html', 'postmortem.css', 'search.html', 'search.js']);
    expect(await readFile(site('index.html'), 'utf8')).not.toContain('Refunds');

    const page = await readFile(site('2026-01-10-login.html'), 'utf8');
    await writeFile(site('2026-01-10-login.html'), `${page}<!-- my note -->\n`);
    await rm(input('2026-01-10-login.md'));
    const third = await build();
    expect(third).toMatchObject({ removed: [], orphaned: ['2026-01-10-login.html'] });
    expect(await readFile(site('2026-01-10-login.html'), 'utf8')).toContain('<!-- my note -->');
  });

  it('removes the page of a source that can no longer be read, and keeps listing an unchanged failure without reading it again', async () => {
    await build();
    await writeFile(input('2026-01-10-login.md'), Buffer.from([0x23, 0x20, 0x00, 0x01]));
    const broken = await build();
    expect(broken).toMatchObject({ removed: ['2026-01-10-login.html'], failures: [{ source: '2026-01-10-login.md', reason: 'looks like a binary file (NUL byte at offset 2), not text' }] });
    const before = await stamps();
    const again = await build();
    expect(again).toMatchObject({ written: 0, reused: 2, failures: broken.failures });
    expect(changed(before, await stamps())).toEqual([]);
    await writeFile(input('2026-01-10-login.md'), postmortem('Login outage', '2026-01-10'));
    expect((await build()).failures).toEqual([]);
    expect(existsSync(site('2026-01-10-login.html'))).toBe(true);
  });

  it('keeps the pages of sources another run was given, and removes the old page of a source renamed in case only', async () => {
    await mkdir(path.join(cwd, 'other'));
    await writeFile(path.join(cwd, 'other', 'y.md'), postmortem('Other team', '2026-02-03'));
    await buildSite(['other'], 'site', { cwd });
    const second = await build();
    // y.md was not among this run's inputs, but it is still there: its page stays.
    expect(second.removed).toEqual([]);
    expect(existsSync(site('y.html'))).toBe(true);
    await rename(input('2026-01-10-login.md'), input('2026-01-10-LOGIN.md'));
    const renamed = await build();
    expect(renamed.removed).toEqual(['2026-01-10-login.html']);
    expect(existsSync(site('2026-01-10-LOGIN.html'))).toBe(true);
    expect(existsSync(site('2026-01-10-login.html'))).toBe(false);
  });

  it('rebuilds a page whose source now has another page path, never reusing another source\'s page', async () => {
    // Two inputs each with an x.md: the first is x.html, the second x-2.html.
    await mkdir(path.join(cwd, 'more'));
    await writeFile(path.join(cwd, 'more', 'x.md'), postmortem('Second x', '2026-02-02'));
    await writeFile(input('x.md'), postmortem('First x', '2026-02-01'));
    const both = (directory: string): Promise<SiteReport> => buildSite(['postmortems', 'more'], directory, { cwd });
    const first = await both('site');
    expect(first.pages.filter((page) => page.source === 'x.md').map((page) => page.page)).toEqual(['x.html', 'x-2.html']);
    await rm(input('x.md'));
    const again = await both('site');
    // The second x.md is now x.html: the entry for x.html is the first one's, so it is built, not reused.
    expect(again).toMatchObject({ reused: 3, removed: ['x-2.html'] });
    expect(await readFile(site('x.html'), 'utf8')).toContain('Second x');
    await both('scratch');
    expect(await contents(site())).toEqual(await contents(path.join(cwd, 'scratch')));
  });
});

type Step =
  | { kind: 'write'; file: number; title: number }
  | { kind: 'delete-site-file'; file: number }
  | { kind: 'edit-site-file'; file: number }
  | { kind: 'next-day' }
  | { kind: 'delete-source'; file: number }
  | { kind: 'delete-page'; file: number }
  | { kind: 'edit-page'; file: number }
  | { kind: 'template'; footer: number }
  | { kind: 'corrupt-manifest' }
  | { kind: 'touch'; file: number };

const FILES = ['a.md', 'b.md', 'team/c.md', 'team/deep/d.md', 'broken.md'];
/** Files of the site that show every postmortem, or keep what they need. */
const SITE_FILES = ['index.html', 'search.html', 'dashboard.html', 'actions.html', 'search.js', SITE_DATA];

/**
 * A postmortem whose every collection field varies with `variant`: services, tags, tasks
 * (open, done, overdue or not), so that the search page and the data file change with edits.
 */
function collectionSource(title: string, date: string, variant: number): string {
  const services = ['checkout', 'payments', 'search'].slice(0, 1 + (variant % 3));
  return `---
title: ${title}
date: ${date}
severity: SEV${1 + (variant % 4)}
status: ${['draft', 'in-review', 'final'][variant % 3]}
services: [${services.join(', ')}]
tags: [tag-${variant % 2}]
---
# ${title}

## Summary

Word${variant} broke.

- **Impact:** Some users saw errors.
- **Duration:** ${30 + variant} minutes

## Corrective Actions

- [${variant % 2 === 0 ? ' ' : 'x'}] Fix the thing ${variant} (owner: Dana, due: 2026-0${1 + (variant % 3)}-15, issue: #${variant})
- [ ] Check the other thing (owner: Sam)
`;
}
const step: fc.Arbitrary<Step> = fc.oneof(
  // Edits of sources most often: the change a re-run must never miss.
  { arbitrary: fc.record({ kind: fc.constant('write' as const), file: fc.nat(FILES.length - 1), title: fc.nat(3) }), weight: 4 },
  fc.record({ kind: fc.constant('delete-site-file' as const), file: fc.nat(SITE_FILES.length - 1) }),
  fc.record({ kind: fc.constant('edit-site-file' as const), file: fc.nat(SITE_FILES.length - 1) }),
  fc.constant({ kind: 'next-day' as const }),
  fc.record({ kind: fc.constant('delete-source' as const), file: fc.nat(FILES.length - 1) }),
  fc.record({ kind: fc.constant('delete-page' as const), file: fc.nat(FILES.length - 1) }),
  fc.record({ kind: fc.constant('edit-page' as const), file: fc.nat(FILES.length - 1) }),
  fc.record({ kind: fc.constant('template' as const), footer: fc.nat(2) }),
  fc.constant({ kind: 'corrupt-manifest' as const }),
  fc.record({ kind: fc.constant('touch' as const), file: fc.nat(FILES.length - 1) }),
);

const pageOf = (file: string): string => file.replace(/\.md$/, '.html');

/** The day the builds measure overdue action items against; the `next-day` step moves it. */
let today = '2026-02-01';

async function apply(change: Step): Promise<void> {
  switch (change.kind) {
    case 'write': {
      const file = FILES[change.file] as string;
      await mkdir(path.dirname(input(file)), { recursive: true });
      // broken.md is written as a binary file, so failures come and go too.
      await writeFile(input(file), file === 'broken.md' && change.title % 2 === 0 ? Buffer.from([0x23, 0x00]) : collectionSource(`Outage ${change.title} of ${file}`, `2026-0${change.title + 1}-01`, change.title));
      return;
    }
    case 'delete-site-file':
      await rm(site(SITE_FILES[change.file] as string), { force: true });
      return;
    case 'edit-site-file': {
      const file = site(SITE_FILES[change.file] as string);
      if (!existsSync(file)) return;
      const text = await readFile(file, 'utf8');
      // Edits that keep postmortem's mark, and a data file that still reads as one, with a record changed.
      if (file.endsWith('.js')) await writeFile(file, `${text}\n// edited\n`);
      else if (file.endsWith('.json')) await writeFile(file, text.replace(/"title":"Outage/g, '"title":"Forged'));
      else await writeFile(file, text.replace('</h1>', ' (edited)</h1>'));
      return;
    }
    case 'next-day':
      today = today === '2026-02-01' ? '2026-02-20' : '2026-02-01';
      return;
    case 'delete-source':
      await rm(input(FILES[change.file] as string), { force: true });
      return;
    case 'delete-page':
      await rm(site(pageOf(FILES[change.file] as string)), { force: true });
      return;
    case 'edit-page': {
      const page = site(pageOf(FILES[change.file] as string));
      // An edit that keeps the generator mark: still postmortem's page, rebuilt while its source exists.
      if (existsSync(page)) await writeFile(page, (await readFile(page, 'utf8')).replace('</h1>', ' (edited)</h1>'));
      return;
    }
    case 'template':
      await writeFile(path.join(cwd, 'theme', 'partials', 'footer.hbs'), `<footer>${change.footer}</footer>\n`);
      return;
    case 'corrupt-manifest':
      if (existsSync(site(SITE_MANIFEST))) await writeFile(site(SITE_MANIFEST), '{"generator":"postmortem"');
      return;
    case 'touch': {
      const later = new Date(Date.now() + 120_000);
      await utimes(input(FILES[change.file] as string), later, later).catch(() => undefined);
    }
  }
}

describe('a site after any sequence of changes and re-runs', () => {
  it('is byte for byte the site a build from scratch makes (but for pages edited by hand whose source is gone)', async () => {
    await rm(input(), { recursive: true });
    await mkdir(path.join(cwd, 'theme', 'partials'), { recursive: true });
    let scratch = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        await rm(input(), { recursive: true, force: true });
        await rm(site(), { recursive: true, force: true });
        await mkdir(input('team'), { recursive: true });
        await writeFile(input('a.md'), collectionSource('First', '2025-01-01', 0));
        await writeFile(input('b.md'), collectionSource('Second', '2025-02-01', 1));
        await writeFile(input('team', 'c.md'), collectionSource('Third', '2025-03-01', 2));
        await writeFile(path.join(cwd, 'theme', 'partials', 'footer.hbs'), '<footer>0</footer>\n');
        today = '2026-02-01';
        await buildSite(['postmortems'], 'site', { cwd, template: 'theme', today });
        for (const change of steps) {
          await apply(change);
          const options = { cwd, template: 'theme', today };
          const report = await buildSite(['postmortems'], 'site', options);
          scratch += 1;
          const fresh = path.join(cwd, `scratch-${scratch}`);
          await buildSite(['postmortems'], fresh, options);
          const expected = await contents(fresh);
          const actual = await contents(site());
          for (const page of report.orphaned) delete actual[page];
          expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
          for (const [file, text] of Object.entries(expected)) expect(actual[file], `${file} after ${JSON.stringify(steps)}`).toBe(text);
          await rm(fresh, { recursive: true });
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
