/**
 * The interview's prompts, on inquirer (`@inquirer/prompts`). This is the only module that
 * imports it, and only the `new` command imports this module, so no other command pays for
 * loading it. Everything the interview asks goes through {@link createPrompter}; tests hand
 * the interview a scripted {@link Prompter} instead.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { checkbox, editor, input, select } from '@inquirer/prompts';
import type { CliIo } from './io.js';
import { PromptCancelledError, type AnswerValidator, type MultilineQuestion, type Prompter } from './new/prompter.js';

/** inquirer's context: where prompts read keys from and draw to, and what aborts them. */
interface PromptContext {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  signal?: AbortSignal;
}

/** Options for {@link createPrompter}. */
export interface PrompterOptions {
  /** Where prompts are drawn: the terminal among stdout and stderr (stdout may be redirected). */
  output: NodeJS.WritableStream;
  /** Force the line-by-line multi-line input even when an editor is configured. */
  plainMultiline?: boolean;
}

/** Ctrl-C, Ctrl-D or a closed terminal (inquirer's ExitPromptError and AbortPromptError) become one error the command understands. */
function cancelled(error: unknown): never {
  const name = (error as Error | null)?.name;
  if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError') throw new PromptCancelledError({ cause: error });
  throw error;
}

function executable(filePath: string): boolean {
  try {
    accessSync(filePath, constants.X_OK);
    return statSync(filePath).isFile();
  } catch {
    return false;
  }
}

/**
 * The editor `$VISUAL` or `$EDITOR` names, when it can be found: its first word as an
 * absolute or relative path, or on `$PATH`. Null when neither is set or the program is not
 * there, so the interview falls back to typing lines instead of failing to start `vi`.
 */
export function findEditor(env: Record<string, string | undefined>): string | null {
  const command = (env['VISUAL'] || env['EDITOR'] || '').trim();
  if (command === '') return null;
  const program = /^"([^"]+)"|^'([^']+)'|^(\S+)/.exec(command);
  const name = program?.[1] ?? program?.[2] ?? program?.[3] ?? '';
  if (name.includes('/') || isAbsolute(name)) return executable(name) ? command : null;
  const found = (env['PATH'] ?? '').split(delimiter).filter(Boolean).some((directory) => executable(join(directory, name)));
  return found ? command : null;
}

/** Aborts a prompt when its input ends (a pipe or terminal that closes), which inquirer would otherwise wait on forever. */
function withInputEnd<Value>(context: PromptContext, ask: (context: PromptContext) => Promise<Value>): Promise<Value> {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  context.input.once('end', abort);
  return ask({ ...context, signal: controller.signal })
    .catch(cancelled)
    .finally(() => context.input.removeListener('end', abort));
}

/**
 * The line-by-line fallback for multi-line answers: each line is its own prompt; a line with
 * only `.` or two empty lines in a row end the text, and an empty first line ends it empty
 * (or keeps the default, when there is one).
 */
async function typeLines(question: MultilineQuestion, context: PromptContext): Promise<string> {
  const write = (text: string): void => void context.output.write(text);
  const lineTheme = { prefix: { idle: '│', done: '│' } };
  for (;;) {
    write(`? ${question.message}\n`);
    if (question.default) {
      write(`${question.default.replace(/^/gm, '  ')}\n`);
      write('  (Enter on an empty first line keeps the text above; "." alone clears it; type to replace it)\n');
    } else {
      write('  (Type the text line by line; a line with only "." or two empty lines end it)\n');
    }
    const lines: string[] = [];
    let text: string | null = null;
    for (;;) {
      const line = await withInputEnd(context, (promptContext) => input({ message: '', theme: lineTheme }, promptContext));
      if (line.trim() === '.') {
        text = lines.join('\n');
        break;
      }
      if (line === '' && lines.length === 0) {
        text = question.default ?? '';
        break;
      }
      if (line === '' && lines[lines.length - 1] === '') {
        text = lines.join('\n');
        break;
      }
      lines.push(line);
    }
    const valid = question.validate ? question.validate(text) : true;
    if (valid === true) return text;
    write(`> ${valid}\n`);
  }
}

/** A {@link Prompter} on inquirer, reading keys from `io.stdin` and drawing on `options.output`. */
export function createPrompter(io: CliIo, options: PrompterOptions): Prompter {
  const context: PromptContext = { input: io.stdin ?? process.stdin, output: options.output };
  const editorCommand = options.plainMultiline ? null : findEditor(io.env);
  const validator = (validate: AnswerValidator | undefined): ((value: string) => true | string) | undefined => validate;
  return {
    input: (question) =>
      withInputEnd(context, (promptContext) =>
        input(
          {
            message: question.message,
            ...(question.default === undefined ? {} : { default: question.default }),
            ...(question.validate ? { validate: validator(question.validate) } : {}),
          },
          promptContext,
        ),
      ),
    select: (question) =>
      withInputEnd(context, (promptContext) =>
        select(
          {
            message: question.message,
            choices: question.choices.map((choice) => ({
              value: choice.value,
              name: choice.name ?? choice.value,
              ...(choice.description ? { description: choice.description } : {}),
            })),
            ...(question.default === undefined ? {} : { default: question.default }),
            pageSize: 10,
          },
          promptContext,
        ),
      ),
    checkbox: (question) =>
      withInputEnd(context, (promptContext) =>
        checkbox(
          {
            message: question.message,
            choices: question.choices.map((choice) => ({
              value: choice.value,
              name: choice.name ?? choice.value,
              checked: choice.checked === true,
              ...(choice.description ? { description: choice.description } : {}),
            })),
            pageSize: 12,
            loop: false,
          },
          promptContext,
        ),
      ),
    multiline: (question) => {
      if (!editorCommand) return typeLines(question, context);
      return withInputEnd(context, (promptContext) =>
        editor(
          {
            message: `${question.message} (opens ${editorCommand.split(/\s+/)[0]}; save and close it to go on)`,
            ...(question.default === undefined ? {} : { default: question.default }),
            ...(question.validate ? { validate: validator(question.validate) } : {}),
            postfix: '.md',
          },
          promptContext,
        ),
      );
    },
    note: (text) => void context.output.write(`${text}\n`),
  };
}
