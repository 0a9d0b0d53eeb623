/**
 * The CLI entry point as a function: arguments and streams in, exit code out. It never calls
 * `process.exit` or reads `process.argv`, so tests run it in-process, and it is the one place
 * that turns errors into messages and exit codes:
 *
 * - 0: success;
 * - 1: the command ran and found problems;
 * - 2: a usage error, or the tool could not do its job (a `PostmortemError`, or a bug).
 */
import { inspect } from 'node:util';
import { isPostmortemError } from '../model/errors.js';
import type { CliColors } from './colors.js';
import type { CliIo } from './io.js';
import { readPackageInfo } from './package-info.js';
import { terminalText } from './terminal-text.js';

export type { CliIo, OutputStream } from './io.js';

/** Exit code for a usage error or a failure to do the job. */
export const EXIT_FAILURE = 2;

function prefix(colors: CliColors | undefined): string {
  return colors ? colors.stderr.red('postmortem:') : 'postmortem:';
}

function reportLocation(): string {
  const { bugsUrl } = readPackageInfo();
  return bugsUrl ? `report it at ${bugsUrl}` : 'report it to the postmortem maintainers';
}

/** Prints an error that is not a usage error and returns the exit code for it. */
function reportError(error: unknown, io: CliIo, colors: CliColors | undefined, debug: boolean): number {
  if (isPostmortemError(error)) {
    // One line whatever the file is called: a name may hold a newline or an escape sequence.
    io.stderr.write(`${prefix(colors)} ${terminalText(error.format())}\n`);
    if (debug) io.stderr.write(`${inspect(error)}\n`);
    return error.exitCode;
  }
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] || 'unknown error';
  if (debug) {
    io.stderr.write(`${prefix(colors)} internal error: this is a bug in postmortem; please ${reportLocation()} with the output below.\n`);
    io.stderr.write(`${error instanceof Error ? inspect(error) : String(error)}\n`);
  } else {
    io.stderr.write(
      `${prefix(colors)} internal error: ${message} (this is a bug in postmortem; run again with --debug for details and ${reportLocation()})\n`,
    );
  }
  return EXIT_FAILURE;
}

/**
 * Runs the `postmortem` CLI with `args` (without the node and script paths) against `io`
 * and resolves to the exit code. Never rejects: every error is reported on `io.stderr`.
 */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  // The fast path keeps `--version` as quick as Node starting: commander and chalk are not loaded.
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    io.stdout.write(`${readPackageInfo().version}\n`);
    return 0;
  }
  let colors: CliColors | undefined;
  let debug = args.includes('--debug');
  try {
    const { createColors, createProgram, usageExitCode } = await import('./program.js');
    colors = createColors(io);
    const result = { exitCode: 0 };
    const program = createProgram({ io, colors }, result, args);
    try {
      await program.parseAsync([...args], { from: 'user' });
    } catch (error) {
      // Commander has already printed its message (or the help) through configureOutput.
      const exitCode = usageExitCode(error);
      if (exitCode !== null) return exitCode;
      debug = program.opts<{ debug?: boolean }>().debug === true;
      throw error;
    }
    return result.exitCode;
  } catch (error) {
    return reportError(error, io, colors, debug);
  }
}
