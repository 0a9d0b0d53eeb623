/** `postmortem render`: answers file (JSON or YAML) -> Markdown postmortem. */
import { readPostmortemFile } from '../../parse/read-file.js';
import { placeTimeline } from '../../parse/timeline.js';
import { renderMarkdown } from '../../render/render-markdown.js';
import { readAnswersText } from '../answers-file.js';
import type { CommandContext } from '../command-context.js';
import { templateInputs, writeCommandOutput, type OutputOptions } from '../write-output.js';

/** Options of `postmortem render`. */
export interface RenderCommandOptions extends OutputOptions {
  /** Built-in template name or path to a template; the renderer's default when absent. */
  template?: string;
}

/** Renders the answers file at `answersPath` and writes the Markdown. Returns the exit code. */
export async function renderCommand(answersPath: string, options: RenderCommandOptions, context: CommandContext): Promise<number> {
  const { io } = context;
  const text = await readPostmortemFile(answersPath, { cwd: io.cwd });
  // Answers files give times as written; templates that group entries by day need their instants.
  const postmortem = placeTimeline(readAnswersText(text, answersPath).postmortem);
  const markdown = renderMarkdown(postmortem, {
    cwd: io.cwd,
    ...(options.template === undefined ? {} : { template: options.template }),
  });
  await writeCommandOutput(markdown, options, io, [answersPath, ...templateInputs(options.template, io.cwd)]);
  return 0;
}
