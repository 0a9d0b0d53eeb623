/** What every command module receives besides its own arguments and options. */
import type { CliColors } from './colors.js';
import type { CliIo } from './io.js';

/** The streams, working directory, environment and colours a command works with. */
export interface CommandContext {
  io: CliIo;
  colors: CliColors;
}
