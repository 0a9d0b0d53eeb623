/** `postmortem templates`: the built-in templates, one a line. */
import { listTemplates } from '../../render/templates.js';
import type { CommandContext } from '../command-context.js';

/** Lists the built-in templates with their descriptions. Returns the exit code. */
export async function templatesCommand(context: CommandContext): Promise<number> {
  const { io, colors } = context;
  const templates = listTemplates();
  if (templates.length === 0) {
    io.stdout.write('No built-in templates.\n');
    return 0;
  }
  const width = Math.max(...templates.map((template) => template.name.length));
  for (const template of templates) {
    // Pad before colouring: escape codes would count towards the width.
    io.stdout.write(`${colors.stdout.bold(template.name.padEnd(width))}  ${template.description}\n`);
  }
  return 0;
}
