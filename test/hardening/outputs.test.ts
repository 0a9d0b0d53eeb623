// Where -o may point: the input itself, /dev/full, a folder that cannot be written, a folder
// that does not exist yet. One clear line and exit 2, or the whole file; never half a file,
// never a temporary file left behind, never the input replaced.
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, constants, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess, useTempDir } from '../cli/cli-harness.js';

let cwd: string;
useTempDir((path) => (cwd = path));

const POSTMORTEM = '---\ntitle: "Disk full"\ndate: "2026-02-03"\n---\n\n# Disk full\n\n## Summary\n\nFrom 10:00 to 10:40 UTC writes failed.\n';
const ANSWERS = '{"title": "Disk full", "date": "2026-02-03"}';

beforeEach(() => {
  writeFileSync(join(cwd, 'in.md'), POSTMORTEM);
  writeFileSync(join(cwd, 'answers.json'), ANSWERS);
  symlinkSync('in.md', join(cwd, 'link.md'));
});

/** Each command that writes -o, reading `input`. */
const AN_INPUT = 'is one of the input files; write the output to another file';
const WRITERS: Array<{ name: string; input: string; args: (output: string) => string[]; refusal: string }> = [
  { name: 'export (JSON)', input: 'in.md', args: (output) => ['export', 'in.md', '-o', output], refusal: AN_INPUT },
  { name: 'export --format html', input: 'in.md', args: (output) => ['export', 'in.md', '--format', 'html', '-o', output], refusal: AN_INPUT },
  { name: 'render', input: 'answers.json', args: (output) => ['render', 'answers.json', '-o', output], refusal: AN_INPUT },
  { name: 'lint', input: 'in.md', args: (output) => ['lint', 'in.md', '--concurrency', '1', '-o', output], refusal: 'is one of the files being linted; write the report to another file' },
];

function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0] as string;
}

/** No `.name.pid.random.n.tmp` file left in `directory`. */
function expectNoTemporaryFiles(directory: string): void {
  expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
}

describe('a --template file as the output', () => {
  it.each([
    ['render', 'tpl.md.hbs', '# {{title}}\n', ['render', 'answers.json', '--template', 'tpl.md.hbs', '-o', 'tpl.md.hbs', '--force']],
    ['export --format html', 'page.html.hbs', '<html><body>{{title}}</body></html>\n', ['export', 'in.md', '--format', 'html', '--template', 'page.html.hbs', '-o', 'page.html.hbs', '--force']],
  ])('%s refuses to write over the template it reads, even with --force', async (_name, template, content, args) => {
    writeFileSync(join(cwd, template), content);
    const result = await runInProcess(args, { cwd });
    expect(result.exitCode).toBe(2);
    expect(oneLine(result.stderr)).toBe(`postmortem: ${template}: is one of the input files; write the output to another file`);
    expect(readFileSync(join(cwd, template), 'utf8')).toBe(content);
  });
});

describe.each(WRITERS)('$name', ({ input, args, refusal }) => {
  it.each([input, `./${input}`, ...(input === 'in.md' ? ['link.md'] : [])])('refuses to write over its input %s, even with --force', async (output) => {
    const before = readFileSync(join(cwd, input));
    const result = await runInProcess([...args(output), '--force'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(oneLine(result.stderr)).toBe(`postmortem: ${output}: ${refusal}`);
    expect(readFileSync(join(cwd, input)).equals(before)).toBe(true);
    expect(statSync(join(cwd, 'link.md')).isFile()).toBe(true);
    expectNoTemporaryFiles(cwd);
  });

  it.skipIf(!existsSync('/dev/full'))('to /dev/full: no space left, exit 2, /dev/full still a device', async () => {
    const result = await runInProcess([...args('/dev/full'), '--force'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(oneLine(result.stderr)).toBe('postmortem: /dev/full: cannot write this file: no space left on device');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('to /dev/full without --force: refused as existing, exit 2', async () => {
    const result = await runInProcess(args('/dev/full'), { cwd });
    expect(result.exitCode).toBe(2);
    expect(oneLine(result.stderr)).toMatch(/\/dev\/full: already exists; use --force/);
  });

  it('to a FIFO nothing reads: refused without waiting for a reader', async () => {
    execFileSync('mkfifo', [join(cwd, 'pipe.out')]);
    const result = await runInProcess([...args('pipe.out'), '--force'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(oneLine(result.stderr)).toBe('postmortem: pipe.out: is a FIFO that nothing reads; nothing written');
  });

  it('to a FIFO with a reader (-o /dev/stdout | less): written as a shell redirect would, the FIFO kept', async () => {
    execFileSync('mkfifo', [join(cwd, 'pipe.out')]);
    const reader = openSync(join(cwd, 'pipe.out'), constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const result = await runInProcess([...args('pipe.out'), '--force'], { cwd });
      expect(result.stderr).toBe('');
      const buffer = Buffer.alloc(65_536);
      const read = readSync(reader, buffer);
      expect(buffer.subarray(0, read).toString('utf8')).toMatch(/Disk full|in\.md/);
      expect(statSync(join(cwd, 'pipe.out')).isFIFO()).toBe(true);
    } finally {
      closeSync(reader);
    }
  });

  it('through a link with --force: writes the file it points to, and the link stays a link', async () => {
    writeFileSync(join(cwd, 'real-out.txt'), 'old');
    symlinkSync('real-out.txt', join(cwd, 'out-link.txt'));
    const result = await runInProcess([...args('out-link.txt'), '--force'], { cwd });
    expect(result.stderr).toBe('');
    expect(lstatSync(join(cwd, 'out-link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(cwd, 'real-out.txt'), 'utf8')).toMatch(/Disk full|in\.md/);
    expectNoTemporaryFiles(cwd);
  });

  it('into folders that do not exist yet: creates them and writes the whole file', async () => {
    const result = await runInProcess(args('new/deeper/out.txt'), { cwd });
    expect(result.stderr).toBe('');
    expect(readFileSync(join(cwd, 'new/deeper/out.txt'), 'utf8').length).toBeGreaterThan(10);
    expectNoTemporaryFiles(join(cwd, 'new/deeper'));
  });

  it('under a file where a folder should be: one line, exit 2', async () => {
    const result = await runInProcess(args('in.md/out.txt'), { cwd });
    expect(result.exitCode).toBe(2);
    expect(oneLine(result.stderr)).toMatch(/in\.md\/out\.txt: cannot write this file: a parent of this path is not a directory/);
  });

  // Root writes into a read-only folder anyway, so this runs only for other users; the mocked
  // test in read-only-folder.test.ts covers the same path as root.
  it.skipIf(process.getuid?.() === 0)('into a read-only folder: one line, exit 2, nothing left behind', async () => {
    mkdirSync(join(cwd, 'locked'));
    chmodSync(join(cwd, 'locked'), 0o555);
    try {
      const result = await runInProcess(args('locked/out.txt'), { cwd });
      expect(result.exitCode).toBe(2);
      expect(oneLine(result.stderr)).toMatch(/locked\/out\.txt: cannot write this file: permission denied/);
      expect(readdirSync(join(cwd, 'locked'))).toEqual([]);
    } finally {
      chmodSync(join(cwd, 'locked'), 0o755);
    }
  });
});

afterAll(() => {
  // A regression here (renaming a file over the device as root) would break /dev/full for the whole machine.
  if (existsSync('/dev/full')) expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
});
