import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtInHtmlTemplatesDirectory } from '../../src/export/html-template-files.js';
import { buildPageView } from '../../src/export/page-view.js';
import { renderHtml } from '../../src/export/render-html.js';
import { classifyUrl } from '../../src/export/safe-url.js';
import { PostmortemError } from '../../src/model/errors.js';
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';

const POSTMORTEM = `---
title: Checkout outage
date: 2026-03-14
severity: SEV2
status: final
authors: [Dana Lee, Sam Ortiz]
timezone: UTC-4
---
# Checkout outage

## Summary

Checkout returned errors for **most** users.

- **Duration:** 2:00 PM to 4:30 PM (UTC-4)
- **Impact:** 40% of checkout requests failed.

## Timeline (UTC-4)

- 2:00 PM - Deploy of build 512 started
- 2:05 PM - Alert fired for checkout errors
- 2:20 PM - Escalated to the payments team
- 3:10 PM - Rolled back build 512
- 4:30 PM - Service restored
- **Detection:** a customer email

## Root Cause

A connection pool set to zero.

| Setting | Before | After |
|---|--:|--:|
| pool | 50 | 0 |

## Corrective and Preventative Measures

| Task | Owner | Due | Priority | Status |
|---|---|---|---|---|
| Add a canary stage | Dana Lee | 2026-04-01 | P1 | open |
| Alert on pool size | Sam Ortiz | 2026-04-15 | P2 | done |

## Lessons Learned

- Canaries catch this.

## Appendix

Graphs are in the dashboard.
`;

