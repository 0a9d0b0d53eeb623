/**
 * A worker thread of a lint run over many files (see lint-files.ts): it gets the run's
 * configs once, then batches of `[index, filePath, configIndex]`, and answers each batch
 * with its results. It reads the files itself, so reading is spread over the threads too.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lintFile } from './lint-file.js';
import type { WorkerBatch, WorkerData, WorkerReply } from './lint-files.js';

const data = workerData as WorkerData;
const port = parentPort;

if (port) {
  port.on('message', (batch: WorkerBatch) => {
    void (async () => {
      try {
        const results: WorkerReply['results'] = [];
        for (const [index, filePath, configIndex] of batch.files) {
          results.push([index, await lintFile(filePath, { config: data.configs[configIndex], fix: data.fix, inlineConfig: data.inlineConfig })]);
        }
        port.postMessage({ results } satisfies WorkerReply);
      } catch (error) {
        // A bug (a rule that throws): hand it to the main thread, which ends the run with it.
        port.postMessage({ results: [], error: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack ?? null : null } } satisfies WorkerReply);
      }
    })();
  });
}
