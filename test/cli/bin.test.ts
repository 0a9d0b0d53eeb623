// End to end through the real `bin/postmortem.js` and `dist/` (built by `npm test` first).
import { readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadedWithBundledModule, packagesLoadedBy as loadedBy, repoRoot, runBin, useTempDir } from './cli-harness.js';

const { version } = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
const ESCAPE = '\u001b[';
const STACK_LINE = /\n\s+at /;

let cwd: string;
useTempDir((path) => (cwd = path));
beforeEach(async () => {
  await writeFile(join(cwd, 'one.md'), '---\ntitle: Checkout outage\n---\n# Checkout outage\n');
});

let importLogs = 0;
/** The packages a run of the real bin loads (see `packagesLoadedBy` in the harness). */
function packagesLoadedBy(args: string[], expectedExitCode = 0): Set<string> {
  importLogs += 1;
  const loaded = loadedBy(args, { cwd, log: join(cwd, `imports-${importLogs}.log`) });
  expect(loaded.exitCode).toBe(expectedExitCode);
  return loaded.packages;
}

describe('bin/postmortem.js', () => {
  it('prints the package.json version', () => {
    expect(runBin(['--version'], { cwd })).toEqual({ exitCode: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('lists the commands and examples in --help, without colour when piped', () => {
    const result = runBin(['--help'], { cwd });
    expect(result.exitCode).toBe(0);
    for (const text of ['render', 'export', 'templates', 'Examples:', '--debug']) expect(result.stdout).toContain(text);
    expect(result.stdout).not.toContain(ESCAPE);
  });

  it('colours when FORCE_COLOR asks, even piped, and not with NO_COLOR alone', () => {
    expect(runBin(['rendr'], { cwd, env: { FORCE_COLOR: '1' } }).stderr).toContain(ESCAPE);
    expect(runBin(['rendr'], { cwd, env: { NO_COLOR: '1' } }).stderr).not.toContain(ESCAPE);
  });

  it('suggests the command meant by a typo and exits 2', () => {
    const result = runBin(['exprot', 'one.md'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('(Did you mean export?)');
  });

  it('reports a missing answers file in one line, without a stack, exit 2', () => {
    const result = runBin(['render', 'missing.yaml'], { cwd });
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: missing.yaml: no such file\n' });
  });

  it('refuses to overwrite an output file without --force, then overwrites with it, leaving no temporary files', async () => {
    await writeFile(join(cwd, 'model.json'), 'keep me');
    const refused = runBin(['export', 'one.md', '-o', 'model.json'], { cwd });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toBe('postmortem: model.json: already exists; use --force to overwrite it\n');
    expect(await readFile(join(cwd, 'model.json'), 'utf8')).toBe('keep me');

    const forced = runBin(['export', 'one.md', '-o', 'model.json', '--force'], { cwd });
    expect(forced).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(await readFile(join(cwd, 'model.json'), 'utf8')).toBe(runBin(['export', 'one.md'], { cwd }).stdout);
    expect((await readdir(cwd)).sort()).toEqual(['model.json', 'one.md']);
  });

  it('prints to standard output for -o -', () => {
    const result = runBin(['export', 'one.md', '-o', '-'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty('title');
  });

  it.each([
    ['binary', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), /^postmortem: input\.md: looks like a binary file/],
    ['not UTF-8', Buffer.from('# T\n\xff\xfe\n', 'latin1'), /^postmortem: input\.md:2: is not valid UTF-8/],
  ])('refuses a %s file to export with the file named, exit 2', async (_case, bytes, message) => {
    await writeFile(join(cwd, 'input.md'), bytes);
    const result = runBin(['export', 'input.md'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('refuses a file over 5 MiB to export, exit 2', async () => {
    await writeFile(join(cwd, 'huge.md'), '# Huge\n');
    await truncate(join(cwd, 'huge.md'), 5 * 1024 * 1024 + 1);
    const result = runBin(['export', 'huge.md'], { cwd });
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: huge.md: is too large (5242881 bytes; the limit is 5 MiB)\n' });
  });

  it('does not load prompts, Markdown, templating, front matter or date libraries for --version and --help', () => {
    const heavy = ['@inquirer/prompts', 'markdown-it', 'handlebars', 'gray-matter', 'js-yaml', 'dayjs', 'yaml', 'ajv', 'chrono-node'];
    const forVersion = packagesLoadedBy(['--version']);
    const forHelp = packagesLoadedBy(['--help']);
    expect([...forVersion]).toEqual([]);
    expect(forHelp.has('commander')).toBe(true);
    for (const name of heavy) expect(forHelp.has(name)).toBe(false);
  });

  it('gives chalk (and every other ES module) the process object without importing node:process, whose facade runs process\'s lazy getters', async () => {
    const meta = JSON.parse(await readFile(join(repoRoot, 'dist', 'bundle', 'meta.json'), 'utf8')) as { outputs: Record<string, { imports: Array<{ path: string; external?: boolean }> }> };
    const importers = Object.entries(meta.outputs).filter(([, output]) => output.imports.some((imported) => imported.external && /^(?:node:)?process$/.test(imported.path)));
    expect(importers.map(([name]) => name)).toEqual([]);
  });

  it('decodes HTML entities in exported Markdown (markdown-it gets the entities package\'s decoder on its own)', async () => {
    await writeFile(join(cwd, 'entities.md'), '# Entities\n\n## Summary\n\nFish &amp; chips &copy; 2026, caf&eacute; &#169;.\n');
    const result = runBin(['export', 'entities.md', '--format', 'html'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Fish &amp; chips © 2026, café ©.');
    const meta = JSON.parse(await readFile(join(repoRoot, 'dist', 'bundle', 'meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const encoders = Object.values(meta.outputs).flatMap((output) => Object.keys(output.inputs)).filter((input) => /entities\/lib\/esm\/(?:encode|generated\/encode-html)/.test(input));
    expect(encoders).toEqual([]);
  });

  it('loads only the parser in a site build\'s worker, and nothing heavy before a large site starts it', () => {
    const worker = loadedWithBundledModule('src/export/site-worker.ts');
    for (const name of ['markdown-it', 'js-yaml', 'gray-matter']) expect(worker.packages.has(name)).toBe(true);
    for (const name of ['handlebars', 'sanitize-html', 'yaml', 'dayjs', 'commander']) expect(worker.packages.has(name)).toBe(false);
    // The main thread starts the worker from site.ts; the renderer (site-pages.ts) loads after.
    for (const module of ['src/cli/commands/export.ts', 'src/export/site.ts']) {
      const loaded = loadedWithBundledModule(module);
      // commander and chalk are the program's, loaded before any command runs.
      expect([...loaded.packages].filter((name) => name !== 'commander' && name !== 'chalk')).toEqual([]);
      expect(loaded.sources.has('src/parse/parse-postmortem.ts')).toBe(false);
    }
    expect(loadedWithBundledModule('src/export/site-pages.ts').packages.has('handlebars')).toBe(true);
  });

  it('loads the natural-language date parser for new only, not for lint or render', () => {
    // Without a terminal and with answers missing, new stops (exit 2) after loading its modules.
    expect(packagesLoadedBy(['new', '--title', 'Checkout outage'], 2).has('chrono-node')).toBe(true);
    expect(packagesLoadedBy(['lint', 'one.md'], 1).has('chrono-node')).toBe(false);
    expect(packagesLoadedBy(['render', 'missing.yaml'], 2).has('chrono-node')).toBe(false);
  });

  it('sees the packages a command does load (so the check above can fail)', () => {
    // render imports the answers-file reader (yaml) even when the file turns out to be missing.
    expect(packagesLoadedBy(['render', 'missing.yaml'], 2).has('yaml')).toBe(true);
  });
});

describe('bin/postmortem.js with the real parser', () => {
  it('refuses malformed front matter with file:line, exit 2, no stack', async () => {
    await writeFile(join(cwd, 'bad.md'), '---\ntitle: [unclosed\n---\n# Body\n');
    const result = runBin(['export', 'bad.md'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^postmortem: bad\.md:\d+(:\d+)?: .+\n$/);
  });
});

describe('bin/postmortem.js render with the real renderer', () => {
  it('refuses to overwrite without --force, overwrites with it, prints for -o -', async () => {
    await writeFile(join(cwd, 'answers.json'), JSON.stringify({ title: 'Checkout outage', date: '2026-03-14' }));
    await writeFile(join(cwd, 'postmortem.md'), 'edited by hand');
    const refused = runBin(['render', 'answers.json', '-o', 'postmortem.md'], { cwd });
    expect(refused).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: postmortem.md: already exists; use --force to overwrite it\n' });
    expect(await readFile(join(cwd, 'postmortem.md'), 'utf8')).toBe('edited by hand');

    const printed = runBin(['render', 'answers.json', '-o', '-'], { cwd });
    expect(printed.exitCode).toBe(0);
    expect(printed.stdout).toContain('Checkout outage');

    const forced = runBin(['render', 'answers.json', '-o', 'postmortem.md', '--force'], { cwd });
    expect(forced).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(await readFile(join(cwd, 'postmortem.md'), 'utf8')).toBe(printed.stdout);
    expect((await readdir(cwd)).sort()).toEqual(['answers.json', 'one.md', 'postmortem.md']);
  });
});