describe('renderHtml', () => {
  const postmortem = parsePostmortem(POSTMORTEM, { filePath: 'postmortems/checkout.md' });
  const html = renderHtml(postmortem);

  it('writes a standalone HTML5 page: inline style, no scripts, a policy forbidding them, no other host', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'">`);
    expect(html).not.toMatch(/<script|<link\b|@import|url\(/i);
    expect(html.match(/https?:\/\//g) ?? []).toEqual([]);
  });

  it('shows the facts in the header card', () => {
    const card = html.slice(html.indexOf('<header class="card">'), html.indexOf('</header>'));
    expect(card).toContain('<h1>Checkout outage</h1>');
    expect(card).toContain('<time datetime="2026-03-14">March 14, 2026</time>');
    expect(card).toContain('<span class="badge severity-major">SEV2</span>');
    expect(card).toContain('<span class="badge status-final">Final</span>');
    expect(card).toContain('Dana Lee, Sam Ortiz');
    expect(card).toContain('2 h 30 min');
    expect(card).toContain('2:00 PM–4:30 PM UTC-4');
    expect(card).toContain('40% of checkout requests failed.');
  });

  it('lists the sections in the table of contents and shows them in document order', () => {
    const toc = [...html.slice(html.indexOf('<nav class="contents"'), html.indexOf('</nav>', html.indexOf('<nav class="contents"'))).matchAll(/href="#([^"]+)">([^<]+)</g)].map((match) => match[2]);
    expect(toc).toEqual(['Summary', 'Timeline', 'Root cause', 'Corrective actions', 'Lessons learned', 'Appendix']);
    for (const id of ['summary', 'timeline', 'root-cause', 'corrective-actions', 'lessons-learned', 'section-appendix']) expect(html).toContain(`<section id="${id}"`);
  });

  it('renders Markdown with GFM tables, headings under the section heading', () => {
    expect(html).toContain('<strong>most</strong>');
    expect(html).toContain('<div class="table-wrap"><table>');
    expect(html).toContain('<th style="text-align:right">Before</th>');
    expect(renderHtml({ ...postmortem, conclusion: '# Big\n\n## Smaller' })).toContain('<h3>Big</h3>\n<h4>Smaller</h4>');
  });

  it('draws the timeline chart and lists every entry, saying which are not on the chart', () => {
    expect(html).toContain('<svg class="tl-chart"');
    expect(html.match(/<g class="tl-row">/g)).toHaveLength(5);
    expect(html.match(/<li class="tl-entry /g)).toHaveLength(6);
    expect(html).toContain('1 entry has no date and time that can be placed on the chart');
    expect(html).toContain('not on the chart');
    expect(html).toContain('Times are in UTC-4.');
    expect(html).toMatch(/<tspan class="tl-time">2:05 PM<\/tspan>/);
  });

  it('shows corrective tasks as a table with owner, due date, priority and done', () => {
    const table = html.slice(html.indexOf('<table class="tasks">'), html.indexOf('</table>', html.indexOf('<table class="tasks">')));
    expect(table).toContain('<th scope="col">Task</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Priority</th><th scope="col">Done</th>');
    expect(table).toContain('<td class="task-owner">Dana Lee</td>');
    expect(table).toContain('<time datetime="2026-04-01">2026-04-01</time>');
    expect(table).toMatch(/task-done[\s\S]*✓ Done/);
  });

  it('shows services and tags as chips, and the reviewers and review date, in the header card', () => {
    const reviewed = renderHtml({ ...postmortem, services: ['checkout-api', ' payments ', ''], tags: ['capacity'], reviewers: ['Ravi Shah'], reviewedAt: '2026-03-20' });
    const card = reviewed.slice(reviewed.indexOf('<header class="card">'), reviewed.indexOf('</header>'));
    expect(card).toContain('<div class="fact fact-services">\n      <dt>Services</dt>\n      <dd><ul class="chips"><li class="chip">checkout-api</li><li class="chip">payments</li></ul></dd>');
    expect(card).toContain('<dt>Tag</dt>\n      <dd><ul class="chips"><li class="chip">capacity</li></ul></dd>');
    expect(card).toContain('<dt>Reviewer</dt>\n      <dd>Ravi Shah</dd>');
    expect(card).toContain('<dt>Reviewed</dt>\n      <dd><time datetime="2026-03-20">March 20, 2026</time></dd>');
    // None of them without the fields.
    expect(html).not.toMatch(/class="fact fact-(?:services|tags|reviewers?|reviewed-at)"/);
    // A review date that is not a date is shown as written, without a machine-readable one.
    expect(renderHtml({ ...postmortem, reviewedAt: 'last week' })).toContain('<dt>Reviewed</dt>\n      <dd>last week</dd>');
  });

  it('gives each task the anchor of its source line, and an Issue column when a task names one: a link only for an http(s) URL', () => {
    const tasks = [
      { text: 'Track it', owner: null, due: null, priority: null, issue: '#123', done: false, line: 42 },
      { text: 'Link it', owner: null, due: null, priority: null, issue: 'https://tracker.example.com/issues/7', done: false, line: 43 },
      { text: 'Refuse it', owner: null, due: null, priority: null, issue: 'javascript:alert(1)', done: false, line: 44 },
      { text: 'No line', owner: null, due: null, priority: null, issue: null, done: true },
    ];
    const page = renderHtml({ ...postmortem, correctiveActions: { improvements: [], tasks } });
    const table = page.slice(page.indexOf('<table class="tasks">'), page.indexOf('</table>', page.indexOf('<table class="tasks">')));
    expect(table).toContain('<th scope="col">Priority</th><th scope="col">Issue</th><th scope="col">Done</th>');
    expect([...table.matchAll(/<tr( id="[^"]+")? class="task/g)].map((match) => match[1] ?? null)).toEqual([' id="L42"', ' id="L43"', ' id="L44"', null]);
    expect(table).toContain('<td class="task-issue">#123</td>');
    expect(table).toContain('<td class="task-issue"><a href="https://tracker.example.com/issues/7" title="https://tracker.example.com/issues/7" rel="noreferrer">tracker.example.com/…/7</a></td>');
    expect(table).toContain('<td class="task-issue">javascript:alert(1)</td>');
    expect(table).not.toContain('href="javascript');
    // The parser gives each task its line; no Issue column when no task has one.
    expect(html).toMatch(/<tr id="L\d+" class="task task-open">/);
    expect(html).not.toContain('<th scope="col">Issue</th>');
  });

  it('has no chart when fewer than two entries can be placed, and says so', () => {
    const page = renderHtml({ ...postmortem, timeline: [{ time: 'later', at: null, label: null, text: 'Something' }] });
    expect(page).not.toContain('<svg class="tl-chart"');
    expect(page).toContain('No chart: fewer than two entries have a date and time that can be placed on a time axis.');
  });

  it('names the postmortem after its file when it has no title', () => {
    const view = buildPageView({ ...postmortem, title: null });
    expect(view.title).toBe('checkout');
    expect(view.hasTitle).toBe(false);
  });

  it('renders an empty model without failing', () => {
    const page = renderHtml(parsePostmortem(''));
    expect(page).toContain('<h1 class="untitled">Untitled postmortem</h1>');
  });
});

describe('HTML templates', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'postmortem-html-templates-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));
  const postmortem = parsePostmortem(POSTMORTEM);

  it('write user text only through escaping {{ }}: triple-stash only for the ...Html fields, and ...Json ones as the whole content of a JSON data block', () => {
    const files = [
      ...readdirSync(builtInHtmlTemplatesDirectory).filter((file) => file.endsWith('.hbs')).map((file) => path.join(builtInHtmlTemplatesDirectory, file)),
      ...readdirSync(path.join(builtInHtmlTemplatesDirectory, 'partials')).map((file) => path.join(builtInHtmlTemplatesDirectory, 'partials', file)),
    ];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\{\{\{\s*([^}\s]+)\s*\}\}\}/g)) {
        const name = match[1] as string;
        const ok = /^(?:html|\w+Html)$/.test(name) || (name === 'this' && /\{\{#each \w+Html\}\}[^]*?\{\{\{this\}\}\}/.test(source))
          // JSON made safe for a data block where it is built (scriptSafeJson), and only there.
          || (/^\w+Json$/.test(name) && source.includes(`<script type="application/json" id="{{${name.replace(/Json$/, 'Element')}}}">{{{${name}}}}</script>`));
        expect(ok, `${path.basename(file)}: {{{${name}}}}`).toBe(true);
      }
      expect(source).not.toMatch(/\{\{&/);
    }
  });

  it('take a page template file from --template', () => {
    const file = path.join(directory, 'page.html.hbs');
    writeFileSync(file, '<!doctype html><title>{{title}}</title><p>{{facts.length}} facts</p>');
    expect(renderHtml(postmortem, { template: file })).toBe('<!doctype html><title>Checkout outage</title><p>7 facts</p>');
  });

  it('take a directory whose partials replace the built-in ones of the same name', () => {
    mkdirSync(path.join(directory, 'partials'));
    writeFileSync(path.join(directory, 'partials', 'style.hbs'), 'body { color: rebeccapurple; }');
    const page = renderHtml(postmortem, { template: directory });
    expect(page).toContain('body { color: rebeccapurple; }');
    expect(page).not.toContain('--kind-detection');
    expect(page).toContain('<svg class="tl-chart"');
  });

  it('escape user text in a user template too', () => {
    const file = path.join(directory, 'page.html.hbs');
    writeFileSync(file, '<h1>{{title}}</h1>');
    expect(renderHtml({ ...postmortem, title: '<script>x</script>' }, { template: file })).toBe('<h1>&lt;script&gt;x&lt;/script&gt;</h1>');
  });

  it('report a user template error as the user\'s, naming the file and line', () => {
    const file = path.join(directory, 'broken.html.hbs');
    writeFileSync(file, '<h1>{{title}}</h1>\n{{#each sections}}\n');
    expect(() => renderHtml(postmortem, { template: file, cwd: directory })).toThrowError(PostmortemError);
    try {
      renderHtml(postmortem, { template: file, cwd: directory });
    } catch (error) {
      expect((error as PostmortemError).format()).toMatch(/^broken\.html\.hbs:\d+: template syntax error/);
    }
    const missing = path.join(directory, 'missing-partial.html.hbs');
    writeFileSync(missing, '{{> nope}}');
    expect(() => renderHtml(postmortem, { template: missing, cwd: directory })).toThrowError(expect.objectContaining({
      filePath: 'missing-partial.html.hbs',
      line: 1,
      message: 'template error: the partial "nope" could not be found (there is no nope.hbs among the partials)',
    }));
  });

  it('refuse a template path that does not exist or a directory with nothing in it', () => {
    expect(() => renderHtml(postmortem, { template: 'nowhere.hbs', cwd: directory })).toThrowError('no such HTML template file or directory');
    expect(() => renderHtml(postmortem, { template: '.', cwd: directory })).toThrowError(/has none of postmortem\.html\.hbs, index\.html\.hbs, search\.html\.hbs, dashboard\.html\.hbs, actions\.html\.hbs or partials/);
  });
});

describe('classifyUrl', () => {
  it.each([
    ['https://example.com/a', 'remote'],
    ['http://example.com', 'remote'],
    ['mailto:oncall@example.com', 'mailto'],
    ['#timeline', 'relative'],
    ['img/graph.png', 'relative'],
    ['../other.html', 'relative'],
    ['/abs/path', 'relative'],
    ['javascript:alert(1)', 'refused'],
    ['JaVaScRiPt:alert(1)', 'refused'],
    ['java\tscript:alert(1)', 'refused'],
    ['java\nscript:alert(1)', 'refused'],
    [' \u0001javascript:alert(1)', 'refused'],
    ['vbscript:msgbox(1)', 'refused'],
    ['data:text/html,<script>alert(1)</script>', 'refused'],
    ['data:image/png;base64,AAAA', 'refused'],
    ['file:///etc/passwd', 'refused'],
    ['//evil.example/x.png', 'refused'],
    ['\\\\evil.example\\x.png', 'refused'],
    ['', 'refused'],
  ])('%j is %s', (url, kind) => {
    expect(classifyUrl(url)).toBe(kind);
  });
});
