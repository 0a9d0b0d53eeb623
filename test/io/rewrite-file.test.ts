import { chmod, lstat, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rewriteFile } from '../../src/io/rewrite-file.js';
import { writeFileAtomic } from '../../src/io/write-file-atomic.js';
import { useTempDir } from '../cli/cli-harness.js';

let dir: string;
useTempDir((path) => (dir = path));

describe('rewriteFile', () => {
  it('replaces a file that still holds what was read, keeping its permissions, and leaves no temporary file', async () => {
    const path = join(dir, 'pm.md');
    await writeFile(path, '- [ ] One\n');
    await chmod(path, 0o640);
    const original = await readFile(path);
    await rewriteFile(path, original, '- [x] One\n');
    expect(await readFile(path, 'utf8')).toBe('- [x] One\n');
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['pm.md']);
  });

  it('refuses, writing nothing, when the file changed after it was read', async () => {
    const path = join(dir, 'pm.md');
    await writeFile(path, '- [ ] One\n');
    const original = await readFile(path);
    await writeFile(path, '- [ ] One\n- [ ] Two, saved from an editor meanwhile\n');
    await expect(rewriteFile(path, original, '- [x] One\n', { displayPath: 'pm.md' })).rejects.toThrow(
      'changed on disk while it was being edited; nothing written, run the command again',
    );
    expect(await readFile(path, 'utf8')).toBe('- [ ] One\n- [ ] Two, saved from an editor meanwhile\n');
    expect(await readdir(dir)).toEqual(['pm.md']);
  });

  it('refuses when the file is gone', async () => {
    const path = join(dir, 'pm.md');
    await expect(rewriteFile(path, Buffer.from('- [ ] One\n'), '- [x] One\n')).rejects.toThrow(/changed on disk/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('edits the file a symbolic link points to, and the link stays a link', async () => {
    await writeFile(join(dir, 'real.md'), '- [ ] One\n');
    await symlink('real.md', join(dir, 'link.md'));
    await rewriteFile(join(dir, 'link.md'), await readFile(join(dir, 'link.md')), '- [x] One\n');
    expect((await lstat(join(dir, 'link.md'))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, 'real.md'), 'utf8')).toBe('- [x] One\n');
  });
});

describe('writeFileAtomic beforeReplace', () => {
  it('runs just before the rename; throwing there leaves the target as it was', async () => {
    const path = join(dir, 'out.md');
    await writeFile(path, 'old');
    const seen: string[] = [];
    await writeFileAtomic(path, 'new', { overwrite: true, beforeReplace: async () => void seen.push(await readFile(path, 'utf8')) });
    expect(seen).toEqual(['old']);
    expect(await readFile(path, 'utf8')).toBe('new');
    await expect(writeFileAtomic(path, 'newer', { overwrite: true, beforeReplace: () => { throw new Error('stop'); } })).rejects.toThrow(/stop/);
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['out.md']);
  });
});
