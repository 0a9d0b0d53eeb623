/** The V8 tuning a site build sets for the CLI's own process on Node 20 (src/cli/jit-tuning.ts). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const setFlagsFromString = vi.fn();
vi.mock('node:v8', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:v8')>()), setFlagsFromString }));

const { batchJitFlags } = await import('../../src/cli/jit-tuning.js');
const { runInProcess } = await import('./cli-harness.js');

describe('batchJitFlags', () => {
  it('raises the interrupt budget fourfold on Node 20 only, and never over the user\'s own', () => {
    expect(batchJitFlags('20.20.2', [])).toBe('--interrupt-budget=270336');
    expect(batchJitFlags('20.17.0', ['--max-old-space-size=4096'])).toBe('--interrupt-budget=270336');
    for (const version of ['21.7.3', '22.23.3', '24.1.0', '18.20.4', '']) expect(batchJitFlags(version, [])).toBeNull();
    expect(batchJitFlags('20.20.2', ['--interrupt-budget=100000'])).toBeNull();
    expect(batchJitFlags('20.20.2', ['--interrupt_budget=100000'])).toBeNull();
  });
});

describe('postmortem export', () => {
  let cwd: string;
  beforeEach(() => {
    cwd = mkdtempSync(join(tmpdir(), 'postmortem-jit-'));
    writeFileSync(join(cwd, 'one.md'), '# Outage\n\n## Timeline (UTC)\n\n- 14:00 Alert fired\n- 15:00 Service restored\n');
    setFlagsFromString.mockClear();
  });
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));

  it('sets the flags for a site build only', async () => {
    expect((await runInProcess(['export', 'one.md', '--format', 'html', '-o', 'one.html'], { cwd })).exitCode).toBe(0);
    expect((await runInProcess(['export', 'one.md'], { cwd })).exitCode).toBe(0);
    expect(setFlagsFromString).not.toHaveBeenCalled();

    expect((await runInProcess(['export', '.', '--site', 'site'], { cwd })).exitCode).toBe(0);
    const flags = batchJitFlags();
    if (flags === null) expect(setFlagsFromString).not.toHaveBeenCalled();
    else expect(setFlagsFromString.mock.calls).toEqual([[flags]]);
  });
});
