/**
 * Where a new postmortem is written: `postmortems/YYYY-MM-DD-<slug>.md` by default, the
 * first name not taken when that one is, and the check for a path the user types.
 */
import path from 'node:path';
import type { Checked } from './validate-answers.js';

/** What is at a path: a file, a directory, or nothing. */
export type PathKind = 'file' | 'directory' | null;

/** The directory new postmortems go to when config names none. */
export const DEFAULT_OUTPUT_DIRECTORY = 'postmortems';

/** A file name part from a title: `Checkout API: 502s!` -> `checkout-api-502s`. At most 60 characters, cut at a word. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|(?<!-)-+$/g, '');
  if (slug.length <= 60) return slug || 'postmortem';
  const cut = slug.slice(0, 61);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : cut.slice(0, 60)).replace(/(?<!-)-+$/, '');
}

/** `<directory>/<date>-<slug>.md`, with forward slashes as people type them. */
export function defaultOutputPath(directory: string, date: string, title: string): string {
  return path.posix.join(directory.replace(/\\/g, '/'), `${date}-${slugify(title)}.md`);
}

/** `file.md`, or `file-2.md`, `file-3.md`, ... the first that `kindOf` says is free. */
export function firstFreePath(filePath: string, kindOf: (filePath: string) => PathKind): string {
  if (kindOf(filePath) === null) return filePath;
  const extension = path.extname(filePath);
  const stem = filePath.slice(0, filePath.length - extension.length);
  for (let suffix = 2; ; suffix++) {
    const candidate = `${stem}-${suffix}${extension}`;
    if (kindOf(candidate) === null) return candidate;
  }
}

/**
 * The output path: a file name (not a directory), not an existing file unless `force`. An
 * existing file is refused with the first free name to use instead.
 */
export function checkOutputPath(text: string, options: { force: boolean; kindOf: (filePath: string) => PathKind }): Checked<string> {
  const value = text.trim();
  if (value === '') return { ok: false, message: 'the output path is required, such as postmortems/2026-03-14-checkout.md' };
  if (/[\\/]$/.test(value)) return { ok: false, message: `${value} is a directory; name the file to write` };
  const kind = options.kindOf(value);
  if (kind === 'directory') return { ok: false, message: `${value} is a directory; name the file to write` };
  if (kind === 'file' && !options.force) {
    return { ok: false, message: `${value} already exists; use ${firstFreePath(value, options.kindOf)} or --force to overwrite it` };
  }
  return { ok: true, value };
}
