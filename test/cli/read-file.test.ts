import { mkdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostmortemError } from '../../src/model/errors.js';
import { MAX_INPUT_FILE_BYTES, readPostmortemFile } from '../../src/parse/read-file.js';
import { makeTempDir } from './cli-harness.js';

let dir: string;
let removeDir: () => Promise<void>;
beforeEach(async () => {
  ({ path: dir, remove: removeDir } = await makeTempDir());
});
afterEach(async () => {
  await removeDir();
});

async function readError(filePath: string, options: { maxBytes?: number } = {}): Promise<PostmortemError> {
  const error = await readPostmortemFile(filePath, { cwd: dir, ...options }).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PostmortemError);
  return error as PostmortemError;
}

describe('readPostmortemFile', () => {
  it('returns the text as is, CRLF line endings included', async () => {
    await writeFile(join(dir, 'a.md'), '# Title\r\n\r\nBody ✓\r\n');
    expect(await readPostmortemFile('a.md', { cwd: dir })).toBe('# Title\r\n\r\nBody ✓\r\n');
  });

  it('strips a UTF-8 byte order mark', async () => {
    await writeFile(join(dir, 'bom.md'), Buffer.from([0xef, 0xbb, 0xbf, 0x23, 0x20, 0x54]));
    expect(await readPostmortemFile('bom.md', { cwd: dir })).toBe('# T');
  });

  it('returns an empty string for an empty file', async () => {
    await writeFile(join(dir, 'empty.md'), '');
    expect(await readPostmortemFile('empty.md', { cwd: dir })).toBe('');
  });

  it('reads an absolute path regardless of cwd', async () => {
    await writeFile(join(dir, 'abs.md'), 'x');
    expect(await readPostmortemFile(join(dir, 'abs.md'), { cwd: '/' })).toBe('x');
  });

  it.each([
    ['a missing file', 'missing.md', 'missing.md: no such file'],
    ['a path through a file', 'plain.md/child.md', 'plain.md/child.md: no such file'],
    ['a directory', 'folder', 'folder: is a directory, not a file'],
  ])('refuses %s with the file named', async (_case, name, formatted) => {
    await writeFile(join(dir, 'plain.md'), 'x');
    await mkdir(join(dir, 'folder'));
    const error = await readError(name);
    expect(error.format()).toBe(formatted);
    expect(error.exitCode).toBe(2);
    expect(error.filePath).toBe(name);
  });

  it('refuses a binary file (a NUL byte in the first 8 KB)', async () => {
    await writeFile(join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    expect((await readError('image.md')).format()).toBe('image.md: looks like a binary file (NUL byte at offset 8), not text');
  });

  it('refuses UTF-16 text with advice', async () => {
    await writeFile(join(dir, 'utf16.md'), Buffer.from('\ufeff# Title', 'utf16le'));
    expect((await readError('utf16.md')).format()).toBe('utf16.md: is UTF-16 text; save it as UTF-8');
  });

  it('refuses invalid UTF-8 naming the line and byte offset of the first bad byte', async () => {
    // Line 3 holds Latin-1 "é" (0xe9), which is not UTF-8.
    await writeFile(join(dir, 'latin1.md'), Buffer.concat([Buffer.from('# Title\nok ✓\ncaf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const error = await readError('latin1.md');
    expect(error.line).toBe(3);
    expect(error.format()).toBe('latin1.md:3: is not valid UTF-8 (bad byte 0xe9 at byte offset 18); save it as UTF-8');
  });

  it.each([
    ['an overlong encoding', [0xc0, 0xaf]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a truncated sequence at the end', [0x41, 0xe2, 0x82]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ])('refuses %s', async (_case, bytes) => {
    await writeFile(join(dir, 'bad.md'), Buffer.from(bytes));
    expect((await readError('bad.md')).message).toMatch(/^is not valid UTF-8 \(bad byte 0x[0-9a-f]{2} at byte offset [01]\)/);
  });

  it('refuses a file over the size limit, and the default limit is 5 MiB', async () => {
    expect(MAX_INPUT_FILE_BYTES).toBe(5 * 1024 * 1024);
    await writeFile(join(dir, 'big.md'), 'x'.repeat(11));
    expect((await readError('big.md', { maxBytes: 10 })).format()).toBe('big.md: is too large (11 bytes; the limit is 10 bytes)');
    expect(await readPostmortemFile('big.md', { cwd: dir, maxBytes: 11 })).toBe('x'.repeat(11));
    await truncate(join(dir, 'big.md'), MAX_INPUT_FILE_BYTES + 1);
    expect((await readError('big.md')).message).toBe(`is too large (${MAX_INPUT_FILE_BYTES + 1} bytes; the limit is 5 MiB)`);
  });

  it('stops reading an endless device at the limit', async () => {
    expect((await readError('/dev/zero', { maxBytes: 1000 })).format()).toBe('/dev/zero: is too large (more than 1000 bytes)');
  });
});
