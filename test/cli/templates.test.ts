// The listing format, with the template list replaced so that the test does not depend on
// which templates ship (see render.test.ts for the real list).
import { describe, expect, it, vi } from 'vitest';
import { runInProcess, useTempDir } from './cli-harness.js';

const templates = vi.hoisted(() => ({
  list: [
    { name: 'classic', description: 'The classic layout' },
    { name: 'google-sre', description: 'Google SRE book style' },
  ],
}));
vi.mock('../../src/render/templates.js', () => ({ listTemplates: () => templates.list }));

let cwd: string;
useTempDir((path) => (cwd = path));

describe('postmortem templates', () => {
  it('prints one line per template, names padded to the longest', async () => {
    const result = await runInProcess(['templates'], { cwd });
    expect(result).toEqual({
      exitCode: 0,
      stdout: 'classic     The classic layout\ngoogle-sre  Google SRE book style\n',
      stderr: '',
    });
  });

  it('pads before colouring, so columns line up on a terminal', async () => {
    const result = await runInProcess(['templates'], { cwd, ttyColorDepth: 8 });
    expect(result.stdout).toContain('\u001b[1mclassic   \u001b[22m  The classic layout');
  });
});
