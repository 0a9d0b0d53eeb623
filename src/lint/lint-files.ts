/**
 * Linting many files: find them, find each one's config, and lint them, on worker threads
 * when there are enough files to pay for starting them. Results are streamed as they are
 * ready (in completion order, each with its index in the file list), so a caller can write
 * fixes and show progress without the run holding every file's text at once.
 *
 * With workers, this thread only hands out batches and collects results: it never loads the
 * parser or the rules. Memory stays bounded by how much work is handed out, not by heap
 * caps: each worker has at most two batches in flight, and no batch is handed out while the
 * caller has a backlog of results it has not taken yet (a run writing fixes is slower than
 * the workers, and each waiting result may carry a file's fixed text).
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { PostmortemError } from '../model/errors.js';
import type { LintConfig } from './config.js';
import { createConfigResolver, type ConfigResolver } from './config-files.js';
import { findPostmortems } from '../io/find-postmortems.js';
import type { LintResult, Rule } from './types.js';

/** Fewer files than this are linted on the calling thread alone: starting a worker costs about as much as linting this many. */
export const MIN_FILES_FOR_WORKERS = 200;

/** Files per batch sent to a worker: big enough to keep messaging cheap, small enough to share the tail of a run evenly. */
const BATCH_SIZE = 25;

/** Batches a worker has in flight at once: two, so that it never waits for this thread between batches. */
const BATCHES_IN_FLIGHT = 2;

/** A config a run uses and the file it came from, for error messages. */
export interface WorkerConfig {
  config: LintConfig;
  source: string | null;
}

/** What a worker is started with. */
export interface WorkerData {
  configs: WorkerConfig[];
  ruleOverrides: LintConfig | null;
  fix: boolean;
  inlineConfig: boolean;
}

/** A batch of files for a worker: `[index in the run, absolute path, index into WorkerData.configs]`. */
export interface WorkerBatch {
  id: number;
  files: Array<[number, string, number]>;
}

/** A worker's answer to one batch, or its report that a config is invalid or that it failed. */
export interface WorkerReply {
  /** The batch answered. */
  id: number;
  results: Array<[number, LintResult]>;
  configError?: { message: string; filePath: string | null; line: number | null };
  error?: { message: string; stack: string | null };
}

/** Options for {@link lintFileStream}. */
export interface LintFileStreamOptions {
  /** Finds each file's config. */
  configs: ConfigResolver;
  /** Compute fixes (each result's `output`); the caller writes them. */
  fix?: boolean;
  /** Obey inline directives. Default true. */
  inlineConfig?: boolean;
  /** The rules to run. Default the built-in rules; custom rules are run on the calling thread only. */
  rules?: readonly Rule<any>[];
  /**
   * Threads doing the work, as `--concurrency` means it for every command: 1 lints on the
   * calling thread alone; N > 1 lints on N worker threads while the calling thread only
   * hands out files and collects results. Default (`'auto'`): one worker per core when there
   * are at least {@link MIN_FILES_FOR_WORKERS} files, at most one per 100 files.
   */
  concurrency?: number | 'auto';
}

/** One file's result and its position in the file list. */
export interface IndexedLintResult {
  index: number;
  result: LintResult;
}

/** Worker threads need the compiled worker module; under a TypeScript loader (the tests) everything runs here. */
const WORKER_URL = new URL('./lint-worker.js', import.meta.url);
const CAN_USE_WORKERS = import.meta.url.endsWith('.js');

/**
 * How many worker threads a run of `fileCount` files uses: 0 means the calling thread lints
 * alone. `concurrency` 1 (or custom rules, which cannot be sent to a worker) means 0 workers.
 */
export function workerCount(fileCount: number, concurrency: number | 'auto' | undefined, customRules = false): number {
  if (customRules || !CAN_USE_WORKERS || fileCount === 0) return 0;
  if (typeof concurrency === 'number') return concurrency <= 1 ? 0 : Math.min(Math.floor(concurrency), fileCount);
  if (fileCount < MIN_FILES_FOR_WORKERS) return 0;
  return Math.max(1, Math.min(availableParallelism(), Math.floor(fileCount / (MIN_FILES_FOR_WORKERS / 2))));
}

/**
 * The results the workers have sent and the caller has not taken yet. `onTake` runs after
 * each take, so that work held back while the caller was behind is handed out again.
 */
