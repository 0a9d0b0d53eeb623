import { existsSync } from 'node:fs';
import { link, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/export/render-html.js';
import { buildSite } from '../../src/export/site.js';
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';
import { makeTempDir } from '../cli/cli-harness.js';
import { findUnsafeHtml } from './html-safety.js';
import { sitePostmortem } from './site-fixtures.js';

const postmortem = (title: string, date: string, extra = ''): string => sitePostmortem(title, date, { extra });


let cwd: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ path: cwd, remove } = await makeTempDir());
  await mkdir(path.join(cwd, 'postmortems', 'payments'), { recursive: true });
  await mkdir(path.join(cwd, 'postmortems', '.drafts'), { recursive: true });
  await writeFile(path.join(cwd, 'postmortems', '2026-01-10-login.md'), postmortem('Login outage', '2026-01-10'));
  await writeFile(path.join(cwd, 'postmortems', '2026-03-14-checkout.md'), postmortem('Checkout outage', '2026-03-14'));
  await writeFile(path.join(cwd, 'postmortems', 'payments', '2025-11-02-refunds.md'), postmortem('Refunds delayed', '2025-11-02'));
  await writeFile(path.join(cwd, 'postmortems', '.drafts', 'secret.md'), postmortem('Draft', '2026-05-01'));
  await writeFile(path.join(cwd, 'postmortems', 'broken.md'), Buffer.from([0x23, 0x20, 0x00, 0x01]));
  await writeFile(path.join(cwd, 'postmortems', 'notes.txt'), 'not a postmortem');
});
afterEach(async () => {
  await remove();
});

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name))).sort();
}

