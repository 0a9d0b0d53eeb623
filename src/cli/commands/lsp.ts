/**
 * `postmortem lsp`: the language server on standard input and output (the only transport;
 * `--stdio` is accepted because editors pass it). Resolves when the editor ends the session:
 * 0 after `shutdown` and `exit`, 1 when the editor went away without them.
 */
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { PostmortemError } from '../../model/errors.js';
import { builtinRules } from '../../lint/rules/index.js';
import { startLanguageServer } from '../../lsp/server.js';
import type { CommandContext } from '../command-context.js';
import { ruleDocsUrlFor } from '../rule-docs.js';

/** Options of `postmortem lsp`, as commander parses them. */
export interface LspCommandOptions {
  stdio?: boolean;
  /** Milliseconds between the last keystroke and the lint. */
  debounce?: number;
  config?: string;
}

function isReadable(stream: unknown): stream is Readable {
  return typeof (stream as Readable | undefined)?.on === 'function' && typeof (stream as Readable).read === 'function';
}

function isWritable(stream: unknown): stream is Writable {
  return typeof (stream as Writable | undefined)?.on === 'function' && typeof (stream as Writable).write === 'function';
}

/** Serves the language server protocol on the context's standard input and output until the editor ends it. */
export async function lspCommand(options: LspCommandOptions, context: CommandContext): Promise<number> {
  const { io } = context;
  const input = io.stdin;
  const output = io.stdout;
  if (!isReadable(input) || !isWritable(output)) {
    throw new PostmortemError('the language server needs standard input and output streams (run it as `postmortem lsp --stdio` from an editor)');
  }
  // Someone who typed the command in a terminal is told what it is waiting for (standard error: standard output is the protocol's).
  if ((input as { isTTY?: boolean }).isTTY) {
    io.stderr.write('postmortem lsp: a language server; it talks the Language Server Protocol on standard input and output and is started by an editor (see "In your editor" in the README). Ctrl-D ends it.\n');
  }
  const server = startLanguageServer({
    input,
    output,
    cwd: io.cwd,
    ruleDocsUrl: ruleDocsUrlFor(builtinRules.map((rule) => rule.id)),
    ...(options.debounce === undefined ? {} : { debounceMs: options.debounce }),
    // Named from the shell, so read from its directory, whatever workspace the editor names later.
    configFile: options.config === undefined ? null : resolve(io.cwd, options.config),
  });
  const exitCode = await server.exited;
  // Standard input would keep the process waiting for more; the session is over.
  input.pause();
  if ('destroy' in input && typeof input.destroy === 'function' && input === (process.stdin as unknown)) input.destroy();
  return exitCode;
}
