/**
 * Exported pages in a real browser: the system Chromium, headless. Each page must load
 * without a console error or a request to anywhere but itself, and no XSS payload may run,
 * with the page's Content-Security-Policy and, for the XSS fixture, without it (so the
 * sanitiser is shown to hold on its own). A site opened from file:// loads nothing but its
 * own files, breaks no policy, and its script filters the index and finds postmortems.
 * Screenshots at desktop and phone widths go to a temporary directory, or to
 * docs/screenshots/ for the README with UPDATE_SCREENSHOTS=1.
 *
 * Skipped when there is no Chromium, except in CI (CI=true), where that is a failure:
 * .ci/run installs Debian's chromium first.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium } from '../../src/export/chromium.js';
import { renderHtml } from '../../src/export/render-html.js';
import { buildSite } from '../../src/export/site.js';
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';
import { runInProcess } from '../cli/cli-harness.js';

const repoRoot = path.join(import.meta.dirname, '..', '..');
const examplesDirectory = path.join(repoRoot, 'examples');
const collectionDirectory = path.join(repoRoot, 'test', 'fixtures', 'collection', 'postmortems');
const corpus = path.join(repoRoot, '..', 'shared', 'corpus');
const screenshotsDirectory = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(repoRoot, 'docs', 'screenshots') : null;

function chromiumPath(): string | null {
  try {
    return findChromium(process.env);
  } catch {
    return null;
  }
}

const chromium = chromiumPath();
if (!chromium && process.env.CI) throw new Error('the browser test needs Chromium in CI: .ci/run installs it with apt-get install chromium');

/** What happened while a page loaded. */
interface Visit {
  page: Page;
  problems: string[];
}

/** Globals and title the payloads would set if any ran. */
const PAYLOAD_EFFECTS = `(() => ({ xss: window.__xss ?? null, title: document.title }))()`;

/**
 * Inspects the DOM as the browser built it: handlers, script-capable elements, URLs. On the
 * pages of a site (SITE_DOM_CHECK) the site's own script and the search page's JSON data
 * blocks are expected, and no other script.
 */
const domCheck = (site: boolean): string => `(() => {
  const site = ${site};
  const problems = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (attribute.name.toLowerCase().startsWith('on')) problems.push('handler ' + attribute.name + ' on ' + element.tagName);
    }
  }
  for (const element of document.querySelectorAll('script, iframe, frame, object, embed, applet, form, base, link, math, video, audio, source, noscript, template')) {
    if (site && element.tagName === 'LINK' && element.getAttribute('rel') === 'stylesheet' && /(^|\\/)postmortem\\.css$/.test(element.getAttribute('href'))) continue;
    if (site && element.tagName === 'SCRIPT' && /(^|\\/)search\\.js$/.test(element.getAttribute('src') ?? '') && element.attributes.length === 2) continue;
    if (site && element.tagName === 'SCRIPT' && element.type === 'application/json' && /^search-(documents|index)-[0-9]+$/.test(element.id)) continue;
    problems.push('element ' + element.tagName);
  }
  for (const svg of document.querySelectorAll('svg')) {
    if (!svg.classList.contains('tl-chart') && !svg.classList.contains('tl-entry-marker') && !(site && svg.classList.contains('dash-chart'))) problems.push('foreign svg');
  }
  for (const element of document.querySelectorAll('[href], [src]')) {
    const url = element.href ?? element.src;
    const protocol = new URL(typeof url === 'string' ? url : url.baseVal, document.baseURI).protocol;
    if (!['http:', 'https:', 'mailto:', 'file:'].includes(protocol)) problems.push(protocol + ' URL on ' + element.tagName);
    if (element.tagName === 'IMG' && protocol !== 'file:') problems.push('remote image ' + element.src);
  }
  return problems;
})()`;
const DOM_CHECK = domCheck(false);
const SITE_DOM_CHECK = domCheck(true);

