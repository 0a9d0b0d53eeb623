#!/usr/bin/env node
// Benchmarks: `npm run bench [-- --runs N] [--export-rounds N] [--quick]`: start-up times,
// then a site built from a generated corpus, new and re-run, against pandoc and markdown-it
// (scripts/bench/export-site.js), then lint against markdownlint-cli2 (scripts/bench/lint.js),
// then stats and actions against lint over the same 10,000 files (scripts/bench/collection.js),
// then timeline import of a 100,000-message Slack export (scripts/bench/import.js),
// the PagerDuty and Alertmanager readers on 200 MB files (scripts/bench/import-json-sources.js),
// then timeline import --into merging up to 50,000 events (scripts/bench/timeline-merge.js),
// then the language server's diagnostics after an edit of a 5 KB postmortem (scripts/bench/lsp.js).
// `--quick` takes fewer samples everywhere (5 start-up runs, one export round, lint and the
// collection commands over 1,000 files only, one import round) for a rough look in a few minutes. Each start-up
// benchmark is a function that returns timings; main() runs them all and prints one table.
// Add a benchmark by writing a function and listing it in BENCHMARKS. Not a test: nothing
// here passes or fails.
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchExportSite } from './bench/export-site.js';
import { benchCollection } from './bench/collection.js';
import { benchImport } from './bench/import.js';
import { benchImportJsonSources } from './bench/import-json-sources.js';
import { benchLint } from './bench/lint.js';
import { benchLsp } from './bench/lsp.js';
import { benchTimelineMerge } from './bench/timeline-merge.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../bin/postmortem.js', import.meta.url));

/** Wall time of one run of `node ...args`, in milliseconds. Throws if the process fails. */
function timeNode(args) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return elapsed;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Times `node ...args` `runs` times after a few unmeasured warm-up runs (file cache, CPU clocks). */
function timeCommand(args, { runs, warmups = 3 }) {
  for (let index = 0; index < warmups; index += 1) timeNode(args);
  const times = [];
  for (let index = 0; index < runs; index += 1) times.push(timeNode(args));
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

/** The floor: Node starting and doing nothing. Other rows are compared with this one. */
function benchNodeBaseline(options) {
  return { name: 'node -e 0', ...timeCommand(['-e', '0'], options) };
}

/** `postmortem --version`: should be close to the baseline (fast path, no commander). */
function benchVersion(options) {
  return { name: 'postmortem --version', ...timeCommand([bin, '--version'], options) };
}

/** `postmortem --help`: commander and chalk, but no parser, renderer or prompts. */
function benchHelp(options) {
  return { name: 'postmortem --help', ...timeCommand([bin, '--help'], options) };
}

/** `postmortem templates`: the cheapest real command, with its lazily imported module. */
function benchTemplates(options) {
  return { name: 'postmortem templates', ...timeCommand([bin, 'templates'], options) };
}

const BENCHMARKS = [benchNodeBaseline, benchVersion, benchHelp, benchTemplates];

function parseOptions(argv) {
  const quick = argv.includes('--quick');
  const count = (name, fallback) => {
    const index = argv.indexOf(name);
    const value = index === -1 ? fallback : Number(argv[index + 1]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a positive whole number`);
    return value;
  };
  return { quick, runs: count('--runs', quick ? 5 : 20), exportRounds: count('--export-rounds', quick ? 1 : 3) };
}

async function main() {
  const { quick, runs, exportRounds } = parseOptions(process.argv.slice(2));
  console.log(`${availableParallelism()} cores, load average ${loadavg().map((value) => value.toFixed(1)).join(' ')} (1, 5, 15 min) at the start: on a busy machine every figure is slower and noisier${quick ? '; --quick: fewer samples' : ''}\n`);
  const results = BENCHMARKS.map((benchmark) => benchmark({ runs, warmups: quick ? 1 : 3 }));
  const baseline = results[0].median;
  const width = Math.max(...results.map((result) => result.name.length));
  const format = (value) => value.toFixed(1).padStart(8);
  console.log(`Node ${process.version}, ${runs} runs each (after ${quick ? '1 warm-up run' : '3 warm-up runs'}), wall time in ms\n`);
  console.log(`${'benchmark'.padEnd(width)}   median      min      max   vs node`);
  for (const result of results) {
    const ratio = `${(result.median / baseline).toFixed(2)}x`.padStart(9);
    console.log(`${result.name.padEnd(width)} ${format(result.median)} ${format(result.min)} ${format(result.max)} ${ratio}`);
  }
  // A 1,000-file corpus as a site, new and re-run, against pandoc and markdown-it (scripts/bench/export-site.js).
  await benchExportSite({ rounds: exportRounds, pandocSample: quick ? 0 : 20 });
  // postmortem lint against markdownlint-cli2 on 1,000 and 10,000 generated postmortems (scripts/bench/lint.js).
  await benchLint();
  // stats and actions against lint over the same generated files, in paired rounds (scripts/bench/collection.js).
  await benchCollection();
  // A 100,000-message Slack export imported in a window, whole, and from one large day file: time and peak RSS (scripts/bench/import.js).
  await benchImport();
  // The PagerDuty and Alertmanager readers on 200 MB files (50 MB with --quick), time and peak RSS (scripts/bench/import-json-sources.js).
  await benchImportJsonSources({ mb: quick ? 50 : 200 });
  // timeline import --into: 1,000 to 50,000 events merged into a postmortem, and again (scripts/bench/timeline-merge.js).
  await benchTimelineMerge({ sizes: quick ? [1000] : [1000, 10_000, 50_000] });
  // postmortem lsp: didChange to publishDiagnostics for a 5 KB postmortem, median over 100 edits (scripts/bench/lsp.js).
  await benchLsp({ edits: quick ? 30 : 100 });
}

await main();
