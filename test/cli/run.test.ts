import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot, runInProcess, useTempDir } from './cli-harness.js';

const { version } = JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as { version: string };
const ESCAPE = '\u001b[';

let cwd: string;
useTempDir((path) => (cwd = path));

describe('run() version and help', () => {
  it.each([['--version'], ['-V']])('prints the package.json version for %s and exits 0', async (flag) => {
    const result = await runInProcess([flag], { cwd });
    expect(result).toEqual({ exitCode: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints the version through commander too when other global flags come with it', async () => {
    const result = await runInProcess(['--debug', '--version'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(`${version}\n`);
  });

  it('lists every command, the global flags and examples in --help', async () => {
    const result = await runInProcess(['--help'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    for (const text of ['render', 'export', 'templates', 'lint', '--version', '--debug', '--help', 'Examples:']) {
      expect(result.stdout).toContain(text);
    }
  });

  it.each([['render'], ['export'], ['templates'], ['lint']])('gives %s its own help with examples', async (command) => {
    const result = await runInProcess([command, '--help'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`Usage: postmortem ${command}`);
    expect(result.stdout).toMatch(new RegExp(`Examples:\\n  postmortem ${command}`));
  });

  it('documents every render and export flag in their help', async () => {
    const render = await runInProcess(['render', '--help'], { cwd });
    for (const flag of ['--template', '--output', '--force']) expect(render.stdout).toContain(flag);
    const exported = await runInProcess(['export', '--help'], { cwd });
    for (const flag of ['--format', '--output', '--force', 'choices: "json"']) expect(exported.stdout).toContain(flag);
  });

  it('shows help on stderr and exits 2 when no command is given', async () => {
    const result = await runInProcess([], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: postmortem');
  });

  it('supports `help <command>`', async () => {
    const result = await runInProcess(['help', 'export'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Usage: postmortem export');
  });
});

describe('run() usage errors exit 2', () => {
  it('suggests the closest command for a typo', async () => {
    const result = await runInProcess(['rendr'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("postmortem: unknown command 'rendr'");
    expect(result.stderr).toContain('(Did you mean render?)');
  });

  it('suggests the closest option for a mistyped flag', async () => {
    const result = await runInProcess(['export', 'a.md', '--frce'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("unknown option '--frce'");
    expect(result.stderr).toContain('(Did you mean --force?)');
  });

  it('reports a missing argument', async () => {
    const result = await runInProcess(['render'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("missing required argument 'answers'");
    expect(result.stderr).toContain("postmortem render --help");
  });

  it('reports an option without its value', async () => {
    const result = await runInProcess(['render', 'answers.json', '--output'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("option '-o, --output <file>' argument missing");
  });

  it('reports an unknown export format and lists the valid ones', async () => {
    const result = await runInProcess(['export', 'a.md', '--format', 'docx'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("argument 'docx' is invalid. Allowed choices are json, html, pdf.");
  });

  it('refuses extra arguments', async () => {
    const result = await runInProcess(['templates', 'extra'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('too many arguments');
  });
});

describe('run() user errors', () => {
  it('prints a PostmortemError as one line naming the file, without a stack, and exits 2', async () => {
    const result = await runInProcess(['export', 'missing.md'], { cwd });
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: missing.md: no such file\n' });
  });

  it('adds the stack of a PostmortemError with --debug', async () => {
    const result = await runInProcess(['--debug', 'export', 'missing.md'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('postmortem: missing.md: no such file');
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});

describe('run() colour', () => {
  it('uses no escape codes when the streams are not terminals', async () => {
    const help = await runInProcess(['--help'], { cwd });
    const typo = await runInProcess(['rendr'], { cwd });
    expect(help.stdout).not.toContain(ESCAPE);
    expect(typo.stderr).not.toContain(ESCAPE);
  });

  it('colours help and errors on a colour terminal', async () => {
    const help = await runInProcess(['--help'], { cwd, ttyColorDepth: 8 });
    const typo = await runInProcess(['rendr'], { cwd, ttyColorDepth: 8 });
    expect(help.stdout).toContain(ESCAPE);
    expect(typo.stderr).toContain(`${ESCAPE}31mpostmortem:`);
  });

  it('respects NO_COLOR on a terminal', async () => {
    const help = await runInProcess(['--help'], { cwd, ttyColorDepth: 8, env: { NO_COLOR: '1' } });
    const typo = await runInProcess(['rendr'], { cwd, ttyColorDepth: 8, env: { NO_COLOR: '1' } });
    expect(help.stdout).not.toContain(ESCAPE);
    expect(typo.stderr).not.toContain(ESCAPE);
  });

  it('uses colour when FORCE_COLOR is set even without a terminal, and none with FORCE_COLOR=0', async () => {
    const forced = await runInProcess(['rendr'], { cwd, env: { FORCE_COLOR: '1' } });
    const disabled = await runInProcess(['rendr'], { cwd, ttyColorDepth: 8, env: { FORCE_COLOR: '0' } });
    expect(forced.stderr).toContain(ESCAPE);
    expect(disabled.stderr).not.toContain(ESCAPE);
  });

  it('uses no colour on a terminal with TERM=dumb', async () => {
    const typo = await runInProcess(['rendr'], { cwd, ttyColorDepth: 8, env: { TERM: 'dumb' } });
    expect(typo.stderr).not.toContain(ESCAPE);
  });
});