describe('buildSite', () => {
  it('writes a page per postmortem, an index and a search page, mirroring the folders and skipping hidden ones', async () => {
    const report = await buildSite(['postmortems'], 'site', { cwd });
    expect(await filesUnder(path.join(cwd, 'site'))).toEqual([
      '.postmortem-site-data.json',
      '.postmortem-site.json',
      '2026-01-10-login.html',
      '2026-03-14-checkout.html',
      'actions.html',
      'dashboard.html',
      'index.html',
      path.join('payments', '2025-11-02-refunds.html'),
      'postmortem.css',
      'search.html',
      'search.js',
    ]);
    expect(report.pages.map((page) => page.source)).toEqual(['2026-01-10-login.md', '2026-03-14-checkout.md', 'payments/2025-11-02-refunds.md']);
    expect(report.written).toBe(9);
  });

  it('gives the pages one shared stylesheet, linked from every folder, where a page exported alone has it inline', async () => {
    await buildSite(['postmortems'], 'site', { cwd });
    const stylesheet = await readFile(path.join(cwd, 'site', 'postmortem.css'), 'utf8');
    expect(stylesheet.startsWith('/* generator: postmortem */\n')).toBe(true);
    const alone = renderHtml(parsePostmortem(postmortem('Checkout outage', '2026-03-14')));
    const inline = /<style>\n([\s\S]*?)<\/style>/.exec(alone)?.[1];
    expect(inline).toBeDefined();
    expect(stylesheet).toBe(`/* generator: postmortem */\n${inline}`);
    const top = await readFile(path.join(cwd, 'site', '2026-03-14-checkout.html'), 'utf8');
    const nested = await readFile(path.join(cwd, 'site', 'payments', '2025-11-02-refunds.html'), 'utf8');
    const index = await readFile(path.join(cwd, 'site', 'index.html'), 'utf8');
    for (const [page, href] of [[top, 'postmortem.css'], [nested, '../postmortem.css'], [index, 'postmortem.css']] as const) {
      expect(page).toContain(`<link rel="stylesheet" href="${href}">`);
      expect(page).not.toContain('<style>');
      expect(page).toContain("style-src 'self' 'unsafe-inline'");
      expect(findUnsafeHtml(page)).toEqual([]);
    }
    expect(alone).not.toContain('<link');
    expect(alone).toContain("style-src 'unsafe-inline';");
  });

  it('makes the stylesheet from a template directory\'s own style partial, and refuses a postmortem.css it did not write', async () => {
    await mkdir(path.join(cwd, 'theme', 'partials'), { recursive: true });
    // The partial may use partials of its own.
    await writeFile(path.join(cwd, 'theme', 'partials', 'style.hbs'), 'body { color: {{> colour}}; }\n');
    await writeFile(path.join(cwd, 'theme', 'partials', 'colour.hbs'), 'teal');
    await buildSite(['postmortems'], 'themed', { cwd, template: 'theme' });
    expect(await readFile(path.join(cwd, 'themed', 'postmortem.css'), 'utf8')).toBe('/* generator: postmortem */\nbody { color: teal; }\n');

    // A stylesheet without the mark on its first line, or a page with only the stylesheet's mark, is not ours.
    for (const [file, content] of [
      ['postmortem.css', 'body { color: red; }\n'],
      ['postmortem.css', '<meta name="generator" content="postmortem">\n'],
      ['index.html', '/* generator: postmortem */\n<p>mine</p>\n'],
      ['search.js', 'alert(1);\n'],
      ['search.html', '<p>my search</p>\n'],
    ] as const) {
      const site = path.join(cwd, `mine-${file}-${content.length}`);
      await mkdir(site);
      await writeFile(path.join(site, file), content);
      await expect(buildSite(['postmortems'], site, { cwd })).rejects.toThrowError(expect.objectContaining({
        filePath: path.relative(cwd, path.join(site, file)),
        message: 'exists and was not written by postmortem; use --force to overwrite it',
      }));
      expect(await readFile(path.join(site, file), 'utf8')).toBe(content);
    }
  });

  it('lists the postmortems newest first with date, title, severity, duration, impact and status, with working links', async () => {
    await buildSite(['postmortems'], 'site', { cwd });
    const index = await readFile(path.join(cwd, 'site', 'index.html'), 'utf8');
    const links = [...index.matchAll(/<td class="index-title"><a href="([^"]+)">([^<]+)<\/a>/g)].map((match) => [match[1], match[2]]);
    expect(links).toEqual([
      ['2026-03-14-checkout.html', 'Checkout outage'],
      ['2026-01-10-login.html', 'Login outage'],
      ['payments/2025-11-02-refunds.html', 'Refunds delayed'],
    ]);
    for (const [href] of links) expect(existsSync(path.join(cwd, 'site', href as string))).toBe(true);
    expect(index).toContain('<time datetime="2026-03-14">March 14, 2026</time>');
    expect(index).toContain('<span class="badge severity-minor">SEV3</span>');
    expect(index).toContain('<td class="index-duration">45 min</td>');
    expect(index).toContain('<td class="index-impact">Some users saw errors.</td>');
    expect(index).toContain('<span class="badge status-final">Final</span>');
    expect(findUnsafeHtml(index)).toEqual([]);
    const nested = await readFile(path.join(cwd, 'site', 'payments', '2025-11-02-refunds.html'), 'utf8');
    expect([...nested.matchAll(/<li><a href="([^"]+)" class="site-nav-\w+">([^<]+)<\/a><\/li>/g)].map((match) => [match[1], match[2]])).toEqual([
      ['../index.html', 'Postmortems'],
      ['../dashboard.html', 'Dashboard'],
      ['../actions.html', 'Action items'],
      ['../search.html', 'Search'],
    ]);
  });

  it('gives the index filters by severity, status, service and tag, each row with the numbers of its options only', async () => {
    const withServices = (title: string, date: string, severity: string, status: string, services: string, tags: string): string =>
      sitePostmortem(title, date).replace('severity: SEV3\nstatus: final', `severity: ${severity}\nstatus: ${status}\nservices: ${services}\ntags: ${tags}`);
    await writeFile(path.join(cwd, 'postmortems', '2026-01-10-login.md'), withServices('Login outage', '2026-01-10', 'SEV1', 'draft', '[auth, web]', '[config-change]'));
    await writeFile(path.join(cwd, 'postmortems', '2026-03-14-checkout.md'), withServices('Checkout outage', '2026-03-14', 'SEV3', 'final', '[checkout, web]', '[capacity, config-change]'));
    await buildSite(['postmortems'], 'site', { cwd });
    const index = await readFile(path.join(cwd, 'site', 'index.html'), 'utf8');
    const filters = [...index.matchAll(/<select data-filter="(\w+)">([\s\S]*?)<\/select>/g)].map((match) => [match[1], [...(match[2] as string).matchAll(/<option value="(\d*)">([^<]+)<\/option>/g)].map((option) => `${option[1]}=${option[2]}`)]);
    expect(filters).toEqual([
      // Most severe first, the statuses in the order of the review, services and tags most used first.
      ['severity', ['=All', '0=SEV1 (1)', '1=SEV3 (2)']],
      ['status', ['=All', '0=Draft (1)', '1=Final (2)']],
      ['services', ['=All', '0=web (2)', '1=auth (1)', '2=checkout (1)']],
      ['tags', ['=All', '0=config-change (2)', '1=capacity (1)']],
    ]);
    const rows = [...index.matchAll(/<tr data-severity="([^"]*)" data-status="([^"]*)" data-services="([^"]*)" data-tags="([^"]*)">\s*<td class="index-date">[\s\S]*?<a href="([^"]+)">/g)].map((match) => match.slice(1));
    expect(rows).toEqual([
      ['1', '1', '2 0', '1 0', '2026-03-14-checkout.html'],
      ['0', '0', '1 0', '0', '2026-01-10-login.html'],
      ['1', '1', '', '', 'payments/2025-11-02-refunds.html'],
    ]);
    // Hidden until the site's script shows them; the script is the only one, and the policy allows it alone.
    expect(index).toContain('<div class="filters" id="index-filters" role="group" aria-label="Filter the postmortems" hidden>');
    expect(index).toContain('<script src="search.js" defer></script>');
    expect(index).toContain("script-src 'self'; require-trusted-types-for 'script'; trusted-types 'none';");
  });

  it('counts a service or tag spelled in other cases as one filter option, named as the oldest postmortem spells it', async () => {
    const { buildSiteIndexView } = await import('../../src/export/site-index-view.js');
    const entry = (date: string, services: string[]) => ({ title: date, date, dateTime: date, severity: '', severityClass: 'severity-other', duration: '', impact: '', status: '', statusClass: '', sortTitle: date, services, tags: [] });
    const view = buildSiteIndexView([
      { source: 'a.md', page: 'a.html', index: entry('2026-03-01', ['payments', 'Web']) },
      { source: 'b.md', page: 'b.html', index: entry('2026-01-01', ['Payments ']) },
      { source: 'c.md', page: 'c.html', index: entry('2026-02-01', ['PAYMENTS', 'payments']) },
    ], [], { scriptHref: 'search.js' });
    expect(view.filters).toEqual([{ key: 'services', name: 'Service', options: [{ value: '0', label: 'Payments', count: 3 }, { value: '1', label: 'Web', count: 1 }] }]);
    expect(view.rows.map((row) => [row.href, row.filters.services])).toEqual([['a.html', '0 1'], ['c.html', '0'], ['b.html', '0']]);
    // No script, no filters.
    expect(buildSiteIndexView([{ source: 'a.md', page: 'a.html', index: entry('2026-03-01', ['payments']) }], []).filters).toEqual([]);
  });

  it('writes a search page with every postmortem\'s text in a JSON data block, and indexes that find them; the postmortems\' pages have no script', async () => {
    const { default: MiniSearch } = await import('minisearch');
    const { SEARCH_INDEX_OPTIONS, SEARCH_QUERY_OPTIONS } = await import('../../src/export/site-search-options.js');
    await writeFile(path.join(cwd, 'postmortems', '2026-01-10-login.md'), postmortem('Login outage', '2026-01-10', '\n## Root Cause\n\nThe session store ran out of memory.\n'));
    await buildSite(['postmortems'], 'site', { cwd });
    const search = await readFile(path.join(cwd, 'site', 'search.html'), 'utf8');
    expect(findUnsafeHtml(search)).toEqual([]);
    const block = (id: string): string => new RegExp(`<script type="application/json" id="${id}">([^<]*)</script>`).exec(search)?.[1] as string;
    const documents = JSON.parse(block('search-documents-0')) as Array<{ id: string; title: string; text: string }>;
    // In order of page; the results are in order of score.
    expect(documents.map((document) => document.id)).toEqual(['2026-01-10-login.html', '2026-03-14-checkout.html', 'payments/2025-11-02-refunds.html']);
    expect(documents[0]?.text).toContain('The session store ran out of memory.');
    const index = MiniSearch.loadJSON(block('search-index-0'), SEARCH_INDEX_OPTIONS);
    expect(index.search('session memory', SEARCH_QUERY_OPTIONS).map((result) => result.id)).toEqual(['2026-01-10-login.html']);
    expect(block('search-index-1')).toBeUndefined();
    expect(block('search-documents-1')).toBeUndefined();
    const script = await readFile(path.join(cwd, 'site', 'search.js'), 'utf8');
    expect(script.startsWith('/* generator: postmortem */\n')).toBe(true);
    expect(script).toContain('MiniSearch');
    const page = await readFile(path.join(cwd, 'site', '2026-01-10-login.html'), 'utf8');
    expect(page).not.toContain('<script');
    expect(page).not.toContain('script-src');
  });

  it('lists a file that cannot be read with the reason instead of stopping', async () => {
    const report = await buildSite(['postmortems'], 'site', { cwd });
    expect(report.failures).toEqual([{ source: 'broken.md', reason: 'looks like a binary file (NUL byte at offset 2), not text' }]);
    const index = await readFile(path.join(cwd, 'site', 'index.html'), 'utf8');
    expect(index).toContain('3 postmortems · 1 file could not be read');
    expect(index).toContain('<li><code>broken.md</code>: looks like a binary file (NUL byte at offset 2), not text</li>');
  });

  it('gives the line of a failure apart from its reason, and the index shows both', async () => {
    await writeFile(path.join(cwd, 'postmortems', 'bad.md'), '---\ntitle: ok\nauthors: [unclosed\n---\n# Body\n');
    const report = await buildSite(['postmortems'], 'site', { cwd });
    const failure = report.failures.find((item) => item.source === 'bad.md');
    expect(failure?.line).toBeTypeOf('number');
    expect(failure?.reason).not.toMatch(/line/);
    const index = await readFile(path.join(cwd, 'site', 'index.html'), 'utf8');
    expect(index).toContain(`<li><code>bad.md</code>: line ${failure?.line}: `);
  });

  it('replaces a changed page with a rename, never writing into the old file, and leaves no temporary file', async () => {
    await buildSite(['postmortems'], 'site', { cwd });
    const page = path.join(cwd, 'site', '2026-01-10-login.html');
    const before = await readFile(page, 'utf8');
    // A second name for the old page, as a reader that has it open would see it.
    await link(page, path.join(cwd, 'old-login.html'));
    await writeFile(path.join(cwd, 'postmortems', '2026-01-10-login.md'), postmortem('Login outage, again', '2026-01-10'));
    await buildSite(['postmortems'], 'site', { cwd });
    expect(await readFile(path.join(cwd, 'old-login.html'), 'utf8')).toBe(before);
    expect(await readFile(page, 'utf8')).toContain('Login outage, again');
    expect((await filesUnder(path.join(cwd, 'site'))).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('updates the site in place: unchanged pages are left alone, other files are kept', async () => {
    await buildSite(['postmortems'], 'site', { cwd });
    await writeFile(path.join(cwd, 'site', 'CNAME'), 'postmortems.example.com');
    await writeFile(path.join(cwd, 'postmortems', '2026-01-10-login.md'), postmortem('Login outage, again', '2026-01-10'));
    const again = await buildSite(['postmortems'], 'site', { cwd });
    // The page, the index, the search page and the dashboard (the title is on its dot).
    expect(again.written).toBe(4);
    // The other pages, the action items (the login outage has no task), the stylesheet and the script.
    expect(again.unchanged).toBe(5);
    expect(await readFile(path.join(cwd, 'site', 'CNAME'), 'utf8')).toBe('postmortems.example.com');
    expect(await readFile(path.join(cwd, 'site', 'index.html'), 'utf8')).toContain('Login outage, again');
  });

  it('refuses to overwrite a file postmortem did not write, unless forced', async () => {
    await mkdir(path.join(cwd, 'site'));
    await writeFile(path.join(cwd, 'site', 'index.html'), '<h1>my own page</h1>');
    await expect(buildSite(['postmortems'], 'site', { cwd })).rejects.toThrowError(expect.objectContaining({
      filePath: path.join('site', 'index.html'),
      message: 'exists and was not written by postmortem; use --force to overwrite it',
    }));
    expect(await filesUnder(path.join(cwd, 'site'))).toEqual(['index.html']);
    await buildSite(['postmortems'], 'site', { cwd, force: true });
    expect(await readFile(path.join(cwd, 'site', 'index.html'), 'utf8')).toContain('Checkout outage');
  });

  it('does not read its own output when built inside the input directory', async () => {
    await buildSite(['postmortems'], 'postmortems/site', { cwd });
    const again = await buildSite(['postmortems'], 'postmortems/site', { cwd });
    expect(again.pages).toHaveLength(3);
  });

  it('takes single files as well as directories, and refuses a missing input', async () => {
    const report = await buildSite(['postmortems/2026-03-14-checkout.md'], 'one', { cwd });
    expect(report.pages.map((page) => page.page)).toEqual(['2026-03-14-checkout.html']);
    await expect(buildSite(['nowhere'], 'site', { cwd })).rejects.toThrowError('no such file or directory');
  });

  it('takes a glob and .markdown files, with page paths relative to the glob\'s fixed directories as to a directory\'s', async () => {
    await writeFile(path.join(cwd, 'postmortems', 'payments', '2025-12-01-payouts.markdown'), postmortem('Payouts late', '2025-12-01'));
    const fromDirectory = await buildSite(['postmortems'], 'site-dir', { cwd });
    const fromGlob = await buildSite(['postmortems/**/*.{md,markdown}'], 'site-glob', { cwd });
    expect(fromDirectory.pages.map((page) => page.page)).toEqual(['2026-01-10-login.html', '2026-03-14-checkout.html', 'payments/2025-11-02-refunds.html', 'payments/2025-12-01-payouts.html']);
    expect(fromGlob.pages.map((page) => page.page)).toEqual(fromDirectory.pages.map((page) => page.page));
  });

  it('skips what ignore patterns match', async () => {
    const report = await buildSite(['postmortems'], 'site', { cwd, ignore: ['postmortems/payments'] });
    expect(report.pages.map((page) => page.source)).toEqual(['2026-01-10-login.md', '2026-03-14-checkout.md']);
  });

  it('never names a page as one of the collection pages (index, dashboard, actions, search)', async () => {
    for (const name of ['index', 'Dashboard', 'actions', 'search']) await writeFile(path.join(cwd, 'postmortems', `${name}.md`), postmortem(`${name} outage`, '2024-01-01'));
    const report = await buildSite(['postmortems'], 'site', { cwd });
    expect(['index.md', 'Dashboard.md', 'actions.md', 'search.md'].map((source) => report.pages.find((page) => page.source === source)?.page)).toEqual(['index-2.html', 'Dashboard-2.html', 'actions-2.html', 'search-2.html']);
    expect(await readFile(path.join(cwd, 'site', 'search.html'), 'utf8')).toContain('<h1>Search</h1>');
  });

  it('links each page from the index with its path percent-encoded, so a file name never reads as a scheme, a query or a fragment', async () => {
    await writeFile(path.join(cwd, 'postmortems', 'javascript:alert(1).md'), postmortem('Colon', '2024-01-02'));
    await writeFile(path.join(cwd, 'postmortems', 'a#b c?.md'), postmortem('Hash', '2024-01-01'));
    await buildSite(['postmortems'], 'site', { cwd });
    const index = await readFile(path.join(cwd, 'site', 'index.html'), 'utf8');
    expect(index).toContain('<a href="javascript%3Aalert(1).html">Colon</a>');
    expect(index).toContain('<a href="a%23b%20c%3F.html">Hash</a>');
    expect(existsSync(path.join(cwd, 'site', 'a#b c?.html'))).toBe(true);
    expect(findUnsafeHtml(index)).toEqual([]);
  });
});
