// An unreadable input and a folder that cannot be written. Root reads and writes anything, and
// the tests run as root in CI, so the kernel's refusals are made by mocking the calls that
// would meet them (reading secret.md, creating a file in locked/); outputs.test.ts has the
// real chmod case for other users.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runInProcess, useTempDir } from '../cli/cli-harness.js';
import { expectPromisesKept, FILE_COMMANDS } from './hardening-harness.js';

const denied = (path: unknown): Error => Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES' });
const isSecret = (path: unknown): boolean => String(path).endsWith('secret.md');
const isLocked = (path: unknown): boolean => /[/\\]locked[/\\]/.test(String(path));

vi.mock('node:fs', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((...args: Parameters<typeof original.readFileSync>) => {
    if (isSecret(args[0])) throw denied(args[0]);
    return original.readFileSync(...args);
  }) as typeof original.readFileSync;
  const openSync = ((...args: Parameters<typeof original.openSync>) => {
    if (isSecret(args[0]) || isLocked(args[0])) throw denied(args[0]);
    return original.openSync(...args);
  }) as typeof original.openSync;
  return { ...original, default: { ...original, readFileSync, openSync }, readFileSync, openSync };
});

vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs/promises')>();
  const open = async (...args: Parameters<typeof original.open>) => {
    if (isSecret(args[0]) || isLocked(args[0])) throw denied(args[0]);
    return original.open(...args);
  };
  return { ...original, default: { ...original, open }, open };
});

let cwd: string;
useTempDir((path) => (cwd = path));

const POSTMORTEM = '---\ntitle: "Locked out"\ndate: "2026-02-03"\n---\n\n# Locked out\n\n## Summary\n\nFrom 10:00 to 10:40 UTC nobody could sign in.\n';

describe('an input file that may not be read', () => {
  it.each(FILE_COMMANDS)('$name says so in one line naming it', async (command) => {
    writeFileSync(join(cwd, 'secret.md'), POSTMORTEM);
    const result = await runInProcess(command.args('secret.md'), { cwd });
    expectPromisesKept(result, command);
    const said = `${result.stderr}${result.stdout}`;
    expect(said).toContain('secret.md');
    expect(said).toMatch(/permission denied/i);
  });
});

describe('an output folder that may not be written', () => {
  it.each([
    ['export (JSON)', ['export', 'in.md', '-o', 'locked/out.json']],
    ['export --format html', ['export', 'in.md', '--format', 'html', '-o', 'locked/out.html']],
    ['lint', ['lint', 'in.md', '--concurrency', '1', '-o', 'locked/report.txt']],
    ['export --site', ['export', '--site', 'locked/site', '--concurrency', '1', 'in.md']],
  ])('%s: one line, exit 2, nothing left in the folder', async (_name, args) => {
    writeFileSync(join(cwd, 'in.md'), POSTMORTEM);
    mkdirSync(join(cwd, 'locked'));
    const result = await runInProcess(args, { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^postmortem: locked\/.*permission denied/);
    const left = readdirSync(join(cwd, 'locked'), { recursive: true, encoding: 'utf8' });
    expect(left.filter((name) => name.endsWith('.tmp') || name.endsWith('.html') || name.endsWith('.json') || name.endsWith('.txt'))).toEqual([]);
  });
});
