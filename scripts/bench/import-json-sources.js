// The PagerDuty and Alertmanager readers on large files, for `npm run bench` (or alone, after
// `npm run build`: `node scripts/bench/import-json-sources.js [--mb N] [--quick]`; --quick means
// 50 MB): a generated PagerDuty log (pages of 100 entries concatenated, as the README's curl
// loop writes them) and a file of Alertmanager webhook payloads (JSON lines, as the README's
// listener writes them), each about 200 MB, read by the library's readers (dist/) with a
// one-hour window in the middle, each in its own process so that its peak RSS is its own.
// Beside each, the naive reading (fs.readFile and JSON.parse of every page or line) as the
// yardstick of memory. Target (issue 12): a 200 MB export read in bounded memory. Not a test:
// nothing fails.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const WINDOW = { since: Date.parse('2026-03-14T12:00:00Z'), until: Date.parse('2026-03-14T13:00:00Z') };
const FIRST = Date.parse('2026-03-14T00:00:00Z');

async function writeLines(path, count, line) {
  const out = createWriteStream(path);
  for (let index = 0; index < count; index += 1) {
    if (!out.write(line(index))) await new Promise((done) => out.once('drain', done));
  }
  await new Promise((done, fail) => out.end((error) => (error ? fail(error) : done())));
  return statSync(path).size;
}

const TYPES = ['trigger_log_entry', 'notify_log_entry', 'acknowledge_log_entry', 'annotate_log_entry', 'notify_log_entry', 'escalate_log_entry', 'resolve_log_entry'];

/** A PagerDuty page of 100 entries; the log spans one day, so the window holds 1/24 of it. */
function pagerDutyPage(page, pages) {
  const entries = [];
  for (let index = 0; index < 100; index += 1) {
    const number = page * 100 + index;
    const type = TYPES[number % TYPES.length];
    const user = { id: `PU${number % 40}`, type: 'user_reference', summary: `Person ${number % 40}`, self: `https://api.pagerduty.com/users/PU${number % 40}`, html_url: `https://acme.pagerduty.com/users/PU${number % 40}` };
    entries.push({
      id: `R${String(number).padStart(12, '0')}`,
      type,
      summary: `Entry ${number} of type ${type}`,
      self: `https://api.pagerduty.com/log_entries/R${number}`,
      html_url: `https://acme.pagerduty.com/incidents/Q${page}/log_entries/R${number}`,
      created_at: new Date(FIRST + Math.floor((number / (pages * 100)) * 86_400_000)).toISOString().replace('.000', ''),
      agent: user,
      channel: type === 'annotate_log_entry' ? { type: 'note', summary: `Looked at the replica lag, entry ${number}` } : { type: 'web_ui' },
      service: { id: 'PSVC001', type: 'service_reference', summary: 'Checkout API' },
      incident: { id: `Q${page}`, type: 'incident_reference', summary: `[#${page}] checkout errors` },
      teams: [{ id: 'PTEAM01', type: 'team_reference', summary: 'Payments' }],
      contexts: [],
      event_details: { description: `checkout 5xx above 5% (${number})` },
    });
  }
  return JSON.stringify({ log_entries: entries, limit: 100, offset: page * 100, more: page < pages - 1, total: null });
}

/** An Alertmanager notification of 10 alerts, half of them resolved. */
function alertmanagerPayload(index, count) {
  const alerts = [];
  for (let alert = 0; alert < 10; alert += 1) {
    const start = FIRST + Math.floor((index / count) * 86_400_000);
    const resolved = alert % 2 === 1;
    alerts.push({
      status: resolved ? 'resolved' : 'firing',
      labels: { alertname: `Alert${alert}`, severity: 'warning', service: 'checkout', instance: `node-${index % 50}:9100`, env: 'prod' },
      annotations: { summary: `Something ${alert} is off on node-${index % 50}`, description: 'A longer description of what the alert measures and what to look at first.' },
      startsAt: new Date(start).toISOString(),
      endsAt: resolved ? new Date(start + 300_000).toISOString() : '0001-01-01T00:00:00Z',
      generatorURL: `http://prometheus.internal:9090/graph?g0.expr=alert${alert}`,
      fingerprint: `${index.toString(16).padStart(8, '0')}${alert}`,
    });
  }
  return `${JSON.stringify({ receiver: 'postmortem-log', status: 'firing', alerts, groupLabels: { alertname: 'group' }, commonLabels: { env: 'prod' }, commonAnnotations: {}, externalURL: 'http://alertmanager.internal:9093', version: '4', groupKey: `{}:{group="${index % 7}"}`, truncatedAlerts: 0 })}\n`;
}

