import { chmod, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostmortemError } from '../../src/model/errors.js';
import { writeFileAtomic } from '../../src/io/write-file-atomic.js';
import { makeTempDir } from './cli-harness.js';

let dir: string;
let removeDir: () => Promise<void>;
beforeEach(async () => {
  ({ path: dir, remove: removeDir } = await makeTempDir());
});
afterEach(async () => {
  await removeDir();
});

async function writeError(...args: Parameters<typeof writeFileAtomic>): Promise<PostmortemError> {
  const error = await writeFileAtomic(...args).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PostmortemError);
  return error as PostmortemError;
}

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temporary file', async () => {
    await writeFileAtomic('out.md', '# Hello\n', { cwd: dir });
    expect(await readFile(join(dir, 'out.md'), 'utf8')).toBe('# Hello\n');
    expect(await readdir(dir)).toEqual(['out.md']);
  });

  it('creates missing parent directories', async () => {
    await writeFileAtomic('a/b/c/out.md', 'x', { cwd: dir });
    expect(await readFile(join(dir, 'a/b/c/out.md'), 'utf8')).toBe('x');
  });

  it('refuses to replace an existing file without overwrite, leaving it untouched', async () => {
    await writeFile(join(dir, 'out.md'), 'original');
    const error = await writeError('out.md', 'new', { cwd: dir });
    expect(error.format()).toBe('out.md: already exists; use --force to overwrite it');
    expect(await readFile(join(dir, 'out.md'), 'utf8')).toBe('original');
    expect(await readdir(dir)).toEqual(['out.md']);
  });

  it('uses the given hint and display path in the refusal', async () => {
    await writeFile(join(dir, 'out.md'), 'original');
    const error = await writeError('out.md', 'new', { cwd: dir, displayPath: 'docs/out.md', overwriteHint: 'pass --yes' });
    expect(error.format()).toBe('docs/out.md: already exists; pass --yes');
  });

  it('refuses a dangling symlink in the way rather than writing through it', async () => {
    await symlink(join(dir, 'elsewhere.md'), join(dir, 'link.md'));
    await writeError('link.md', 'new', { cwd: dir });
    expect(await readdir(dir)).toEqual(['link.md']);
  });

  it('lets exactly one of several simultaneous writers create the file', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) => writeFileAtomic('race.md', `writer ${index}`, { cwd: dir })),
    );
    const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    const content = await readFile(join(dir, 'race.md'), 'utf8');
    expect(content).toBe(`writer ${outcomes.findIndex((outcome) => outcome.status === 'fulfilled')}`);
    expect(await readdir(dir)).toEqual(['race.md']);
  });

  it('replaces an existing file with overwrite, keeping its permissions', async () => {
    await writeFile(join(dir, 'out.sh'), 'old');
    await chmod(join(dir, 'out.sh'), 0o750);
    await writeFileAtomic('out.sh', 'new', { cwd: dir, overwrite: true });
    expect(await readFile(join(dir, 'out.sh'), 'utf8')).toBe('new');
    expect((await stat(join(dir, 'out.sh'))).mode & 0o777).toBe(0o750);
    expect(await readdir(dir)).toEqual(['out.sh']);
  });

  it('writes bytes as given', async () => {
    await writeFileAtomic('bytes.bin', new Uint8Array([0, 1, 2, 255]), { cwd: dir });
    expect([...(await readFile(join(dir, 'bytes.bin')))]).toEqual([0, 1, 2, 255]);
  });

  it('refuses to write over a directory, even with overwrite', async () => {
    await mkdir(join(dir, 'folder'));
    expect((await writeError('folder', 'x', { cwd: dir })).format()).toBe('folder: is a directory; name a file to write');
    expect((await writeError('folder', 'x', { cwd: dir, overwrite: true })).format()).toBe('folder: cannot write this file: is a directory');
    expect(await readdir(dir)).toEqual(['folder']);
  });

  it('explains a failed write in one line and cleans up', async () => {
    await writeFile(join(dir, 'plain'), 'x');
    const error = await writeError('plain/out.md', 'x', { cwd: dir });
    expect(error.format()).toBe('plain/out.md: cannot write this file: a parent of this path is not a directory');
    expect(await readdir(dir)).toEqual(['plain']);
  });
});
