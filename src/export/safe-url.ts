/**
 * Which URLs from a postmortem may become a link or an image in exported HTML. An allow-list,
 * not a block-list: a scheme nobody thought of is refused. The scheme is read the way a
 * browser reads it (the WHATWG URL parser drops tabs, newlines and leading control
 * characters, so `java\tscript:` is `javascript:`), after HTML entities have been decoded by
 * whoever hands the URL over (markdown-it and sanitize-html both do).
 */

/** Schemes a link may use. Everything else (`javascript:`, `data:`, `vbscript:`, `file:`, ...) is refused. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** A base that no real URL has, so that a relative URL can be told from an absolute one after parsing. */
const RELATIVE_BASE = 'https://relative.postmortem.invalid/base/';
const RELATIVE_ORIGIN = new URL(RELATIVE_BASE).origin;

/** How a URL reads once parsed as a browser would parse it. */
export type UrlKind = 'relative' | 'remote' | 'mailto' | 'refused';

/**
 * Classifies a URL: `relative` (a path or `#fragment`, resolved against the page itself),
 * `remote` (absolute http or https, with a host), `mailto`, or `refused` (any other scheme,
 * a protocol-relative `//host` URL, or something that does not parse).
 */
export function classifyUrl(url: string): UrlKind {
  // Browsers strip C0 controls and spaces from both ends and drop tabs and newlines anywhere.
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|(?<![\u0000-\u0020])[\u0000-\u0020]+$/g, '');
  if (cleaned === '') return 'refused';
  // `//host/x` and `\\host\x` name another host while looking relative; backslashes count as slashes.
  if (/^[\\/]{2}/.test(cleaned)) return 'refused';
  let parsed: URL;
  try {
    parsed = new URL(cleaned, RELATIVE_BASE);
  } catch {
    return 'refused';
  }
  if (parsed.origin === RELATIVE_ORIGIN && !/^[a-z][a-z0-9+.-]*:/i.test(cleaned)) return 'relative';
  if (!LINK_SCHEMES.has(parsed.protocol)) return 'refused';
  if (parsed.protocol === 'mailto:') return 'mailto';
  return parsed.hostname ? 'remote' : 'refused';
}

/** Whether a URL may be the `href` of a link in exported HTML. */
export function isSafeLinkUrl(url: string): boolean {
  return classifyUrl(url) !== 'refused';
}
