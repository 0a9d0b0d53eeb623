/**
 * A postmortem's Markdown fields -> HTML fragments for a page, and -> plain text for places
 * where markup cannot go (the timeline chart, the site index). One markdown-it instance of
 * our own, set up once: GFM tables, autolinked URLs, links checked against the URL
 * allow-list, headings moved under the page's section headings, remote images turned into
 * links (a page must not fetch from another host).
 *
 * Raw HTML in the Markdown is parsed, and then cleaned by {@link sanitizeContentHtml}. Text
 * without a `<` cannot contain raw HTML, and markdown-it escapes everything else it writes,
 * so such text skips the sanitiser: most fields of most postmortems, and most of the time an
 * export takes. The renderer rules below make the two paths give the same result.
 */
import MarkdownIt from 'markdown-it';
import { sanitizeContentHtml } from './html-sanitizer.js';
import { classifyUrl, isSafeLinkUrl } from './safe-url.js';

type Token = ReturnType<MarkdownIt['parse']>[number];

/** The renderer rules both instances share; see the module comment. */
function setUpRenderer(instance: MarkdownIt): void {
  const { rules } = instance.renderer;
  const { escapeHtml } = instance.utils;
  // Wide tables scroll sideways inside their own box on a phone instead of widening the page.
  rules.table_open = () => '<div class="table-wrap"><table>\n';
  rules.table_close = () => '</table></div>\n';
  // `#` in a section's text sits under the section's own <h2>.
  const shiftedHeading = (tag: string): string => `h${Math.min(6, Number(tag.slice(1)) + 2)}`;
  rules.heading_open = (tokens, index) => `<${shiftedHeading((tokens[index] as Token).tag)}>`;
  rules.heading_close = (tokens, index) => `</${shiftedHeading((tokens[index] as Token).tag)}>\n`;
  rules.image = (tokens, index, options, env, self) => {
    const token = tokens[index] as Token;
    const src = token.attrGet('src') ?? '';
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    const title = token.attrGet('title');
    const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
    const kind = classifyUrl(src);
    if (kind === 'relative') return `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${titleAttribute} />`;
    if (kind === 'remote') {
      return `<a href="${escapeHtml(src)}" class="remote-image"${titleAttribute}>${escapeHtml(alt.trim() ? `Image: ${alt.trim()}` : 'Image')}</a>`;
    }
    return escapeHtml(alt);
  };
}

/** Set up once; `linkify` (bare URLs become links) is costly, so text with nothing URL-like goes to a twin without it. */
function createMarkdown(linkify: boolean): MarkdownIt {
  const instance = new MarkdownIt({ html: true, linkify, typographer: false });
  // markdown-it's own check is a block-list (javascript:, vbscript:, file:, some data:); ours allows only what we know.
  instance.validateLink = isSafeLinkUrl;
  setUpRenderer(instance);
  return instance;
}

const withLinkify = createMarkdown(true);
const withoutLinkify = createMarkdown(false);

/** What linkify-it could turn into a link: a scheme, `www.`, or an e-mail address. */
const LINK_LIKE = /:\/\/|www\.|@/i;

function markdownFor(text: string): MarkdownIt {
  return LINK_LIKE.test(text) ? withLinkify : withoutLinkify;
}

/** Sanitises only what may hold raw HTML; see the module comment. */
function clean(html: string, source: string): string {
  return source.includes('<') ? sanitizeContentHtml(html) : html;
}

/**
 * A line that can only be text in a paragraph: it starts no block (heading, quote, list, code,
 * table, setext underline: no leading space, `#`, `>`, `+`, `=`, `-` or `1.`), holds no
 * character that starts inline markup, raw HTML, an entity or a table cell, and does not end
 * in a hard break (trailing spaces).
 */
const PLAIN_PARAGRAPH_LINE = /^(?![\s#>+=-]|\d{1,9}[.)])[^\t\r\0!&*_<[\]\\`~|]*(?<!\s)$/;

/**
 * Markdown that is only paragraphs of plain text (most root causes and resolutions), as
 * markdown-it renders it, without running markdown-it; null for anything else.
 * test/export/markdown-html.test.ts checks it against markdown-it.
 */
export function plainParagraphsHtml(text: string): string | null {
  if (LINK_LIKE.test(text)) return null;
  let html = '';
  let paragraph = '';
  for (const line of text.split('\n')) {
    // Blank as markdown-it sees it: spaces and tabs only.
    if (/^[ \t]*$/.test(line)) {
      if (paragraph) html += `<p>${paragraph}</p>\n`;
      paragraph = '';
    } else if (PLAIN_PARAGRAPH_LINE.test(line)) {
      // As markdown-it escapes text: `&` and `<` cannot be in plain text.
      const escaped = line.replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      paragraph = paragraph ? `${paragraph}\n${escaped}` : escaped;
    } else {
      return null;
    }
  }
  if (paragraph) html += `<p>${paragraph}</p>\n`;
  return html;
}

/** Block Markdown (paragraphs, lists, tables, code) -> sanitised HTML; empty for no text. */
export function markdownToHtml(text: string | null | undefined): string {
  if (!text || !text.trim()) return '';
  return plainParagraphsHtml(text) ?? clean(markdownFor(text).render(text), text);
}

/**
 * Text in which markdown-it's inline rules find nothing to do: no character that starts
 * emphasis, code, a link, an image, an entity, raw HTML, an escape or a line break, and
 * nothing linkify could take for a link. Most timeline entries and tasks are such plain
 * sentences; they skip the parser (test/export/markdown-html.test.ts checks both paths agree).
 */
const PLAIN_INLINE = /^[^\n\r\0!&*_<[\]\\`~]*$/;

function isPlainInline(text: string): boolean {
  return PLAIN_INLINE.test(text) && !LINK_LIKE.test(text);
}

/** One line of Markdown (a timeline entry, a task) -> sanitised inline HTML. */
export function markdownInlineToHtml(text: string | null | undefined): string {
  if (!text || !text.trim()) return '';
  // As markdown-it escapes text: `&` and `<` cannot be in plain text.
  if (isPlainInline(text)) return text.replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return clean(markdownFor(text).renderInline(text), text);
}

function collectText(tokens: readonly Token[], parts: string[]): void {
  for (const token of tokens) {
    if (token.children) collectText(token.children, parts);
    else if (token.type === 'text' || token.type === 'code_inline' || token.type === 'code_block' || token.type === 'fence') parts.push(token.content);
    else if (token.type === 'softbreak' || token.type === 'hardbreak' || token.type === 'paragraph_close' || token.type === 'list_item_close') parts.push(' ');
    else if (token.type === 'image') parts.push(token.content);
  }
}

/**
 * Markdown -> its words without markup, whitespace collapsed: `**Checkout** [down](x)` ->
 * `Checkout down`. Raw HTML tags are left out. The result is text, still to be escaped.
 */
export function markdownToPlainText(text: string | null | undefined): string {
  if (!text || !text.trim()) return '';
  if (isPlainInline(text)) return text.replace(/\s+/g, ' ').trim();
  const parts: string[] = [];
  // One line (a timeline entry, a task) needs only the inline parser, which is much cheaper.
  collectText(text.includes('\n') ? withoutLinkify.parse(text, {}) : withoutLinkify.parseInline(text, {}), parts);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