class ResultQueue {
  private readonly items: IndexedLintResult[] = [];
  private head = 0;
  private waiting: { resolve: () => void; reject: (error: unknown) => void } | null = null;
  private failure: unknown = null;

  constructor(private readonly onTake: () => void) {}

  /** Results waiting to be taken. */
  get size(): number {
    return this.items.length - this.head;
  }

  push(item: IndexedLintResult): void {
    this.items.push(item);
    if (this.waiting) {
      this.waiting.resolve();
      this.waiting = null;
    }
  }

  fail(error: unknown): void {
    this.failure ??= error;
    if (this.waiting) {
      this.waiting.reject(error);
      this.waiting = null;
    }
  }

  async next(): Promise<IndexedLintResult> {
    for (;;) {
      if (this.failure !== null) throw this.failure;
      if (this.head < this.items.length) {
        const item = this.items[this.head] as IndexedLintResult;
        // Drop consumed items now and then rather than shifting the array on every take.
        if (++this.head > 1024) {
          this.items.splice(0, this.head);
          this.head = 0;
        }
        this.onTake();
        return item;
      }
      await new Promise<void>((resolve, reject) => {
        this.waiting = { resolve, reject };
      });
    }
  }
}

/** The distinct configs of a run and which one each file uses. */
async function collectConfigs(files: readonly string[], resolver: ConfigResolver): Promise<{ configs: WorkerConfig[]; configIndexes: number[] }> {
  const configs: WorkerConfig[] = [];
  const indexOf = new Map<LintConfig, number>();
  const configIndexes = new Array<number>(files.length);
  for (let index = 0; index < files.length; index += 1) {
    const found = await resolver.configFor(files[index] as string);
    let configIndex = indexOf.get(found.config);
    if (configIndex === undefined) {
      configIndex = configs.push({ config: found.config, source: found.displayPath }) - 1;
      indexOf.set(found.config, configIndex);
    }
    configIndexes[index] = configIndex;
  }
  return { configs, configIndexes };
}

/** Lints `next()`'s files on this thread, in order, with reads ahead of linting. */
async function* lintHere(
  next: () => { index: number; filePath: string } | null,
  configFor: (index: number) => LintConfig,
  options: { fix: boolean; inlineConfig: boolean; rules?: readonly Rule<any>[] },
): AsyncGenerator<IndexedLintResult> {
  const { lintInput, readInOrder } = await import('./lint-file.js');
  for await (const [{ index, filePath }, input] of readInOrder(next)) {
    yield { index, result: await lintInput(filePath, input, { config: configFor(index), fix: options.fix, inlineConfig: options.inlineConfig, rules: options.rules }) };
  }
}

/**
 * Lints `files` (absolute paths) and yields each result as soon as it is ready. Every
 * config is found and checked first, so an invalid one fails the run (a `PostmortemError`
 * naming the config file) before any file is linted or fixed.
 */
