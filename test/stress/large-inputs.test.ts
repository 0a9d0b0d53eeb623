// Large inputs, generated at run time (none is committed): 50 MB, one 5 MB line, 100,000
// timeline entries, 10,000 headings, a file at the size limit. Each goes through every command
// that reads postmortems and must keep the promises of test/hardening/hardening-harness.ts.
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_FILE_BYTES } from '../../src/parse/read-file.js';
import { runInProcess, useTempDir } from '../cli/cli-harness.js';
import { expectNoScriptInHtml, expectPromisesKept, expectSourceWhole, FILE_COMMANDS } from '../hardening/hardening-harness.js';

let cwd: string;
useTempDir((path) => (cwd = path));

const FRONT = '---\ntitle: "Search was slow"\ndate: "2026-02-03"\nseverity: SEV3\n---\n\n# Search was slow\n\n## Summary\n\nFrom 10:00 to 11:00 UTC searches took seconds.\n\n';

/** Writes `lines` lines made by `line` to `path` without holding them all in memory. */
async function writeLines(path: string, head: string, count: number, line: (index: number) => string): Promise<void> {
  const stream = createWriteStream(path);
  stream.write(head);
  for (let index = 0; index < count; index += 1) {
    if (!stream.write(`${line(index)}\n`)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  }
  stream.end();
  await finished(stream);
}

const clock = (index: number): string => `${String(Math.floor(index / 60) % 24).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}`;

const CASES: Array<[string, (path: string) => Promise<void>, { refused?: RegExp }]> = [
  ['a 50 MB file', (path) => writeLines(path, FRONT, 500_000, (index) => `Line ${index} of a log pasted whole into the postmortem, ${'x'.repeat(60)}`), { refused: /is too large \(\d+ bytes; the limit is 5 MiB\)/ }],
  ['one 5 MB line', async (path) => writeFileSync(path, `${FRONT}${'word '.repeat(1_000_000)}\n`), {}],
  ['one 5 MB line of spaces, brackets and backticks', async (path) => writeFileSync(path, `${FRONT}- [ ] ${' ['.repeat(600_000)}${' `'.repeat(600_000)}${' '.repeat(2_000_000)}x\n`), {}],
  ['100,000 timeline entries', (path) => writeLines(path, `${FRONT}## Timeline\n\n`, 100_000, (index) => `- ${clock(index)} Event ${index}: queue depth ${index * 3}`), {}],
  ['100,000 timeline rows in a table', (path) => writeLines(path, `${FRONT}## Timeline\n\n| Time | Event |\n| --- | --- |\n`, 100_000, (index) => `| ${clock(index)} | Event ${index} |`), {}],
  ['300,000 timeline entries out of order (more lint messages than a call takes arguments)', (path) => writeLines(path, '# Backwards\n\n## Timeline\n\n', 300_000, (index) => `- ${String(23 - (index % 24)).padStart(2, '0')}:00 e`), {}],
  ['300,000 improvements and 300,000 authors', (path) => writeLines(path, `---\ntitle: Many\nauthors:\n${'  - a\n'.repeat(300_000)}---\n\n# Many\n\n## Action Items\n\n`, 300_000, () => '- improve'), {}],
  ['10,000 headings', (path) => writeLines(path, FRONT, 10_000, (index) => `## Heading ${index}\n\nText under heading ${index}.\n`), {}],
  ['100,000 action items', (path) => writeLines(path, `${FRONT}## Action Items\n\n`, 100_000, (index) => `- [${index % 2 ? 'x' : ' '}] Alert ${index} (owner: Sam, due: 2026-03-01)`), {}],
  ['a file of exactly the size limit', async (path) => writeFileSync(path, `${FRONT}${'a'.repeat(MAX_INPUT_FILE_BYTES - Buffer.byteLength(FRONT) - 1)}\n`), {}],
  ['a file one byte over the size limit', async (path) => writeFileSync(path, `${FRONT}${'a'.repeat(MAX_INPUT_FILE_BYTES - Buffer.byteLength(FRONT))}\n`), { refused: /is too large/ }],
];

describe.each(CASES)('%s', (_name, make, { refused }) => {
  it.each(FILE_COMMANDS)('$name keeps its promises', async (command) => {
    const file = join(cwd, 'large.md');
    await make(file);
    const before = readFileSync(file);
    const result = await runInProcess(command.args('large.md'), { cwd });
    expectPromisesKept(result, command);
    expectSourceWhole(file, before, command);
    expectNoScriptInHtml(cwd, command);
    if (refused) expect(`${result.stderr}${result.stdout}`).toMatch(refused);
    else expect(result.stderr).not.toMatch(/too large/);
  });
});
