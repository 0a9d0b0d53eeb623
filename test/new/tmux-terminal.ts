/**
 * Drives a real program through a pseudo-terminal with tmux: start it in a detached session
 * of a fixed size, type with `send-keys`, read the screen with `capture-pane`. Every wait
 * polls the screen until what is expected shows up, with a generous timeout, so the tests
 * do not depend on how fast the machine is. Each terminal has its own tmux server (socket),
 * so tests never touch a tmux the developer is using.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach } from 'vitest';
import { makeTempDir } from '../cli/cli-harness.js';

/** Whether tmux can be run here. */
export function tmuxAvailable(): boolean {
  return spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
}

let sessions = 0;

/** Quotes a word for the shell tmux runs the command with. */
function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** One program running in a tmux pane. */
export class TmuxTerminal {
  private readonly socket = `postmortem-test-${process.pid}-${++sessions}`;
  private readonly target = 'test';
  private started = false;
  private socketPath: string | null = null;
  /** Prompt lines on the screen at the last {@link waitForQuestion}. */
  private promptsSeen = 0;

  constructor(private readonly timeoutMs = 30_000) {}

  private tmux(...args: string[]): string {
    const result = spawnSync('tmux', ['-u', '-L', this.socket, ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr.trim()}`);
    return result.stdout;
  }

  /**
   * Starts `command` (an argument list) in `cwd` with `env` added. When it exits, the pane
   * shows `[exit N]` and stays open, so the tests can read the last screen and the code.
   */
  start(command: readonly string[], options: { cwd: string; env?: Record<string, string>; unset?: readonly string[] }): void {
    const unset = (options.unset ?? []).flatMap((name) => ['-u', name]);
    const assignments = Object.entries(options.env ?? {}).map(([name, value]) => `${name}=${value}`);
    const line = ['env', ...unset, ...assignments, ...command].map(shellQuote).join(' ');
    this.tmux('new-session', '-d', '-x', '120', '-y', '40', '-s', this.target, '-c', options.cwd, `${line}; echo "[exit $?]"; sleep 600`);
    this.started = true;
    this.socketPath = this.tmux('display-message', '-p', '#{socket_path}').trim();
  }

  /** The whole screen and its scrollback, wrapped lines joined, trailing blank lines dropped. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-2000', '-t', this.target).replace(/\s+$/, '');
  }

  /** Waits until `test` accepts the screen; fails with the last screen after the timeout. */
  async waitUntil(description: string, test: (screen: string) => boolean): Promise<string> {
    const deadline = Date.now() + this.timeoutMs;
    let screen = '';
    while (Date.now() < deadline) {
      screen = this.screen();
      if (test(screen)) return screen;
      await sleep(50);
    }
    throw new Error(`timed out waiting for ${description}; the screen was:\n${screen}`);
  }

  /** Waits for text anywhere on the screen. */
  waitFor(text: string | RegExp): Promise<string> {
    return this.waitUntil(String(text), (screen) => (typeof text === 'string' ? screen.includes(text) : text.test(screen)));
  }

  /**
   * Waits for the next question: a prompt line (`? ` while asked, `✔ ` once answered) that
   * was not there at the previous wait, still being asked, containing `question`. Counting
   * prompts rather than looking at the last one matters when the same question comes twice
   * in a row ("Improvement or fix"): keys sent before the next prompt is up would be lost.
   */
  async waitForQuestion(question: string): Promise<string> {
    const screen = await this.waitUntil(`the question "${question}"`, (text) => {
      const prompts = text.split('\n').filter((line) => line.startsWith('? ') || line.startsWith('✔ '));
      const last = prompts.at(-1);
      return prompts.length > this.promptsSeen && last !== undefined && last.startsWith('? ') && last.includes(question);
    });
    this.promptsSeen = screen.split('\n').filter((line) => line.startsWith('? ') || line.startsWith('✔ ')).length;
    return screen;
  }

  /** Types text literally (no key names). */
  type(text: string): void {
    if (text !== '') this.tmux('send-keys', '-t', this.target, '-l', text);
  }

  /** Presses keys by tmux name: `Enter`, `Down`, `BSpace`, `C-c`. */
  press(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.target, ...keys);
  }

  /** Waits for a question, then types the answer and Enter. */
  async answer(question: string, text: string): Promise<void> {
    await this.waitForQuestion(question);
    this.type(text);
    this.press('Enter');
  }

  /** Waits for the program to end and returns its exit code. */
  async exitCode(): Promise<number> {
    const screen = await this.waitFor(/\[exit \d+\]/);
    return Number(/\[exit (\d+)\]/.exec(screen)?.[1]);
  }

  /** Ends the session and its server. */
  close(): void {
    if (!this.started) return;
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
    // tmux leaves the socket file behind; one per test run would pile up in /tmp.
    if (this.socketPath) rmSync(this.socketPath, { force: true });
    this.started = false;
  }
}

/** One step of typing: wait for the question, then type a line and Enter, press keys, or type lines. */
export type Keystrokes = { question: string; type?: string; keys?: string[]; lines?: string[] };

/** Lines of the plain multi-line input: each waits for the new empty `│` line the previous Enter opened. */
async function typeLines(terminal: TmuxTerminal, lines: readonly string[]): Promise<void> {
  const promptLines = (screen: string): string[] => screen.split('\n').filter((line) => line.startsWith('│'));
  for (const [index, line] of lines.entries()) {
    const before = promptLines(terminal.screen()).length;
    terminal.type(line);
    terminal.press('Enter');
    const last = index === lines.length - 1;
    if (!last) await terminal.waitUntil(`the line after "${line}"`, (screen) => promptLines(screen).length > before && screen.split('\n').at(-1)?.trim() === '│');
  }
}

/** Plays the steps in order, each once its question is on the screen. */
export async function play(terminal: TmuxTerminal, steps: readonly Keystrokes[]): Promise<void> {
  for (const step of steps) {
    await terminal.waitForQuestion(step.question);
    if (step.lines) {
      await terminal.waitUntil(`the first line of ${step.question}`, (screen) => screen.split('\n').at(-1)?.trim() === '│');
      await typeLines(terminal, step.lines);
    } else if (step.keys) {
      terminal.press(...step.keys);
    } else {
      terminal.type(step.type ?? '');
      terminal.press('Enter');
    }
  }
}

/** Why tests that type into a terminal are skipped where tmux is missing (.ci/run installs it). */
export const NO_TMUX = 'tmux is not installed (apt-get install tmux); these tests type into a real terminal through it';

/**
 * A fresh temporary folder and a terminal for each test of the calling `describe`, handed to
 * `use` before the test and closed and removed after it.
 */
export function useTmuxTerminal(use: (terminal: TmuxTerminal, cwd: string) => void): void {
  let terminal: TmuxTerminal | null = null;
  let remove: (() => Promise<void>) | null = null;
  beforeEach(async () => {
    const directory = await makeTempDir();
    remove = directory.remove;
    terminal = new TmuxTerminal();
    use(terminal, directory.path);
  });
  afterEach(async () => {
    terminal?.close();
    await remove?.();
  });
}
