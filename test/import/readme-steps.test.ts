// The README's steps to get the PagerDuty and Alertmanager files, run as written against
// local stand-ins (an HTTP server in the API's place, payloads POSTed as Alertmanager would),
// and the files they write read by the readers. Skipped where curl, sh or python3 is missing.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertmanagerReader } from '../../src/import/sources/alertmanager.js';
import { pagerDutyReader } from '../../src/import/sources/pagerduty.js';
import { repoRoot } from '../cli/cli-harness.js';
import { describeEvents, importFixtures, readAll } from './import-harness.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

/** The first fenced block of `language` under the `### heading` of the README's Timeline import section. */
function readmeBlock(heading: string, language: string): string {
  const section = readme.slice(readme.indexOf('## Timeline import'));
  const start = section.indexOf(`\n### ${heading}\n`);
  if (start < 0) throw new Error(`README has no "### ${heading}" under "## Timeline import"`);
  const block = new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``).exec(section.slice(start));
  if (!block?.[1]) throw new Error(`README has no \`\`\`${language} block under "### ${heading}"`);
  return block[1];
}

function has(command: string, ...args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

async function freePort(): Promise<number> {
  return await new Promise((done) => {
    const server = createNetServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

let dir: string;
let server: Server | null = null;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pm-readme-steps-'));
});
afterEach(async () => {
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  server = null;
  await rm(dir, { recursive: true, force: true });
});

describe("the README's PagerDuty steps", () => {
  it.skipIf(!has('curl', '--version') || !has('sh', '-c', 'true'))('fetch every page with the token, and write a file the reader reads as the API\'s log', async () => {
    // The API's log in pages of 4, served as PagerDuty does: compact JSON, `more` until the last.
    const entries = (JSON.parse(readFileSync(join(importFixtures, 'pagerduty/incident-log.json'), 'utf8')) as { log_entries: unknown[] }).log_entries;
    const requests: string[] = [];
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      requests.push(`${request.headers.authorization} ${url.pathname} ${url.searchParams.get('is_overview')} ${url.searchParams.get('offset')}`);
      const offset = Number(url.searchParams.get('offset'));
      const limit = Math.min(Number(url.searchParams.get('limit')), 4);
      const page = { log_entries: entries.slice(offset, offset + limit), limit, offset, more: offset + limit < entries.length, total: null };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(page));
    });
    const port = await freePort();
    await new Promise<void>((done) => server?.listen(port, '127.0.0.1', done));
    // The loop pages by 100; the stand-in by 4, so that paging is exercised.
    const script = readmeBlock('PagerDuty', 'sh')
      .replace('https://api.pagerduty.com', `http://127.0.0.1:${port}`)
      .replace('offset=$((offset + 100))', 'offset=$((offset + 4))')
      .replace('export PAGERDUTY_TOKEN=...', 'export PAGERDUTY_TOKEN=test-token');
    // Asynchronously: the stand-in answers from this process's event loop.
    const result = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const shell = spawn('sh', ['-e', '-c', script], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      shell.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      shell.on('close', (code) => done({ code, stderr }));
    });
    expect(result).toEqual({ code: 0, stderr: '' });
    expect(requests).toEqual([0, 4, 8].map((offset) => `Token token=test-token /incidents/Q3CHKOUT4821/log_entries false ${offset}`));
    const fetched = await readAll(pagerDutyReader, join(dir, 'pagerduty-log.json'));
    const original = await readAll(pagerDutyReader, 'pagerduty/incident-log.json');
    expect(describeEvents(fetched.events)).toEqual(describeEvents(original.events));
  });
});

describe("the README's Alertmanager listener", () => {
  it.skipIf(!has('python3', '--version'))('appends each payload POSTed to it to alerts.jsonl, which the reader reads', async () => {
    const port = await freePort();
    const listener = spawn('python3', ['-c', readmeBlock('Prometheus Alertmanager', 'python').replace('9099', String(port))], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const payloads = readFileSync(join(importFixtures, 'alertmanager/webhooks.jsonl'), 'utf8').trim().split('\n');
      for (let attempt = 0; ; attempt += 1) {
        try {
          await fetch(`http://127.0.0.1:${port}/`, { method: 'HEAD' });
          break;
        } catch (error) {
          if (attempt > 50) throw error;
          await new Promise((done) => setTimeout(done, 100));
        }
      }
      for (const payload of payloads) {
        const response = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
        expect(response.status).toBe(200);
      }
    } finally {
      listener.kill();
    }
    expect((await readFile(join(dir, 'alerts.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(6);
    const received = await readAll(alertmanagerReader, join(dir, 'alerts.jsonl'));
    const original = await readAll(alertmanagerReader, 'alertmanager/webhooks.jsonl');
    expect(describeEvents(received.events)).toEqual(describeEvents(original.events));
  });
});
