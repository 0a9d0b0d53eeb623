/**
 * Editing a file in place without losing anyone's work: the new content replaces the file
 * atomically, and only if the file still holds the bytes the edit was made from. Someone who
 * saved the file in an editor meanwhile keeps their version; the edit is refused.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { PostmortemError } from '../model/errors.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** Options of {@link rewriteFile}. */
export interface RewriteFileOptions {
  /** How the file is named in messages. Default the path as given. */
  displayPath?: string;
}

/**
 * Replaces the file at `path` with `content`, atomically, keeping its permissions, when it
 * still holds exactly `original` (compared just before the rename). A symbolic link is
 * followed, so the file it points to is edited and the link stays a link. Throws
 * `PostmortemError` when the file changed (nothing is written then) or cannot be written,
 * and when it is read-only: replacing it by a rename would succeed in a writable folder, but
 * a file someone made read-only is not to be edited behind their back.
 */
export async function rewriteFile(path: string, original: Uint8Array, content: string | Uint8Array, options: RewriteFileOptions = {}): Promise<void> {
  const displayPath = options.displayPath ?? path;
  const target = await realpath(path).catch(() => path);
  const unchanged = Buffer.from(original.buffer, original.byteOffset, original.byteLength);
  const stats = await stat(target).catch(() => null);
  if (stats && !stats.isFile()) throw new PostmortemError('is not a regular file; nothing written', { filePath: displayPath });
  // The mode bits, not access(): root may write anything, and would pass a read-only file.
  if (stats && (stats.mode & 0o222) === 0) throw new PostmortemError('is read-only; nothing written (make it writable first)', { filePath: displayPath });
  await writeFileAtomic(target, content, {
    overwrite: true,
    displayPath,
    createDirectory: false,
    beforeReplace: async () => {
      const now = await readFile(target).catch(() => null);
      if (now === null || !now.equals(unchanged)) {
        throw new PostmortemError('changed on disk while it was being edited; nothing written, run the command again', { filePath: displayPath });
      }
    },
  });
}

/**
 * Refuses, before anything is read, a file to be edited in place that is not a regular file
 * (a FIFO, socket or device): its text would be taken from whatever writes to it, and could
 * not be written back. A missing path or a folder is left to the reader, which says so.
 */
export async function refuseSpecialFile(path: string, displayPath: string): Promise<void> {
  const stats = await stat(path).catch(() => null);
  if (stats && !stats.isFile() && !stats.isDirectory()) throw new PostmortemError('is not a regular file (a FIFO, socket or device); nothing read', { filePath: displayPath });
}
