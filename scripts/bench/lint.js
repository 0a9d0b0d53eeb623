// The lint benchmark of `npm run bench` (or alone: `node scripts/bench/lint.js
// [--lint-sizes 1000,10000] [--lint-runs N] [--single-runs N] [--quick]`; --quick means
// 1,000 files and 3 single-file runs): generated postmortems (about 5 KB each) linted
// by `postmortem lint` (the real command, start-up included) and by markdownlint-cli2 in the
// same run, with files per second, the ratio, peak RSS and single-file wall time. Targets
// (issue 4): at least 6x markdownlint-cli2's files/s on 10,000 files, peak RSS under 150 MiB,
// single-file wall time at most half of markdownlint-cli2's, also (issue 13) for one file
// that holds a secret and personal data, so that no-secrets loads secretlint and
// no-personal-data reports (both rules are on by default). Not a test: nothing fails.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePostmortems } from '../generate-postmortems.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'postmortem.js');
const markdownlint = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const TIME = '/usr/bin/time';

/** Peak RSS when /usr/bin/time is missing: the child reports its own at exit (all its threads count). */
const RSS_REPORTER = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', () => { if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)); });",
)}`;

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs `node ...args` in `cwd` and returns wall seconds, peak RSS in KiB and CPU seconds (NaN
 * without /usr/bin/time). Exit 0 and 1
 * (problems found) are both fine; anything else is a failed benchmark. `work` is a scratch
 * directory for the RSS figures. (Also used by scripts/bench/collection.js.)
 */
export function measure(args, cwd, work) {
  const statsFile = join(work, 'stats.txt');
  rmSync(statsFile, { force: true });
  const useTime = existsSync(TIME);
  const command = useTime ? TIME : process.execPath;
  const commandArgs = useTime ? ['-v', '-o', statsFile, process.execPath, ...args] : ['--import', RSS_REPORTER, ...args];
  const start = process.hrtime.bigint();
  const child = spawnSync(command, commandArgs, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, BENCH_RSS_FILE: statsFile }, maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.error) throw child.error;
  if (child.status !== 0 && child.status !== 1) throw new Error(`node ${args.slice(0, 3).join(' ')} ... exited ${child.status}: ${String(child.stderr).slice(0, 500)}`);
  const stats = existsSync(statsFile) ? readFileSync(statsFile, 'utf8') : '';
  const rssKib = useTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stats)?.[1] ?? NaN) : Number(stats);
  // CPU time of all the process's threads (user + system), from /usr/bin/time only: less moved by a busy machine than wall time.
  const cpuSeconds = useTime ? Number(/User time \(seconds\): ([\d.]+)/.exec(stats)?.[1] ?? NaN) + Number(/System time \(seconds\): ([\d.]+)/.exec(stats)?.[1] ?? NaN) : NaN;
  return { seconds, rssKib, cpuSeconds };
}

/**
 * Each tool's median wall time, median CPU time and largest peak RSS over `runs` runs of
 * `argsFor(tool)`, the tools' runs taken in turn (one of each, then again): a burst of load on
 * this shared machine then slows both alike, where runs of one tool and then of the other
 * compared two different moments.
 */
function measureRuns(tools, argsFor, cwd, work, runs) {
  const samples = tools.map(() => []);
  for (let run = 0; run < runs; run += 1) tools.forEach((tool, index) => samples[index].push(measure(argsFor(tool), cwd, work)));
  return tools.map((tool, index) => ({
    tool,
    seconds: median(samples[index].map((sample) => sample.seconds)),
    cpuSeconds: median(samples[index].map((sample) => sample.cpuSeconds)),
    rssKib: Math.max(...samples[index].map((sample) => sample.rssKib)),
  }));
}

const TOOLS = [
  { name: 'postmortem lint', args: (target) => [bin, 'lint', target] },
  // The same glob markdownlint-cli2's documentation uses; it finds the config (none here) itself.
  { name: 'markdownlint-cli2', args: (target) => [markdownlint, target === '.' ? '**/*.md' : target] },
];

function parseOptions(argv) {
  const value = (name, fallback) => {
    const index = argv.indexOf(name);
    return index === -1 ? fallback : argv[index + 1];
  };
  const quick = argv.includes('--quick');
  const sizes = String(value('--lint-sizes', quick ? '1000' : '1000,10000')).split(',').map(Number);
  // Not --runs: that is the start-up benchmarks' sample count (20), far too many 10,000-file runs.
  const runs = Number(value('--lint-runs', '1'));
  const singleRuns = Number(value('--single-runs', quick ? '3' : '21'));
  if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(singleRuns) || singleRuns < 1) {
    throw new Error('--lint-sizes takes whole numbers separated by commas; --lint-runs and --single-runs a positive whole number');
  }
  return { sizes, runs, singleRuns };
}

/** Runs the lint benchmark and prints its table. */
export async function benchLint(options = parseOptions(process.argv.slice(2))) {
  if (!existsSync(markdownlint)) throw new Error('markdownlint-cli2 is not installed: run npm install (it is a devDependency)');
  if (!existsSync(TIME)) console.log(`(${TIME} is missing, so peak RSS comes from the child's own process.resourceUsage(); install it with: apt-get install time)\n`);
  const work = mkdtempSync(join(tmpdir(), 'postmortem-bench-lint-'));
  try {
    console.log(`\nLint: generated postmortems, Node ${process.version}, ${availableParallelism()} cores; wall time includes start-up`);
    console.log(`Commands, run in the corpus's directory: ${TOOLS.map((tool) => { const [script, ...rest] = tool.args('.'); return `node ${relative(root, script)} ${rest.join(' ')}`; }).join(' and ')}\n`);
    console.log(`${'files'.padStart(6)}  ${'tool'.padEnd(18)} ${'runs'.padStart(4)} ${'wall s'.padStart(8)} ${'files/s'.padStart(9)} ${'peak RSS MiB'.padStart(13)}`);
    const ratios = [];
    let largest = null;
    const singleFile = { corpus: join(work, 'single'), name: '00001-postmortem.md', bytes: await writePostmortems(join(work, 'single'), 1) };
    for (const size of options.sizes) {
      const corpus = join(work, `corpus-${size}`);
      const bytes = await writePostmortems(corpus, size);
      // One unmeasured run each: the files into the page cache, Node's compile cache warm.
      for (const tool of TOOLS) measure(tool.args('.'), corpus, work);
      const rows = measureRuns(TOOLS, (tool) => tool.args('.'), corpus, work, options.runs);
      for (const row of rows) {
        console.log(`${String(size).padStart(6)}  ${row.tool.name.padEnd(18)} ${String(options.runs).padStart(4)} ${row.seconds.toFixed(2).padStart(8)} ${(size / row.seconds).toFixed(0).padStart(9)} ${(row.rssKib / 1024).toFixed(1).padStart(13)}`);
      }
      const ratio = rows[1].seconds / rows[0].seconds;
      ratios.push(`${size} files: ${ratio.toFixed(2)}x`);
      largest = { size, ratio, rssMib: rows[0].rssKib / 1024 };
      console.log(`${''.padStart(6)}  postmortem lint: ${ratio.toFixed(2)}x markdownlint-cli2's files/s, ${(rows[0].rssKib / rows[1].rssKib).toFixed(2)}x its peak RSS (${Math.round(bytes / size)} bytes per file on average)`);
      rmSync(corpus, { recursive: true, force: true, maxRetries: 3 });
    }
    // One unmeasured run each first (page cache), as for the corpora.
    for (const tool of TOOLS) measure(tool.args(singleFile.name), singleFile.corpus, work);
    const single = measureRuns(TOOLS, (tool) => tool.args(singleFile.name), singleFile.corpus, work, options.singleRuns);
    // The same file with a (fake) GitHub token, a password in a connection string and an email
    // address appended: no-secrets imports secretlint for it, no-personal-data reports.
    const leakyFile = { corpus: join(work, 'leaky'), name: '00001-postmortem.md' };
    await writePostmortems(leakyFile.corpus, 1);
    const fakeToken = ['gh', 'p_', 'FAKE', '0aZ'.repeat(10), 'fa'].join('');
    appendFileSync(join(leakyFile.corpus, leakyFile.name), `\n## Notes\n\nThe deploy log printed ${fakeToken} and postgres://app:${['Fake', 'Pa55', 'w0rd'].join('')}@db.internal/orders; dana.jones@acme-corp.io noticed.\n`);
    for (const tool of TOOLS) measure(tool.args(leakyFile.name), leakyFile.corpus, work);
    const leaky = measureRuns(TOOLS, (tool) => tool.args(leakyFile.name), leakyFile.corpus, work, options.singleRuns);
    console.log(`\nfiles/s, postmortem lint over markdownlint-cli2: ${ratios.join(', ')} (target: at least 6x on 10,000 files)`);
    if (largest) console.log(`peak RSS of postmortem lint on ${largest.size} files: ${largest.rssMib.toFixed(1)} MiB (target: under 150 MiB)`);
    // CPU time (user + system, from /usr/bin/time) moves less than wall time when the machine is busy.
    const cpu = (rows) => (Number.isNaN(rows[0].cpuSeconds) ? '' : `; CPU time ${(rows[0].cpuSeconds * 1000).toFixed(0)} ms against ${(rows[1].cpuSeconds * 1000).toFixed(0)} ms: ${(rows[0].cpuSeconds / rows[1].cpuSeconds).toFixed(2)}`);
    console.log(
      `one file (${singleFile.bytes} bytes), median of ${options.singleRuns}: postmortem lint ${(single[0].seconds * 1000).toFixed(0)} ms, markdownlint-cli2 ${(single[1].seconds * 1000).toFixed(0)} ms: ${(single[0].seconds / single[1].seconds).toFixed(2)} of its time (target: at most 0.5)${cpu(single)}`,
    );
    console.log(
      `one file with a secret and an email (${statSync(join(leakyFile.corpus, leakyFile.name)).size} bytes; no-secrets loads secretlint), median of ${options.singleRuns}: postmortem lint ${(leaky[0].seconds * 1000).toFixed(0)} ms, markdownlint-cli2 ${(leaky[1].seconds * 1000).toFixed(0)} ms: ${(leaky[0].seconds / leaky[1].seconds).toFixed(2)} of its time (target: at most 0.5)${cpu(leaky)}`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchLint();
