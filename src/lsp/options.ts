/**
 * What a caller of the language server needs to know without loading it: its options, the
 * running server's shape and its constants. `src/index.ts` exports these and loads the server
 * (and vscode-languageserver) only when one is started.
 */
import type { Readable, Writable } from 'node:stream';

/** How long the server waits after the last change before linting, in milliseconds, unless the client says otherwise. */
export const DEFAULT_DEBOUNCE_MS = 150;

/** The kind of the "fix everything" code action (editors run it on save when asked to). */
export const FIX_ALL_KIND = 'source.fixAll.postmortem';

/** The code of the diagnostic shown when the project config cannot be used. */
export const CONFIG_ERROR_CODE = 'config';

/** Options for {@link startLanguageServer}. */
export interface LanguageServerOptions {
  /** Where the client's messages come from (standard input for `--stdio`). */
  input: Readable;
  /** Where the server's messages go (standard output for `--stdio`). */
  output: Writable;
  /** The directory a `config` path is resolved from when the client names no workspace. */
  cwd: string;
  /** The address of a rule's documentation, or null for none. Default: no links. */
  ruleDocsUrl?: (ruleId: string) => string | null;
  /** Milliseconds to wait after a change before linting; the client's `initializationOptions.debounceMs` wins. */
  debounceMs?: number;
  /** One config file for every document instead of the nearest one (as `lint --config`); the client's `initializationOptions.config` wins. */
  configFile?: string | null;
}

/** A running language server. */
export interface LanguageServer {
  /** Resolves to the exit code once the client sends `exit`, or the input closes. */
  exited: Promise<number>;
}

