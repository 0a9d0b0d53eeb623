/**
 * Which source a file or folder is, from its content: each reader looks at the first 64 KiB
 * (a folder, at its listing) and the first that knows it wins. Nothing else of the file is
 * read, so detecting a 200 MB export costs one small read.
 */
import { resolve } from 'node:path';
import { PostmortemError } from '../model/errors.js';
import { readFileHead, statSource } from './source-input.js';
import { timelineSourceReaders } from './sources/index.js';
import type { ImportSourceName } from './types.js';

/** The most of a file detection reads. */
export const DETECT_HEAD_BYTES = 64 * 1024;

/** Options for {@link detectSource}. */
export interface DetectSourceOptions {
  /** Where a relative path is resolved from. */
  cwd: string;
}

/**
 * The source `path` is (`slack`, `generic`, ...), from at most its first 64 KiB. Throws
 * `PostmortemError` naming the file when it cannot be read or is no format there is a reader
 * for; the message lists the formats and says `--from NAME` names one.
 */
export async function detectSource(path: string, options: DetectSourceOptions): Promise<ImportSourceName> {
  const absolute = resolve(options.cwd, path);
  const isDirectory = (await statSource(absolute, path)).isDirectory();
  const head = isDirectory ? '' : await readFileHead(absolute, path, DETECT_HEAD_BYTES);
  const reader = timelineSourceReaders().find((candidate) => candidate.detect(absolute, head, isDirectory));
  if (reader) return reader.name;
  throw unknownFormatError(path, head, isDirectory);
}

function unknownFormatError(path: string, head: string, isDirectory: boolean): PostmortemError {
  const formats = timelineSourceReaders().map((reader) => reader.name).join(', ');
  if (head.startsWith('PK\u0003\u0004')) {
    return new PostmortemError(`a zip archive: unzip it first (unzip ${path} -d export) and import the folder (formats: ${formats})`, { filePath: path });
  }
  const what = isDirectory ? 'a folder of no format' : 'not a format';
  return new PostmortemError(`${what} postmortem can import (${formats}): name one with --from NAME`, { filePath: path });
}
