/**
 * No text in a postmortem can run script in its exported page: every payload in every
 * field, from a model built directly (so every field is reached whatever the parser reads)
 * and from a Markdown file with payloads where people would paste them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/export/render-html.js';
import { emptyPostmortem, type Postmortem } from '../../src/model/postmortem.js';
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';
import { buildSiteIndexView } from '../../src/export/site-index-view.js';
import { findUnsafeHtml } from './html-safety.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

/** A postmortem with the payload in every text field, the timeline placeable so the chart is drawn too. */
function postmortemWith(payload: string): Postmortem {
  return {
    ...emptyPostmortem(),
    title: `Title ${payload}`,
    date: '2026-03-14',
    severity: `SEV1 ${payload}`,
    status: 'final',
    authors: [`Author ${payload}`, payload],
    reviewers: [`Reviewer ${payload}`],
    reviewedAt: '2026-03-20',
    timezone: `UTC ${payload}`,
    services: [`Service ${payload}`, payload],
    tags: [`Tag ${payload}`, payload],
    summary: {
      text: `Summary ${payload}`,
      start: '2026-03-14T14:00:00Z',
      end: '2026-03-14T16:30:00Z',
      durationMinutes: 150,
      impact: `Impact ${payload}`,
      usersAffectedPercent: 40,
      rootCause: `Root cause ${payload}`,
    },
    timeline: [
      { time: `14:00 ${payload}`, at: '2026-03-14T14:00:00Z', label: `Detection ${payload}`, text: `Entry ${payload}` },
      { time: `14:30 ${payload}`, at: '2026-03-14T14:30:00Z', label: null, text: `Alert fired ${payload}` },
      { time: `Later ${payload}`, at: null, label: `Escalation ${payload}`, text: `Untimed ${payload}` },
      { time: '16:30', at: '2026-03-14T16:30:00Z', label: payload, text: payload },
    ],
    rootCause: `Long root cause ${payload}\n\n${payload}`,
    resolution: `Resolution ${payload}`,
    correctiveActions: {
      improvements: [`Improvement ${payload}`],
      tasks: [
        { text: `Task ${payload}`, owner: `Owner ${payload}`, due: `Due ${payload}`, priority: `P1 ${payload}`, issue: `#1 ${payload}`, done: false },
        { text: payload, owner: payload, due: payload, priority: payload, issue: payload, done: true },
      ],
    },
    lessonsLearned: `Lessons ${payload}`,
    conclusion: `Conclusion ${payload}`,
    otherSections: [
      { heading: `Heading ${payload}`, text: `Other ${payload}` },
      { heading: '', text: `Preamble ${payload}` },
    ],
    source: { filePath: `dir/${payload}.md`, sections: [], frontMatterLines: 0, frontMatter: null },
  };
}

