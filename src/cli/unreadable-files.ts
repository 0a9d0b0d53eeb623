/** The files of a collection that could not be read, as `actions` and `stats` report them. */
import type { CollectionFile } from '../collection/read-collection.js';
import type { CommandContext } from './command-context.js';
import { terminalText } from './terminal-text.js';

/** Prints one line on standard error for each file that could not be read, `postmortem: file:line: message`; returns how many. */
export function reportUnreadable(files: readonly CollectionFile[], context: CommandContext): number {
  const { io, colors } = context;
  let count = 0;
  for (const file of files) {
    if (!file.error) continue;
    count += 1;
    const where = file.error.line === null ? file.file : `${file.file}:${file.error.line}`;
    io.stderr.write(`${colors.stderr.red('postmortem:')} ${terminalText(`${where}: ${file.error.message}`)}\n`);
  }
  return count;
}
