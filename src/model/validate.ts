/** Validation of model input (answers files, library callers). Stub: being written. */
import type { Postmortem } from './postmortem.js';

/** Options for {@link normalizePostmortem}. */
export interface NormalizeOptions {
  /** The file the input came from, named in error messages. */
  filePath?: string | null;
}

/**
 * Checks input in the model's JSON shape (as read from an answers file) and returns a full
 * `Postmortem`, absent keys filled with null or empty arrays. Throws `PostmortemError` naming
 * the file and the field for invalid input.
 */
export function normalizePostmortem(input: unknown, options: NormalizeOptions = {}): Postmortem {
  void input;
  void options;
  throw new Error('normalizePostmortem: not implemented yet');
}
