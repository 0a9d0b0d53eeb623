/**
 * The plan that joins esbuild's small chunks (scripts/bundle-chunks.js), on made-up metafiles,
 * and what it does to the real bundle: how many files one-file lint loads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a build script in plain JavaScript, without type declarations.
import { planChunkGroups } from '../../scripts/bundle-chunks.js';
import { makeTempDir, repoRoot } from './cli-harness.js';
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';

type Import = { path: string; kind: 'import-statement' | 'dynamic-import'; external?: boolean };
type Output = { bytes: number; inputs: Record<string, { bytesInOutput: number }>; imports: Import[]; entryPoint?: string };

const plan = planChunkGroups as (metafile: { outputs: Record<string, Output> }, outdir: string, options?: object) => string[][];

/** A metafile from a list of files: name, size, the sources inside, and what it imports. */
function metafile(files: Array<{ name: string; bytes?: number; inputs?: string[]; imports?: string[]; dynamic?: string[]; builtins?: string[]; entry?: boolean }>): { outputs: Record<string, Output> } {
  const outputs: Record<string, Output> = {};
  for (const file of files) {
    outputs[`out/${file.name}`] = {
      bytes: file.bytes ?? 500,
      inputs: Object.fromEntries((file.inputs ?? [`src/${file.name.replace(/\.js$/, '.ts')}`]).map((input) => [input, { bytesInOutput: file.bytes ?? 500 }])),
      imports: [
        ...(file.imports ?? []).map((path): Import => ({ path: `out/${path}`, kind: 'import-statement' })),
        ...(file.dynamic ?? []).map((path): Import => ({ path: `out/${path}`, kind: 'dynamic-import' })),
        ...(file.builtins ?? []).map((path): Import => ({ path, kind: 'import-statement', external: true })),
      ],
      ...(file.entry ? { entryPoint: `src/${file.name.replace(/\.js$/, '.ts')}` } : {}),
    };
  }
  return { outputs };
}

