/**
 * One file of a collection, read and parsed, and the slimmer model the collection commands
 * keep of it. Kept apart from read-collection.ts so that a reading worker thread loads the
 * parser and nothing of file discovery.
 */
import { isPostmortemError } from '../model/errors.js';
import type { IssueSummary, Postmortem, SourceInfo } from '../model/postmortem.js';
import { parsePostmortem } from '../parse/parse-postmortem.js';
import { readOrdinaryFileSync, readPostmortemFile } from '../parse/read-file.js';

/**
 * A postmortem as a collection reads it unless asked for whole models: every field of
 * {@link Postmortem} is there, but the long prose and the parser's notes on the source are
 * blanked, because `actions` and `stats` never read them and a collection of thousands of
 * files would otherwise hold (and, from a worker thread, copy) all of it. Blanked:
 * `rootCause`, `resolution`, `lessonsLearned`, `conclusion` (null), `otherSections` (empty),
 * `summary.text` (null), `source.sections` (empty) and `source.frontMatter` (null). Kept:
 * everything else, including the timeline and tasks with their lines, `summary.impact` and
 * `summary.rootCause` (one sentence each). Being a `Postmortem`, it can be passed to anything
 * that takes one; a null here does not mean the document lacks the section.
 */
export type CollectionPostmortem = Omit<Postmortem, 'rootCause' | 'resolution' | 'lessonsLearned' | 'conclusion' | 'otherSections' | 'summary' | 'source'> & {
  rootCause: null;
  resolution: null;
  lessonsLearned: null;
  conclusion: null;
  otherSections: never[];
  summary: Omit<IssueSummary, 'text'> & { text: null };
  source: Omit<SourceInfo, 'sections' | 'frontMatter'> & { sections: never[]; frontMatter: null };
};

/** One file of a collection: its model, or why there is none. */
export interface CollectionFile<Model extends Postmortem = Postmortem> {
  /** Absolute path. */
  path: string;
  /** As messages and listings name it: relative to the working directory, `/`-separated, when inside it. */
  file: string;
  /** The parsed postmortem (its `source.filePath` is `file`), or null when the file could not be read. */
  postmortem: Model | null;
  /** Why it could not be read, with the line when one is known; null when it was. */
  error: { message: string; line: number | null } | null;
}

/** The {@link CollectionPostmortem} of a parsed model: a new object; `postmortem` is not changed. */
export function collectionPostmortem(postmortem: Postmortem): CollectionPostmortem {
  const { summary, source } = postmortem;
  return {
    ...postmortem,
    rootCause: null,
    resolution: null,
    lessonsLearned: null,
    conclusion: null,
    otherSections: [],
    summary: { ...summary, text: null },
    source: { filePath: source?.filePath ?? null, sections: [], frontMatterLines: source?.frontMatterLines ?? 0, frontMatter: null },
  };
}

/** Options for {@link readCollectionFile}. */
export interface ReadCollectionFileOptions {
  /** Keep the whole model rather than its {@link CollectionPostmortem}. Default false. */
  full?: boolean;
}

/**
 * Reads and parses one file of a collection. Never throws for the file's content (a file
 * that cannot be read or parsed gives its `error`); throws only for a bug.
 */
export async function readCollectionFile(path: string, file: string, options: ReadCollectionFileOptions = {}): Promise<CollectionFile> {
  try {
    const text = readOrdinaryFileSync(path) ?? (await readPostmortemFile(path));
    const postmortem = parsePostmortem(text, { filePath: file });
    return { path, file, postmortem: options.full === true ? postmortem : collectionPostmortem(postmortem), error: null };
  } catch (error) {
    if (!isPostmortemError(error)) throw error;
    return { path, file, postmortem: null, error: { message: error.message, line: error.line } };
  }
}
