/**
 * A worker thread of a large site build: builds the pages of its share of the files and
 * posts the outcomes back. Errors that stop the build travel as plain data and are thrown
 * again, as the same `PostmortemError`, on the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isPostmortemError } from '../model/errors.js';
import { buildSitePages, type SitePageJob, type SitePageSettings } from './site-pages.js';

/** What the main thread hands a worker. */
export interface SiteWorkerInput {
  jobs: SitePageJob[];
  settings: SitePageSettings;
}

/** What a worker posts back: the outcomes, or the error that stopped it. */
export type SiteWorkerMessage =
  | { outcomes: Awaited<ReturnType<typeof buildSitePages>>; error: null }
  | { outcomes: null; error: { message: string; filePath: string | null; line: number | null; expected: boolean } };

const input = workerData as SiteWorkerInput;
try {
  const outcomes = await buildSitePages(input.jobs, input.settings);
  parentPort?.postMessage({ outcomes, error: null } satisfies SiteWorkerMessage);
} catch (error) {
  const expected = isPostmortemError(error);
  parentPort?.postMessage({
    outcomes: null,
    error: {
      message: error instanceof Error ? error.message : String(error),
      filePath: expected ? error.filePath : null,
      line: expected ? error.line : null,
      expected,
    },
  } satisfies SiteWorkerMessage);
}
