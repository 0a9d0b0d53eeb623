// The collection benchmark of `npm run bench` (or alone: `node scripts/bench/collection.js
// [--collection-size N] [--collection-rounds N] [--quick]`; --quick means 1,000 files and two
// rounds): over the lint benchmark's generated postmortems (10,000 by default; each has a
// timeline and tasks, and half of them front matter naming services and tags), the real
// commands `postmortem lint DIR --format json`, `postmortem stats DIR --format json` and
// `postmortem actions DIR --format json`, start-up included, with files per second, each
// command's ratio to lint, CPU time (all threads; less moved by a busy machine than wall
// time, and showing what worker threads cost) and peak RSS. Target (issue 11): stats and actions at least as fast
// as lint over the same files. Not a test: nothing fails.
//
// The commands are timed in paired rounds: each round runs every row once with the machine in
// the same state, each ratio is taken within its round, and the table shows medians over the
// rounds (a shared two-core machine moves the seconds a lot from one minute to the next).
//
// Until the bin has `stats` and `actions` (they are built on other branches), the benchmark
// says so and times scripts/bench/read-collection.js instead: the library's readCollection
// over the same files, with its default threads and with one, printing every task as JSON.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePostmortems } from '../generate-postmortems.js';
import { measure, median } from './lint.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'postmortem.js');
const readCollectionScript = join(root, 'scripts', 'bench', 'read-collection.js');

/** Whether the bin has `command`: its own help, exit 0. */
function binHas(command) {
  const child = spawnSync(process.execPath, [bin, command, '--help'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return child.status === 0 && child.stdout.startsWith(`Usage: postmortem ${command}`);
}

/** The rows to time: lint first (the others are compared with it), then stats and actions or their stand-ins. */
function rows() {
  const lint = { name: 'lint', args: (target) => [bin, 'lint', target, '--format', 'json'] };
  const missing = ['stats', 'actions'].filter((command) => !binHas(command));
  if (missing.length === 0) {
    return { missing, rows: [lint, ...['stats', 'actions'].map((command) => ({ name: command, args: (target) => [bin, command, target, '--format', 'json'] }))] };
  }
  return {
    missing,
    rows: [
      lint,
      ...['stats', 'actions'].filter((command) => !missing.includes(command)).map((command) => ({ name: command, args: (target) => [bin, command, target, '--format', 'json'] })),
      { name: 'readCollection (auto)', args: (target) => [readCollectionScript, target] },
      { name: 'readCollection (1 thread)', args: (target) => [readCollectionScript, target, '--concurrency', '1'] },
    ],
  };
}

function parseOptions(argv) {
  const value = (name, fallback) => {
    const index = argv.indexOf(name);
    return index === -1 ? fallback : Number(argv[index + 1]);
  };
  const quick = argv.includes('--quick');
  const size = value('--collection-size', quick ? 1000 : 10_000);
  const rounds = value('--collection-rounds', quick ? 2 : 3);
  if (!Number.isInteger(size) || size < 1 || !Number.isInteger(rounds) || rounds < 1) throw new Error('--collection-size and --collection-rounds take a positive whole number');
  return { size, rounds };
}

/** Runs the collection benchmark and prints its table. */
export async function benchCollection(options = parseOptions(process.argv.slice(2))) {
  const work = mkdtempSync(join(tmpdir(), 'postmortem-bench-collection-'));
  try {
    const { missing, rows: timed } = rows();
    const corpus = join(work, 'corpus');
    const bytes = await writePostmortems(corpus, options.size);
    console.log(`\nCollection: ${options.size} generated postmortems (${Math.round(bytes / options.size)} bytes each on average), Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)}; wall time includes start-up`);
    if (missing.length > 0) {
      console.log(`postmortem ${missing.join(' and ')}: not built in bin/ yet; timing the library's readCollection instead (${relative(root, readCollectionScript)}: reads the files, prints every task as JSON)`);
    }
    console.log(`Commands, run in the corpus's directory:\n${timed.map((row) => `  node ${row.args('.').map((arg) => (arg.startsWith(root) ? relative(root, arg) : arg)).join(' ')}`).join('\n')}`);
    console.log(`Medians of ${options.rounds} paired round${options.rounds === 1 ? '' : 's'}, after one unmeasured run of each (the files into the page cache)\n`);

    for (const row of timed) measure(row.args('.'), corpus, work);
    const samples = timed.map(() => []);
    for (let round = 0; round < options.rounds; round += 1) {
      timed.forEach((row, index) => samples[index].push(measure(row.args('.'), corpus, work)));
    }

    const width = Math.max(...timed.map((row) => row.name.length));
    console.log(`${'command'.padEnd(width)} ${'wall s'.padStart(8)} ${'files/s'.padStart(9)} ${'vs lint'.padStart(8)} ${'CPU s'.padStart(7)} ${'peak RSS MiB'.padStart(13)}`);
    const ratios = timed.map((_, index) => median(samples[index].map((sample, round) => samples[0][round].seconds / sample.seconds)));
    timed.forEach((row, index) => {
      const seconds = median(samples[index].map((sample) => sample.seconds));
      const rssMib = Math.max(...samples[index].map((sample) => sample.rssKib)) / 1024;
      const cpuSeconds = median(samples[index].map((sample) => sample.cpuSeconds));
      console.log(`${row.name.padEnd(width)} ${seconds.toFixed(2).padStart(8)} ${(options.size / seconds).toFixed(0).padStart(9)} ${`${ratios[index].toFixed(2)}x`.padStart(8)} ${(Number.isNaN(cpuSeconds) ? '-' : cpuSeconds.toFixed(2)).padStart(7)} ${rssMib.toFixed(1).padStart(13)}`);
    });
    const verdicts = timed.slice(1).map((row, index) => `${row.name} ${ratios[index + 1].toFixed(2)}x`);
    console.log(`\nfiles/s against lint's, on ${options.size} files: ${verdicts.join(', ')} (target for stats and actions: at least 1x)`);
  } finally {
    rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchCollection();
