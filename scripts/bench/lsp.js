// The language server benchmark of `npm run bench` (or alone: `node scripts/bench/lsp.js
// [--edits N]`): `postmortem lsp --stdio` (the real bin) opens a generated postmortem of about
// 5 KB (with front matter), then takes N edits one at a time, each a one-character change in
// the middle of the document sent as an incremental didChange; each edit's time runs from
// sending the didChange to receiving the publishDiagnostics for that version. The debounce is
// set to 0 through initializationOptions.debounceMs, so the figure is the server's own work
// after the debounce (config lookup, lint, conversion to diagnostics) plus the round trip over
// the pipes; an editor adds the debounce (150 ms by default) on top. Target (issue 14): median
// under 20 ms over 100 edits. Not a test: nothing fails.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generatePostmortem } from '../generate-postmortems.js';
import { median } from './lint.js';

const bin = fileURLToPath(new URL('../../bin/postmortem.js', import.meta.url));
const WARMUP_EDITS = 10;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A generated postmortem with front matter, of about 5 KB. */
function documentText() {
  for (let seed = 1; ; seed += 1) {
    const text = generatePostmortem(seed);
    if (text.startsWith('---') && text.length >= 4800 && text.length <= 5400) return text;
  }
}

/** Runs the benchmark; prints one line and returns the figures (ms). */
export async function benchLsp({ edits = 100 } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'postmortem-bench-lsp-'));
  const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: work, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const resolve = waiting.get(params.version);
    if (resolve) {
      waiting.delete(params.version);
      resolve(params);
    }
  });
  connection.onRequest(() => null);
  connection.listen();
  const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
  try {
    const text = documentText();
    const path = join(work, 'incident.md');
    writeFileSync(path, text);
    const uri = pathToFileURL(path).href;
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(work).href, capabilities: {}, initializationOptions: { debounceMs: 0 } });
    await connection.sendNotification('initialized', {});
    const opened = published(1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await opened;

    // Edits in the Root Cause section's prose: each types one character at the same place.
    const lines = text.split('\n');
    const line = lines.findIndex((candidate, index) => index > 0 && /^## Root Cause/.test(lines[index - 2] ?? '') && candidate.length > 40);
    const target = line === -1 ? Math.floor(lines.length / 2) : line;
    const times = [];
    for (let index = 0; index < WARMUP_EDITS + edits; index += 1) {
      const version = index + 2;
      const character = 20 + (index % 10);
      const change = { range: { start: { line: target, character }, end: { line: target, character } }, text: index % 2 ? 'y' : 'x' };
      const done = published(version);
      const start = process.hrtime.bigint();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await done;
      const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
      if (index >= WARMUP_EDITS) times.push(elapsed);
    }
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    const figures = { bytes: Buffer.byteLength(text), edits, median: median(times), p90: percentile(times, 90), min: Math.min(...times), max: Math.max(...times) };
    console.log(
      `\npostmortem lsp: diagnostics after an edit of a ${(figures.bytes / 1024).toFixed(1)} KB postmortem, ${edits} edits (after ${WARMUP_EDITS} warm-up edits), ` +
        `debounce set to 0 (initializationOptions.debounceMs), didChange sent to publishDiagnostics received, over stdio:\n` +
        `  median ${figures.median.toFixed(2)} ms, p90 ${figures.p90.toFixed(2)} ms, min ${figures.min.toFixed(2)} ms, max ${figures.max.toFixed(2)} ms (target: median under 20 ms)`,
    );
    return figures;
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const index = process.argv.indexOf('--edits');
  const edits = index === -1 ? 100 : Number(process.argv[index + 1]);
  if (!Number.isInteger(edits) || edits < 1) throw new Error('--edits takes a positive whole number');
  await benchLsp({ edits });
}
