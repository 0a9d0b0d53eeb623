/**
 * Writing an output file so that readers never see half of it and an existing file is never
 * clobbered by accident. The content goes to a temporary file in the same directory (same
 * file system, so the final step is atomic), is flushed to disk, and then either replaces
 * the target with `rename` or, when overwriting is not allowed, is hard-linked into place:
 * `link` fails if the target exists, so there is no window between "check" and "write".
 * A plain fs helper with no CLI in it: the CLI's output files and the site's pages use it.
 */
import { chmodSync, closeSync, constants, openSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { copyFile, link, lstat, mkdir, open, realpath, rename, stat, unlink, chmod } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { PostmortemError } from '../model/errors.js';

/** Options for {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** Replace an existing file. Without it an existing target is left untouched and an error thrown. */
  overwrite?: boolean;
  /** Directory a relative path is resolved from. Default `process.cwd()`. */
  cwd?: string;
  /** How the file is named in error messages. Default the path as given. */
  displayPath?: string;
  /** What to tell the user to do about an existing file. Default `use --force to overwrite it`. */
  overwriteHint?: string;
  /**
   * Flush the file and its directory entry to disk before returning (default true). A site
   * build turns it off: its pages are still never seen half-written, and a site is rebuilt
   * in seconds, whereas a flush per page would make every build of a large site slow.
   */
  flush?: boolean;
  /** Create the directory when missing (default true). A site build creates its folders once, before writing pages. */
  createDirectory?: boolean;
  /** Whether the target may exist and its permissions should carry over (default true). False skips that look-up for a file known to be new. */
  mayExist?: boolean;
  /**
   * With `overwrite`: called when the new content is on disk, just before it replaces the
   * target. Throwing stops the write, with nothing changed: an editor of a file in place
   * checks here that nobody changed the file since it was read.
   */
  beforeReplace?: () => Promise<void> | void;
}

/** Link is not available on every file system (some network and FUSE mounts); these codes mean "try a copy". */
const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

function writeError(error: unknown, displayPath: string, code = (error as NodeJS.ErrnoException | null)?.code): PostmortemError {
  const location = { filePath: displayPath };
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    ENOTDIR: 'a parent of this path is not a directory',
    EISDIR: 'is a directory',
    ENAMETOOLONG: 'file name too long',
  };
  const reason = (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
  return new PostmortemError(`cannot write this file: ${reason}`, location, { cause: error });
}

async function existsError(target: string, displayPath: string, hint: string): Promise<PostmortemError> {
  const existing = await lstat(target).catch(() => null);
  if (existing?.isDirectory()) return new PostmortemError('is a directory; name a file to write', { filePath: displayPath });
  return new PostmortemError(`already exists; ${hint}`, { filePath: displayPath });
}

/** Makes the rename or link itself survive a crash; not possible everywhere (Windows), so best effort. */
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Durability of the directory entry is a bonus; the data itself was already synced.
  }
}

/**
 * Random per process (and per thread: each has its own copy of this module), so names never
 * collide across runs. Made at the first write: a run that writes nothing (one-file lint) does
 * not load node:crypto, which takes a few milliseconds of start-up.
 */
let temporaryPrefix: string | undefined;
let temporaryCount = 0;

/** A temporary file's name beside `target`: hidden, unique to this process, thread and call. */
function temporaryPath(target: string): string {
  temporaryPrefix ??= `${process.pid}.${process.getBuiltinModule('node:crypto').randomBytes(4).toString('hex')}`;
  temporaryCount += 1;
  return join(dirname(target), `.${basename(target)}.${temporaryPrefix}.${temporaryCount}.tmp`);
}

async function writeToPipe(target: string, content: string | Uint8Array, displayPath: string): Promise<void> {
  try {
    // Opening for writing without blocking fails with ENXIO when nothing reads the pipe.
    const probe = await open(target, constants.O_WRONLY | constants.O_NONBLOCK);
    await probe.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') throw new PostmortemError('is a FIFO that nothing reads; nothing written', { filePath: displayPath });
    throw writeError(error, displayPath);
  }
  await writeToDevice(target, content, displayPath);
}

async function writeToDevice(target: string, content: string | Uint8Array, displayPath: string): Promise<void> {
  try {
    const handle = await open(target, 'w');
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw writeError(error, displayPath);
  }
}

/**
 * Writes `content` to `filePath` atomically, creating missing parent directories. Without
 * `overwrite`, refuses (without a race) to replace an existing file. Throws
 * `PostmortemError` naming the file for an existing target or a failed write; no temporary
 * file is left behind either way.
 */
