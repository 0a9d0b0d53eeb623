// The collection reader's worker threads, which exist only in the build: readCollection from
// dist/index.js (tsc's output, whose worker is dist/collection/collection-worker.js) must give
// the same files, models and errors in the same order on one thread and on several; so must
// `postmortem actions` and `postmortem stats` with `--concurrency N` from bin/, whose workers
// are the bundle's (dist/bundle/collection-worker.js), which must also answer a batch as the
// library reads.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { writeFile } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CollectionWorkerBatch, CollectionWorkerReply } from '../../src/collection/read-collection.js';
import { runInProcess } from '../cli/cli-harness.js';
import { writeCollection } from '../collection/collection-fixtures.js';
import { bin, repoRoot, useTempDir } from './e2e-harness.js';

type Library = typeof import('../../src/index.js');
const library = (await import(pathToFileURL(join(repoRoot, 'dist', 'index.js')).href)) as Library;

let cwd: string;
useTempDir((path) => (cwd = path));

/** Worker threads started in this process during a test, and those that have ended. */
let started: Worker[] = [];
let ended = 0;
const onWorker = (worker: Worker): void => {
  started.push(worker);
  worker.once('exit', () => (ended += 1));
};
beforeEach(() => {
  started = [];
  ended = 0;
  process.on('worker', onWorker);
});
afterEach(() => {
  process.off('worker', onWorker);
});

/** Files that cannot be read, spread over several batches of 25, and one in the last. */
const UNREADABLE_AT = [3, 30, 31, 77, 129];

/** 130 files; the second is a long one, so that its batch is answered after later ones and the reader must put the results back in order. */
async function writeRun(): Promise<string[]> {
  const names = await writeCollection(join(cwd, 'pm'), 130, UNREADABLE_AT);
  const entries = Array.from({ length: 6000 }, (_, index) => `- ${String(10 + (index % 12)).padStart(2, '0')}:${String(index % 60).padStart(2, '0')} UTC: The queue grew by another batch of jobs.`);
  await writeFile(join(cwd, 'pm', names[1] as string), `# A long incident\n\n## Timeline\n\n${entries.join('\n')}\n`);
  return names;
}

describe('readCollection on worker threads (dist/)', () => {
  it('gives the same files, models and errors in the same order on one thread and on two, three or five', async () => {
    const names = await writeRun();
    const single = await library.readCollection(['pm'], { cwd, concurrency: 1 });
    expect(started).toHaveLength(0);
    expect(single.map((file) => file.file)).toEqual(names.map((name) => `pm/${name}`));
    expect(single.flatMap((file, index) => (file.error ? [index] : []))).toEqual(UNREADABLE_AT);
    expect(single[1]?.postmortem?.timeline).toHaveLength(6000);

    for (const concurrency of [2, 3, 5]) {
      const before = started.length;
      const threaded = await library.readCollection(['pm'], { cwd, concurrency });
      // The calling thread is one of the threads: it parses whenever the next file is not back yet.
      expect(started.length - before, `workers started for --concurrency ${concurrency}`).toBe(concurrency - 1);
      expect(threaded).toEqual(single);
    }
    // Every worker is stopped at the end of its run.
    expect(ended).toBe(started.length);
  });

  it('posts whole models back when asked for them', async () => {
    await writeRun();
    const single = await library.readCollection(['pm'], { cwd, concurrency: 1, full: true });
    const threaded = await library.readCollection(['pm'], { cwd, concurrency: 3, full: true });
    expect(started).toHaveLength(2);
    expect(threaded).toEqual(single);
    expect(threaded[0]?.postmortem?.rootCause).toMatch(/halved the pool/);
    expect(threaded[0]?.postmortem?.source?.sections.length).toBeGreaterThan(3);
  });

  it('stops its workers when the caller stops early, and keeps order up to there', async () => {
    const names = await writeRun();
    const seen: string[] = [];
    for await (const file of library.readCollectionStream(['pm'], { cwd, concurrency: 3 })) {
      seen.push(file.file);
      if (seen.length === 40) break;
    }
    expect(seen).toEqual(names.slice(0, 40).map((name) => `pm/${name}`));
    expect(started).toHaveLength(2);
    expect(ended).toBe(2);
  });

  it('decides the number of workers by files and CPUs for auto, and caps a number by the batches there are', () => {
    expect(library.collectionWorkerCount(10, 1)).toBe(0);
    expect(library.collectionWorkerCount(100, 4)).toBe(3);
    expect(library.collectionWorkerCount(30, 4)).toBe(2);
    expect(library.collectionWorkerCount(0, 3)).toBe(0);
    expect(library.collectionWorkerCount(499, 'auto')).toBe(0);
    const cpus = availableParallelism();
    expect(library.collectionWorkerCount(500, 'auto')).toBe(cpus > 1 ? 1 : 0);
    expect(library.collectionWorkerCount(100_000, 'auto')).toBe(cpus > 1 ? cpus - 1 : 0);
  });
});

