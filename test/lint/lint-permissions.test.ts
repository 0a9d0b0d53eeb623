// Permission errors cannot be produced with chmod when the tests run as root (as in CI), so
// reading secret.md is made to fail the way the kernel would; lint-command.test.ts has the
// real chmod case for other users.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runInProcess, useTempDir } from '../cli/cli-harness.js';
import { CLEAN } from './lint-fixtures.js';

const denied = (path: unknown): Error => Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES' });

vi.mock('node:fs', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((...args: Parameters<typeof original.readFileSync>) => {
    if (String(args[0]).endsWith('secret.md')) throw denied(args[0]);
    return original.readFileSync(...args);
  }) as typeof original.readFileSync;
  return { ...original, default: { ...original, readFileSync }, readFileSync };
});

vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs/promises')>();
  const open = async (...args: Parameters<typeof original.open>) => {
    if (String(args[0]).endsWith('secret.md')) throw denied(args[0]);
    return original.open(...args);
  };
  return { ...original, default: { ...original, open }, open };
});

let cwd: string;
useTempDir((path) => (cwd = path));

describe('postmortem lint and a file it may not read', () => {
  it('reports the file as unreadable and still lints the others', async () => {
    await writeFile(join(cwd, 'secret.md'), CLEAN);
    await writeFile(join(cwd, 'clean.md'), CLEAN);
    const result = await runInProcess(['lint', 'secret.md', 'clean.md', '--format', 'json', '--concurrency', 'off'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout) as Array<{ filePath: string; errorCount: number; messages: Array<{ message: string }> }>;
    const secret = report.find((entry) => entry.filePath.endsWith('secret.md'));
    const clean = report.find((entry) => entry.filePath.endsWith('clean.md'));
    expect(secret?.errorCount).toBe(1);
    expect(secret?.messages[0]?.message).toMatch(/permission denied/i);
    expect(clean?.messages).toEqual([]);
  });
});
