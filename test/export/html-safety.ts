/**
 * Inspects an exported page for anything that could run script or make a request: every
 * tag must be one the export writes (a `<link>` only to the site's own stylesheet, a
 * `<script>` only the site's own `search.js` or one of the search page's JSON data blocks),
 * no event-handler or style attribute (but table alignment), no URL but relative, http(s)
 * and mailto ones, images only local, our own SVG only, and the Content-Security-Policy in
 * place: forbidding scripts, or on a page that loads the site's script allowing scripts from
 * the site alone, with no inline script or eval. Text in an exported page is always escaped,
 * and a data block's JSON has every `<` escaped, so every `<` in a page starts a tag and a
 * scan of the tags sees everything a browser would.
 */

const ALLOWED_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'nav', 'footer', 'section', 'div', 'span', 'p',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr',
  'th', 'td', 'caption', 'time', 'code', 'pre', 'kbd', 'samp', 'var', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins',
  'mark', 'sub', 'sup', 'small', 'abbr', 'cite', 'q', 'blockquote', 'hr', 'br', 'img', 'figure', 'figcaption', 'details',
  'summary', 'center', 'svg', 'g', 'path', 'rect', 'line', 'text', 'tspan', 'link', 'script', 'label', 'select', 'option',
  'input', 'circle', 'title', 'desc', 'pattern', 'defs', 'polygon',
]);

/** The site's script, from any folder of the site; the only script with a source. */
const OWN_SCRIPT = /^(?:\.\.\/)*search\.js$/;
/** The search page's data blocks: JSON, never run. */
const DATA_BLOCK_ID = /^search-(?:documents|index)-[0-9]+$/;
/** The policy of a page that loads the site's script: scripts from the site only, no inline script, no eval, markup from strings refused. */
const SCRIPT_POLICY = /(?:^|;)\s*script-src 'self';\s*require-trusted-types-for 'script';\s*trusted-types 'none';/;

/** The one `<link>` a page may have: the shared stylesheet at the root of its site. */
const OWN_STYLESHEET_LINK = /^\s+rel="stylesheet"\s+href="(?:\.\.\/)*postmortem\.css"\s*$/;

const OWN_SVG_CLASSES = /^(?:tl-chart|tl-entry-marker|dash-chart dash-(?:defs|months|resolution|rank))$/;
const ALLOWED_META = /^(?:charset|name="(?:viewport|referrer|color-scheme|generator)"|http-equiv="Content-Security-Policy")/;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', Tab: '\t', NewLine: '\n', sol: '/', lpar: '(', rpar: ')' };

/** Decodes character references the way an attribute value is read. */
export function decodeEntities(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+);?|#([0-9]+);?|([A-Za-z]+);)/gi, (match, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (decimal) return String.fromCodePoint(Number.parseInt(decimal, 10));
    return NAMED_ENTITIES[name as string] ?? match;
  });
}

/** The scheme a browser would see in a URL attribute, or null for a relative URL. */
function schemeOf(url: string): string | null {
  const cleaned = decodeEntities(url).replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase() ?? null;
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Every problem found, one line each; empty for a safe page. */
export function findUnsafeHtml(html: string): string[] {
  const problems: string[] = [];
  let styles = 0;
  let csp = false;
  let scriptPolicy = false;
  let scripts = 0;
  const stray = html.replace(/^\s*<!doctype html>/i, '').replace(TAG, '').match(/<[a-zA-Z!/?]/g);
  if (stray) problems.push(`text that a browser would read as markup: ${stray.slice(0, 3).join(' ')}`);
  for (const match of html.matchAll(TAG)) {
    const closing = match[1] === '/';
    const name = (match[2] as string).toLowerCase();
    if (!ALLOWED_TAGS.has(name)) {
      problems.push(`tag <${closing ? '/' : ''}${name}>`);
      continue;
    }
    if (closing) continue;
    const attributes = new Map<string, string>();
    for (const attribute of (match[3] ?? '').matchAll(ATTRIBUTE)) {
      attributes.set((attribute[1] as string).toLowerCase(), attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
    }
    if (name === 'style') styles += 1;
    if (name === 'link') {
      if (OWN_STYLESHEET_LINK.test(match[3] ?? '')) styles += 1;
      else problems.push(`link not the site's stylesheet: ${match[0]}`);
      continue;
    }
    if (name === 'svg' && !OWN_SVG_CLASSES.test(attributes.get('class') ?? '')) problems.push(`<svg> not ours: ${match[0].slice(0, 80)}`);
    if (name === 'script') {
      const names = [...attributes.keys()].sort().join(' ');
      if (names === 'defer src' && OWN_SCRIPT.test(attributes.get('src') ?? '')) scripts += 1;
      else if (!(names === 'id type' && attributes.get('type') === 'application/json' && DATA_BLOCK_ID.test(attributes.get('id') ?? ''))) problems.push(`script not the site's own: ${match[0].slice(0, 80)}`);
      continue;
    }
    if (name === 'input' && attributes.get('type') !== 'search') problems.push(`input not a search box: ${match[0]}`);
    if (name === 'meta') {
      const text = (match[3] ?? '').trim();
      if (!ALLOWED_META.test(text)) problems.push(`meta: ${match[0]}`);
      if (/http-equiv="Content-Security-Policy"/.test(text) && /default-src 'none'/.test(text)) {
        const policy = /content="([^"]*)"/.exec(text)?.[1] ?? '';
        if (!/script-src/.test(policy)) csp = true;
        else if (SCRIPT_POLICY.test(policy) && !/unsafe-|data:|blob:|\*/.test(policy.replace(/style-src[^;]*/, ''))) scriptPolicy = true;
      }
    }
    for (const [attribute, value] of attributes) {
      if (attribute.startsWith('on')) problems.push(`event handler ${attribute} on <${name}>`);
      if (['xlink:href', 'formaction', 'action', 'srcdoc', 'background', 'poster', 'srcset', 'data', 'dynsrc', 'lowsrc'].includes(attribute)) problems.push(`attribute ${attribute} on <${name}>`);
      if (attribute === 'style' && !(/^(?:th|td)$/.test(name) && /^text-align:(?:left|right|center)$/.test(decodeEntities(value)))) problems.push(`style attribute on <${name}>: ${value}`);
      if (attribute === 'href' || attribute === 'src') {
        const scheme = schemeOf(value);
        if (scheme !== null && !['http', 'https', 'mailto'].includes(scheme)) problems.push(`${scheme}: URL in ${attribute} of <${name}>`);
        if (name === 'img' && (scheme !== null || /^\s*[\\/]{2}/.test(decodeEntities(value)))) problems.push(`image from another host: ${value}`);
      }
    }
  }
  if (styles !== 1) problems.push(`${styles} stylesheets (one, inline or the site's, is expected)`);
  if (scripts > 1) problems.push(`${scripts} scripts (the site's one is expected at most)`);
  if (scripts === 1 ? !scriptPolicy : !csp) problems.push(scripts === 1 ? "no Content-Security-Policy allowing the site's script alone" : 'no Content-Security-Policy forbidding scripts');
  return problems;
}
