// A command that throws something other than a PostmortemError is a bug in the tool. The
// templates command is replaced by one that fails the way a bug would.
import { describe, expect, it, vi } from 'vitest';
import { runInProcess, useTempDir } from './cli-harness.js';

vi.mock('../../src/cli/commands/templates.js', () => ({
  templatesCommand: async () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'name')\nsecond line");
    error.cause = new Error('the underlying cause');
    throw error;
  },
}));

let cwd: string;
useTempDir((path) => (cwd = path));

describe('an internal error', () => {
  it('prints one line without a stack, saying it is a bug and how to get details, and exits 2', async () => {
    const result = await runInProcess(['templates'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("postmortem: internal error: Cannot read properties of undefined (reading 'name')");
    expect(lines[0]).toContain('this is a bug');
    expect(lines[0]).toContain('--debug');
    expect(lines[0]).toMatch(/report it (at|to) /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the stack and its cause with --debug, before or after the command name', async () => {
    for (const args of [['--debug', 'templates'], ['templates', '--debug']]) {
      const result = await runInProcess(args, { cwd });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('internal error: this is a bug in postmortem');
      expect(result.stderr).toContain('TypeError: Cannot read properties of undefined');
      expect(result.stderr).toMatch(/\n\s+at /);
      expect(result.stderr).toContain('the underlying cause');
    }
  });
});
