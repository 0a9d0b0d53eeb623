// The export benchmark of `npm run bench`: 1,000 generated postmortems exported as a site
// (`postmortem export DIR --site OUT`, the real command, start-up included) against pandoc
// converting the same files to standalone HTML, once per file (a sample, extrapolated) and
// all in one process. Prints files per second and the ratios. Not a test: nothing fails.
//
// Both tools read and write on a RAM file system (/dev/shm) when the machine has one, so the
// comparison is of the tools; a site is also built on the disk (os.tmpdir()) and shown beside
// it. On the ext4 disk of this kind of machine, creating 1,000 files took from 0.04 s to 0.9 s
// depending on what had lately been created and deleted near the directory, more than any
// change to the tool moved the figure; pandoc writes one file, so only the site pays for it.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'postmortem.js');

/** Target from the export issue: `--site` at least this many times pandoc's one-process files per second. */
const TARGET_RATIO = 7;

function seconds(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const child = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024, ...options });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.error) throw child.error;
  if (child.status !== 0) throw new Error(`${command} ${args.slice(0, 4).join(' ')} ... exited ${child.status}: ${String(child.stderr).slice(0, 500)}`);
  return elapsed;
}

/**
 * Flushes the file system's pending writes before a timed run, so that a run does not pay for
 * writing back what earlier runs (or the corpus generator) left in the page cache: on this
 * kind of machine that stalls file creation by up to a second at random. Every timed run of
 * either tool starts after one. A no-op where there is no `sync` command.
 */
function settleFileSystem() {
  spawnSync('sync', [], { stdio: 'ignore' });
}

/** Room a RAM file system needs for the run: the corpus, a few sites of ~25 KB pages, pandoc's output. */
function bytesNeeded(files) {
  return files * 25 * 1024 * 8;
}

/** Where the benchmark works: a RAM file system when there is one with room enough, else the temporary directory. */
function workDirectory(files) {
  try {
    if (statSync('/dev/shm').isDirectory()) {
      accessSync('/dev/shm', constants.W_OK);
      const { bavail, bsize } = statfsSync('/dev/shm');
      if (bavail * bsize >= bytesNeeded(files)) return { directory: '/dev/shm', kind: 'RAM file system' };
    }
  } catch {
    // No /dev/shm (macOS, Windows): the disk it is.
  }
  return { directory: tmpdir(), kind: 'disk' };
}

/**
 * Median seconds of `runs` new sites built from `corpus` into `directory`. On a disk the sites
 * are kept until the end: on ext4, files deleted in the last minute or so make creating new
 * ones in the same place slower (the allocator steps over their inodes). On a RAM file system
 * each is removed at once, but for the first, which the "unchanged" run rebuilds.
 */
