// Permission errors cannot be produced with chmod when the tests run as root (as in CI), so
// open() is made to fail the way the kernel would.
import { describe, expect, it, vi } from 'vitest';
import { PostmortemError } from '../../src/model/errors.js';
import { readPostmortemFile } from '../../src/parse/read-file.js';
import { runInProcess, useTempDir } from './cli-harness.js';

vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...original,
    open: async (...args: Parameters<typeof original.open>) => {
      if (String(args[0]).endsWith('secret.md')) {
        throw Object.assign(new Error("EACCES: permission denied, open 'secret.md'"), { code: 'EACCES' });
      }
      return original.open(...args);
    },
  };
});

let cwd: string;
useTempDir((path) => (cwd = path));

describe('an unreadable file', () => {
  it('gives a PostmortemError naming the file', async () => {
    const error = await readPostmortemFile('notes/secret.md', { cwd }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(PostmortemError);
    expect((error as PostmortemError).format()).toBe('notes/secret.md: permission denied: cannot read this file');
  });

  it('makes export exit 2 with one line', async () => {
    const result = await runInProcess(['export', 'secret.md'], { cwd });
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: secret.md: permission denied: cannot read this file\n' });
  });
});
