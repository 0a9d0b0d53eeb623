// The JSON readers keep nothing of a record past it but what they import: a log larger than
// the heap they are given is read when its window holds a small part of it. Runs the built
// library (dist/, which `npm test` builds first) in a node whose heap is capped below the
// file's size. How fast is the benchmark's business (scripts/bench/import-json-sources.js).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/cli-harness.js';

const HEAP_MB = 48;
const PAGES = 800;
const INSIDE = Date.parse('2026-03-14T12:10:00Z');
const OUTSIDE = Date.parse('2026-03-14T18:00:00Z');
/** One record in 50 is in the window, spread over the whole file: what is kept of each must not keep the block it was read in. */
const inWindow = (number: number): boolean => number % 50 === 0;
const timeOf = (number: number): string => new Date((inWindow(number) ? INSIDE : OUTSIDE) + (number % 1000) * 1000).toISOString();
let dir: string;
let logFile: string;
let alertsFile: string;

async function write(path: string, count: number, line: (index: number) => string): Promise<void> {
  const out = createWriteStream(path);
  for (let index = 0; index < count; index += 1) {
    if (!out.write(line(index))) await new Promise<void>((done) => out.once('drain', () => done()));
  }
  await new Promise<void>((done) => out.end(() => done()));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pm-bounded-memory-'));
  logFile = join(dir, 'pagerduty-log.json');
  alertsFile = join(dir, 'alerts.jsonl');
  // About 80 MB each: 800 pages of 100 entries; 800 payloads of 100 alerts.
  const padding = 'x'.repeat(600);
  await write(logFile, PAGES, (page) => JSON.stringify({
    log_entries: Array.from({ length: 100 }, (_, index) => ({
      id: `R${String(page * 100 + index).padStart(14, '0')}`,
      type: 'annotate_log_entry',
      created_at: timeOf(page * 100 + index),
      agent: { type: 'user_reference', summary: 'Dana Lee' },
      channel: { type: 'note', summary: `note ${page}-${index} ${padding}` },
    })),
    limit: 100, offset: page * 100, more: page < PAGES - 1,
  }));
  await write(alertsFile, PAGES, (payload) => `${JSON.stringify({
    status: 'resolved',
    alerts: Array.from({ length: 100 }, (_, index) => ({
      status: 'resolved',
      labels: { alertname: `Alert${index}`, instance: `node-${payload}` },
      annotations: { summary: `summary ${padding}` },
      startsAt: timeOf(payload * 100 + index),
      endsAt: new Date(Date.parse(timeOf(payload * 100 + index)) + 60_000).toISOString(),
      fingerprint: `${payload}-${index}-fingerprint`,
    })),
  })}\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function readInSmallHeap(module: string, exportName: string, file: string): { status: number | null; stdout: string; stderr: string } {
  const code = `
    const { ${exportName} } = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'dist', module)).href)});
    let events = 0;
    const window = { since: ${INSIDE}, until: ${INSIDE + 3_600_000} };
    for await (const event of ${exportName}.read(${JSON.stringify(file)}, { cwd: '/', ...window })) events += 1;
    console.log(events);`;
  return spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--input-type=module', '-e', code], { encoding: 'utf8' });
}

describe.skipIf(!existsSync(join(repoRoot, 'dist', 'import', 'sources', 'pagerduty.js')))('reading a log larger than the heap', () => {
  it('PagerDuty: 80 MB with a 48 MB heap', () => {
    const result = readInSmallHeap('import/sources/pagerduty.js', 'pagerDutyReader', logFile);
    expect(result.stderr).toBe('');
    expect(Number(result.stdout)).toBe(PAGES * 100 / 50);
  });

  it('Alertmanager: 80 MB with a 48 MB heap', () => {
    const result = readInSmallHeap('import/sources/alertmanager.js', 'alertmanagerReader', alertsFile);
    expect(result.stderr).toBe('');
    // A start and an end for each alert in the window.
    expect(Number(result.stdout)).toBe((PAGES * 100 / 50) * 2);
  });
});