function siteSeconds(corpus, directory, runs, label, { keep }) {
  const times = [];
  for (let index = 0; index < runs; index += 1) {
    const site = join(directory, `site-${label}-${index}`);
    settleFileSystem();
    times.push(seconds(process.execPath, [bin, 'export', corpus, '--site', site]));
    if (!keep(label, index)) rmSync(site, { recursive: true, force: true });
  }
  return median(times);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function hasPandoc() {
  const child = spawnSync('pandoc', ['--version'], { stdio: 'ignore' });
  return !child.error && child.status === 0;
}

/** The corpus generator the lint benchmark uses, so both benchmarks read the same kind of files. */
async function generateCorpus(directory, count) {
  let generator;
  try {
    generator = await import('../generate-postmortems.js');
  } catch (error) {
    throw new Error(`the export benchmark needs scripts/generate-postmortems.js (the shared corpus generator): ${error.message}`);
  }
  return generator.writePostmortems(directory, count);
}

/**
 * What the file system alone costs a site: `count` pages of 24 KB written through a temporary
 * file and a rename, as the site build writes them, into a new directory. On a shared machine
 * this varies a lot from run to run, and it is part of every site build's time.
 */
function fileSystemSeconds(directory, count) {
  mkdirSync(directory);
  const page = 'x'.repeat(24 * 1024);
  const start = process.hrtime.bigint();
  for (let index = 0; index < count; index += 1) {
    const temporary = join(directory, `.page-${index}.tmp`);
    writeFileSync(temporary, page, { flag: 'wx' });
    renameSync(temporary, join(directory, `page-${index}.html`));
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Rounds of the paired comparison: a round builds sites, then runs pandoc on the same files. */
const ROUNDS = 3;

/**
 * Runs the export benchmark and prints its table. `files` postmortems; `ROUNDS` rounds, each
 * of `runs` timed site builds (after one warm-up before the first) and then one run of pandoc
 * on all the files in one process, so both tools meet the machine in the same state; the
 * verdict is the median of the rounds' ratios. A sample of `pandocSample` files is converted
 * by pandoc once per file, for scale.
 */
export async function benchExportSite({ files = 1000, runs = 3, pandocSample = 100 } = {}) {
  const place = workDirectory(files);
  const work = mkdtempSync(join(place.directory, 'postmortem-bench-export-'));
  const onDisk = place.kind === 'disk' ? null : mkdtempSync(join(tmpdir(), 'postmortem-bench-export-'));
  try {
    const corpus = join(work, 'corpus');
    const bytes = await generateCorpus(corpus, files);
    settleFileSystem();
    const writing = fileSystemSeconds(join(work, 'file-system'), files);
    settleFileSystem();
    const diskWriting = onDisk ? fileSystemSeconds(join(onDisk, 'file-system'), files) : null;
    const names = readdirSync(corpus).filter((name) => name.endsWith('.md')).sort().map((name) => join(corpus, name));
    const pandoc = hasPandoc();
    const pandocArgs = ['-f', 'gfm', '-t', 'html5', '--standalone', '--metadata', 'title=Postmortem'];

    seconds(process.execPath, [bin, 'export', corpus, '--site', join(work, 'site-warm-up')]);
    const onRam = place.kind !== 'disk';
    if (onRam) rmSync(join(work, 'site-warm-up'), { recursive: true, force: true });
    const keepOnDisk = { keep: () => true };
    const keepFirstOnRam = { keep: (label, index) => !onRam || (label === 'new-0' && index === 0) };
    const siteTimes = [];
    const diskTimes = [];
    const pandocTimes = [];
    const rounds = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const ours = siteSeconds(corpus, work, runs, `new-${round}`, keepFirstOnRam);
      siteTimes.push(ours);
      if (onDisk) diskTimes.push(siteSeconds(corpus, onDisk, 1, `disk-${round}`, keepOnDisk));
      if (!pandoc) continue;
      settleFileSystem();
      const theirs = seconds('pandoc', [...pandocArgs, ...names, '-o', join(work, `pandoc-all-${round}.html`)]);
      pandocTimes.push(theirs);
      rounds.push({ ours, theirs, ratio: theirs / ours });
    }
    settleFileSystem();
    const updateSeconds = seconds(process.execPath, [bin, 'export', corpus, '--site', join(work, 'site-new-0-0')]);

    const rows = [
      { name: `postmortem export --site (new site, ${place.kind})`, files, seconds: median(siteTimes) },
      { name: `postmortem export --site (unchanged, ${place.kind})`, files, seconds: updateSeconds },
    ];
    if (onDisk) rows.push({ name: 'postmortem export --site (new site, disk)', files, seconds: median(diskTimes) });
    let pandocOneProcess = null;
    if (pandoc) {
      const sample = names.slice(0, Math.min(pandocSample, names.length));
      settleFileSystem();
      const perFileSeconds = sample.reduce((total, file, index) => total + seconds('pandoc', [...pandocArgs, file, '-o', join(work, `pandoc-${index}.html`)]), 0);
      rows.push({ name: `pandoc, once per file (${sample.length}-file sample)`, files: sample.length, seconds: perFileSeconds });
      pandocOneProcess = files / median(pandocTimes);
      rows.push({ name: 'pandoc, all files in one process', files, seconds: median(pandocTimes) });
    }

    console.log(`\nExport: ${files} generated postmortems (${(bytes / 1024 / 1024).toFixed(1)} MB), wall time; postmortem: median of ${ROUNDS} rounds of ${runs} runs after a warm-up, pandoc: median of ${ROUNDS} runs, one after each round`);
    console.log(`Both tools work in ${work} (${place.kind})${onDisk ? `; the disk row in ${onDisk}` : ''}.`);
    console.log(`Writing ${files} pages of 24 KB (a page of the site) through a temporary file and a rename, alone, took ${writing.toFixed(2)} s there${diskWriting !== null ? ` and ${diskWriting.toFixed(2)} s on the disk` : ''}.`);
    const width = Math.max(...rows.map((row) => row.name.length));
    console.log(`${'export'.padEnd(width)}    files   seconds   files/s   vs pandoc one-process`);
    for (const row of rows) {
      const rate = row.files / row.seconds;
      const ratio = pandocOneProcess ? `${(rate / pandocOneProcess).toFixed(1)}x` : '-';
      console.log(`${row.name.padEnd(width)} ${String(row.files).padStart(8)} ${row.seconds.toFixed(2).padStart(9)} ${rate.toFixed(0).padStart(9)}   ${ratio.padStart(8)}`);
    }
    if (pandoc) {
      console.log(`\nRounds (site median, then pandoc): ${rounds.map(({ ours, theirs, ratio }) => `${ours.toFixed(2)} s / ${theirs.toFixed(2)} s = ${ratio.toFixed(1)}x`).join('; ')}`);
      const ratio = median(rounds.map((item) => item.ratio));
      console.log(`--site is ${ratio.toFixed(1)}x pandoc's one-process files/s, the median of the rounds (target: at least ${TARGET_RATIO}x): ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}`);
      if (onDisk) console.log(`(the site built on the disk instead, against the same pandoc runs: ${(median(pandocTimes) / median(diskTimes)).toFixed(1)}x)`);
    } else {
      console.log('\npandoc not found, so there is nothing to compare with: install it (Debian/Ubuntu: apt-get install pandoc) and run again.');
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (onDisk) rmSync(onDisk, { recursive: true, force: true });
  }
}
