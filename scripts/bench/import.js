// The timeline import benchmark of `npm run bench` (or alone: `node scripts/bench/import.js
// [--import-messages N] [--import-rounds N] [--quick]`; --quick means one round): a generated
// Slack workspace export of 100,000 messages over 400 days in 4 channels (scripts/bench/slack-export.js,
// about 24 MB in 1,600 day files), imported by importTimeline in a child process, with wall
// time, CPU time and peak RSS (that process's own, from /usr/bin/time):
//   - the events of one incident's window (a 4-hour window, the day files around it read);
//   - the whole export, no window (every day file, every message);
//   - the same 100,000 messages in one day file of about 24 MB, 10 minutes of it kept (the file
//     streamed by stream-json, not parsed whole): the peak RSS shows the memory it takes to read.
// Then the same window through the bin (`postmortem timeline import`) when this build has
// that command; without it the row says so. Target (issue 12): a 100,000-message export
// imported in bounded memory. Not a test: nothing fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, median } from './lint.js';
import { writeSlackExport } from './slack-export.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'postmortem.js');
const libraryScript = join(root, 'scripts', 'bench', 'import-library.js');

/** The window: 4 hours of day 200 of the export (2025-07-20, UTC). */
const WINDOW = { since: '2025-07-20T10:00:00Z', until: '2025-07-20T14:00:00Z' };
/** For the one large day file: 10 minutes, so that few events are kept and the peak RSS is the reading's. */
const NARROW = { since: '2025-07-20T12:00:00Z', until: '2025-07-20T12:10:00Z' };

function parseOptions(argv) {
  const value = (name, fallback) => {
    const index = argv.indexOf(name);
    return index === -1 ? fallback : Number(argv[index + 1]);
  };
  const quick = argv.includes('--quick');
  const messages = value('--import-messages', 100_000);
  const rounds = value('--import-rounds', quick ? 1 : 3);
  if (!Number.isInteger(messages) || messages < 1 || !Number.isInteger(rounds) || rounds < 1) throw new Error('--import-messages and --import-rounds take a positive whole number');
  return { messages, rounds };
}

/** How many events a row keeps, from one run of the library script (not timed). */
function eventCount(args, cwd) {
  const child = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return JSON.parse(child.stdout).events;
}

/** Runs the import benchmark and prints its table. */
export async function benchImport(options = parseOptions(process.argv.slice(2))) {
  const work = mkdtempSync(join(tmpdir(), 'postmortem-bench-import-'));
  try {
    const exportFolder = join(work, 'export');
    const oneFile = join(work, 'one-day');
    const written = writeSlackExport(exportFolder, { messages: options.messages });
    const single = writeSlackExport(oneFile, { messages: options.messages, oneDayFile: true, firstDay: '2025-07-20' });
    const mib = (bytes) => (bytes / 1024 / 1024).toFixed(1);
    console.log(`\nTimeline import: a generated Slack export of ${options.messages} messages (${mib(written.bytes)} MiB in ${written.files} day files over 400 days, 4 channels), Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)}`);
    console.log(`Window: ${WINDOW.since} to ${WINDOW.until}. Library rows: node scripts/bench/import-library.js PATH [SINCE UNTIL] (importTimeline from dist/, in a child process; wall time includes start-up)`);
    const rows = [
      { name: 'library, the window', args: [libraryScript, exportFolder, WINDOW.since, WINDOW.until] },
      { name: 'library, whole export', args: [libraryScript, exportFolder] },
      { name: `library, one ${mib(single.bytes)} MiB day file, 10 minutes of it`, args: [libraryScript, join(oneFile, 'channel-0', '2025-07-20.json'), NARROW.since, NARROW.until] },
    ];
    for (const row of rows) row.events = eventCount(row.args, work);
    rows.push({ name: 'bin: postmortem timeline import, the window', args: [bin, 'timeline', 'import', exportFolder, '--from', 'slack', '--since', WINDOW.since, '--until', WINDOW.until], events: null });
    console.log(`Medians of ${options.rounds} round${options.rounds === 1 ? '' : 's'}, after one unmeasured run of each (the files into the page cache)\n`);
    const width = Math.max(...rows.map((row) => row.name.length));
    console.log(`${'row'.padEnd(width)} ${'events'.padStart(7)} ${'wall s'.padStart(7)} ${'CPU s'.padStart(6)} ${'peak RSS MiB'.padStart(13)}`);
    for (const row of rows) {
      try {
        measure(row.args, work, work);
        const samples = Array.from({ length: options.rounds }, () => measure(row.args, work, work));
        const seconds = median(samples.map((sample) => sample.seconds));
        const cpu = median(samples.map((sample) => sample.cpuSeconds));
        const rss = Math.max(...samples.map((sample) => sample.rssKib)) / 1024;
        console.log(`${row.name.padEnd(width)} ${String(row.events ?? '-').padStart(7)} ${seconds.toFixed(2).padStart(7)} ${(Number.isNaN(cpu) ? '-' : cpu.toFixed(2)).padStart(6)} ${rss.toFixed(1).padStart(13)}`);
      } catch (error) {
        console.log(`${row.name.padEnd(width)} failed: ${String(error.message).split('\n')[0]}`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchImport();
