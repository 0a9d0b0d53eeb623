/**
 * Exported pages in a real browser: the system Chromium, headless. Each page must load
 * without a console error or a request to anywhere but itself, and no XSS payload may run,
 * with the page's Content-Security-Policy and, for the XSS fixture, without it (so the
 * sanitiser is shown to hold on its own). Screenshots at desktop and phone widths go to a
 * temporary directory, or to docs/screenshots/ for the README with UPDATE_SCREENSHOTS=1.
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

/** Inspects the DOM as the browser built it: handlers, script-capable elements, URLs. */
const DOM_CHECK = `(() => {
  const problems = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (attribute.name.toLowerCase().startsWith('on')) problems.push('handler ' + attribute.name + ' on ' + element.tagName);
    }
  }
  for (const element of document.querySelectorAll('script, iframe, frame, object, embed, applet, form, base, link, math, video, audio, source, noscript, template')) {
    problems.push('element ' + element.tagName);
  }
  for (const svg of document.querySelectorAll('svg')) {
    if (!svg.classList.contains('tl-chart') && !svg.classList.contains('tl-entry-marker')) problems.push('foreign svg');
  }
  for (const element of document.querySelectorAll('[href], [src]')) {
    const url = element.href ?? element.src;
    const protocol = new URL(typeof url === 'string' ? url : url.baseVal, document.baseURI).protocol;
    if (!['http:', 'https:', 'mailto:', 'file:'].includes(protocol)) problems.push(protocol + ' URL on ' + element.tagName);
    if (element.tagName === 'IMG' && protocol !== 'file:') problems.push('remote image ' + element.src);
  }
  return problems;
})()`;

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
    // The site's index, from the examples, and a page of the site: both with the site's
    // shared stylesheet (the only other file they may load), which the policy lets through.
    const site = path.join(directory, 'site');
    await buildSite([examplesDirectory], site);
    const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 700 } });
    const stylesheet = path.join(site, 'postmortem.css');
    // A custom property the stylesheet sets on :root: set only if the stylesheet was applied.
    const styled = "getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()";
    const sitePage = await visit(context, path.join(site, `${example}.html`), [stylesheet]);
    expect(sitePage.problems).toEqual([]);
    expect(await sitePage.page.evaluate(styled)).toMatch(/^#[0-9a-f]{6}$/i);
    const { page, problems } = await visit(context, path.join(site, 'index.html'), [stylesheet]);
    expect(problems).toEqual([]);
    expect(await page.evaluate(styled)).toMatch(/^#[0-9a-f]{6}$/i);
    expect(await page.locator('td.index-title a').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(target, 'site-index.png') });
    await context.close();
    if (!screenshotsDirectory) rmSync(target, { recursive: true, force: true });
  }, 120_000);

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
