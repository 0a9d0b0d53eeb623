/**
 * A worker thread of a lint run over many files (see lint-files.ts). It checks the run's
 * configs against the rules once, up front (the main thread never loads the rules), then
 * answers each batch of `[index, filePath, configIndex]` with the results. It reads the
 * files itself, so reading is spread over the threads too.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isPostmortemError } from '../model/errors.js';
import { prepareConfig } from './engine.js';
import { lintInput, readInOrder } from './lint-file.js';
import type { WorkerBatch, WorkerData, WorkerReply } from './lint-files.js';
import { builtinRules } from './rules/index.js';

const data = workerData as WorkerData;
const port = parentPort;

/** Why the configs cannot be used, or null: checked before any batch, so nothing is linted or fixed with a bad config. */
function checkConfigs(): WorkerReply['configError'] | null {
  try {
    if (data.ruleOverrides) prepareConfig(data.ruleOverrides, builtinRules, '--rule');
    for (const { config, source } of data.configs) prepareConfig(config, builtinRules, source);
    return null;
  } catch (error) {
    if (!isPostmortemError(error)) throw error;
    return { message: error.message, filePath: error.filePath, line: error.line };
  }
}

async function lintBatch(batch: WorkerBatch): Promise<WorkerReply['results']> {
  const results: WorkerReply['results'] = [];
  let position = 0;
  const next = (): { index: number; filePath: string; configIndex: number } | null => {
    const file = batch.files[position++];
    return file ? { index: file[0], filePath: file[1], configIndex: file[2] } : null;
  };
  for await (const [{ index, filePath, configIndex }, input] of readInOrder(next)) {
    results.push([index, await lintInput(filePath, input, { config: data.configs[configIndex]?.config, fix: data.fix, inlineConfig: data.inlineConfig })]);
  }
  return results;
}

if (port) {
  const configError = checkConfigs();
  port.on('message', (batch: WorkerBatch) => {
    if (configError) {
      port.postMessage({ id: batch.id, results: [], configError } satisfies WorkerReply);
      return;
    }
    lintBatch(batch).then(
      (results) => port.postMessage({ id: batch.id, results } satisfies WorkerReply),
      // A bug (a rule that throws): hand it to the main thread, which ends the run with it.
      (error: unknown) => port.postMessage({ id: batch.id, results: [], error: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? (error.stack ?? null) : null } } satisfies WorkerReply),
    );
  });
}
