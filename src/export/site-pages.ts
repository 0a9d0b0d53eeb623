/**
 * The work of a site build for each file, in two halves: read and parse the source
 * (parseSource, in site-parse.ts), then render the page and write it when it changed
 * (writePage, here). A small site does both on the calling thread; a large one parses on
 * worker threads (site-worker.ts) while the calling thread renders and writes. Either way
 * the outcome is plain data the calling thread puts on the index (writeSiteIndex). This is
 * the code that renders, which site.ts loads only once its parsing threads are started.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { replaceFileSync } from '../io/write-file-atomic.js';
import { isPostmortemError } from '../model/errors.js';
import type { Postmortem } from '../model/postmortem.js';
import { SITE_STYLESHEET, type ResolvedHtmlTemplates } from './html-template-files.js';
import { compileHtmlTemplate, renderHtmlStylesheet, type HtmlTemplateRenderer } from './html-templates.js';
import { buildPageView } from './page-view.js';
import { siteIndexEntry } from './site-index-entry.js';
import type { SiteFailure, SiteIndexEntry, SiteIndexView } from './site-index-view.js';
import { parseSource, siteFailure, type ParsedSource } from './site-parse.js';

/** One file to turn into a page. */
export interface SitePageJob {
  /** Absolute path of the source. */
  absolute: string;
  /** The source relative to its input, `/`-separated, as shown to readers. */
  relative: string;
  /** The page's path inside the site, `/`-separated. */
  page: string;
  /** Whether a file is already at the page's path (then it is read, to skip an unchanged write). */
  exists: boolean;
}

/** What became of one file; `sha256` is the hash of the source's bytes for the site's manifest. */
export type SitePageOutcome =
  | { source: string; page: string; postmortem: Postmortem; index: SiteIndexEntry; written: boolean; failure: null; sha256: string | null }
  | { source: string; page: string; postmortem: null; index: null; written: false; failure: Omit<SiteFailure, 'source'>; sha256: string | null };

/** What every job of one build shares. */
export interface SitePageSettings {
  /** The site's directory, absolute. */
  output: string;
  /** The templates `--template` stands for, resolved once for the build. */
  templates: ResolvedHtmlTemplates;
  cwd: string;
}

/** The templates of a build, compiled once for all of its pages. */
export interface SiteTemplates {
  page: HtmlTemplateRenderer;
  index: HtmlTemplateRenderer;
}

/** Whether an error is a broken user template, which breaks every page and so stops the build. */
export function isTemplateError(error: unknown): boolean {
  return isPostmortemError(error) && /^template |HTML template/.test(error.message);
}

/**
 * Writes `content` unless the file already holds exactly it; returns whether it wrote.
 * Every write goes through a temporary file and a rename, so a reader never sees half a
 * page, but is not flushed to disk: see `WriteFileAtomicOptions.flush`. Which files may be
 * replaced was decided before the build started (site.ts), so this one overwrites. The build
 * created every folder before writing pages.
 */
function writeIfChanged(file: string, content: string, exists: boolean, cwd: string): boolean {
  if (exists) {
    let previous: string | null = null;
    try {
      previous = readFileSync(file, 'utf8');
    } catch {
      // Unreadable or gone: write it again.
    }
    if (previous === content) return false;
  }
  replaceFileSync(file, content, { mayExist: exists, displayPath: path.relative(cwd, file) || file });
  return true;
}

/**
 * Compiles the page and index templates of a build. A broken user template (a syntax error,
 * an unknown helper) throws here, before the build creates or writes anything.
 */
export function compileSiteTemplates(settings: SitePageSettings): SiteTemplates {
  return {
    page: compileHtmlTemplate(settings.templates, 'page', settings.cwd),
    index: compileHtmlTemplate(settings.templates, 'index', settings.cwd),
  };
}

/**
 * Renders and writes the page of a parsed source: the second half of a page's work. A file
 * whose page cannot be rendered becomes a failure; a broken template or a failed write throws.
 */
export function writePage(job: SitePageJob, parsed: ParsedSource, renderPage: HtmlTemplateRenderer, settings: SitePageSettings): SitePageOutcome {
  const { sha256 } = parsed;
  if (parsed.postmortem === null) return { source: job.relative, page: job.page, postmortem: null, index: null, written: false, failure: parsed.failure, sha256 };
  const { postmortem } = parsed;
  let content: string;
  let index: SiteIndexEntry;
  try {
    const toRoot = '../'.repeat(job.page.split('/').length - 1);
    const view = buildPageView(postmortem, { indexHref: `${toRoot}index.html`, stylesheetHref: `${toRoot}${SITE_STYLESHEET}`, sourceName: job.relative });
    content = renderPage(view);
    index = siteIndexEntry(job.relative, postmortem);
  } catch (error) {
    if (isTemplateError(error)) throw error;
    return { source: job.relative, page: job.page, postmortem: null, index: null, written: false, failure: siteFailure(error), sha256 };
  }
  const written = writeIfChanged(path.join(settings.output, job.page), content, job.exists, settings.cwd);
  return { source: job.relative, page: job.page, postmortem, index, written, failure: null, sha256 };
}

/** Turns each job into a page on this thread: parse, render, write, one file after another. */
export async function buildSitePages(jobs: readonly SitePageJob[], renderPage: HtmlTemplateRenderer, settings: SitePageSettings): Promise<SitePageOutcome[]> {
  const outcomes: SitePageOutcome[] = [];
  for (const job of jobs) outcomes.push(writePage(job, await parseSource(job), renderPage, settings));
  return outcomes;
}

/** Renders the site's index from its view (buildSiteIndexView) and writes it when it changed; returns whether it wrote. */
export function writeSiteIndex(view: SiteIndexView, renderIndex: HtmlTemplateRenderer, exists: boolean, settings: SitePageSettings): boolean {
  const index = renderIndex(view);
  return writeIfChanged(path.join(settings.output, 'index.html'), index, exists, settings.cwd);
}

/**
 * Writes the stylesheet the site's pages share (the `style` partial), when it changed;
 * returns whether it wrote. One stylesheet rather than one inline in each page: a page of
 * the built-in templates is 40% stylesheet, written a thousand times over, and a reader's
 * browser fetches the shared one once.
 */
export function writeSiteStylesheet(exists: boolean, settings: SitePageSettings): boolean {
  const stylesheet = renderHtmlStylesheet(settings.templates, settings.cwd);
  return writeIfChanged(path.join(settings.output, SITE_STYLESHEET), stylesheet, exists, settings.cwd);
}
