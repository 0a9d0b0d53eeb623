/**
 * Reads a collection of postmortems for `actions`, `stats` and the site: the files the same
 * discovery as `lint` finds, each parsed, or the reason it could not be. A file that cannot
 * be read is not the end of the run: it is reported with its line and left out.
 *
 * Parsing is nearly all of the time (about 0.4 ms a file; discovery and reading about 0.04
 * ms), so a large collection is parsed on worker threads as well as this one. Workers post
 * back each file's {@link CollectionPostmortem} (the model without its long prose) rather
 * than the whole model: a smaller copy to make between threads and less for the caller to
 * hold. Results come in file order, whichever thread parsed them, and memory stays bounded:
 * no more than a few batches per thread are handed out ahead of what the caller has taken.
 *
 * The calling thread parses too rather than only handing out files, as lint's does: a worker
 * costs CPU time of its own (starting, compiling the parser, copying each model across), and
 * on a two-core machine that is busy with other work, two workers and an idle calling thread
 * were slower than one thread alone, while one worker beside the calling thread was faster.
 */
import { availableParallelism } from 'node:os';
import { relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { findPostmortems, type FindPostmortemsOptions } from '../io/find-postmortems.js';
import type { Postmortem } from '../model/postmortem.js';
import type { CollectionFile, CollectionPostmortem } from './collection-file.js';

export { collectionPostmortem, readCollectionFile, type CollectionFile, type CollectionPostmortem, type ReadCollectionFileOptions } from './collection-file.js';

/** Options of {@link readCollection}: where to look, as for `lint`, how many threads, and how much of each model to keep. */
export interface ReadCollectionOptions extends FindPostmortemsOptions {
  /**
   * Threads doing the work, as `--concurrency` means it for every command: 1 reads and
   * parses on the calling thread alone; N > 1 on N - 1 worker threads and the calling
   * thread, which hands out the files, takes the results in order and parses a batch itself
   * whenever the next file is not back yet. Default (`'auto'`): on a machine with more than
   * one CPU and for at least {@link MIN_FILES_FOR_WORKERS} files, one worker per CPU but one,
   * at most one per {@link MIN_FILES_FOR_WORKERS} / 2 files; else the calling thread alone.
   */
  concurrency?: number | 'auto';
  /**
   * Keep each model whole: the prose sections, `summary.text`, `source.sections` and
   * `source.frontMatter`, which the collection commands do not read. Default false: each
   * model is a {@link CollectionPostmortem}.
   */
  full?: boolean;
}

/** Fewer files than this are parsed on the calling thread alone: starting a worker costs about as much as parsing this many. */
export const MIN_FILES_FOR_WORKERS = 500;

/** Files per batch sent to a worker: about 10 ms of parsing, enough to keep messaging cheap and the tail of a run shared evenly. */
const BATCH_SIZE = 25;

/** Batches a worker has in flight at once: two, so that it never waits for this thread between batches. */
const BATCHES_IN_FLIGHT = 2;

/** What a collection worker is started with. */
export interface CollectionWorkerData {
  full: boolean;
}

/** A batch of files for a worker: `[index in the run, absolute path, display path]`. */
export interface CollectionWorkerBatch {
  id: number;
  files: Array<[number, string, string]>;
}

/** A worker's answer to one batch (`[index, model, error]` for each file), or the bug that stopped it. */
export interface CollectionWorkerReply {
  id: number;
  results: Array<[number, Postmortem | null, CollectionFile['error']]>;
  error?: { message: string; stack: string | null };
}

/** Worker threads need the compiled worker module; under a TypeScript loader (the tests of src/) everything runs here. */
const WORKER_URL = new URL('./collection-worker.js', import.meta.url);
const CAN_USE_WORKERS = import.meta.url.endsWith('.js');

/**
 * How many worker threads reading `fileCount` files uses (see
 * {@link ReadCollectionOptions.concurrency}); 0 means the calling thread reads alone. A
 * number N > 1 gives N workers, but no more than there are batches of files to hand out.
 */
export function collectionWorkerCount(fileCount: number, concurrency: number | 'auto' | undefined): number {
  if (!CAN_USE_WORKERS || fileCount === 0) return 0;
  // The calling thread is one of the threads doing the work: it parses too.
  if (typeof concurrency === 'number') return concurrency <= 1 ? 0 : Math.min(Math.floor(concurrency) - 1, Math.ceil(fileCount / BATCH_SIZE));
  const cpus = availableParallelism();
  if (cpus < 2 || fileCount < MIN_FILES_FOR_WORKERS) return 0;
  return Math.max(1, Math.min(cpus - 1, Math.floor(fileCount / (MIN_FILES_FOR_WORKERS / 2))));
}

function displayPath(path: string, cwd: string): string {
  const fromCwd = relative(cwd, path);
  const inside = fromCwd !== '' && !fromCwd.startsWith('..') && !fromCwd.startsWith(sep);
  return (inside ? fromCwd : path).split(sep).join('/');
}

/** A file to read: its absolute path and the name it goes by. */
interface CollectionSource {
  path: string;
  file: string;
}

/**
 * Reads and parses one file on this thread. A slim model is copied: its strings are slices
 * of the file's text, and V8 keeps the whole text alive for as long as a slice of it is
 * (about 5 KB a file that the caller never sees); a copy holds only the characters it has,
 * as a model posted from a worker does. About 0.03 ms a file, under a tenth of parsing it.
 */
async function readOneHere(readCollectionFile: typeof import('./collection-file.js').readCollectionFile, source: CollectionSource, full: boolean): Promise<CollectionFile> {
  const result = await readCollectionFile(source.path, source.file, { full });
  return full || !result.postmortem ? result : { ...result, postmortem: structuredClone(result.postmortem) };
}

/** Reads and parses `sources` on this thread, in order. */
async function* readHere(sources: readonly CollectionSource[], full: boolean): AsyncGenerator<CollectionFile> {
  const { readCollectionFile } = await import('./collection-file.js');
  for (const source of sources) yield await readOneHere(readCollectionFile, source, full);
}

/**
 * Reads and parses `sources` on `count` worker threads and on this thread, yielding the
 * results in order. This thread hands out batches of files, two to each worker at a time, and
 * parses the next batch itself whenever the next file in order is not back yet: it never
 * sits idle while there is work, and when the workers keep ahead it only collects.
 */
async function* readOnWorkers(sources: readonly CollectionSource[], count: number, full: boolean): AsyncGenerator<CollectionFile> {
  // The parser, for this thread's share; loaded while the workers start.
  const loadingParser = import('./collection-file.js');
  loadingParser.catch(() => undefined);
  // Files handed out but not yet taken by the caller: parsed, being parsed, or waiting for an earlier file.
  const window = 2 * BATCHES_IN_FLIGHT * BATCH_SIZE * (count + 1);
  const ready = new Map<number, CollectionFile>();
  let nextToSend = 0;
  let nextToYield = 0;
  let nextBatchId = 0;
  let stopped = false;
  let failure: { error: unknown } | null = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  const fail = (error: unknown): void => {
    failure ??= { error };
    notify();
  };

  const threads = new Set<Worker>();
  const senders: Array<() => void> = [];
  const takeBatch = (): CollectionWorkerBatch | null => {
    const files: CollectionWorkerBatch['files'] = [];
    for (; nextToSend < sources.length && files.length < BATCH_SIZE; nextToSend += 1) {
      const { path, file } = sources[nextToSend] as CollectionSource;
      files.push([nextToSend, path, file]);
    }
    return files.length > 0 ? { id: nextBatchId++, files } : null;
  };
  const startWorker = (): void => {
    const worker = new Worker(WORKER_URL, { workerData: { full } satisfies CollectionWorkerData });
    threads.add(worker);
    let inFlight = 0;
    const send = (): void => {
      while (!stopped && inFlight < BATCHES_IN_FLIGHT && nextToSend - nextToYield < window) {
        const batch = takeBatch();
        if (!batch) return;
        inFlight += 1;
        worker.postMessage(batch);
      }
    };
    senders.push(send);
    worker.on('message', (reply: CollectionWorkerReply) => {
      if (reply.error) {
        const error = new Error(reply.error.message);
        if (reply.error.stack) error.stack = reply.error.stack;
        return fail(error);
      }
      inFlight -= 1;
      for (const [index, postmortem, error] of reply.results) {
        const { path, file } = sources[index] as CollectionSource;
        ready.set(index, { path, file, postmortem, error });
      }
      if (ready.has(nextToYield)) notify();
      send();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      threads.delete(worker);
      // Workers run until they are stopped below; one that ends before then took files with it.
      if (!stopped) fail(new Error(`a collection worker thread stopped (exit code ${code}) before finishing its files`));
    });
    send();
  };

  try {
    for (let started = 0; started < count; started += 1) startWorker();
    while (nextToYield < sources.length) {
      // Set by the workers' handlers, which TypeScript's narrowing does not see.
      const failed = failure as { error: unknown } | null;
      if (failed) throw failed.error;
      const result = ready.get(nextToYield);
      if (!result) {
        const batch = nextToSend - nextToYield < window ? takeBatch() : null;
        if (batch) {
          const { readCollectionFile } = await loadingParser;
          for (const [index, path, file] of batch.files) ready.set(index, await readOneHere(readCollectionFile, { path, file }, full));
          // Let the workers' answers in, and hand them more, before choosing what to do next.
          await new Promise((resolve) => setImmediate(resolve));
        } else {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
        continue;
      }
      ready.delete(nextToYield);
      nextToYield += 1;
      for (const send of senders) send();
      yield result;
    }
  } finally {
    // Stops the work when the caller stopped early or a worker failed.
    stopped = true;
    await Promise.all([...threads].map((worker) => worker.terminate()));
  }
}

/**
 * Finds the postmortems `patterns` name (files, directories, globs; default `postmortems/`)
 * and yields each, read and parsed, in the order `findPostmortems` gives them. Throws
 * `PostmortemError` when the patterns themselves are wrong (a path that does not exist, a
 * directory without Markdown files), as `lint` does. Stopping early (`break`) stops the
 * worker threads.
 */
export function readCollectionStream(patterns: readonly string[], options: ReadCollectionOptions & { full: true }): AsyncGenerator<CollectionFile<Postmortem>>;
export function readCollectionStream(patterns: readonly string[], options: ReadCollectionOptions & { full?: false }): AsyncGenerator<CollectionFile<CollectionPostmortem>>;
export function readCollectionStream(patterns: readonly string[], options: ReadCollectionOptions): AsyncGenerator<CollectionFile>;
export async function* readCollectionStream(patterns: readonly string[], options: ReadCollectionOptions): AsyncGenerator<CollectionFile> {
  const found = await findPostmortems(patterns, options);
  const sources = found.map(({ path }) => ({ path, file: displayPath(path, options.cwd) }));
  const full = options.full === true;
  const workers = collectionWorkerCount(sources.length, options.concurrency);
  yield* workers === 0 ? readHere(sources, full) : readOnWorkers(sources, workers, full);
}

/**
 * Finds the postmortems `patterns` name and reads each (see {@link readCollectionStream}):
 * one {@link CollectionFile} per file, in order, the same whatever the number of threads.
 * Each model is a {@link CollectionPostmortem} unless `full` is true.
 */
export function readCollection(patterns: readonly string[], options: ReadCollectionOptions & { full: true }): Promise<Array<CollectionFile<Postmortem>>>;
export function readCollection(patterns: readonly string[], options: ReadCollectionOptions & { full?: false }): Promise<Array<CollectionFile<CollectionPostmortem>>>;
export function readCollection(patterns: readonly string[], options: ReadCollectionOptions): Promise<CollectionFile[]>;
export async function readCollection(patterns: readonly string[], options: ReadCollectionOptions): Promise<CollectionFile[]> {
  const files: CollectionFile[] = [];
  for await (const file of readCollectionStream(patterns, options)) files.push(file);
  return files;
}
