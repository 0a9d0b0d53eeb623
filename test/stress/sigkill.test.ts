// SIGKILL in the middle of `lint --fix` and of a site build: every source file is whole
// afterwards, either as it was or as the fix wrote it, never a mix or a truncation. The kill
// lands at several points of each run (the delays are spread over the run's measured length).
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath, runBin, useTempDir } from '../cli/cli-harness.js';

let cwd: string;
useTempDir((path) => (cwd = path));

const FILES = 400;

/** A postmortem with a malformed checkbox and a `##Heading` lint --fix rewrites, padded so that each write takes a moment. */
function postmortem(index: number): string {
  return [
    '---',
    `title: "Incident ${index}"`,
    `date: "2026-02-${String((index % 28) + 1).padStart(2, '0')}"`,
    'severity: SEV2',
    '---',
    '',
    `# Incident ${index}`,
    '',
    '## Summary',
    '',
    `From 10:00 to 10:${String(index % 60).padStart(2, '0')} UTC requests failed. ${'Background paragraph. '.repeat(200)}`,
    '',
    '## Action Items',
    '',
    ...Array.from({ length: 30 }, (_, item) => `-[ ] Add alert ${item} for service ${index}`),
    '',
  ].join('\n');
}

function writeSources(directory: string): Map<string, string> {
  mkdirSync(directory, { recursive: true });
  const sources = new Map<string, string>();
  for (let index = 0; index < FILES; index += 1) {
    const name = `incident-${String(index).padStart(4, '0')}.md`;
    const text = postmortem(index);
    writeFileSync(join(directory, name), text);
    sources.set(name, text);
  }
  return sources;
}

/** Runs the bin with `args` and kills it with SIGKILL after `delay` ms; resolves when it is gone. */
function killAfter(args: string[], delay: number): Promise<NodeJS.Signals | number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], { cwd, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delay);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ?? code);
    });
  });
}

function timed(args: string[]): number {
  const start = performance.now();
  runBin(args, { cwd });
  return performance.now() - start;
}

describe('SIGKILL in the middle of lint --fix', () => {
  it('leaves every file either as it was or as the fix wrote it', async () => {
    // What the fix writes, from a full run on a copy.
    const original = writeSources(join(cwd, 'reference'));
    const fullRun = timed(['lint', '--fix', 'reference', '--concurrency', '2']);
    const fixed = new Map([...original.keys()].map((name) => [name, readFileSync(join(cwd, 'reference', name), 'utf8')]));
    expect([...fixed.entries()].filter(([name, text]) => text !== original.get(name)).length).toBe(FILES);
    let killedMidway = 0;
    for (const share of [0.15, 0.3, 0.45, 0.6, 0.75, 0.9]) {
      const directory = `run-${share}`;
      writeSources(join(cwd, directory));
      const ended = await killAfter(['lint', '--fix', directory, '--concurrency', '2'], Math.round(fullRun * share));
      let changed = 0;
      for (const [name, text] of original) {
        const now = readFileSync(join(cwd, directory, name), 'utf8');
        expect([text, fixed.get(name)], `${directory}/${name}`).toContain(now);
        if (now !== text) changed += 1;
      }
      if (ended === 'SIGKILL' && changed > 0 && changed < FILES) killedMidway += 1;
    }
    // At least one kill landed while files were being written, or the test proved nothing.
    expect(killedMidway).toBeGreaterThan(0);
  });
});

describe('SIGKILL in the middle of a site build', () => {
  it('leaves every source file as it was, and the next build completes the site', async () => {
    const original = writeSources(join(cwd, 'sources'));
    cpSync(join(cwd, 'sources'), join(cwd, 'reference'), { recursive: true });
    const fullRun = timed(['export', '--site', 'reference-site', 'reference', '--concurrency', '2']);
    for (const share of [0.2, 0.4, 0.6, 0.8]) {
      await killAfter(['export', '--site', 'site', 'sources', '--concurrency', '2'], Math.round(fullRun * share));
      for (const [name, text] of original) expect(readFileSync(join(cwd, 'sources', name), 'utf8'), name).toBe(text);
    }
    const rebuilt = runBin(['export', '--site', 'site', 'sources', '--concurrency', '2'], { cwd });
    expect(rebuilt.exitCode).toBe(0);
    const pages = readdirSync(join(cwd, 'site')).filter((name) => name.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(FILES);
    for (const page of pages) expect(readFileSync(join(cwd, 'site', page), 'utf8').trimEnd().endsWith('</html>'), page).toBe(true);
  });
});
