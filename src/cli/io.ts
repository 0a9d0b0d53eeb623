/**
 * What the CLI talks to. `run()` gets these passed in instead of touching `process`, so tests
 * can drive it in-process with strings and a temporary directory.
 */

/** An output stream: `process.stdout`, `process.stderr`, or a test double that collects text. */
export interface OutputStream {
  write(chunk: string): unknown;
  /** True for a terminal; colour is only used on one. */
  isTTY?: boolean;
  /** Terminal width, used to wrap help text. */
  columns?: number;
  /** Node's colour-depth detection for a TTY (1, 4, 8 or 24 bits). */
  getColorDepth?(env?: Record<string, string | undefined>): number;
}

/** Everything the CLI may use from its environment. */
export interface CliIo {
  /** Where results go (rendered Markdown, JSON, listings, help, version). */
  stdout: OutputStream;
  /** Where errors go. */
  stderr: OutputStream;
  /** Not read yet; reserved for commands that take input from a pipe or a terminal. */
  stdin?: NodeJS.ReadableStream;
  /** Directory relative paths are resolved from. */
  cwd: string;
  /** Environment variables (`NO_COLOR`, `FORCE_COLOR`, `TERM`). */
  env: Record<string, string | undefined>;
}