/** Sends one batch to a worker started from `file` and returns its answer. */
async function askWorker(file: string, full: boolean, batch: CollectionWorkerBatch): Promise<CollectionWorkerReply> {
  const worker = new Worker(file, { workerData: { full } });
  try {
    return await new Promise<CollectionWorkerReply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage(batch);
    });
  } finally {
    await worker.terminate();
  }
}

describe("the bundle's collection worker (dist/bundle/)", () => {
  it('answers a batch with the models and errors the library reads, slim and whole', async () => {
    await writeRun();
    const bundled = join(repoRoot, 'dist', 'bundle', 'collection-worker.js');
    for (const full of [false, true]) {
      const expected = await library.readCollection(['pm'], { cwd, concurrency: 1, full });
      const batch: CollectionWorkerBatch = { id: 7, files: expected.map((file, index) => [index, file.path, file.file]) };
      const reply = await askWorker(bundled, full, batch);
      expect(reply.error).toBeUndefined();
      expect(reply.id).toBe(7);
      expect(reply.results).toEqual(expected.map((file, index) => [index, file.postmortem, file.error]));
    }
  });
});

/**
 * Loaded into the bin's process (NODE_OPTIONS --import): counts the worker threads it starts
 * and writes the count to $WORKER_COUNT_FILE at exit.
 */
const COUNT_WORKERS = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; import { isMainThread } from 'node:worker_threads'; if (isMainThread) { let count = 0; process.on('worker', () => { count += 1; }); process.on('exit', () => writeFileSync(process.env.WORKER_COUNT_FILE, String(count))); }",
)}`;

describe('postmortem actions --concurrency (bin/)', () => {
  it('lists the same action items and reports the same unreadable files on one thread and on four (three workers)', async () => {
    await writeRun();
    const countFile = join(cwd, 'workers.txt');
    const run = async (concurrency: string): Promise<{ result: ReturnType<typeof bin>; workers: number }> => {
      const result = bin(['actions', 'pm', '--format', 'json', '--today', '2026-01-01', '--concurrency', concurrency], cwd, { NODE_OPTIONS: `--import=${COUNT_WORKERS}`, WORKER_COUNT_FILE: countFile });
      return { result, workers: Number(await readFile(countFile, 'utf8')) };
    };
    const single = await run('1');
    const threaded = await run('4');
    expect(single.workers).toBe(0);
    expect(threaded.workers).toBe(3);
    // Unreadable files: each named on stderr, the rest listed, exit 2 (the list is incomplete).
    expect(single.result.exitCode).toBe(2);
    expect(single.result.stderr.match(/^postmortem: pm\/\d{4}-[a-z0-9-]+\.md/gm)).toHaveLength(UNREADABLE_AT.length);
    const items = JSON.parse(single.result.stdout) as Array<{ file: string; line: number }>;
    // Two tasks in each readable fixture file; the long one (index 1) has none.
    expect(items).toHaveLength(2 * (130 - UNREADABLE_AT.length - 1));
    expect(threaded.result).toEqual(single.result);
  });

  it('refuses a --concurrency that is not 1 to 64, auto or off (exit 2)', async () => {
    for (const command of ['actions', 'stats']) {
      for (const value of ['0', '65', 'many']) {
        const result = await runInProcess([command, '--concurrency', value], { cwd });
        expect(result.exitCode, `${command} ${value}`).toBe(2);
        expect(result.stderr, `${command} ${value}`).toMatch(/--concurrency/);
      }
    }
  });
});

describe('postmortem stats --concurrency (bin/)', () => {
  it('gives the same figures and leaves out the same unreadable files on one thread and on three (two workers)', async () => {
    await writeRun();
    const countFile = join(cwd, 'workers.txt');
    const run = async (concurrency: string): Promise<{ result: ReturnType<typeof bin>; workers: number }> => {
      const result = bin(['stats', 'pm', '--format', 'json', '--today', '2026-01-01', '--concurrency', concurrency], cwd, { NODE_OPTIONS: `--import=${COUNT_WORKERS}`, WORKER_COUNT_FILE: countFile });
      return { result, workers: Number(await readFile(countFile, 'utf8')) };
    };
    const single = await run('1');
    const threaded = await run('3');
    expect(single.workers).toBe(0);
    expect(threaded.workers).toBe(2);
    expect(single.result.exitCode).toBe(2);
    const report = JSON.parse(single.result.stdout) as { skipped: Array<{ file: string }> };
    expect(report.skipped.map((file) => file.file)).toEqual(UNREADABLE_AT.map((index) => expect.stringMatching(new RegExp(`^pm/${String(index).padStart(4, '0')}-`))));
    expect(threaded.result).toEqual(single.result);
  });
});