describe('exported HTML is safe', () => {
  it.each(XSS_PAYLOADS.map((payload) => [payload]))('with %s in every field', (payload) => {
    const html = renderHtml(postmortemWith(payload));
    expect(findUnsafeHtml(html)).toEqual([]);
  });

  it('with every payload in every field of the site index', async () => {
    const { renderHtmlTemplate } = await import('../../src/export/html-templates.js');
    const { resolveHtmlTemplates } = await import('../../src/export/html-template-files.js');
    const { siteIndexEntry } = await import('../../src/export/site-index-entry.js');
    const pages = XSS_PAYLOADS.map((payload, index) => ({ source: `${payload}.md`, page: `${index}.html`, index: siteIndexEntry(`${payload}.md`, postmortemWith(payload)) }));
    const failures = XSS_PAYLOADS.map((payload) => ({ source: payload, reason: payload }));
    const html = renderHtmlTemplate(resolveHtmlTemplates(undefined, process.cwd()), 'index', buildSiteIndexView(pages, failures), process.cwd());
    expect(findUnsafeHtml(html)).toEqual([]);
  });

  it('with every payload in every field of the site index with its filters, and of the search page and its data blocks', async () => {
    const { renderHtmlTemplate } = await import('../../src/export/html-templates.js');
    const { resolveHtmlTemplates } = await import('../../src/export/html-template-files.js');
    const { siteIndexEntry } = await import('../../src/export/site-index-entry.js');
    const { buildSiteSearchView } = await import('../../src/export/site-collection-pages.js');
    const { siteSearchDocument } = await import('../../src/export/site-search.js');
    const { siteCollectionPostmortem } = await import('../../src/export/site-collection.js');
    const { buildPageView } = await import('../../src/export/page-view.js');
    const { siteNavLinks } = await import('../../src/export/site-nav.js');
    const templates = resolveHtmlTemplates(undefined, process.cwd());
    const postmortems = XSS_PAYLOADS.map((payload) => postmortemWith(payload));
    const pages = XSS_PAYLOADS.map((payload, index) => ({ source: `${payload}.md`, page: `${index}.html`, index: siteIndexEntry(`${payload}.md`, postmortems[index] as Postmortem) }));
    const index = renderHtmlTemplate(templates, 'index', buildSiteIndexView(pages, [], { stylesheetHref: 'postmortem.css', scriptHref: 'search.js', siteNav: siteNavLinks('', 'index') }), process.cwd());
    expect(findUnsafeHtml(index)).toEqual([]);
    expect(index).toContain('<select data-filter="services">');
    const { buildSiteSearchShardsOf } = await import('../../src/export/site-search.js');
    const documents = postmortems.map((postmortem, position) => siteSearchDocument(`${position}.html`, buildPageView(postmortem), pages[position]?.index as ReturnType<typeof siteIndexEntry>));
    const items = postmortems.map((postmortem, position) => ({ href: `${position}.html`, index: pages[position]?.index as ReturnType<typeof siteIndexEntry>, postmortem: siteCollectionPostmortem(postmortem, `${position}.md`) }));
    const search = renderHtmlTemplate(templates, 'search', buildSiteSearchView(buildSiteSearchShardsOf(documents), documents.length), process.cwd());
    expect(findUnsafeHtml(search)).toEqual([]);
    const { buildSiteActionsView } = await import('../../src/export/site-collection-pages.js');
    const actions = renderHtmlTemplate(templates, 'actions', buildSiteActionsView(items, '2026-03-20'), process.cwd());
    expect(findUnsafeHtml(actions)).toEqual([]);
    // Every task is there, its text escaped or sanitised: two per postmortem.
    expect(actions.match(/<tr class="action/g)).toHaveLength(XSS_PAYLOADS.length * 2);
    // The dashboard: payloads as severities, services, tags and titles, in every chart and the recurrences.
    const { buildSiteDashboardView } = await import('../../src/export/site-collection-pages.js');
    // A second postmortem with the first one's services and tags, so that they recur.
    const dashboardView = buildSiteDashboardView([...items, { ...(items[0] as (typeof items)[number]), href: 'again.html' }], '2026-03-20');
    expect(dashboardView.content).toMatchObject({ months: expect.anything(), resolution: expect.anything(), services: expect.anything(), tags: expect.anything() });
    expect(dashboardView.content.recurrences.length).toBeGreaterThan(0);
    const dashboard = renderHtmlTemplate(templates, 'dashboard', dashboardView, process.cwd());
    expect(findUnsafeHtml(dashboard)).toEqual([]);
    expect(dashboard).toContain('&lt;script&gt;window.__xss&#x3D;&#x27;script&#x27;&lt;/script&gt;');
    // The payloads are in the data blocks, as JSON strings, with their < escaped.
    expect(search).toContain('\\u003cscript>window.__xss=\'script\'\\u003c/script>');
  });

  it('from a Markdown file with payloads in the front matter, summary, timeline, sections, links and images', () => {
    const file = join(import.meta.dirname, 'fixtures', 'xss.md');
    const postmortem = parsePostmortem(readFileSync(file, 'utf8'), { filePath: file });
    const html = renderHtml(postmortem);
    expect(findUnsafeHtml(html)).toEqual([]);
    // The payloads are there to read, escaped: a postmortem about an attack quotes it.
    expect(html).toContain('Checkout &lt;script&gt;window.__xss&#x3D;&#x27;title&#x27;&lt;/script&gt;');
    expect(html).toContain('&lt;script&gt;window.__xss&#x3D;&#x27;owner&#x27;&lt;/script&gt;');
    expect(html).toMatch(/<a href="https:\/\/evil\.example\/track\.png" class="remote-image">Image: pixel<\/a>/);
  });

  it('keeps the payload checker honest: it finds each kind of vector in hand-written unsafe HTML', () => {
    const page = (body: string): string => `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><style></style></head><body>${body}</body></html>`;
    expect(findUnsafeHtml(page('<p>fine</p>'))).toEqual([]);
    expect(findUnsafeHtml(page('<script>x</script>'))).not.toEqual([]);
    expect(findUnsafeHtml(page('<img src="x" onerror="y">'))).not.toEqual([]);
    expect(findUnsafeHtml(page('<a href="java&#x09;script:y">a</a>'))).not.toEqual([]);
    expect(findUnsafeHtml(page('<a href=" JAVASCRIPT:y">a</a>'))).not.toEqual([]);
    expect(findUnsafeHtml(page('<img src="https://evil.example/x.png">'))).not.toEqual([]);
    expect(findUnsafeHtml(page('<svg onload="y"></svg>'))).not.toEqual([]);
    expect(findUnsafeHtml(page('<p style="color:red">x</p>'))).not.toEqual([]);
    expect(findUnsafeHtml(page('<iframe></iframe>'))).not.toEqual([]);
    expect(findUnsafeHtml('<html><body><p>no policy</p><style></style></body></html>')).toContain('no Content-Security-Policy forbidding scripts');
    // The site's script and data blocks only, and the script only under a policy that allows it alone.
    const sitePage = (policy: string, body: string): string => `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; ${policy}style-src 'self' 'unsafe-inline'"><link rel="stylesheet" href="postmortem.css"></head><body>${body}</body></html>`;
    const own = "script-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'; ";
    expect(findUnsafeHtml(sitePage(own, '<script src="search.js" defer></script><script type="application/json" id="search-index-0">{}</script><script type="application/json" id="search-documents-0">[]</script>'))).toEqual([]);
    expect(findUnsafeHtml(sitePage('', '<script src="search.js" defer></script>'))).toEqual(["no Content-Security-Policy allowing the site's script alone"]);
    expect(findUnsafeHtml(sitePage("script-src 'self' 'unsafe-inline'; require-trusted-types-for 'script'; trusted-types 'none'; ", '<script src="search.js" defer></script>'))).not.toEqual([]);
    expect(findUnsafeHtml(sitePage(own, '<script src="../other/evil.js" defer></script>'))).not.toEqual([]);
    expect(findUnsafeHtml(sitePage(own, '<script type="application/json" id="mine">{}</script>'))).not.toEqual([]);
    expect(findUnsafeHtml(sitePage(own, '<script type="application/json" id="search-documents-0">"</script><script>alert(1)</script>"</script>'))).not.toEqual([]);
    expect(findUnsafeHtml(sitePage(own, '<script type="application/json" id="search-documents">[]</script>'))).not.toEqual([]);
    expect(findUnsafeHtml(sitePage(own, '<input type="text" onfocus="x">'))).not.toEqual([]);
    // A policy that allows scripts on a page that loads none is too wide.
    expect(findUnsafeHtml(sitePage(own, '<p>no script</p>'))).toEqual(['no Content-Security-Policy forbidding scripts']);
  });
});
