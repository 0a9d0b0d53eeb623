/** Postmortem -> one standalone HTML page through the HTML templates. */
import type { Postmortem } from '../model/postmortem.js';
import { resolveHtmlTemplates } from './html-template-files.js';
import { renderHtmlTemplate } from './html-templates.js';
import { buildPageView } from './page-view.js';

/** Options for {@link renderHtml}. */
export interface HtmlRenderOptions {
  /** An HTML template file (the page) or directory (page, index, partials) replacing the built-ins. Default: the built-ins. */
  template?: string;
  /** Directory a relative template path is resolved from. Default `process.cwd()`. */
  cwd?: string;
  /** For a page of a site: the link back to the index (`index.html`, `../index.html`). */
  indexHref?: string | null;
  /** The source file's name for the footer. Default: the base name of `postmortem.source.filePath`; null for none. */
  sourceName?: string | null;
}

/**
 * Renders a postmortem as a standalone HTML5 page: inline stylesheet, inline SVG timeline
 * chart, no scripts, and a Content-Security-Policy that forbids them and any request to
 * another host. Every field is escaped or sanitised, so no text in the postmortem can run
 * script in the page. Throws `PostmortemError` for a bad user template.
 */
export function renderHtml(postmortem: Postmortem, options: HtmlRenderOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const templates = resolveHtmlTemplates(options.template, cwd);
  const view = buildPageView(postmortem, {
    indexHref: options.indexHref ?? null,
    ...(options.sourceName !== undefined ? { sourceName: options.sourceName } : {}),
  });
  return renderHtmlTemplate(templates, 'page', view, cwd);
}
