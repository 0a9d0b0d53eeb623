// Odd paths through every command that reads postmortems: FIFOs (which block a plain open()),
// directories, dangling links, link loops, and names with spaces, newlines and leading dashes.
// An unreadable file is in unreadable.test.ts (root reads anything, so open() is mocked there).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath, runInProcess, useTempDir } from '../cli/cli-harness.js';
import { expectPromisesKept, FILE_COMMANDS } from './hardening-harness.js';

let cwd: string;
useTempDir((path) => (cwd = path));

const POSTMORTEM = '---\ntitle: "Queue backlog"\ndate: "2026-02-03"\n---\n\n# Queue backlog\n\n## Summary\n\nFrom 10:00 to 10:40 UTC jobs waited.\n\n## Action Items\n\n- [ ] Alert on queue depth\n';

describe.each([
  ['a FIFO with no writer', (dir: string) => execFileSync('mkfifo', [join(dir, 'pipe.md')]), 'pipe.md', /pipe\.md: (is not a (regular )?file|is a FIFO that nothing writes to)/],
  ['a directory named like a file', (dir: string) => mkdirSync(join(dir, 'folder.md')), 'folder.md', /folder\.md: (is a directory|no Markdown files)/],
  ['a dangling symbolic link', (dir: string) => symlinkSync('nowhere.md', join(dir, 'dangling.md')), 'dangling.md', /dangling\.md: (no such file|is a symbolic link to nothing)/],
  [
    'a loop of symbolic links',
    (dir: string) => {
      symlinkSync('loop-b.md', join(dir, 'loop-a.md'));
      symlinkSync('loop-a.md', join(dir, 'loop-b.md'));
    },
    'loop-a.md',
    /loop-a\.md: is a (loop of symbolic links|symbolic link to nothing)/,
  ],
])('%s', (_name, make, file, message) => {
  it.each(FILE_COMMANDS)('$name answers with one line naming it, exit 2', async (command) => {
    make(cwd);
    const result = await runInProcess(command.args(file), { cwd });
    expectPromisesKept(result, command);
    // A site is built from directories too: an empty one makes an empty site.
    if (command.name === 'export --site' && file === 'folder.md') return;
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('render answers with one line naming it, exit 2', async () => {
    make(cwd);
    const result = await runInProcess(['render', file], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(file);
  });
});

describe('a pipe with a writer as input', () => {
  it('export reads /dev/stdin in a pipeline, as it did before FIFOs were refused', () => {
    writeFileSync(join(cwd, 'in.md'), POSTMORTEM);
    const output = execFileSync('sh', ['-c', `cat in.md | "${process.execPath}" "${binPath}" export /dev/stdin --format json`], { cwd, encoding: 'utf8' });
    expect(JSON.parse(output).title).toBe('Queue backlog');
  });
});

describe.each([
  ['a space', 'with space.md'],
  ['a newline', 'new\nline.md'],
  ['a leading dash', '-dash.md'],
  ['an escape sequence', 'esc\u001b[31mred.md'],
])('a name with %s', (_name, file) => {
  it.each(FILE_COMMANDS)('$name reads it (after --)', async (command) => {
    writeFileSync(join(cwd, file), POSTMORTEM);
    const result = await runInProcess(command.args(file), { cwd });
    expectPromisesKept(result, command);
    expect(result.exitCode).not.toBe(2);
    expect(readFileSync(join(cwd, file), 'utf8')).toContain('# Queue backlog');
  });

  it('a problem with it is still one line, with no control character', async () => {
    writeFileSync(join(cwd, file), Buffer.from([0x23, 0x00]));
    const result = await runInProcess(['export', '--', file], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.endsWith('\n')).toBe(true);
    expect(result.stderr.slice(0, -1)).not.toMatch(/[\u0000-\u001f]/);
  });

  it('lint names it on one line', async () => {
    writeFileSync(join(cwd, file), '# Only a title\n');
    const result = await runInProcess(['lint', '--concurrency', '1', '--', file], { cwd });
    expect(result.exitCode).toBe(1);
    // The report's first line (after stylish's blank one) names the file, its line breaks and control characters shown as spaces.
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['', file.replace(/[\u0000-\u001f]/g, ' ')]);
    expect(result.stdout).not.toContain('\u001b');
  });
});

it('a leading dash without -- is an unknown option, exit 2 in one line', async () => {
  writeFileSync(join(cwd, '-dash.md'), POSTMORTEM);
  const result = await runInProcess(['export', '-dash.md'], { cwd });
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toMatch(/unknown option/);
});
