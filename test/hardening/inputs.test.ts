// Hostile file contents through every command that reads postmortems, in-process. The large
// ones (50 MB, a 5 MB line, 100,000 timeline entries, 10,000 headings) are in test/stress/.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';
import { runInProcess, useTempDir } from '../cli/cli-harness.js';
import { expectNoScriptInHtml, expectPromisesKept, expectSourceWhole, FILE_COMMANDS } from './hardening-harness.js';

let cwd: string;
useTempDir((path) => (cwd = path));

const FRONT = '---\ntitle: "Checkout failed"\ndate: "2026-02-03"\nseverity: SEV2\n---\n\n# Checkout failed\n\n';
const ALIAS_BOMB = [
  '---',
  'a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]',
  ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(', ')}]`),
  'title: bomb',
  '---',
  '',
  '# Bomb',
  '',
].join('\n');

/** Name -> file content. */
const INPUTS: Record<string, string | Buffer> = {
  'an empty file': '',
  'white space only': ' \n\t\n   \n\n',
  'NUL bytes': Buffer.from('# Title\n\nSome\u0000text\n'),
  'a binary file (PNG header)': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  'UTF-16 LE with a byte order mark': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Title\n\n## Summary\n', 'utf16le')]),
  'UTF-16 BE with a byte order mark': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('# Title\n', 'utf16le').swap16()]),
  'invalid UTF-8': Buffer.concat([Buffer.from('# Title\n\ncaf'), Buffer.from([0xe9, 0x20, 0xc3, 0x28]), Buffer.from('\n')]),
  'CR-only line ends': `${FRONT}## Summary\n\nFrom 10:00 to 11:00 UTC checkout failed.\n\n## Timeline\n\n- 10:00 Alert fired\n- 11:00 Resolved\n\n## Action Items\n\n- [ ] Add a check\n`.replace(/\n/g, '\r'),
  '10,000 nested lists': `${FRONT}${'- '.repeat(10_000)}deep\n`,
  '10,000 nested lists, indented': `${FRONT}${Array.from({ length: 10_000 }, (_, depth) => `${'  '.repeat(Math.min(depth, 40))}- item ${depth}`).join('\n')}\n`,
  '10,000 nested quotes': `${FRONT}${'> '.repeat(10_000)}deep\n`,
  '10,000 nested brackets and emphasis': `${FRONT}${'[*_'.repeat(10_000)}x\n`,
  'a YAML alias bomb': ALIAS_BOMB,
  'a 1 MB title': `---\ntitle: "${'T'.repeat(1_000_000)}"\n---\n\n# ${'H'.repeat(1_000_000)}\n`,
  'JavaScript front matter': '---js\n{ title: (() => { globalThis.ranFromInput = true; return "x"; })() }\n---\n\n# T\n',
  'script and event handlers': `${FRONT}## Summary\n\n<script>alert(1)</script><img src=x onerror="alert(1)"> [a](javascript:alert(1)) <a href="jav&#x09;ascript:alert(1)">b</a>\n\n## Timeline\n\n- 10:00 <svg onload=alert(1)>\n`,
};

describe.each(Object.entries(INPUTS))('%s', (_name, content) => {
  it.each(FILE_COMMANDS)('$name keeps its promises', async (command) => {
    const file = join(cwd, 'input.md');
    writeFileSync(file, content);
    const before = readFileSync(file);
    const result = await runInProcess(command.args('input.md'), { cwd });
    expectPromisesKept(result, command);
    expectSourceWhole(file, before, command);
    expectNoScriptInHtml(cwd, command);
    expect((globalThis as { ranFromInput?: boolean }).ranFromInput).toBeUndefined();
  });
});

describe('front matter that tries to pollute prototypes', () => {
  const yaml = [
    '---',
    '__proto__:',
    '  polluted: yes',
    '  title: from proto',
    'constructor:',
    '  prototype:',
    '    polluted: yes',
    'title: "Plain"',
    'services: { __proto__: { polluted: yes } }',
    'tags: [{ "__proto__": { "polluted": true } }]',
    '---',
    '',
    '# Plain',
    '',
  ].join('\n');

  it('leaves Object.prototype alone when parsed', () => {
    const model = parsePostmortem(yaml, { filePath: 'x.md' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(model.title).toBe('Plain');
    expect(Object.getPrototypeOf(model)).toBe(Object.prototype);
    expect(model.services).toEqual([]);
  });

  it.each(FILE_COMMANDS)('$name leaves Object.prototype alone', async (command) => {
    writeFileSync(join(cwd, 'input.md'), yaml);
    const result = await runInProcess(command.args('input.md'), { cwd });
    expectPromisesKept(result, command);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('answers files for render', () => {
  const answers: Record<string, string | Buffer> = {
    'empty': '',
    'a YAML alias bomb': ALIAS_BOMB.replace(/^---\n|---\n\n# Bomb\n\n$/g, ''),
    'a __proto__ key': '{"__proto__": {"polluted": true}, "title": "T", "constructor": {"prototype": {"polluted": true}}}',
    'binary': Buffer.from([0, 1, 2, 3, 255]),
    'a 1 MB title': `{"title": "${'T'.repeat(1_000_000)}"}`,
    'deep nesting': `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    'YAML with a JavaScript tag': 'title: !!js/function "function () { globalThis.ranFromInput = true }"\n',
  };
  const render = { name: 'render', args: (file: string) => ['render', '--', file], singleFile: true };
  it.each(Object.entries(answers))('%s keeps the promises', async (_name, content) => {
    for (const extension of ['json', 'yaml']) {
      writeFileSync(join(cwd, `answers.${extension}`), content);
      const result = await runInProcess(render.args(`answers.${extension}`), { cwd });
      expectPromisesKept(result, render);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((globalThis as { ranFromInput?: boolean }).ranFromInput).toBeUndefined();
    }
  });
});
