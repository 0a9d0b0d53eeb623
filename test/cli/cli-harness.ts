/**
 * Drives the CLI in tests: in-process through `run()` with string-collecting streams, or as
 * a real process through `bin/postmortem.js` (needs `npm run build`, which `npm test` does first).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import { run, type CliIo, type OutputStream } from '../../src/cli/run.js';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The installed command's script. */
export const binPath = join(repoRoot, 'bin', 'postmortem.js');

/** What a CLI run produced. */
export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** An output stream that keeps what is written; a TTY of the given colour depth when `tty` is set. */
export class CapturedStream implements OutputStream {
  text = '';
  isTTY: boolean;
  columns = 100;
  constructor(private readonly tty: { colorDepth: number } | null = null) {
    this.isTTY = tty !== null;
  }
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
  getColorDepth(): number {
    return this.tty?.colorDepth ?? 1;
  }
}

/** Options for {@link runInProcess}. */
export interface InProcessOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Make both streams look like a terminal with this colour depth. */
  ttyColorDepth?: number;
}

/** Runs `postmortem ...args` through `run()`. The environment is empty unless given, so the host's NO_COLOR etc. do not leak in. */
export async function runInProcess(args: string[], options: InProcessOptions): Promise<CliResult> {
  const tty = options.ttyColorDepth === undefined ? null : { colorDepth: options.ttyColorDepth };
  const stdout = new CapturedStream(tty);
  const stderr = new CapturedStream(tty);
  const io: CliIo = { stdout, stderr, cwd: options.cwd, env: options.env ?? {} };
  const exitCode = await run(args, io);
  return { exitCode, stdout: stdout.text, stderr: stderr.text };
}

/** Runs the real `bin/postmortem.js` in `cwd` with no standard input and colour variables removed. */
export function runBin(args: string[], options: { cwd: string; env?: Record<string, string> }): CliResult {
  const env = { ...process.env, ...options.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR']) if (!options.env || !(name in options.env)) delete env[name];
  const child = spawnSync(process.execPath, [binPath, ...args], { cwd: options.cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.error) throw child.error;
  return { exitCode: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

/** A fresh temporary directory and a function that removes it. */
export async function makeTempDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'postmortem-cli-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/**
 * A fresh temporary directory for each test of the calling file, removed after it; `use`
 * receives its path before each test (`let cwd: string; useTempDir((path) => (cwd = path));`).
 */
export function useTempDir(use: (path: string) => void): void {
  let remove: (() => Promise<void>) | null = null;
  beforeEach(async () => {
    const directory = await makeTempDir();
    remove = directory.remove;
    use(directory.path);
  });
  afterEach(async () => {
    await remove?.();
    remove = null;
  });
}

/** What a run of the real bin loaded: the packages, and the command's exit code. */
export interface LoadedPackages {
  exitCode: number | null;
  /** Package names, such as `markdown-it` or `@inquirer/prompts`. */
  packages: Set<string>;
}

interface BundleMetafile {
  outputs: Record<string, { inputs: Record<string, unknown>; imports?: Array<{ path: string; kind: string }> }>;
}

function readBundleMetafile(): BundleMetafile {
  return JSON.parse(readFileSync(join(repoRoot, 'dist', 'bundle', 'meta.json'), 'utf8')) as BundleMetafile;
}

const PACKAGE_IN_PATH = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//;

/**
 * The packages a run of the real bin loads, recorded by a module resolution hook
 * (`test/cli/fixtures/import-recorder/`). The bin runs the esbuild bundle, so each file it loads
 * from dist/bundle/ is looked up in the bundle's metafile for the packages inside it; a package
 * loaded from node_modules directly (playwright-core) counts as itself.
 */
export function packagesLoadedBy(args: string[], options: { cwd: string; log: string }): LoadedPackages {
  const child = spawnSync(process.execPath, ['--import', join(repoRoot, 'test/cli/fixtures/import-recorder/register.mjs'), binPath, ...args], {
    cwd: options.cwd,
    env: { ...process.env, POSTMORTEM_IMPORT_LOG: options.log },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const metafile = readBundleMetafile();
  const packages = new Set<string>();
  for (const url of readFileSync(options.log, 'utf8').split('\n')) {
    if (!url.startsWith('file:')) continue;
    const path = relative(repoRoot, fileURLToPath(url)).split(sep).join('/');
    const inputs = path.startsWith('dist/bundle/') ? Object.keys(metafile.outputs[path]?.inputs ?? {}) : [path];
    for (const input of inputs) {
      const name = PACKAGE_IN_PATH.exec(input)?.[1];
      if (name !== undefined) packages.add(name);
    }
  }
  return { exitCode: child.status, packages };
}

/**
 * What loading one module of the bundle loads before any of its code runs: the packages and
 * source files (`src/...`) in its chunk and in every chunk it imports statically, read from
 * the bundle's metafile. `source` is a source path such as `src/export/site-worker.ts`.
 */
export function loadedWithBundledModule(source: string): { packages: Set<string>; sources: Set<string> } {
  const metafile = readBundleMetafile();
  const start = Object.keys(metafile.outputs).find((output) => output.endsWith('.js') && source in (metafile.outputs[output]?.inputs ?? {}));
  if (start === undefined) throw new Error(`${source} is in no chunk of dist/bundle/`);
  const chunks = new Set<string>();
  const visit = (output: string): void => {
    if (chunks.has(output)) return;
    chunks.add(output);
    for (const imported of metafile.outputs[output]?.imports ?? []) if (imported.kind === 'import-statement' && imported.path in metafile.outputs) visit(imported.path);
  };
  visit(start);
  const packages = new Set<string>();
  const sources = new Set<string>();
  for (const chunk of chunks) {
    for (const input of Object.keys(metafile.outputs[chunk]?.inputs ?? {})) {
      const name = PACKAGE_IN_PATH.exec(input)?.[1];
      if (name !== undefined) packages.add(name);
      else if (input.startsWith('src/')) sources.add(input);
    }
  }
  return { packages, sources };
}
