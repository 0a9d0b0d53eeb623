/**
 * Linting many files: find them, find each one's config, and lint them, on several threads
 * when there are enough files to pay for starting them. Results are streamed as they are
 * ready (in completion order, each with its index in the file list), so a caller can write
 * fixes and show progress without the run holding every file's text at once.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LintConfig } from './config.js';
import { createConfigResolver, type ConfigResolver } from './config-files.js';
import { findLintFiles } from './find-files.js';
import { lintFile } from './lint-file.js';
import { builtinRules } from './rules/index.js';
import type { LintResult, Rule } from './types.js';

/** Fewer files than this are linted on the calling thread alone: starting a worker costs about as much as linting this many. */
export const MIN_FILES_FOR_WORKERS = 200;

/** Files per batch sent to a worker: big enough to keep messaging cheap, small enough to share the tail of a run evenly. */
const BATCH_SIZE = 25;

/** What a worker is started with. */
export interface WorkerData {
  configs: LintConfig[];
  fix: boolean;
  inlineConfig: boolean;
}

/** A batch of files for a worker: `[index in the run, absolute path, index into WorkerData.configs]`. */
export interface WorkerBatch {
  files: Array<[number, string, number]>;
}

/** A worker's answer to one batch. */
export interface WorkerReply {
  results: Array<[number, LintResult]>;
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
   * Threads to lint on, the calling one included: 1 for the calling thread only; default
   * (`'auto'`) one per core when there are at least {@link MIN_FILES_FOR_WORKERS} files.
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

/** How many threads a run of `fileCount` files uses. */
export function threadCount(fileCount: number, concurrency: number | 'auto' | undefined, customRules: boolean): number {
  if (customRules || !CAN_USE_WORKERS) return 1;
  if (typeof concurrency === 'number') return Math.max(1, Math.min(Math.floor(concurrency), fileCount));
  if (fileCount < MIN_FILES_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(availableParallelism(), Math.floor(fileCount / (MIN_FILES_FOR_WORKERS / 2))));
}

/** A queue the producers (this thread and the workers) push into and the generator drains. */
class ResultQueue {
  private readonly items: IndexedLintResult[] = [];
  private waiting: { resolve: () => void; reject: (error: unknown) => void } | null = null;
  private failure: unknown = null;

  push(item: IndexedLintResult): void {
    this.items.push(item);
    this.wake();
  }

  fail(error: unknown): void {
    this.failure ??= error;
    if (this.waiting) {
      this.waiting.reject(error);
      this.waiting = null;
    }
  }

  private wake(): void {
    if (this.waiting) {
      this.waiting.resolve();
      this.waiting = null;
    }
  }

  async next(): Promise<IndexedLintResult> {
    for (;;) {
      if (this.failure !== null) throw this.failure;
      const item = this.items.shift();
      if (item) return item;
      await new Promise<void>((resolve, reject) => {
        this.waiting = { resolve, reject };
      });
    }
  }
}

function workerError(reply: NonNullable<WorkerReply['error']>): Error {
  const error = new Error(reply.message);
  if (reply.stack) error.stack = reply.stack;
  return error;
}

/**
 * Lints `files` (absolute paths) and yields each result as soon as it is ready. Every
 * file's config is found first, so an invalid config fails the run (a `PostmortemError`
 * naming the config file) before any file is linted or fixed.
 */
export async function* lintFileStream(files: readonly string[], options: LintFileStreamOptions): AsyncGenerator<IndexedLintResult> {
  const configs: LintConfig[] = [];
  const configIndexOf = new Map<LintConfig, number>();
  const configIndexes = new Array<number>(files.length);
  for (let index = 0; index < files.length; index += 1) {
    const { config } = await options.configs.configFor(files[index] as string);
    let configIndex = configIndexOf.get(config);
    if (configIndex === undefined) {
      configIndex = configs.push(config) - 1;
      configIndexOf.set(config, configIndex);
    }
    configIndexes[index] = configIndex;
  }
  const fix = options.fix === true;
  const inlineConfig = options.inlineConfig !== false;
  const threads = threadCount(files.length, options.concurrency, options.rules !== undefined);

  if (threads === 1) {
    for (let index = 0; index < files.length; index += 1) {
      const result = await lintFile(files[index] as string, { config: configs[configIndexes[index] as number], fix, inlineConfig, rules: options.rules });
      yield { index, result };
    }
    return;
  }

  const queue = new ResultQueue();
  let nextFile = 0;
  const takeBatch = (size: number): Array<[number, string, number]> => {
    const batch: Array<[number, string, number]> = [];
    for (; nextFile < files.length && batch.length < size; nextFile += 1) batch.push([nextFile, files[nextFile] as string, configIndexes[nextFile] as number]);
    return batch;
  };
  const workers: Worker[] = [];
  const data: WorkerData = { configs, fix, inlineConfig };
  for (let count = 0; count < threads - 1; count += 1) {
    const worker = new Worker(WORKER_URL, { workerData: data });
    workers.push(worker);
    const send = (): void => {
      const batch = takeBatch(BATCH_SIZE);
      if (batch.length > 0) worker.postMessage({ files: batch } satisfies WorkerBatch);
    };
    worker.on('message', (reply: WorkerReply) => {
      if (reply.error) return queue.fail(workerError(reply.error));
      for (const [index, result] of reply.results) queue.push({ index, result });
      send();
    });
    worker.on('error', (error) => queue.fail(error));
    worker.on('exit', (code) => {
      if (code !== 0) queue.fail(new Error(`a lint worker thread stopped with exit code ${code}`));
    });
    // Two batches in flight, so a worker never waits for the main thread between batches.
    send();
    send();
  }
  // This thread lints too, in smaller batches so that it gets back to feeding the workers often.
  const lintHere = async (): Promise<void> => {
    for (let batch = takeBatch(4); batch.length > 0; batch = takeBatch(4)) {
      for (const [index, filePath, configIndex] of batch) {
        queue.push({ index, result: await lintFile(filePath, { config: configs[configIndex], fix, inlineConfig }) });
      }
    }
  };
  lintHere().catch((error: unknown) => queue.fail(error));
  try {
    for (let received = 0; received < files.length; received += 1) yield await queue.next();
  } finally {
    // Stops this thread's share too when the caller stopped early or a worker failed.
    nextFile = files.length;
    await Promise.all(workers.map((worker) => worker.terminate()));
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
  /** Threads to use (see {@link LintFileStreamOptions.concurrency}). */
  concurrency?: number | 'auto';
  /** The rules to run. Default the built-in rules. */
  rules?: readonly Rule<any>[];
}

/**
 * Lints the files `patterns` name (paths, directories, globs; see findLintFiles) with the
 * config found for each, and returns one result per file in path order. Throws
 * `PostmortemError` for a pattern that matches nothing or an invalid config.
 */
export async function lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const rules = options.rules ?? builtinRules;
  const files = await findLintFiles(patterns, { cwd, gitignore: options.gitignore });
  const configs = createConfigResolver({ cwd, configFile: options.configFile, ruleOverrides: options.ruleOverrides, rules });
  const results = new Array<LintResult>(files.length);
  const stream = lintFileStream(files, { configs, fix: options.fix, inlineConfig: options.inlineConfig, rules: options.rules, concurrency: options.concurrency });
  for await (const { index, result } of stream) results[index] = result;
  return results;
}
