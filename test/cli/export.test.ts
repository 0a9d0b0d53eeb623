import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runInProcess, useTempDir } from './cli-harness.js';

const POSTMORTEM = `---
title: Checkout outage
date: 2026-03-14
severity: SEV2
---
# Checkout outage

## Issue Summary

Checkout returned errors for 4 hours.
`;

let cwd: string;
useTempDir((path) => (cwd = path));
beforeEach(async () => {
  await writeFile(join(cwd, 'one.md'), POSTMORTEM);
  await writeFile(join(cwd, 'two.md'), POSTMORTEM.replace('Checkout outage', 'Second outage'));
});

describe('postmortem export', () => {
  it('prints one file as a single JSON object with 2-space indentation', async () => {
    const result = await runInProcess(['export', 'one.md'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^\{\n {2}"title": /);
    expect(result.stdout.endsWith('}\n')).toBe(true);
    const model = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Array.isArray(model)).toBe(false);
    expect(Object.keys(model)).toEqual(expect.arrayContaining(['title', 'date', 'summary', 'timeline', 'correctiveActions']));
  });

  it('prints several files as an array in argument order', async () => {
    const result = await runInProcess(['export', 'one.md', 'two.md', '--format', 'json'], { cwd });
    expect(result.exitCode).toBe(0);
    const models = JSON.parse(result.stdout) as unknown[];
    expect(Array.isArray(models)).toBe(true);
    expect(models).toHaveLength(2);
  });

  it('writes to --output and prints nothing', async () => {
    const result = await runInProcess(['export', 'one.md', '-o', 'out/model.json'], { cwd });
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    const printed = await runInProcess(['export', 'one.md'], { cwd });
    expect(await readFile(join(cwd, 'out/model.json'), 'utf8')).toBe(printed.stdout);
  });

  it('prints to standard output for -o -', async () => {
    const result = await runInProcess(['export', 'one.md', '-o', '-'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toBeTypeOf('object');
    expect(await readdir(cwd)).toEqual(['one.md', 'two.md']);
  });

  it('refuses to overwrite without --force and overwrites with it', async () => {
    await writeFile(join(cwd, 'model.json'), 'keep me');
    const refused = await runInProcess(['export', 'one.md', '-o', 'model.json'], { cwd });
    expect(refused).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: model.json: already exists; use --force to overwrite it\n' });
    expect(await readFile(join(cwd, 'model.json'), 'utf8')).toBe('keep me');
    const forced = await runInProcess(['export', 'one.md', '-o', 'model.json', '--force'], { cwd });
    expect(forced.exitCode).toBe(0);
    expect(JSON.parse(await readFile(join(cwd, 'model.json'), 'utf8'))).toBeTypeOf('object');
    expect((await readdir(cwd)).sort()).toEqual(['model.json', 'one.md', 'two.md']);
  });

  it('stops at the first unreadable file, naming it, and writes nothing', async () => {
    await writeFile(join(cwd, 'binary.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]));
    const result = await runInProcess(['export', 'one.md', 'binary.md', '-o', 'all.json'], { cwd });
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'postmortem: binary.md: looks like a binary file (NUL byte at offset 4), not text\n',
    });
    expect(await readdir(cwd)).not.toContain('all.json');
  });

  it('explains an output path it cannot write in one line', async () => {
    const result = await runInProcess(['export', 'one.md', '-o', 'one.md/model.json'], { cwd });
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'postmortem: one.md/model.json: cannot write this file: a parent of this path is not a directory\n',
    });
  });
});

describe('postmortem export with the real parser', () => {
  it('exports what the file says', async () => {
    const result = await runInProcess(['export', 'one.md', 'two.md'], { cwd });
    const models = JSON.parse(result.stdout) as { title: string | null; date: string | null }[];
    expect(models.map((model) => model.title)).toEqual(['Checkout outage', 'Second outage']);
    expect(models[0]?.date).toBe('2026-03-14');
  });

  it('refuses malformed front matter with file:line, exit 2', async () => {
    await writeFile(join(cwd, 'bad.md'), '---\ntitle: ok\nauthors: [unclosed\n---\n# Body\n');
    const result = await runInProcess(['export', 'bad.md'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^postmortem: bad\.md:\d+(:\d+)?: .+\n$/);
  });
});
