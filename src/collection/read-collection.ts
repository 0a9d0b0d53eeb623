/**
 * Reads a collection of postmortems for `actions`, `stats` and the site: the files the same
 * discovery as `lint` finds, each parsed, or the reason it could not be. A file that cannot
 * be read is not the end of the run: it is reported with its line and left out.
 */
import { relative, sep } from 'node:path';
import { findPostmortems, type FindPostmortemsOptions } from '../io/find-postmortems.js';
import { isPostmortemError } from '../model/errors.js';
import type { Postmortem } from '../model/postmortem.js';
import { parsePostmortem } from '../parse/parse-postmortem.js';
import { readOrdinaryFileSync, readPostmortemFile } from '../parse/read-file.js';

/** One file of a collection: its model, or why there is none. */
export interface CollectionFile {
  /** Absolute path. */
  path: string;
  /** As messages and listings name it: relative to the working directory, `/`-separated, when inside it. */
  file: string;
  /** The parsed postmortem (its `source.filePath` is `file`), or null when the file could not be read. */
  postmortem: Postmortem | null;
  /** Why it could not be read, with the line when one is known; null when it was. */
  error: { message: string; line: number | null } | null;
}

/** Options of {@link readCollection}: where to look, as for `lint`. */
export type ReadCollectionOptions = FindPostmortemsOptions;

function displayPath(path: string, cwd: string): string {
  const fromCwd = relative(cwd, path);
  const inside = fromCwd !== '' && !fromCwd.startsWith('..') && !fromCwd.startsWith(sep);
  return (inside ? fromCwd : path).split(sep).join('/');
}

/** Reads and parses one file of a collection; never throws for the file's content. */
export async function readCollectionFile(path: string, file: string): Promise<CollectionFile> {
  try {
    const text = readOrdinaryFileSync(path) ?? (await readPostmortemFile(path));
    return { path, file, postmortem: parsePostmortem(text, { filePath: file }), error: null };
  } catch (error) {
    if (!isPostmortemError(error)) throw error;
    return { path, file, postmortem: null, error: { message: error.message, line: error.line } };
  }
}

/**
 * Finds the postmortems `patterns` name (files, directories, globs; default `postmortems/`)
 * and reads each. Throws `PostmortemError` when the patterns themselves are wrong (a path
 * that does not exist, a directory without Markdown files), as `lint` does.
 */
export async function readCollection(patterns: readonly string[], options: ReadCollectionOptions): Promise<CollectionFile[]> {
  const found = await findPostmortems(patterns, options);
  const files: CollectionFile[] = [];
  for (const { path } of found) files.push(await readCollectionFile(path, displayPath(path, options.cwd)));
  return files;
}