describe('planChunkGroups', () => {
  it('joins small chunks that are always loaded together, and never an entry', () => {
    const groups = plan(
      metafile([
        { name: 'run.js', entry: true, imports: ['chunk-a.js'], dynamic: ['chunk-lint.js'] },
        { name: 'chunk-a.js' },
        { name: 'chunk-lint.js', imports: ['chunk-b.js', 'chunk-c.js'] },
        // Too big to give to run.js for nothing, so chunk-a stays apart.
        { name: 'chunk-b.js', bytes: 40_000 },
        { name: 'chunk-c.js' },
      ]),
      'out/',
    );
    expect(groups).toEqual([['chunk-b.js', 'chunk-c.js', 'chunk-lint.js']]);
    expect(groups.flat()).not.toContain('run.js');
  });

  it('counts what a lazily imported chunk finds loaded already: its importer\'s chunks can join it', () => {
    const groups = plan(
      metafile([
        { name: 'run.js', entry: true, imports: ['chunk-program.js'] },
        { name: 'chunk-program.js', dynamic: ['chunk-lint.js', 'chunk-new.js'] },
        { name: 'chunk-lint.js', imports: ['chunk-shared.js'] },
        { name: 'chunk-new.js', imports: ['chunk-shared.js'] },
        { name: 'chunk-shared.js', bytes: 100 },
      ]),
      'out/',
    );
    // chunk-shared is needed by both commands; joining it to the program (always loaded) costs nothing.
    expect(groups.find((group) => group.includes('chunk-shared.js'))).toContain('chunk-program.js');
  });

  it('plans for chunks that import each other lazily in a cycle (a command that imports the program back)', () => {
    const groups = plan(
      metafile([
        { name: 'run.js', entry: true, imports: ['chunk-program.js'] },
        { name: 'chunk-program.js', dynamic: ['chunk-stats.js'] },
        { name: 'chunk-stats.js', imports: ['chunk-table.js'], dynamic: ['chunk-program.js'] },
        { name: 'chunk-table.js', bytes: 100 },
      ]),
      'out/',
    );
    // stats and its table are loaded together, and only after the program: one file.
    expect(groups.find((group) => group.includes('chunk-table.js'))).toContain('chunk-stats.js');
  });

  it('never gives a chunk holding an npm package, or importing a Node module, to a root that did not load it', () => {
    const files = (extra: { inputs?: string[]; builtins?: string[] }) =>
      metafile([
        { name: 'run.js', entry: true, imports: ['chunk-cli.js'], dynamic: ['chunk-lint.js', 'chunk-help.js'] },
        { name: 'chunk-cli.js' },
        { name: 'chunk-help.js', imports: ['chunk-small.js'] },
        { name: 'chunk-lint.js', imports: ['chunk-small.js', 'chunk-heavy.js'] },
        { name: 'chunk-small.js' },
        { name: 'chunk-heavy.js', bytes: 300, ...extra },
      ]);
    const plain = plan(files({}), 'out/');
    expect(plain.find((group) => group.includes('chunk-heavy.js'))).toContain('chunk-small.js');
    for (const extra of [{ inputs: ['node_modules/markdown-it/index.js'] }, { builtins: ['node:child_process'] }]) {
      const groups = plan(files(extra), 'out/');
      const withHeavy = groups.find((group) => group.includes('chunk-heavy.js')) ?? ['chunk-heavy.js'];
      expect(withHeavy).not.toContain('chunk-small.js');
      expect(withHeavy).not.toContain('chunk-help.js');
    }
  });

  it('adds at most the limit of unneeded code to any root', () => {
    const files = metafile([
      { name: 'run.js', entry: true, dynamic: ['chunk-one.js', 'chunk-two.js'] },
      { name: 'chunk-one.js', imports: ['chunk-big.js', 'chunk-tiny.js'] },
      { name: 'chunk-two.js', imports: ['chunk-tiny.js'] },
      { name: 'chunk-big.js', bytes: 40_000 },
      { name: 'chunk-tiny.js', bytes: 200 },
    ]);
    const joined = plan(files, 'out/', { extraLimit: 64 * 1024, msPerKib: 0.001 });
    expect(joined.some((group) => group.includes('chunk-big.js') && group.includes('chunk-tiny.js'))).toBe(true);
    const limited = plan(files, 'out/', { extraLimit: 32 * 1024, msPerKib: 0.001 });
    expect(limited.some((group) => group.includes('chunk-big.js') && group.includes('chunk-tiny.js'))).toBe(false);
  });
});

describe('the bundle in dist/bundle/', () => {
  it('has fewer files than esbuild made chunks, and one-file lint loads under 25 of them', async () => {
    const meta = JSON.parse(readFileSync(join(repoRoot, 'dist', 'bundle', 'meta.json'), 'utf8')) as { outputs: Record<string, { chunksJoined?: number }> };
    const outputs = Object.values(meta.outputs);
    const chunks = outputs.reduce((sum, output) => sum + (output.chunksJoined ?? 1), 0);
    expect(outputs.length).toBeLessThan(chunks * 0.7);

    const directory = await makeTempDir();
    try {
      await writeFile(join(directory.path, 'pm.md'), '# Checkout outage\n\n## Summary\n\nPayments failed for ten minutes.\n');
      const log = join(directory.path, 'imports.log');
      const child = spawnSync(process.execPath, ['--import', join(repoRoot, 'test/cli/fixtures/import-recorder/register.mjs'), join(repoRoot, 'bin', 'postmortem.js'), 'lint', 'pm.md'], {
        cwd: directory.path,
        env: { ...process.env, POSTMORTEM_IMPORT_LOG: log },
        stdio: 'ignore',
      });
      expect(child.status).toBe(1);
      const files = new Set(readFileSync(log, 'utf8').split('\n').filter((url) => url.includes('/dist/bundle/')));
      // 42 before the chunks were joined (measured on a generated postmortem of 4.5 KB; this one is shorter, and loads no secretlint either).
      expect(files.size).toBeGreaterThan(3);
      expect(files.size).toBeLessThan(25);
    } finally {
      await directory.remove();
    }
  });
});
