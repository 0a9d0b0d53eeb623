/**
 * Errors the library throws. A `PostmortemError` is expected bad input (a file that cannot
 * be read, a model that does not validate, a template with a syntax error): the CLI prints
 * its one-line message and exits 2. Anything else that is thrown is a bug.
 */

/** Where in a file a problem is. */
export interface ErrorLocation {
  /** The file, as the user named it. */
  filePath?: string | null;
  /** 1-based line. */
  line?: number | null;
  /** 1-based column. */
  column?: number | null;
  /** For input in the model's shape: the JSON Pointer of the field at fault (`/summary/start`), which a reader of the source file can turn into a line. */
  field?: string | null;
}

/** Expected, user-facing failure: one clear line, exit code 2, no stack trace. */
export class PostmortemError extends Error {
  override readonly name = 'PostmortemError';
  /** The file the problem is in, when there is one. */
  readonly filePath: string | null;
  /** 1-based line of the problem, when known. */
  readonly line: number | null;
  /** 1-based column of the problem, when known. */
  readonly column: number | null;
  /** The JSON Pointer of the field at fault, for input in the model's shape. */
  readonly field: string | null;
  /** Exit code the CLI uses for this error. */
  readonly exitCode: number;

  constructor(message: string, location: ErrorLocation = {}, options: { cause?: unknown; exitCode?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.filePath = location.filePath ?? null;
    this.line = location.line ?? null;
    this.column = location.column ?? null;
    this.field = location.field ?? null;
    this.exitCode = options.exitCode ?? 2;
  }

  /** `file:line:column: message`, with the parts that are known. */
  format(): string {
    const where = [this.filePath, this.line, this.line !== null ? this.column : null]
      .filter((part) => part !== null && part !== undefined && part !== '')
      .join(':');
    return where ? `${where}: ${this.message}` : this.message;
  }
}

/** Whether a thrown value is an expected user-facing error. */
export function isPostmortemError(error: unknown): error is PostmortemError {
  return error instanceof PostmortemError;
}
