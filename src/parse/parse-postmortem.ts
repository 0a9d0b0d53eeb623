/** Markdown (with optional YAML front matter) -> Postmortem. Work in progress: see src/parse. */
import { emptyPostmortem, type Postmortem } from '../model/postmortem.js';

/** Options for {@link parsePostmortem}. */
export interface ParseOptions {
  /** The file the text came from, used in error messages and `source.filePath`. */
  filePath?: string | null;
}

/** Parses a Markdown postmortem into the model. Throws `PostmortemError` for malformed front matter. */
export function parsePostmortem(text: string, options: ParseOptions = {}): Postmortem {
  void text;
  void options;
  return emptyPostmortem();
}
