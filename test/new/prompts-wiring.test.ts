// run() on a terminal loads the prompts module only for `new`, and the interview goes through it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { CapturedStream, useTempDir } from '../cli/cli-harness.js';
import { NOW } from './new-harness.js';
import { CTRL_C, ScriptedPrompter, type ScriptStep } from './scripted-prompter.js';
import { UPLOAD_OUTPUT, UPLOAD_SCRIPT } from './upload-incident.js';

const script = vi.hoisted(() => ({ steps: [] as ScriptStep[], prompter: null as ScriptedPrompter | null, output: null as unknown }));

vi.mock('../../src/cli/prompts.js', () => ({
  createPrompter: (_io: CliIo, options: { output: unknown }) => {
    script.output = options.output;
    script.prompter = new ScriptedPrompter(script.steps);
    return script.prompter;
  },
}));

let cwd: string;
useTempDir((path) => (cwd = path));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

function terminalIo(options: { stdoutIsTerminal: boolean }): { io: CliIo; stdout: CapturedStream; stderr: CapturedStream } {
  const stdout = new CapturedStream(options.stdoutIsTerminal ? { colorDepth: 8 } : null);
  const stderr = new CapturedStream({ colorDepth: 8 });
  const stdin = { isTTY: true } as unknown as NodeJS.ReadableStream;
  return { io: { stdout, stderr, stdin, cwd, env: { TZ: 'UTC', NO_COLOR: '1' } }, stdout, stderr };
}

describe('postmortem new on a terminal', () => {
  it('asks through the prompts module and writes the file', async () => {
    script.steps = UPLOAD_SCRIPT.filter(([question]) => question !== 'Title');
    const { io, stdout } = terminalIo({ stdoutIsTerminal: true });
    expect(await run(['new', '--title', 'Image uploads failed after a storage quota change'], io)).toBe(0);
    expect(script.prompter?.remaining).toEqual([]);
    expect(script.output).toBe(stdout);
    expect(await readFile(join(cwd, UPLOAD_OUTPUT), 'utf8')).toContain('# Image uploads failed after a storage quota change');
  });

  it('draws the prompts on standard error when standard output is redirected', async () => {
    script.steps = [['Title', CTRL_C]];
    const { io, stderr } = terminalIo({ stdoutIsTerminal: false });
    expect(await run(['new'], io)).toBe(130);
    expect(script.output).toBe(stderr);
    expect(stderr.text).toContain('Stopped. Nothing was answered');
  });
});
