/**
 * The work of a site build for each file, in two halves: read and parse the source
 * (parseSource, in site-parse.ts), then render the page and write it when it changed
 * (writePage, here). A small site does both on the calling thread; a large one parses on
 * worker threads (site-worker.ts) while the calling thread renders and writes. Either way
 * the outcome is plain data the calling thread puts on the index (writeSiteIndex). This is
 * the code that renders, which site.ts loads only once its parsing threads are started.
 */
import { readFileSync } from 'node:fs';
import type { RedactOptions } from '../redact/redact-text.js';
import path from 'node:path';
import { replaceFileSync } from '../io/write-file-atomic.js';
import { isPostmortemError } from '../model/errors.js';
import type { Postmortem } from '../model/postmortem.js';
import { SITE_SCRIPT, SITE_SCRIPT_MARK, SITE_STYLESHEET, type ResolvedHtmlTemplates } from './html-template-files.js';
import { compileHtmlTemplate, renderHtmlStylesheet, type HtmlTemplateRenderer } from './html-templates.js';
import { buildPageView } from './page-view.js';
import { collectionRecord, type SiteCollectionRecord } from './site-collection.js';
import { siteIndexEntry } from './site-index-entry.js';
import { pageHref, pathToRoot, siteNavLinks } from './site-nav.js';
import { siteSearchDocument } from './site-search.js';
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

/**
 * What became of one file; `sha256` is the hash of the source's bytes for the site's
 * manifest, `record` what the collection pages need of it (kept in the site's data file).
 */
export type SitePageOutcome =
  | { source: string; page: string; postmortem: Postmortem; index: SiteIndexEntry; record: SiteCollectionRecord; written: boolean; failure: null; sha256: string | null }
  | { source: string; page: string; postmortem: null; index: null; record: null; written: false; failure: Omit<SiteFailure, 'source'>; sha256: string | null };

/** What every job of one build shares. */
export interface SitePageSettings {
  /** The site's directory, absolute. */
  output: string;
  /** The templates `--template` stands for, resolved once for the build. */
  templates: ResolvedHtmlTemplates;
  cwd: string;
  /** `export --redact`: what to redact from each source before parsing it; null or absent for nothing. */
  redact?: RedactOptions | null;
}

/** The templates of a build, compiled once for all of its pages. */
export interface SiteTemplates {
  page: HtmlTemplateRenderer;
  index: HtmlTemplateRenderer;
  search: HtmlTemplateRenderer;
  dashboard: HtmlTemplateRenderer;
  actions: HtmlTemplateRenderer;
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
    search: compileHtmlTemplate(settings.templates, 'search', settings.cwd),
    dashboard: compileHtmlTemplate(settings.templates, 'dashboard', settings.cwd),
    actions: compileHtmlTemplate(settings.templates, 'actions', settings.cwd),
  };
}

/**
 * Renders and writes the page of a parsed source: the second half of a page's work. A file
 * whose page cannot be rendered becomes a failure; a broken template or a failed write throws.
 */
export function writePage(job: SitePageJob, parsed: ParsedSource, renderPage: HtmlTemplateRenderer, settings: SitePageSettings): SitePageOutcome {
  const { sha256 } = parsed;
  if (parsed.postmortem === null) return { source: job.relative, page: job.page, postmortem: null, index: null, record: null, written: false, failure: parsed.failure, sha256 };
  const { postmortem } = parsed;
  let content: string;
  let index: SiteIndexEntry;
  let record: SiteCollectionRecord;
  try {
    const toRoot = pathToRoot(job.page);
    const view = buildPageView(postmortem, {
      indexHref: `${toRoot}index.html`,
      stylesheetHref: `${toRoot}${SITE_STYLESHEET}`,
      sourceName: job.relative,
      siteNav: siteNavLinks(toRoot, null),
    });
    content = renderPage(view);
    index = siteIndexEntry(job.relative, postmortem);
    record = collectionRecord(postmortem, job.relative, siteSearchDocument(pageHref(job.page), view, index));
  } catch (error) {
    if (isTemplateError(error)) throw error;
    return { source: job.relative, page: job.page, postmortem: null, index: null, record: null, written: false, failure: siteFailure(error), sha256 };
  }
  const written = writeIfChanged(path.join(settings.output, job.page), content, job.exists, settings.cwd);
  return { source: job.relative, page: job.page, postmortem, index, record, written, failure: null, sha256 };
}

/** Turns each job into a page on this thread: parse, render, write, one file after another. */
export async function buildSitePages(jobs: readonly SitePageJob[], renderPage: HtmlTemplateRenderer, settings: SitePageSettings): Promise<SitePageOutcome[]> {
  const outcomes: SitePageOutcome[] = [];
  for (const job of jobs) outcomes.push(writePage(job, await parseSource(job, settings.redact ?? null), renderPage, settings));
  return outcomes;
}

/** Renders the site's index from its view (buildSiteIndexView) and writes it when it changed; returns whether it wrote. */
export function writeSiteIndex(view: SiteIndexView, renderIndex: HtmlTemplateRenderer, exists: boolean, settings: SitePageSettings): boolean {
  return writeSitePage('index.html', renderIndex(view), exists, settings);
}

/** Writes a page of the site at `page` (a path in the site) when its content changed; returns whether it wrote. */
export function writeSitePage(page: string, content: string, exists: boolean, settings: SitePageSettings): boolean {
  return writeIfChanged(path.join(settings.output, page), content, exists, settings.cwd);
}

/**
 * Where the site's script is: dist/site/search.js, built by `npm run build` (scripts/bundle.js)
 * from src/export/site-script/ and MiniSearch. From dist/export/ and dist/bundle/ it is one
 * folder up; run from the TypeScript sources (the tests), in dist/ of the checkout.
 */
const SCRIPT_LOCATIONS = [new URL('../site/search.js', import.meta.url), new URL('../../dist/site/search.js', import.meta.url)];

let siteScript: string | undefined;

/** The site's script as the site gets it: under a first line that marks it as postmortem's. */
export function siteScriptText(): string {
  if (siteScript !== undefined) return siteScript;
  for (const location of SCRIPT_LOCATIONS) {
    try {
      siteScript = `${SITE_SCRIPT_MARK}\n${readFileSync(location, 'utf8')}`;
      return siteScript;
    } catch {
      // Not there: the next place.
    }
  }
  throw new Error(`the site's script (dist/site/${SITE_SCRIPT}) is missing: it is built by npm run build`);
}

/** Writes the site's script (search and filters) when it changed; returns whether it wrote. */
export function writeSiteScript(exists: boolean, settings: SitePageSettings): boolean {
  return writeIfChanged(path.join(settings.output, SITE_SCRIPT), siteScriptText(), exists, settings.cwd);
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
export { parseSource } from './site-parse.js';
