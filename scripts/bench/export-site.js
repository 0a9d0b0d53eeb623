// The export benchmark of `npm run bench`: 1,000 generated postmortems built into a site with
// the real command (`postmortem export DIR --site OUT`, start-up included), three ways: a new
// site, a re-run over the unchanged files (which reuses every page, see site-manifest.ts), and
// a re-run after one file was edited. Each is set beside pandoc converting the same files in
// one process and beside bare markdown-it rendering them in one process
// (scripts/bench/markdown-it-pages.js), as a ratio of speeds. Not a test: nothing fails.
//
// The machine is noisy (shared, two cores), so the tools are measured in rounds: each round
// times every row once (the re-runs a few times, they are short) with the machine in the same
// state, each ratio is worked out within its round, and the figures shown are the medians over
// the rounds. Every timed run starts after a `sync`, so that none pays for writing back what an
// earlier one left in the page cache.
//
// Both tools read and write on a RAM file system (/dev/shm) when the machine has one, so the
// comparison is of the tools; a new site is also built on the disk (os.tmpdir()) and shown
// beside it. On the ext4 disk of this kind of machine, creating 1,000 files took from 0.04 s to
// 0.9 s depending on what had lately been created and deleted near the directory, more than any
// change to the tool moved the figure; pandoc writes one file, so only the site pays for it.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'postmortem.js');
const markdownItPages = join(root, 'scripts', 'bench', 'markdown-it-pages.js');

/** Target from the export issue: a new site at least this many times pandoc's one-process speed. */
const PANDOC_TARGET = 7;
/** Target from the incremental-build issue: a re-run over unchanged files at least this many times faster than the new site. */
const RERUN_TARGET = 5;

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
 * kind of machine that stalls file creation by up to a second at random. A no-op where there
 * is no `sync` command.
 */
function settleFileSystem() {
  spawnSync('sync', [], { stdio: 'ignore' });
}

/** Seconds of one timed run, after a `sync`. */
function timed(command, args) {
  settleFileSystem();
  return seconds(command, args);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Room a RAM file system needs for the run: the corpus, a site per round of ~25 KB pages, the baselines' output. */
function bytesNeeded(files, rounds) {
  return files * 25 * 1024 * (rounds + 4);
}

/** Where the benchmark works: a RAM file system when there is one with room enough, else the temporary directory. */
function workDirectory(files, rounds) {
  try {
    if (statSync('/dev/shm').isDirectory()) {
      accessSync('/dev/shm', constants.W_OK);
      const { bavail, bsize } = statfsSync('/dev/shm');
      if (bavail * bsize >= bytesNeeded(files, rounds)) return { directory: '/dev/shm', kind: 'RAM file system' };
    }
  } catch {
    // No /dev/shm (macOS, Windows): the disk it is.
  }
  return { directory: tmpdir(), kind: 'disk' };
}

/** pandoc's path on PATH and its version line, or null when it is not installed. */
function findPandoc() {
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    if (!directory) continue;
    const candidate = join(directory, 'pandoc');
    try {
      accessSync(candidate, constants.X_OK);
    } catch {
      continue;
    }
    const child = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (!child.error && child.status === 0) return { path: candidate, version: child.stdout.split('\n')[0] };
  }
  return null;
}

/** The corpus generator the lint benchmark uses, so both benchmarks read the same kind of files. */
async function generateCorpus(directory, count) {
  const generator = await import('../generate-postmortems.js');
  return generator.writePostmortems(directory, count);
}

/**
 * What the file system alone costs a site: `count` pages of 24 KB written through a temporary
 * file and a rename, as the site build writes them, into a new directory. On a shared machine
 * this varies a lot from run to run, and it is part of every new site's time.
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

const ratioText = (value) => (value === null ? '-' : `${value >= 10 ? value.toFixed(0) : value.toFixed(2)}x`);
const loadText = () => `load average ${loadavg()[0].toFixed(1)}`;

/**
 * Runs the export benchmark and prints its table. `files` postmortems; `rounds` rounds, each
 * timing a new site (and one on the disk), `reruns` re-runs over the unchanged files and as
 * many after editing one file, then pandoc and markdown-it over all the files. One unmeasured
 * site build and markdown-it run come first. `pandocSample` files are also converted by
 * pandoc one process per file, for scale (0 to skip).
 */
