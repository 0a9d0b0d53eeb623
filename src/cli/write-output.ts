/** Where a command's result goes: standard output, or a file written atomically. */
import type { CliIo } from './io.js';
import { writeFileAtomic } from '../io/write-file-atomic.js';

/** The output flags shared by commands that produce a document. */
export interface OutputOptions {
  /** File to write; absent or `-` means standard output. */
  output?: string;
  /** Overwrite an existing output file. */
  force?: boolean;
}

/**
 * Writes a command's result to `--output` (relative to `io.cwd`, refusing to overwrite
 * without `--force`) or, without one or with `-`, to standard output.
 */
export async function writeCommandOutput(content: string, options: OutputOptions, io: CliIo): Promise<void> {
  if (options.output === undefined || options.output === '-') {
    io.stdout.write(content);
    return;
  }
  await writeFileAtomic(options.output, content, { cwd: io.cwd, overwrite: options.force === true });
}
