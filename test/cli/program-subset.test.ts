import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createColors } from '../../src/cli/colors.js';
import { COMMAND_NAMES, commandNamedBy, createProgram } from '../../src/cli/program.js';
import { CapturedStream, runBin, useTempDir } from './cli-harness.js';

let cwd: string;
useTempDir((path) => (cwd = path));

function program(args?: string[]): Command {
  const io = { stdout: new CapturedStream(), stderr: new CapturedStream(), cwd: '.', env: {} };
  return createProgram({ io, colors: createColors(io) }, { exitCode: 0 }, args);
}

/** Every command's help, subcommands too, by its path ("timeline import"). */
function helpByPath(command: Command, path: string[] = []): Map<string, string> {
  const help = new Map<string, string>();
  for (const sub of command.commands) {
    const subPath = [...path, sub.name()];
    help.set(subPath.join(' '), sub.helpInformation());
    for (const [key, text] of helpByPath(sub, subPath)) help.set(key, text);
  }
  return help;
}

describe('the program built for one command', () => {
  it.each([
    [['lint', 'a.md'], 'lint'],
    [['--debug', 'lint', 'a.md'], 'lint'],
    [['timeline', 'import', 'x.json'], 'timeline'],
    [['actions'], 'actions'],
    [['--help'], undefined],
    [['help', 'lint'], undefined],
    [['lnt', 'a.md'], undefined],
    [['--version', 'lint'], undefined],
    [[], undefined],
  ])('%j runs %s', (args, command) => {
    expect(commandNamedBy(args)).toBe(command);
  });

  it('holds only that command, and every command otherwise', () => {
    expect(program(['lint', 'a.md']).commands.map((command) => command.name())).toEqual(['lint']);
    expect(program(['lnt']).commands.map((command) => command.name())).toEqual([...COMMAND_NAMES]);
    expect(program().commands.map((command) => command.name())).toEqual([...COMMAND_NAMES]);
  });

  it.each(COMMAND_NAMES.map((name) => [name]))('gives %s (and its subcommands) the same help as the whole program', (name) => {
    const whole = helpByPath(program());
    const alone = helpByPath(program([name]));
    expect([...alone.keys()].every((key) => key === name || key.startsWith(`${name} `))).toBe(true);
    for (const [key, text] of alone) expect(text, key).toBe(whole.get(key));
    expect(alone.size).toBe([...whole.keys()].filter((key) => key === name || key.startsWith(`${name} `)).length);
  });

  it('still suggests the closest command for a typo, through the bin', () => {
    const result = runBin(['lnit', 'a.md'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("Did you mean lint?");
  });

  it('runs a command after --debug, through the bin', () => {
    const result = runBin(['--debug', 'lint', 'missing.md'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('missing.md');
  });
});