describe.skipIf(!chromium)('exported pages in Chromium', () => {
  let browser: Browser;
  let directory: string;
  const pages = new Map<string, { file: string; title: string }>();

  beforeAll(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'postmortem-browser-'));
    const sources = [
      ...readdirSync(examplesDirectory).filter((name) => name.endsWith('.md')).map((name) => path.join(examplesDirectory, name)),
      path.join(import.meta.dirname, 'fixtures', 'xss.md'),
      ...['professional/014-ethereum-optimism-op-drop-1.md', 'student/012-klitscher.md'].map((name) => path.join(corpus, name)).filter((file) => existsSync(file)),
    ];
    for (const source of sources) {
      const postmortem = parsePostmortem(readFileSync(source, 'utf8'), { filePath: source });
      const name = path.basename(source, '.md');
      const file = path.join(directory, `${name}.html`);
      writeFileSync(file, renderHtml(postmortem));
      pages.set(name, { file, title: postmortem.title ?? name });
    }
    browser = await launchChromium(chromium as string);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  /** Opens a page; any request but for the page itself (or for one of `allowed`, files) is a problem. */
  async function visit(context: BrowserContext, file: string, allowed: readonly string[] = []): Promise<Visit> {
    const page = await context.newPage();
    const problems: string[] = [];
    const self = pathToFileURL(file).href;
    const allowedUrls = new Set(allowed.map((other) => pathToFileURL(other).href));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (request.url() !== self && !request.url().startsWith(`${self}#`) && !allowedUrls.has(request.url())) problems.push(`request to ${request.url()}`);
    });
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(self, { waitUntil: 'load' });
    // Handlers that fire after load (an image's error, a details element's toggle) get a moment.
    await page.waitForTimeout(150);
    return { page, problems };
  }

  it.each(['examples', 'corpus'])('opens the %s without a console error or any request', async (group) => {
    const context = await browser.newContext({ offline: true });
    const names = [...pages.keys()].filter((name) => name !== 'xss' && (group === 'examples') === existsSync(path.join(examplesDirectory, `${name}.md`)));
    for (const name of names) {
      const { file, title } = pages.get(name) as { file: string; title: string };
      const { page, problems } = await visit(context, file);
      expect(problems, name).toEqual([]);
      expect(await page.evaluate(PAYLOAD_EFFECTS)).toEqual({ xss: null, title });
      expect(await page.evaluate(DOM_CHECK), name).toEqual([]);
      // The chart is there and drawn: it has a size.
      if ((await page.locator('svg.tl-chart').count()) > 0) {
        expect((await page.locator('svg.tl-chart').first().boundingBox())?.width).toBeGreaterThan(300);
      }
    }
    await context.close();
  }, 60_000);

  it.each([
    ['with its Content-Security-Policy', false],
    ['with the policy bypassed, so the sanitiser alone is tested', true],
  ])('runs none of the XSS payloads %s', async (_name, bypassCSP) => {
    const context = await browser.newContext({ offline: true, bypassCSP });
    const { file, title } = pages.get('xss') as { file: string; title: string };
    const { page, problems } = await visit(context, file);
    // Hover and open everything, for payloads that wait for a reader.
    for (const element of await page.locator('a, p, span, li, td, summary, details, h2').all()) await element.hover({ timeout: 250 }).catch(() => undefined);
    await page.waitForTimeout(100);
    // The fixture's `<img src=x onerror=...>` payloads leave a local image `x` that does not exist; nothing else may fail to load.
    expect(problems.filter((problem) => !/^console error: Failed to load resource: net::ERR_FILE_NOT_FOUND$/.test(problem) && !/^request to file:.*\/x$/.test(problem))).toEqual([]);
    expect(await page.evaluate(PAYLOAD_EFFECTS)).toEqual({ xss: null, title });
    expect(await page.evaluate(DOM_CHECK)).toEqual([]);
    // The payloads are shown as text, not lost.
    expect(await page.locator('h1').textContent()).toContain("<script>window.__xss='title'</script>");
    await context.close();
  }, 60_000);

  it('saves screenshots of a page and its timeline at desktop and phone widths, light and dark', async () => {
    const target = screenshotsDirectory ?? mkdtempSync(path.join(tmpdir(), 'postmortem-screenshots-'));
    mkdirSync(target, { recursive: true });
    const example = [...pages.keys()].find((name) => name === 'dns-change') ?? [...pages.keys()][0] as string;
    const { file } = pages.get(example) as { file: string };
    const shots: Array<[string, { width: number; height: number }, 'light' | 'dark', string | null]> = [
      ['page-desktop.png', { width: 1280, height: 900 }, 'light', null],
      ['page-dark.png', { width: 1280, height: 900 }, 'dark', null],
      ['page-phone.png', { width: 390, height: 844 }, 'light', null],
      ['timeline-desktop.png', { width: 1280, height: 900 }, 'light', '.tl-figure'],
    ];
    for (const [name, viewport, colorScheme, selector] of shots) {
      const context = await browser.newContext({ offline: true, viewport, colorScheme });
      const { page, problems } = await visit(context, file);
      expect(problems).toEqual([]);
      const output = path.join(target, name);
      if (selector) await page.locator(selector).first().screenshot({ path: output });
      else await page.screenshot({ path: output });
      expect(readFileSync(output).subarray(1, 4).toString()).toBe('PNG');
      await context.close();
    }
    if (!screenshotsDirectory) rmSync(target, { recursive: true, force: true });
  }, 120_000);

  describe('a site opened from file://', () => {
    let site: string;
    let target: string;
    /** A custom property the stylesheet sets on :root: set only if the stylesheet was applied. */
    const styled = "getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()";

    beforeAll(async () => {
      site = path.join(directory, 'site');
      // The examples and the collection fixture, measured on a day some action items are overdue.
      await buildSite([examplesDirectory, collectionDirectory], site, { today: '2026-09-01' });
      target = screenshotsDirectory ?? mkdtempSync(path.join(tmpdir(), 'postmortem-screenshots-'));
      mkdirSync(target, { recursive: true });
    }, 60_000);
    afterAll(() => {
      if (!screenshotsDirectory && target) rmSync(target, { recursive: true, force: true });
    });

    /** Opens a page of the site: it may load the site's own files and nothing else, and may break no policy. */
    async function visitSite(context: BrowserContext, page: string): Promise<Visit> {
      const siteFiles = readdirSync(site, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
      const visited = await visit(context, path.join(site, page), siteFiles);
      const violations = await visited.page.evaluate('window.__violations ?? []');
      visited.problems.push(...(violations as string[]).map((violation) => `policy violation: ${violation}`));
      return visited;
    }

    async function siteContext(options: { colorScheme?: 'light' | 'dark'; height?: number } = {}): Promise<BrowserContext> {
      const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: options.height ?? 800 }, colorScheme: options.colorScheme ?? 'light' });
      // Every violation of the page's policy, reported or not, as the page sees it.
      await context.addInitScript('window.__violations = []; document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(event.violatedDirective + " " + event.blockedURI));');
      return context;
    }

    it('shows a postmortem\'s page with the shared stylesheet and no script', async () => {
      const context = await siteContext();
      const { page, problems } = await visitSite(context, '2026-04-09-checkout-pool-exhaustion.html');
      expect(problems).toEqual([]);
      expect(await page.evaluate(styled)).toMatch(/^#[0-9a-f]{6}$/i);
      expect(await page.evaluate(SITE_DOM_CHECK)).toEqual([]);
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('.site-nav a').allTextContents()).toEqual(['Postmortems', 'Dashboard', 'Action items', 'Search']);
      await context.close();
    }, 60_000);

    it('filters the index by service and severity with its script, and shows every row without it', async () => {
      const context = await siteContext({ height: 900 });
      const { page, problems } = await visitSite(context, 'index.html');
      expect(problems).toEqual([]);
      expect(await page.evaluate(SITE_DOM_CHECK)).toEqual([]);
      const rows = page.locator('.index-table tbody tr');
      const total = await rows.count();
      expect(total).toBeGreaterThan(12);
      await expect.poll(() => page.locator('#index-filters').isVisible()).toBe(true);
      await page.selectOption('select[data-filter="services"]', { label: 'payments (4)' });
      expect(await page.locator('.index-table tbody tr:visible').count()).toBe(4);
      expect(await page.locator('#index-filter-count').textContent()).toBe(`Showing 4 of ${total} postmortems`);
      await page.screenshot({ path: path.join(target, 'site-index.png') });
      await page.selectOption('select[data-filter="severity"]', { label: 'SEV1 (3)' });
      expect(await page.locator('.index-table tbody tr:visible td.index-title a').allTextContents()).toEqual(['Card payments timed out during a payment provider degradation']);
      expect(problems).toEqual([]);
      await context.close();
      // Without script: every row, no filters.
      const plain = await browser.newContext({ offline: true, javaScriptEnabled: false });
      const without = await visit(plain, path.join(site, 'index.html'), [path.join(site, 'postmortem.css'), path.join(site, 'search.js')]);
      expect(await without.page.locator('.index-table tbody tr:visible').count()).toBe(total);
      expect(await without.page.locator('#index-filters').isVisible()).toBe(false);
      await plain.close();
    }, 60_000);

    it('finds postmortems by a word of their text, highlights it, and keeps the query in the address', async () => {
      const context = await siteContext({ height: 900 });
      const { page, problems } = await visitSite(context, 'search.html');
      expect(await page.evaluate(SITE_DOM_CHECK)).toEqual([]);
      await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/^Type to search \d+ postmortems\.$/);
      // A word from the body of an example and of a fixture postmortem, never in a title.
      await page.locator('#search-input').fill('autoscaler');
      await expect.poll(() => page.locator('.search-result').count()).toBeGreaterThan(0);
      expect(await page.locator('.search-result-title a').allTextContents()).toContain('Checkout failed during a campaign nobody told on-call about');
      const marks = await page.locator('.search-result-snippet mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      expect(marks.every((mark) => /^autoscaler$/i.test(mark))).toBe(true);
      expect(new URL(page.url()).hash).toBe('#q=autoscaler');
      await page.locator('#search-input').fill('pool certificate');
      await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/^(?:Nothing found|1 postmortem found)/);
      await page.locator('#search-input').fill('certificat');
      await expect.poll(() => page.locator('.search-result-title a').allTextContents()).toContain('Mobile app sign-in failed after the API certificate expired');
      // A result's link opens its page.
      const href = await page.locator('.search-result-title a').first().getAttribute('href');
      expect(existsSync(path.join(site, decodeURIComponent(href as string)))).toBe(true);
      expect(problems).toEqual([]);
      // The page's Trusted Types policy refuses markup from strings, to the site's script as to anything.
      expect(await page.evaluate("(() => { try { document.body.innerHTML = '<b>x</b>'; return 'allowed'; } catch (error) { return error.name; } })()")).toBe('TypeError');
      expect(problems).toEqual(["console error: This document requires 'TrustedHTML' assignment. The action has been blocked."]);
      await context.close();

      // Opened with a query in the address, it shows its results at once.
      const again = await siteContext({ height: 760 });
      const opened = await again.newPage();
      await opened.goto(`${pathToFileURL(path.join(site, 'search.html')).href}#q=${encodeURIComponent('connection pool')}`);
      await expect.poll(() => opened.locator('.search-result').count()).toBeGreaterThan(0);
      expect(await opened.locator('#search-input').inputValue()).toBe('connection pool');
      await opened.screenshot({ path: path.join(target, 'site-search.png') });
      await again.close();
    }, 60_000);

    it.each([['light', 'site-dashboard.png'], ['dark', 'site-dashboard-dark.png']] as const)('shows the dashboard in %s mode, with no script, its charts drawn', async (colorScheme, screenshot) => {
      const context = await siteContext({ colorScheme, height: 1500 });
      const { page, problems } = await visitSite(context, 'dashboard.html');
      expect(problems).toEqual([]);
      expect(await page.evaluate(SITE_DOM_CHECK)).toEqual([]);
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.evaluate(styled)).toMatch(/^#[0-9a-f]{6}$/i);
      // Every chart has a size, a title and a description; the bars and dots are there.
      for (const chart of ['months', 'resolution']) {
        const svg = page.locator(`svg.dash-${chart}`);
        expect((await svg.boundingBox())?.width, chart).toBeGreaterThan(500);
        expect(await svg.locator('desc').textContent(), chart).toMatch(/\S/);
      }
      expect(await page.locator('svg.dash-rank').count()).toBe(2);
      expect(await page.locator('.dash-segment').count()).toBeGreaterThan(10);
      expect(await page.locator('.dash-dot').count()).toBeGreaterThan(10);
      // The severities' patterns are defined, and the segments use them (so they differ in grey too).
      expect(await page.locator('pattern.dash-pattern').count()).toBeGreaterThanOrEqual(3);
      // Dark mode changes the colours, not the content.
      const background = await page.evaluate("getComputedStyle(document.body).backgroundColor");
      expect(background).toBe(colorScheme === 'dark' ? 'rgb(18, 20, 24)' : 'rgb(247, 247, 245)');
      await page.screenshot({ path: path.join(target, screenshot), fullPage: true });
      await context.close();
    }, 60_000);

    it('lists the action items, overdue first and marked in words, each linking to its row in its postmortem\'s page', async () => {
      const context = await siteContext({ height: 900 });
      const { page, problems } = await visitSite(context, 'actions.html');
      expect(problems).toEqual([]);
      expect(await page.evaluate(SITE_DOM_CHECK)).toEqual([]);
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('.action-group h2').allTextContents()).toEqual([expect.stringMatching(/^Overdue \(\d+\)$/), expect.stringMatching(/^Open \(\d+\)$/), expect.stringMatching(/^Done \(\d+\)$/)]);
      expect(await page.locator('.action-group-overdue .action-state').first().textContent()).toBe('! Overdue');
      await page.screenshot({ path: path.join(target, 'site-actions.png') });
      // The first overdue item's link lands on its task's row, which the page highlights.
      const link = page.locator('.action-group-overdue td.action-postmortem > a').first();
      const href = (await link.getAttribute('href')) as string;
      expect(href).toMatch(/^[^#]+\.html#L\d+$/);
      await link.click();
      await page.waitForURL(/#L\d+$/);
      expect(await page.evaluate("(() => { const row = document.querySelector(':target'); return row ? row.tagName + '#' + row.id : null; })()")).toBe(`TR${href.slice(href.indexOf('#'))}`);
      expect(problems).toEqual([]);
      await context.close();
    }, 60_000);

    it('runs no script that reached a page by mistake: the policy blocks inline script and handlers', async () => {
      // The search page with what a broken sanitiser might let through; the site's own script still works.
      const tampered = path.join(site, 'tampered-search.html');
      writeFileSync(tampered, readFileSync(path.join(site, 'search.html'), 'utf8').replace('</main>', `<script>window.__xss = 'inline'</script><img src="x" onerror="window.__xss = 'handler'"><a id="js" href="javascript:window.__xss='link'">x</a></main>`));
      const context = await siteContext();
      const { page, problems } = await visitSite(context, 'tampered-search.html');
      await page.locator('#js').click().catch(() => undefined);
      await page.waitForTimeout(100);
      expect(await page.evaluate('window.__xss ?? null')).toBeNull();
      expect(problems.some((problem) => /Content Security Policy|policy violation: script-src/.test(problem))).toBe(true);
      await page.locator('#search-input').fill('autoscaler');
      await expect.poll(() => page.locator('.search-result').count()).toBeGreaterThan(0);
      await context.close();
      rmSync(tampered);
    }, 60_000);
  });

  it('prints a postmortem to an A4 PDF through export --format pdf', async () => {
    const example = readdirSync(examplesDirectory).find((name) => name.endsWith('.md')) as string;
    const result = await runInProcess(['export', path.join(examplesDirectory, example), '--format', 'pdf', '-o', path.join(directory, 'out.pdf')], { cwd: directory, env: { ...process.env } });
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    const pdf = readFileSync(path.join(directory, 'out.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 is 595 × 842 points.
    const [width, height] = (/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1')) ?? []).slice(1).map(Number);
    expect(Math.round(width ?? 0)).toBe(595);
    expect(Math.round(height ?? 0)).toBe(842);
  }, 60_000);
});