export async function benchExportSite({ files = 1000, rounds = 3, reruns = 3, pandocSample = 20 } = {}) {
  const place = workDirectory(files, rounds);
  const work = mkdtempSync(join(place.directory, 'postmortem-bench-export-'));
  const onDisk = place.kind === 'disk' ? null : mkdtempSync(join(tmpdir(), 'postmortem-bench-export-'));
  const pandoc = findPandoc();
  try {
    const corpus = join(work, 'corpus');
    const bytes = await generateCorpus(corpus, files);
    const names = readdirSync(corpus).filter((name) => name.endsWith('.md')).sort().map((name) => join(corpus, name));
    const edited = names[Math.floor(names.length / 2)];
    const original = readFileSync(edited, 'utf8');
    settleFileSystem();
    const writing = fileSystemSeconds(join(work, 'file-system'), files);
    settleFileSystem();
    const diskWriting = onDisk ? fileSystemSeconds(join(onDisk, 'file-system'), files) : null;
    const pandocArgs = ['-f', 'gfm', '-t', 'html5', '--standalone', '--metadata', 'title=Postmortem'];

    console.log(`\nExport: ${files} generated postmortems (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${work} (${place.kind}); ${rounds} ${rounds === 1 ? 'round' : 'rounds'}, ${loadText()} at the start`);
    console.log(pandoc ? `pandoc: ${pandoc.path} (${pandoc.version})` : 'pandoc: not found on PATH, so its comparison is skipped (Debian/Ubuntu: apt-get install pandoc)');
    console.log('Commands timed, wall time with start-up (CORPUS, SITE and OUT in the directory above):');
    console.log('  new site      node bin/postmortem.js export CORPUS --site SITE        (SITE does not exist)');
    console.log('  re-run        node bin/postmortem.js export CORPUS --site SITE        (again, nothing changed)');
    console.log(`  one edited    node bin/postmortem.js export CORPUS --site SITE        (after a line was added to ${relative(work, edited)})`);
    if (pandoc) console.log(`  pandoc        ${pandoc.path} ${pandocArgs.join(' ')} CORPUS/*.md -o OUT.html`);
    console.log('  markdown-it   node scripts/bench/markdown-it-pages.js CORPUS OUT      (read, render, write each file; no front matter, template or sanitiser)');

    // Unmeasured: the files into the page cache, the compile caches warm.
    seconds(process.execPath, [bin, 'export', corpus, '--site', join(work, 'site-warm-up')]);
    seconds(process.execPath, [markdownItPages, corpus, join(work, 'markdown-it-warm-up')]);
    rmSync(join(work, 'site-warm-up'), { recursive: true, force: true });
    rmSync(join(work, 'markdown-it-warm-up'), { recursive: true, force: true });

    const samples = [];
    for (let round = 0; round < rounds; round += 1) {
      const site = join(work, `site-${round}`);
      const sample = { newSite: timed(process.execPath, [bin, 'export', corpus, '--site', site]) };
      // Disk sites are kept to the end: on ext4, files deleted in the last minute or so make creating new ones nearby slower.
      if (onDisk) sample.disk = timed(process.execPath, [bin, 'export', corpus, '--site', join(onDisk, `site-${round}`)]);
      sample.rerun = median(Array.from({ length: reruns }, () => timed(process.execPath, [bin, 'export', corpus, '--site', site])));
      sample.oneEdited = median(Array.from({ length: reruns }, (_, run) => {
        writeFileSync(edited, `${original}\nEdited in round ${round}, run ${run}.\n`);
        return timed(process.execPath, [bin, 'export', corpus, '--site', site]);
      }));
      writeFileSync(edited, original);
      if (pandoc) sample.pandoc = timed(pandoc.path, [...pandocArgs, ...names, '-o', join(work, `pandoc-${round}.html`)]);
      sample.markdownIt = timed(process.execPath, [markdownItPages, corpus, join(work, `markdown-it-${round}`)]);
      if (place.kind !== 'disk') {
        rmSync(site, { recursive: true, force: true });
        rmSync(join(work, `markdown-it-${round}`), { recursive: true, force: true });
      }
      samples.push(sample);
    }
    let perFile = null;
    if (pandoc && pandocSample > 0) {
      const sample = names.slice(0, Math.min(pandocSample, names.length));
      settleFileSystem();
      perFile = { files: sample.length, seconds: sample.reduce((total, file, index) => total + seconds(pandoc.path, [...pandocArgs, file, '-o', join(work, `pandoc-file-${index}.html`)]), 0) };
    }

    /** The median over the rounds of a row's time, and of its speed against pandoc and markdown-it within each round. */
    const row = (name, key) => ({
      name,
      files,
      seconds: median(samples.map((sample) => sample[key])),
      pandoc: pandoc ? median(samples.map((sample) => sample.pandoc / sample[key])) : null,
      markdownIt: median(samples.map((sample) => sample.markdownIt / sample[key])),
    });
    const rows = [row(`new site (${place.kind})`, 'newSite'), row(`re-run, nothing changed (${place.kind})`, 'rerun'), row(`re-run, one file edited (${place.kind})`, 'oneEdited')];
    if (onDisk) rows.push(row('new site (disk)', 'disk'));
    if (pandoc) rows.push(row('pandoc, all files in one process', 'pandoc'));
    if (perFile) rows.push({ name: `pandoc, once per file (${perFile.files}-file sample)`, files: perFile.files, seconds: perFile.seconds, pandoc: null, markdownIt: null });
    rows.push(row('markdown-it, all files in one process', 'markdownIt'));

    console.log(`\nWriting ${files} pages of 24 KB through a temporary file and a rename, alone, took ${writing.toFixed(2)} s on the ${place.kind}${diskWriting !== null ? ` and ${diskWriting.toFixed(2)} s on the disk` : ''}.`);
    console.log(`Medians of ${rounds} ${rounds === 1 ? 'round' : 'rounds'}${reruns > 1 ? ` (a re-run's time in a round: the median of ${reruns})` : ''}; speed = files per second, as a multiple of the other tool's in the same round:`);
    const width = Math.max(...rows.map((item) => item.name.length));
    console.log(`${'export'.padEnd(width)}    files   seconds   files/s   vs pandoc   vs markdown-it`);
    for (const item of rows) {
      console.log(`${item.name.padEnd(width)} ${String(item.files).padStart(8)} ${item.seconds.toFixed(2).padStart(9)} ${(item.files / item.seconds).toFixed(0).padStart(9)} ${ratioText(item.pandoc).padStart(11)} ${ratioText(item.markdownIt).padStart(16)}`);
    }
    console.log(`\nRounds (new site / re-run / one edited${pandoc ? ' / pandoc' : ''} / markdown-it, seconds): ${samples.map((sample) => [sample.newSite, sample.rerun, sample.oneEdited, ...(pandoc ? [sample.pandoc] : []), sample.markdownIt].map((value) => value.toFixed(2)).join(' / ')).join('; ')}`);
    const speedUp = median(samples.map((sample) => sample.newSite / sample.rerun));
    console.log(`re-run over unchanged files: ${ratioText(speedUp)} faster than the new site, the median of the rounds' ratios (target: at least ${RERUN_TARGET}x): ${speedUp >= RERUN_TARGET ? 'met' : 'NOT met'}`);
    if (pandoc) {
      const ratio = rows[0].pandoc;
      console.log(`new site: ${ratioText(ratio)} pandoc's one-process speed (target: at least ${PANDOC_TARGET}x): ${ratio >= PANDOC_TARGET ? 'met' : 'NOT met'}`);
    }
    console.log(`(${loadText()} at the end)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (onDisk) rmSync(onDisk, { recursive: true, force: true });
  }
}
