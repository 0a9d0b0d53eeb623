/** `postmortem export`: Markdown postmortems -> the model in another format (JSON for now). */
import { parsePostmortem } from '../../parse/parse-postmortem.js';
import { readPostmortemFile } from '../../parse/read-file.js';
import type { CommandContext } from '../command-context.js';
import { writeCommandOutput, type OutputOptions } from '../write-output.js';

/** The formats `export --format` accepts. */
export const EXPORT_FORMATS = ['json'] as const;

/** One of {@link EXPORT_FORMATS}. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Options of `postmortem export`. */
export interface ExportCommandOptions extends OutputOptions {
  format: ExportFormat;
}

/**
 * Parses each file and writes the model as JSON: one object for one file, an array in
 * argument order for several, so a script can tell which is which. Returns the exit code.
 */
export async function exportCommand(files: string[], options: ExportCommandOptions, context: CommandContext): Promise<number> {
  const { io } = context;
  const models = [];
  for (const filePath of files) {
    const text = await readPostmortemFile(filePath, { cwd: io.cwd });
    models.push(parsePostmortem(text, { filePath }));
  }
  const value = files.length === 1 ? models[0] : models;
  await writeCommandOutput(`${JSON.stringify(value, null, 2)}\n`, options, io);
  return 0;
}
