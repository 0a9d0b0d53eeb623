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
  it('raises the interrupt budget fourfold on V8 11 (Node 20) only', () => {
    expect(batchJitFlags('11.3.244.8-node.33')).toBe('--interrupt-budget=270336');
    for (const version of ['12.4.254.21-node.33', '13.6.233.10-node.24', '10.2.154.26-node.36', '']) expect(batchJitFlags(version)).toBeNull();
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

  it('sets the flags for a site build, before it starts, and only then', async () => {
    expect((await runInProcess(['export', 'one.md', '--format', 'html', '-o', 'one.html'], { cwd })).exitCode).toBe(0);
    expect((await runInProcess(['export', 'one.md'], { cwd })).exitCode).toBe(0);
    expect(setFlagsFromString).not.toHaveBeenCalled();

    expect((await runInProcess(['export', '.', '--site', 'site'], { cwd })).exitCode).toBe(0);
    const flags = batchJitFlags();
    if (flags === null) expect(setFlagsFromString).not.toHaveBeenCalled();
    else expect(setFlagsFromString.mock.calls).toEqual([[flags]]);
  });
});
