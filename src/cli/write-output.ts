/** Where a command's result goes: standard output, or a file written atomically. */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CliIo } from './io.js';
import { PostmortemError } from '../model/errors.js';
import { writeFileAtomic } from '../io/write-file-atomic.js';

/** The output flags shared by commands that produce a document. */
export interface OutputOptions {
  /** File to write; absent or `-` means standard output. */
  output?: string;
  /** Overwrite an existing output file. */
  force?: boolean;
}

/**
 * Refuses, --force or not, an output file that is one of the command's input files (by path,
 * or the same file through a link): writing it would replace what the user wrote with the
 * command's output. `outputs` and `inputs` are relative to `cwd`.
 */
export function refuseInputsAsOutputs(outputs: readonly string[], inputs: readonly string[], cwd: string, refusal = 'is one of the input files; write the output to another file'): void {
  const identity = (path: string): string | null => {
    try {
      const stats = statSync(resolve(cwd, path), { throwIfNoEntry: false });
      return stats?.isFile() ? `${stats.dev}:${stats.ino}` : null;
    } catch {
      // ENOTDIR, ELOOP, EACCES: not a file that exists here; the read or the write reports it.
      return null;
    }
  };
  const inputIds = new Set(inputs.map(identity).filter((id): id is string => id !== null));
  if (inputIds.size === 0) return;
  for (const output of outputs) {
    const id = identity(output);
    if (id !== null && inputIds.has(id)) throw new PostmortemError(refusal, { filePath: output });
  }
}

/**
 * The files a `--template` option reads, as inputs {@link refuseInputsAsOutputs} protects: the
 * template file, or the files of a template directory (its partials too). None without one.
 */
export function templateInputs(template: string | undefined, cwd: string): string[] {
  if (template === undefined) return [];
  const path = resolve(cwd, template);
  try {
    if (!statSync(path).isDirectory()) return [path];
    return (readdirSync(path, { recursive: true }) as string[]).map((name) => join(path, name));
  } catch {
    // Not there, or unreadable: the renderer reports it.
    return [];
  }
}

/**
 * Writes a command's result to `--output` (relative to `io.cwd`, refusing to overwrite
 * without `--force`, and refusing any of `inputs` even with it) or, without one or with
 * `-`, to standard output.
 */
export async function writeCommandOutput(content: string, options: OutputOptions, io: CliIo, inputs: readonly string[] = []): Promise<void> {
  if (options.output === undefined || options.output === '-') {
    io.stdout.write(content);
    return;
  }
  refuseInputsAsOutputs([options.output], inputs, io.cwd);
  await writeFileAtomic(options.output, content, { cwd: io.cwd, overwrite: options.force === true });
}
