/**
 * A worker thread of a large collection read (see read-collection.ts): reads and parses each
 * batch of files and posts back, for each, the model (a `CollectionPostmortem` unless the run
 * keeps whole models) or why the file could not be read. It loads the parser and nothing of
 * file discovery.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readCollectionFile } from './collection-file.js';
import type { CollectionWorkerBatch, CollectionWorkerData, CollectionWorkerReply } from './read-collection.js';

const { full } = workerData as CollectionWorkerData;
const port = parentPort;

async function readBatch(batch: CollectionWorkerBatch): Promise<CollectionWorkerReply['results']> {
  const results: CollectionWorkerReply['results'] = [];
  for (const [index, path, file] of batch.files) {
    const { postmortem, error } = await readCollectionFile(path, file, { full });
    results.push([index, postmortem, error]);
  }
  return results;
}

port?.on('message', (batch: CollectionWorkerBatch) => {
  readBatch(batch).then(
    (results) => port.postMessage({ id: batch.id, results } satisfies CollectionWorkerReply),
    // A bug in the parser: hand it to the calling thread, which ends the run with it.
    (error: unknown) =>
      port.postMessage({ id: batch.id, results: [], error: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? (error.stack ?? null) : null } } satisfies CollectionWorkerReply),
  );
});
