/**
 * A worker thread of a large site build: reads and parses its share of the sources and posts
 * each result back as soon as it has it, while the calling thread renders and writes pages.
 * Splitting the work by stage rather than by file means each thread warms up (compiles) only
 * the code of its own stage; see buildSite.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RedactOptions } from '../redact/redact-text.js';
import { parseSource, type ParsedSource } from './site-parse.js';

/** What the calling thread hands a worker: the sources to parse, with their indexes in the build. */
export interface SiteWorkerInput {
  sources: Array<{ index: number; absolute: string; relative: string }>;
  /** `export --redact`: what to redact before parsing; null for nothing. */
  redact: RedactOptions | null;
}

/** What a worker posts back, once per source. */
export interface SiteWorkerMessage {
  index: number;
  parsed: ParsedSource;
}

const input = workerData as SiteWorkerInput;
for (const source of input.sources) {
  parentPort?.postMessage({ index: source.index, parsed: await parseSource(source, input.redact) } satisfies SiteWorkerMessage);
}
