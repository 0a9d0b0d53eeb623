// The merge benchmark of `npm run bench` (or alone: `node scripts/bench/timeline-merge.js
// [--merge-sizes 1000,10000] [--quick]`): the real `postmortem timeline import EVENTS --into
// FILE`, start-up included, merging N generated events (JSON lines, one every few seconds
// across the impact window) into a postmortem whose timeline has a few entries, then the same
// import again (nothing to add: every event is found already there). Wall time and peak RSS.
// The merge reads its result back before writing, and is linear in the number of entries: a
// chat channel's whole day goes in within seconds. Not a test: nothing fails.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './lint.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'postmortem.js');

const POSTMORTEM = `---
title: Checkout errors after a flag flip
date: 2026-03-14
timezone: UTC
start: 2026-03-14T10:00:00Z
end: 2026-03-14T16:00:00Z
---

# Checkout errors after a flag flip

## Summary

Checkout returned errors for six hours.

## Timeline

- 10:00: Errors began
- 12:30: **Escalation:** Paged the payments on-call
- 16:00: Errors stopped

## Root Cause

A flag enabled an unfinished code path.
`;

const WORDS = ['checkout', 'latency', 'rollback', 'flag', 'deploy', 'p99', 'errors', 'pager', 'retry', 'database', 'cache', 'queue'];

function parseOptions(argv) {
  const index = argv.indexOf('--merge-sizes');
  const quick = argv.includes('--quick');
  const sizes = String(index === -1 ? (quick ? '1000' : '1000,10000,50000') : argv[index + 1]).split(',').map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error('--merge-sizes takes whole numbers, comma-separated');
  return { sizes };
}

/** Runs the merge benchmark and prints its table. */
export async function benchTimelineMerge(options = parseOptions(process.argv.slice(2))) {
  const work = mkdtempSync(join(tmpdir(), 'postmortem-bench-merge-'));
  try {
    console.log('\npostmortem timeline import EVENTS --into FILE (JSON lines, events across the impact window; peak RSS of the process)\n');
    console.log(`${'events'.padStart(8)}   merge (s)   RSS (MiB)   again (s)   RSS (MiB)   added lines`);
    for (const size of options.sizes) {
      const start = Date.parse('2026-03-14T09:00:00Z');
      const step = Math.floor((8 * 3600_000) / size);
      const lines = Array.from({ length: size }, (_, index) => JSON.stringify({ time: new Date(start + index * step).toISOString(), text: `${WORDS[index % WORDS.length]} message ${index} in the incident channel` }));
      writeFileSync(join(work, 'events.jsonl'), `${lines.join('\n')}\n`);
      writeFileSync(join(work, 'pm.md'), POSTMORTEM);
      const args = [bin, 'timeline', 'import', 'events.jsonl', '--into', 'pm.md', '--since', '2026-03-14', '--until', '2026-03-14'];
      const first = measure(args, work, work);
      const added = readFileSync(join(work, 'pm.md'), 'utf8').split('\n').length - POSTMORTEM.split('\n').length;
      const again = measure(args, work, work);
      const mib = (kib) => (kib / 1024).toFixed(0).padStart(9);
      console.log(`${String(size).padStart(8)} ${first.seconds.toFixed(2).padStart(11)} ${mib(first.rssKib)} ${again.seconds.toFixed(2).padStart(11)} ${mib(again.rssKib)} ${String(added).padStart(13)}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchTimelineMerge();
