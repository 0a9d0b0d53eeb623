// The library loads the language server's packages only when a server is started: importing
// `postmortem` for lintText or parsePostmortem does not pay for vscode-languageserver.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/cli-harness.js';

const library = pathToFileURL(join(repoRoot, 'dist', 'index.js')).href;

/** Runs an ES module script against the built library; prints whether vscode-languageserver was loaded. */
function loadedAfter(script: string): string {
  const probe = `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const lib = await import(${JSON.stringify(library)});
${script}
const loaded = Object.keys(require('node:module')._cache).some((path) => path.includes('vscode-languageserver'));
console.log(loaded ? 'loaded' : 'not loaded');`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: repoRoot, encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return child.stdout.trim();
}

describe('the library and the language server', () => {
  it('does not load vscode-languageserver when imported and used for lint', () => {
    expect(loadedAfter("lib.lintText('# Title\\n', {});")).toBe('not loaded');
  });

  it('loads it when startLanguageServer is called, and the server exits when its input ends', () => {
    const script = `const { PassThrough } = await import('node:stream');
const input = new PassThrough();
const server = await lib.startLanguageServer({ input, output: new PassThrough(), cwd: process.cwd() });
input.end();
const code = await server.exited;
if (typeof code !== 'number') throw new Error('no exit code');`;
    expect(loadedAfter(script)).toBe('loaded');
  });
});
