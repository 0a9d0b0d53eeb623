/**
 * The first half of a site page's work: read and parse its source. Kept apart from the
 * rendering half (site-pages.ts) so that a parsing worker thread loads only the parser, not
 * markdown-it's renderer, the sanitiser or Handlebars.
 */
import { isPostmortemError } from '../model/errors.js';
import type { Postmortem } from '../model/postmortem.js';
import { parsePostmortem } from '../parse/parse-postmortem.js';
import { readOrdinaryFileSync, readPostmortemFile } from '../parse/read-file.js';
import type { SiteFailure } from './site-index-view.js';
import { sourceDigest } from './site-manifest.js';
import type { RedactOptions } from '../redact/redact-text.js';

/** Why a file became no page: the line of the file, if known, and what went wrong, in one line. */
export function siteFailure(error: unknown): Omit<SiteFailure, 'source'> {
  if (isPostmortemError(error)) return error.line !== null ? { line: error.line, reason: error.message } : { reason: error.message };
  return { reason: `could not be exported (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); this is a bug in postmortem` };
}

/**
 * A file read and parsed, or why it could not be, with the hash of its bytes for the site's
 * manifest (null when they could not be read).
 */
export type ParsedSource = { postmortem: Postmortem; failure: null; sha256: string | null } | { postmortem: null; failure: Omit<SiteFailure, 'source'>; sha256: string | null };

/**
 * Reads and parses one source, redacted first when `redact` is given (`export --redact`). Ordinary files are read synchronously: this runs on a worker
 * thread or on a thread with nothing else to do, and the promise-based calls cost more than
 * the reading (see readOrdinaryFileSync).
 */
export async function parseSource(source: { absolute: string; relative: string }, redact: RedactOptions | null = null): Promise<ParsedSource> {
  // Hashed before the text is read (a second read, of a file just read, from the page cache):
  // a file changed in between then has a page newer than its recorded hash, so the next build
  // sees it as changed. The other way round it would keep a stale page.
  const sha256 = sourceDigest(source.absolute);
  try {
    let text = readOrdinaryFileSync(source.absolute) ?? (await readPostmortemFile(source.absolute));
    // `export --redact`: the page is made from the redacted text; the source file is not touched.
    if (redact) text = (await (await import('../redact/redact-text.js')).redactText(text, redact)).text;
    return { postmortem: parsePostmortem(text, { filePath: source.relative }), failure: null, sha256 };
  } catch (error) {
    return { postmortem: null, failure: siteFailure(error), sha256 };
  }
}
