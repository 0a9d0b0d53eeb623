/**
 * Editing a file in place without losing anyone's work: the new content replaces the file
 * atomically, and only if the file still holds the bytes the edit was made from. Someone who
 * saved the file in an editor meanwhile keeps their version; the edit is refused.
 */
import { readFile, realpath } from 'node:fs/promises';
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
 * `PostmortemError` when the file changed (nothing is written then) or cannot be written.
 */
export async function rewriteFile(path: string, original: Uint8Array, content: string | Uint8Array, options: RewriteFileOptions = {}): Promise<void> {
  const displayPath = options.displayPath ?? path;
  const target = await realpath(path).catch(() => path);
  const unchanged = Buffer.from(original.buffer, original.byteOffset, original.byteLength);
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