export async function* lintFileStream(files: readonly string[], options: LintFileStreamOptions): AsyncGenerator<IndexedLintResult> {
  const workers = workerCount(files.length, options.concurrency, options.rules !== undefined);
  // Linting on this thread: load the linter while the configs are found, not after.
  const loadingLinter =
    workers === 0
      ? Promise.all([import('./lint-file.js'), options.rules ?? import('./rules/index.js').then((module) => module.builtinRules)])
      : null;
  loadingLinter?.catch(() => undefined);
  const { configs, configIndexes } = await collectConfigs(files, options.configs);
  const fix = options.fix === true;
  const inlineConfig = options.inlineConfig !== false;
  const configFor = (index: number): LintConfig => (configs[configIndexes[index] as number] as WorkerConfig).config;

  if (loadingLinter) {
    const [{ prepareConfig }, rules] = await loadingLinter;
    if (options.configs.ruleOverrides) prepareConfig(options.configs.ruleOverrides, rules, '--rule');
    for (const { config, source } of configs) prepareConfig(config, rules, source);
    let nextIndex = 0;
    const next = (): { index: number; filePath: string } | null => (nextIndex < files.length ? { index: nextIndex, filePath: files[nextIndex++] as string } : null);
    yield* lintHere(next, configFor, { fix, inlineConfig, rules: options.rules });
    return;
  }

  // Each worker asks for its next batch when it answers one; the batch is held back while the
  // caller has this many results or more still to take, and handed out as it takes them.
  const backlogLimit = BATCH_SIZE * BATCHES_IN_FLIGHT * workers;
  const senders: Array<() => void> = [];
  const queue = new ResultQueue(() => {
    if (queue.size < backlogLimit) for (const send of senders) send();
  });
  let nextFile = 0;
  let nextBatchId = 0;
  let stopped = false;
  const takeBatch = (): WorkerBatch | null => {
    const batchFiles: Array<[number, string, number]> = [];
    for (; nextFile < files.length && batchFiles.length < BATCH_SIZE; nextFile += 1) batchFiles.push([nextFile, files[nextFile] as string, configIndexes[nextFile] as number]);
    return batchFiles.length > 0 ? { id: nextBatchId++, files: batchFiles } : null;
  };

  const data: WorkerData = { configs, ruleOverrides: options.configs.ruleOverrides, fix, inlineConfig };
  const threads = new Set<Worker>();
  // Loaded here, not at the top: one-file lint, which never starts a worker, does not load it.
  const { Worker } = await import('node:worker_threads');
  const startWorker = (): void => {
    const worker = new Worker(WORKER_URL, { workerData: data });
    threads.add(worker);
    let inFlight = 0;
    const send = (): void => {
      while (!stopped && inFlight < BATCHES_IN_FLIGHT && queue.size < backlogLimit) {
        const batch = takeBatch();
        if (!batch) return;
        inFlight += 1;
        worker.postMessage(batch);
      }
    };
    senders.push(send);
    worker.on('message', (reply: WorkerReply) => {
      if (reply.configError) {
        const { message, filePath, line } = reply.configError;
        return queue.fail(new PostmortemError(message, { filePath, line }));
      }
      if (reply.error) {
        const error = new Error(reply.error.message);
        if (reply.error.stack) error.stack = reply.error.stack;
        return queue.fail(error);
      }
      inFlight -= 1;
      for (const [index, result] of reply.results) queue.push({ index, result });
      send();
    });
    worker.on('error', (error) => queue.fail(error));
    worker.on('exit', (code) => {
      threads.delete(worker);
      // Workers run until they are stopped below; one that ends before then took files with it.
      if (!stopped) queue.fail(new Error(`a lint worker thread stopped (exit code ${code}) before finishing its files`));
    });
    send();
  };
  for (let count = 0; count < workers; count += 1) startWorker();
  try {
    for (let received = 0; received < files.length; received += 1) yield await queue.next();
  } finally {
    // Stops the work when the caller stopped early or a worker failed.
    stopped = true;
    await Promise.all([...threads].map((worker) => worker.terminate()));
  }
}

/** Options for {@link lintFiles}. */
export interface LintFilesOptions {
  /** Directory relative paths, globs and `configFile` are resolved from. Default `process.cwd()`. */
  cwd?: string;
  /** One config file for every file instead of searching upward from each (`--config`). */
  configFile?: string | null;
  /** Rule settings laid over the config files' (`--rule`). */
  ruleOverrides?: LintConfig | null;
  /** Compute fixes (each result's `output`); nothing is written. */
  fix?: boolean;
  /** Obey inline directives. Default true. */
  inlineConfig?: boolean;
  /** Skip files `.gitignore` excludes when walking directories and expanding globs. Default true. */
  gitignore?: boolean;
  /** Glob patterns to skip when walking directories and expanding globs, relative to `cwd` (`--ignore`). */
  ignore?: readonly string[];
  /** Threads to use (see {@link LintFileStreamOptions.concurrency}). */
  concurrency?: number | 'auto';
  /** The rules to run. Default the built-in rules. */
  rules?: readonly Rule<any>[];
}

/**
 * Lints the files `patterns` name (paths, directories, globs; see `findPostmortems`, which
 * also reads the `ignores` of `configFile` or of the config nearest `cwd`) with the config
 * found for each, and returns one result per file in path order. Throws
 * `PostmortemError` for a pattern that matches nothing or an invalid config.
 */
export async function lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const found = await findPostmortems(patterns, { cwd, gitignore: options.gitignore, ignore: options.ignore, configFile: options.configFile });
  const files = found.map((file) => file.path).sort();
  const configs = createConfigResolver({ cwd, configFile: options.configFile, ruleOverrides: options.ruleOverrides, rules: options.rules ?? null });
  const results = new Array<LintResult>(files.length);
  const stream = lintFileStream(files, { configs, fix: options.fix, inlineConfig: options.inlineConfig, rules: options.rules, concurrency: options.concurrency });
  for await (const { index, result } of stream) results[index] = result;
  return results;
}
