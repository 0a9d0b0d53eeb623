/**
 * Colour for CLI output. Each stream gets its own Chalk instance with a level worked out from
 * that stream and the passed-in environment: chalk's global detection looks at
 * `process.stdout` and `process.argv`, which are not what `run()` writes to or parses.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { CliIo, OutputStream } from './io.js';

/** Chalk colour level: 0 none, 1 basic 16 colours, 2 256 colours, 3 truecolor. */
export type ColorLevel = 0 | 1 | 2 | 3;

/** A Chalk instance for each output stream. */
export interface CliColors {
  stdout: ChalkInstance;
  stderr: ChalkInstance;
}

function forcedLevel(value: string): ColorLevel {
  if (value === '0' || value.toLowerCase() === 'false') return 0;
  if (value === '2') return 2;
  if (value === '3') return 3;
  return 1;
}

/**
 * The colour level for a stream. `FORCE_COLOR` wins (as in Node and chalk), then a non-empty
 * `NO_COLOR` turns colour off (no-color.org), then only a TTY that is not `TERM=dumb` gets
 * colour, at the depth the terminal reports.
 */
export function colorLevelFor(stream: OutputStream, env: Record<string, string | undefined>): ColorLevel {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return forcedLevel(force);
  if (env['NO_COLOR']) return 0;
  if (!stream.isTTY || env['TERM'] === 'dumb') return 0;
  // getColorDepth reads the environment it is given, so detection follows `io.env`, not process.env.
  const depth = stream.getColorDepth?.(env) ?? 4;
  if (depth >= 24) return 3;
  if (depth >= 8) return 2;
  if (depth >= 4) return 1;
  return 0;
}

/** Chalk instances for `io.stdout` and `io.stderr`, each coloured only when that stream should be. */
export function createColors(io: CliIo): CliColors {
  return {
    stdout: new Chalk({ level: colorLevelFor(io.stdout, io.env) }),
    stderr: new Chalk({ level: colorLevelFor(io.stderr, io.env) }),
  };
}