/** Runs `code` in a fresh node and returns what it printed (JSON) with its peak RSS. */
function measureChild(code) {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) return { error: child.stderr.split('\n').find((line) => /^\w*Error\b/.test(line)) ?? `exit ${child.status}` };
  return JSON.parse(child.stdout);
}

function readerCode(module, exportName, file) {
  return `
    const { ${exportName} } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist', module)).href)});
    const start = performance.now();
    let events = 0;
    for await (const event of ${exportName}.read(${JSON.stringify(file)}, { cwd: '/', since: ${WINDOW.since}, until: ${WINDOW.until} })) events += 1;
    console.log(JSON.stringify({ events, seconds: (performance.now() - start) / 1000, peakMb: process.resourceUsage().maxRSS / 1024 }));`;
}

function naiveCode(file, concatenated) {
  // The pages of a concatenated file split where one ends and the next begins: `}{`.
  return `
    const { readFile } = await import('node:fs/promises');
    const start = performance.now();
    const text = await readFile(${JSON.stringify(file)}, 'utf8');
    const parts = ${concatenated ? "text.split(/(?<=\\})(?=\\{\"log_entries\")/)" : "text.trim().split('\\n')"};
    let records = 0;
    for (const part of parts) records += (JSON.parse(part).log_entries ?? JSON.parse(part).alerts).length;
    console.log(JSON.stringify({ events: '-', records: records.toLocaleString('en-US'), seconds: (performance.now() - start) / 1000, peakMb: process.resourceUsage().maxRSS / 1024 }));`;
}

function parseOptions(argv) {
  const index = argv.indexOf('--mb');
  const mb = index === -1 ? (argv.includes('--quick') ? 50 : 200) : Number(argv[index + 1]);
  if (!Number.isFinite(mb) || mb <= 0) throw new Error('--mb takes a size in MB');
  return { mb };
}

/** Runs the benchmark and prints its table. */
export async function benchImportJsonSources(options = parseOptions(process.argv.slice(2))) {
  const folder = mkdtempSync(join(tmpdir(), 'pm-bench-import-json-'));
  try {
    const pages = Math.round((options.mb * 1e6) / pagerDutyPage(0, 1).length);
    const payloads = Math.round((options.mb * 1e6) / alertmanagerPayload(0, 1).length);
    const pagerDutyFile = join(folder, 'pagerduty-log.json');
    const alertmanagerFile = join(folder, 'alerts.jsonl');
    const pagerDutyBytes = await writeLines(pagerDutyFile, pages, (page) => pagerDutyPage(page, pages));
    const alertmanagerBytes = await writeLines(alertmanagerFile, payloads, (index) => alertmanagerPayload(index, payloads));
    const rows = [
      { name: 'PagerDuty reader', bytes: pagerDutyBytes, records: `${(pages * 100).toLocaleString('en-US')} entries`, ...measureChild(readerCode('import/sources/pagerduty.js', 'pagerDutyReader', pagerDutyFile)) },
      { name: '  JSON.parse of each page', bytes: pagerDutyBytes, ...measureChild(naiveCode(pagerDutyFile, true)) },
      { name: 'Alertmanager reader', bytes: alertmanagerBytes, records: `${(payloads * 10).toLocaleString('en-US')} alerts`, ...measureChild(readerCode('import/sources/alertmanager.js', 'alertmanagerReader', alertmanagerFile)) },
      { name: '  JSON.parse of each line', bytes: alertmanagerBytes, ...measureChild(naiveCode(alertmanagerFile, false)) },
    ];
    console.log(`\nTimeline import of large JSON exports: one-hour window of a day, Node ${process.version}; the JSON.parse rows read the whole file into memory first\n`);
    console.log(`${'reader'.padEnd(26)} ${'file MB'.padStart(8)} ${'records'.padStart(18)} ${'events'.padStart(9)} ${'seconds'.padStart(8)} ${'MB/s'.padStart(7)} ${'peak RSS MB'.padStart(12)}`);
    for (const row of rows) {
      const mb = row.bytes / 1e6;
      if (row.error) {
        console.log(`${row.name.padEnd(26)} ${mb.toFixed(0).padStart(8)} failed: ${row.error}`);
        continue;
      }
      console.log(`${row.name.padEnd(26)} ${mb.toFixed(0).padStart(8)} ${row.records.padStart(18)} ${String(row.events).padStart(9)} ${row.seconds.toFixed(2).padStart(8)} ${(mb / row.seconds).toFixed(0).padStart(7)} ${row.peakMb.toFixed(0).padStart(12)}`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchImportJsonSources();