export async function writeFileAtomic(
  filePath: string,
  content: string | Uint8Array,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  const displayPath = options.displayPath ?? filePath;
  const hint = options.overwriteHint ?? 'use --force to overwrite it';
  const flush = options.flush !== false;
  let target = resolve(options.cwd ?? process.cwd(), filePath);
  if (options.overwrite && (await lstat(target).catch(() => null))?.isSymbolicLink()) {
    // Through a link, what is written is what it points to, and the link stays a link: renaming
    // over /dev/stdout (a link to /proc/self/fd/1) as root would put a regular file in its place.
    target = await realpath(target).catch(() => target);
  }
  const directory = dirname(target);
  const temporary = temporaryPath(target);

  if (!options.overwrite) {
    // Not the guard (link below is): an early, cheap refusal before creating directories or temp files.
    if (await lstat(target).then(() => true, () => false)) throw await existsError(target, displayPath, hint);
  }

  if (options.overwrite && options.mayExist !== false) {
    // A device is not a file to replace: renaming over /dev/null as root would put a regular
    // file in its place. A character device is written to as a shell redirect would; a FIFO
    // (which could block) or a socket is refused.
    const existing = await stat(target).catch(() => null);
    if (existing?.isCharacterDevice()) {
      await writeToDevice(target, content, displayPath);
      return;
    }
    if (existing?.isFIFO()) {
      // A pipe with a reader (`-o /dev/stdout | less`) is written to as a shell would; one with
      // no reader would block for ever, so it is refused.
      await writeToPipe(target, content, displayPath);
      return;
    }
    if (existing && !existing.isFile() && !existing.isDirectory()) {
      throw new PostmortemError('is not a regular file (a socket or block device); nothing written', { filePath: displayPath });
    }
  }

  try {
    if (options.createDirectory !== false) await mkdir(directory, { recursive: true });
  } catch (error) {
    // mkdir -p reports a file standing where a directory should be as EEXIST, not ENOTDIR.
    const code = (error as NodeJS.ErrnoException).code;
    throw writeError(error, displayPath, code === 'EEXIST' ? 'ENOTDIR' : code);
  }

  let temporaryExists = false;
  try {
    const handle = await open(temporary, 'wx', 0o666);
    temporaryExists = true;
    try {
      await handle.writeFile(content);
      if (flush) await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite) {
      // Keep the permissions of the file being replaced (an executable script stays executable).
      const previous = options.mayExist === false ? null : await stat(target).catch(() => null);
      if (previous?.isFile()) await chmod(temporary, previous.mode & 0o7777).catch(() => undefined);
      await options.beforeReplace?.();
      await rename(temporary, target);
      temporaryExists = false;
    } else {
      try {
        await link(temporary, target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (code === 'EEXIST') throw await existsError(target, displayPath, hint);
        if (!LINK_UNSUPPORTED.has(code)) throw error;
        // COPYFILE_EXCL keeps the no-overwrite guarantee; only atomic visibility is lost here.
        try {
          await copyFile(temporary, target, constants.COPYFILE_EXCL);
        } catch (copyError) {
          if ((copyError as NodeJS.ErrnoException).code === 'EEXIST') throw await existsError(target, displayPath, hint);
          throw copyError;
        }
      }
    }
    if (flush) await syncDirectory(directory);
  } catch (error) {
    throw error instanceof PostmortemError ? error : writeError(error, displayPath);
  } finally {
    if (temporaryExists) await unlink(temporary).catch(() => undefined);
  }
}

/**
 * The synchronous form for many small files that may be replaced, such as a site's pages:
 * through a temporary file and a rename as {@link writeFileAtomic} with `overwrite` and
 * `flush: false`, in the existing directory `target` (absolute) names. Synchronous because a
 * site build writes a thousand pages on threads with nothing else to do, where the
 * promise-based calls cost more than the writing. Throws `PostmortemError` naming
 * `displayPath`; leaves no temporary file behind.
 */
export function replaceFileSync(target: string, content: string, options: { displayPath: string; mayExist: boolean }): void {
  const temporary = temporaryPath(target);
  let temporaryExists = false;
  try {
    const descriptor = openSync(temporary, 'wx', 0o666);
    temporaryExists = true;
    try {
      writeFileSync(descriptor, content);
    } finally {
      closeSync(descriptor);
    }
    // Keep the permissions of the file being replaced, as writeFileAtomic does.
    const previous = options.mayExist ? statSync(target, { throwIfNoEntry: false }) : undefined;
    if (previous?.isFile()) {
      try {
        chmodSync(temporary, previous.mode & 0o7777);
      } catch {
        // Some file systems (SMB, FUSE, vfat) refuse chmod; the page is still written.
      }
    }
    renameSync(temporary, target);
    temporaryExists = false;
  } catch (error) {
    throw writeError(error, options.displayPath);
  } finally {
    if (temporaryExists) {
      try {
        unlinkSync(temporary);
      } catch {
        // Already gone.
      }
    }
  }
}
