// The library as users import it: `import ... from 'postmortem'` resolved through package.json's
// exports to dist/index.js (tsc's output), and the README's example run exactly as written. Then
// the bundle bin/ runs against dist/: the same files must give the same model, lint report and
// page through both, since any difference between them is a bug in one.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, readdir, symlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bin, outOfOrderPostmortem, repoRoot, useTempDir, writeFiles } from './e2e-harness.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

/** The first ```js block of the README's "Library use" section, as written. */
function readmeLibraryExample(): string {
  const section = /^## Library use\n([\s\S]*?)^## /m.exec(readme)?.[1];
  const code = section ? /```js\n([\s\S]*?)```/.exec(section)?.[1] : undefined;
  if (!code) throw new Error('README.md has no ```js block under "## Library use"');
  return code;
}

let cwd: string;
useTempDir((path) => (cwd = path));

/** A project folder that has this package installed as `postmortem`, as `npm install` would link it. */
async function projectWithPackage(): Promise<void> {
  await mkdir(join(cwd, 'node_modules'), { recursive: true });
  await symlink(repoRoot, join(cwd, 'node_modules', 'postmortem'), 'dir');
}

function runScript(file: string): { exitCode: number; stdout: string; stderr: string } {
  const child = spawnSync(process.execPath, [file], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TZ: 'UTC' } });
  return { exitCode: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

describe("the README's library example", () => {
  it('runs as written against the package, and prints what it says', async () => {
    await projectWithPackage();
    await writeFiles(cwd, { 'postmortems/2026-03-14-checkout.md': outOfOrderPostmortem('SEV2'), 'example.mjs': readmeLibraryExample() });
    const result = runScript('example.mjs');
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Search results were stale for two hours 5');
    expect(lines[1]).toMatch(/^23: "09:25 UTC" is earlier than the entry before it .*\(timeline-order\)$/);
    expect(lines[2]).toBe('true');
    expect(result.stdout).toContain('# Checkout outage');
  });

  it('prints a PostmortemError as file: message when the file is missing', async () => {
    await projectWithPackage();
    await writeFiles(cwd, { 'example.mjs': readmeLibraryExample() });
    expect(runScript('example.mjs')).toEqual({ exitCode: 0, stdout: '', stderr: 'postmortems/2026-03-14-checkout.md: no such file\n' });
  });

  it('imports dist/index.js with every export the README lists', async () => {
    const library = (await import(pathToFileURL(join(repoRoot, 'dist', 'index.js')).href)) as Record<string, unknown>;
    const table = /^## Library use\n[\s\S]*?^\| export \|[^\n]*\n\|---[^\n]*\n((?:\|[^\n]*\n)+)/m.exec(readme)?.[1] ?? '';
    const names = [...table.matchAll(/^\| `([A-Za-z]+)\(/gm)].map((match) => match[1] as string);
    expect(names.length).toBeGreaterThan(8);
    for (const name of names) expect(typeof library[name], name).toBe('function');
  });
});

type Library = typeof import('../../src/index.js');

/** The documents both ways: the examples, and the shared corpus of other people's postmortems when it is beside the repository. */
function documents(): string[] {
  const examples = readdirSync(join(repoRoot, 'examples')).filter((name) => name.endsWith('.md')).map((name) => join(repoRoot, 'examples', name));
  const corpus = join(repoRoot, '..', 'shared', 'corpus');
  let shared: string[] = [];
  try {
    shared = (readdirSync(corpus, { recursive: true }) as string[]).filter((name) => name.endsWith('.md')).sort().slice(0, 40).map((name) => join(corpus, name));
  } catch {
    // Not beside this checkout: the examples alone.
  }
  return [...examples, ...shared];
}

describe('the bundle (bin/) and the library (dist/) agree', () => {
  it('on the model, the lint report and the HTML page of every example and corpus file', async () => {
    const library = (await import(pathToFileURL(join(repoRoot, 'dist', 'index.js')).href)) as Library;
    const files = documents();
    const parsed = files.map((file) => {
      try {
        return library.parsePostmortem(readFileSync(file, 'utf8'), { filePath: relative(cwd, file) });
      } catch {
        return null;
      }
    });
    const readable = files.filter((_, index) => parsed[index] !== null);
    expect(readable.length).toBeGreaterThan(3);
    const names = readable.map((file) => relative(cwd, file));

    const exported = bin(['export', ...names, '--format', 'json'], cwd);
    expect(exported.stderr).toBe('');
    expect(JSON.parse(exported.stdout)).toEqual(JSON.parse(JSON.stringify(parsed.filter((item) => item !== null))));

    const linted = bin(['lint', ...names, '--format', 'json', '--concurrency', '1'], cwd);
    const fromBin = JSON.parse(linted.stdout) as Array<{ filePath: string; messages: unknown[] }>;
    const fromLibrary = await library.lintFiles(readable, { cwd });
    expect(fromBin.map((result) => result.messages)).toEqual(JSON.parse(JSON.stringify(fromLibrary.map((result) => result.messages))));

    const pages = bin(['export', ...names, '--format', 'html', '-o', 'pages/'], cwd);
    expect(pages.stderr).toBe('');
    const written = (await readdir(join(cwd, 'pages'))).sort();
    expect(written).toHaveLength(readable.length);
    for (const [index, file] of readable.entries()) {
      const name = `${(file.split('/').pop() as string).replace(/\.md$/, '')}.html`;
      expect(written, name).toContain(name);
      const expected = library.renderHtml(parsed.filter((item) => item !== null)[index] as never, { sourceName: file.split('/').pop() as string });
      expect(await readFile(join(cwd, 'pages', name), 'utf8'), name).toBe(expected);
    }
  });
});
