/**
 * The allow-list every piece of HTML made from a postmortem's Markdown passes through before
 * it reaches a page. Postmortems quote logs, chats and users, and real ones use a little raw
 * HTML on purpose (`<br>` in tables, `<img>`, `<p align="center">`), so raw HTML is parsed
 * and cleaned by sanitize-html rather than refused: formatting tags survive without their
 * attributes, anything else (`<script>`, `<iframe>`, `<svg>`, `<style>`, unknown tags) is
 * shown as text, event handlers and `style` are dropped, and URLs must pass
 * {@link classifyUrl}.
 */
import sanitizeHtml from 'sanitize-html';
import { classifyUrl } from './safe-url.js';

const FORMATTING_TAGS = [
  'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'kbd', 'samp', 'var',
  'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'sub', 'sup', 'small', 'abbr', 'cite', 'q',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
  'details', 'summary', 'div', 'span', 'figure', 'figcaption', 'center',
  'a', 'img', 'h3', 'h4', 'h5', 'h6',
];

const TEXT_ALIGN = { 'text-align': [/^(?:left|right|center)$/] };

/**
 * Headings in content sit under the page's `<h2>` section headings. markdown-it already
 * writes `#` as `<h3>`; a raw `<h1>` or `<h2>` becomes `<h3>` here.
 */
const HEADING_SHIFT: Record<string, string> = { h1: 'h3', h2: 'h3' };

function link(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const { href, title, class: className } = attribs;
  const safe = href !== undefined && classifyUrl(href) !== 'refused';
  // `class` survives only as `remote-image` (allowedClasses); the markdown renderer sets it.
  return { tagName, attribs: { ...(safe ? { href } : {}), ...(title ? { title } : {}), ...(className ? { class: className } : {}) } };
}

/**
 * Local images (a relative `src`) are kept. A remote image becomes a link to it: loading it
 * would make the page request another host, which a page read offline or from an email
 * must not do. Any other `src` is dropped and only the alt text stays.
 */
function image(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const { src = '', alt = '', title } = attribs;
  const kind = classifyUrl(src);
  if (kind === 'relative') return { tagName, attribs: { ...attribs } };
  if (kind === 'remote') {
    return { tagName: 'a', attribs: { href: src, class: 'remote-image', ...(title ? { title } : {}) }, text: alt.trim() ? `Image: ${alt.trim()}` : 'Image' };
  }
  return { tagName: 'span', attribs: {}, text: alt };
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: FORMATTING_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'class'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['style', 'colspan', 'rowspan'],
    td: ['style', 'colspan', 'rowspan'],
    ol: ['start', 'reversed'],
    code: ['class'],
    div: ['class'],
    abbr: ['title'],
    details: ['open'],
  },
  allowedClasses: {
    a: ['remote-image'],
    code: [/^language-[\w-]+$/],
    div: ['table-wrap'],
  },
  // markdown-it writes table column alignment as a style attribute; nothing else survives.
  allowedStyles: { th: TEXT_ALIGN, td: TEXT_ALIGN },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  // Shown, not run and not lost: a postmortem about an XSS quotes the payload on purpose.
  disallowedTagsMode: 'escape',
  // An `<html>` tag in quoted text must not make everything around it disappear.
  enforceHtmlBoundary: false,
  transformTags: {
    ...HEADING_SHIFT,
    a: link,
    img: image,
  },
};

/** Cleans HTML rendered from a postmortem's Markdown against the allow-list. */
export function sanitizeContentHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
