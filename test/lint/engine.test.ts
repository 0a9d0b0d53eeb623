import { describe, expect, it } from 'vitest';
import { PostmortemError } from '../../src/model/errors.js';
import { blankFrontMatter, fatalResult, lintText, lintTextAsync, MAX_FIX_PASSES } from '../../src/lint/engine.js';
import { defineRule } from '../../src/lint/types.js';
import { fakeRules } from './fake-rules.js';

const lint = (text: string, options: Parameters<typeof lintText>[1] = {}) => lintText(text, { filePath: 'incident.md', rules: fakeRules, ...options });
const summary = (text: string, options: Parameters<typeof lintText>[1] = {}) =>
  lint(text, options).messages.map((message) => `${message.line}:${message.column} ${message.severity} ${message.ruleId}`);

describe('lintText: severities and options', () => {
  it('runs each rule at its default severity and skips rules that are off by default', () => {
    const result = lint('bad start\n\nno title here, bad again');
    expect(result.messages.map((message) => [message.ruleId, message.severity, message.line, message.column])).toEqual([
      ['has-title', 1, 1, 1],
      ['no-word', 2, 1, 1],
      ['no-word', 2, 3, 16],
    ]);
    expect(result).toMatchObject({ filePath: 'incident.md', errorCount: 2, warningCount: 1, fixableErrorCount: 0, fixableWarningCount: 0 });
  });

  it('takes severities from config by name or number, and turns rules off', () => {
    expect(summary('bad', { config: { rules: { 'no-word': 'warn', 'has-title': 'off' } } })).toEqual(['1:1 1 no-word']);
    expect(summary('bad', { config: { rules: { 'no-word': 1, 'has-title': 0 } } })).toEqual(['1:1 1 no-word']);
    expect(summary('bad', { config: { rules: { 'no-word': 'off', 'has-title': 2 } } })).toEqual(['1:1 2 has-title']);
    expect(summary('# T', { config: { rules: { 'off-by-default': 'error' } } })).toEqual(['1:1 2 off-by-default']);
  });

  it('merges options over the defaults, and a severity alone keeps the defaults', () => {
    expect(summary('# T\nthing bad', { config: { rules: { 'no-word': ['warn', { word: 'thing' }] } } })).toEqual(['2:1 1 no-word']);
    expect(summary('# T\nthing bad', { config: { rules: { 'no-word': ['warn'] } } })).toEqual(['2:7 1 no-word']);
    expect(summary('# Tiny', { config: { rules: { 'has-title': ['error', { minLength: 10 }] } } })).toEqual(['1:1 2 has-title']);
  });

  it('refuses an invalid config with a PostmortemError, suggesting the rule id meant', () => {
    const attempt = (config: unknown) => () => lint('# T', { config: config as never });
    expect(attempt({ rules: { 'no-wrod': 'error' } })).toThrow(/unknown rule "no-wrod" \(did you mean "no-word"\?\)/);
    expect(attempt({ rules: { 'no-word': 'errror' } })).toThrow(/severity must be "off", "warn" or "error"/);
    expect(attempt({ rules: { 'no-word': ['warn', { word: '' }] } })).toThrow(/rule "no-word": option "word" must be a non-empty string/);
    expect(attempt({ rules: { 'has-title': ['warn', { minLenght: 3 }] } })).toThrow(/unknown option "minLenght" \(did you mean "minLength"\?\)/);
    expect(attempt({ rules: { 'has-title': ['warn', { minLength: 'three' }] } })).toThrow(/option "minLength" must be a number/);
    expect(attempt({ rule: {} })).toThrow(/unknown key "rule" \(did you mean "rules"\?\)/);
    expect(attempt({ rules: { 'no-word': ['warn', {}, 'extra'] } })).toThrow(/\[severity, options\]/);
    expect(attempt({ rules: ['no-word'] })).toThrow(PostmortemError);
  });

  it('sorts messages by line and column', () => {
    const lines = lint('x\nbad\n bad\nGMT bad').messages.map((message) => `${message.line}:${message.column}`);
    expect(lines).toEqual([...lines].sort((a, b) => Number(a.split(':')[0]) - Number(b.split(':')[0]) || Number(a.split(':')[1]) - Number(b.split(':')[1])));
    expect(lines).toEqual(['1:1', '2:1', '3:2', '4:1', '4:5']);
  });

  it('keeps reported lines within the file and defaults the column to 1', () => {
    const wild = defineRule({ id: 'wild', description: '', tags: [], severity: 'error', defaultOptions: {}, check: ({ report }) => report({ message: 'far', line: 999 }) });
    const result = lintText('one\ntwo', { rules: [wild] });
    expect(result.messages[0]).toMatchObject({ line: 2, column: 1 });
  });

  it('names the rule and the file when a rule throws (a bug, not a lint problem)', () => {
    const broken = defineRule({ id: 'broken', description: '', tags: [], severity: 'error', defaultOptions: {}, check: () => { throw new TypeError('boom'); } });
    expect(() => lintText('# T', { filePath: 'a.md', rules: [broken] })).toThrow('lint rule "broken" failed on a.md: boom');
  });

  it('uses the built-in rules when no rules are given', () => {
    const result = lintText('# Title\n\nTODO: write this\n', { filePath: 'draft.md' });
    expect(result.messages.some((message) => message.ruleId === 'no-placeholders')).toBe(true);
  });
});

describe('lintText: front matter that cannot be read', () => {
  const broken = '---\ntitle: [unclosed\n---\n# Title\n\nbad news\n';

  it('reports it as a front-matter problem and still lints the body with its real line numbers', () => {
    const result = lint(broken);
    expect(result.messages.map((message) => `${message.line} ${message.ruleId}`)).toEqual(['2 front-matter', '6 no-word']);
    expect(result.messages[0]?.message).toMatch(/^Invalid YAML front matter/);
    expect(result.messages[0]?.severity).toBe(2);
  });

  it('follows the severity configured for front-matter', () => {
    expect(summary(broken, { config: { rules: { 'front-matter': 'off' } } })).toEqual(['6:1 2 no-word']);
    expect(summary(broken, { config: { rules: { 'front-matter': 'warn' } } })).toEqual(['2:1 1 front-matter', '6:1 2 no-word']);
  });

  it('refuses JavaScript front matter without running it', () => {
    const result = lint('---js\n{ title: globalThis.pwned = true }\n---\n# T\n');
    expect(result.messages[0]).toMatchObject({ ruleId: 'front-matter', line: 1 });
    expect((globalThis as Record<string, unknown>)['pwned']).toBeUndefined();
  });

  it('blanks front matter line for line', () => {
    expect(blankFrontMatter('---\na: [\n---\nbody')).toBe('\n\n\nbody');
    expect(blankFrontMatter('---\r\na: [\r\n---\r\nbody')).toBe('\r\n\r\n\r\nbody');
    expect(blankFrontMatter('---\nno closing line')).toBe('\nno closing line');
    expect(blankFrontMatter('# no front matter')).toBe('# no front matter');
  });
});

describe('lintText: fixes', () => {
  it('reports fixable problems without changing anything unless asked', () => {
    const result = lint('# Times in GMT\n\n14:00 GMT: start');
    expect(result.output).toBeUndefined();
    expect(result.fixableWarningCount).toBe(2);
    expect(result.messages.filter((message) => message.fix)).toHaveLength(2);
  });

  it('applies fixes with fix, reports only what is left, and is idempotent', () => {
    const text = '# Times in GMT\n\n14:00 GMT: bad start';
    const fixed = lint(text, { fix: true });
    expect(fixed.output).toBe('# Times in UTC\n\n14:00 UTC: bad start');
    expect(fixed.messages.map((message) => message.ruleId)).toEqual(['no-word']);
    const again = lint(fixed.output as string, { fix: true });
    expect(again.output).toBeUndefined();
    expect(again.messages).toEqual(fixed.messages);
  });

  it('applies overlapping fixes over several passes, as ESLint does', () => {
    const squash = defineRule({
      id: 'squash',
      description: 'xx becomes x',
      tags: [],
      severity: 'warn',
      fixable: true,
      defaultOptions: {},
      check({ text, report }) {
        for (let index = text.indexOf('xx'); index !== -1; index = text.indexOf('xx', index + 1)) report({ message: 'xx', line: 1, fix: { range: [index, index + 2], text: 'x' } });
      },
    });
    const result = lintText('xxxxxxxx', { rules: [squash], fix: true });
    expect(result.output).toBe('x');
    expect(result.messages).toEqual([]);
  });

  it('stops after a bounded number of passes when a rule keeps offering fixes', () => {
    let passes = 0;
    const endless = defineRule({
      id: 'endless',
      description: '',
      tags: [],
      severity: 'warn',
      fixable: true,
      defaultOptions: {},
      check({ text, report }) {
        passes += 1;
        report({ message: 'grow', line: 1, fix: { range: [text.length, text.length], text: '!' } });
      },
    });
    const result = lintText('a', { rules: [endless], fix: true });
    expect(result.output).toBe(`a${'!'.repeat(MAX_FIX_PASSES)}`);
    expect(passes).toBe(MAX_FIX_PASSES + 1);
  });

  it('drops a fix whose range is outside the text instead of corrupting the file', () => {
    const wrong = defineRule({ id: 'wrong', description: '', tags: [], severity: 'warn', defaultOptions: {}, check: ({ report }) => report({ message: 'w', line: 1, fix: { range: [5, 50], text: '' } }) });
    const result = lintText('short', { rules: [wrong], fix: true });
    expect(result.output).toBeUndefined();
    expect(result.messages[0]?.fix).toBeUndefined();
    expect(result.fixableWarningCount).toBe(0);
  });

  it('does not fix what an inline directive switched off', () => {
    const result = lint('<!-- postmortem-disable-next-line utc-not-gmt -->\nGMT\nGMT', { fix: true });
    expect(result.output).toBe('<!-- postmortem-disable-next-line utc-not-gmt -->\nGMT\nUTC');
  });
});

describe('fatalResult', () => {
  it('is one fatal error at the reported line, as ESLint marks a file it cannot parse', () => {
    const result = fatalResult('a.md', new PostmortemError('This file is UTF-16 text', { filePath: 'a.md', line: 3 }));
    expect(result).toEqual({
      filePath: 'a.md',
      messages: [{ ruleId: 'read-error', severity: 2, fatal: true, message: 'This file is UTF-16 text', line: 3, column: 1 }],
      errorCount: 1,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      fatalErrorCount: 1,
    });
  });
});

describe('lintTextAsync: rules that prepare asynchronously', () => {
  // Finds "secret" through an asynchronous prepare (as no-secrets does with secretlint) and fixes it to "hidden".
  const prepared: string[] = [];
  const asyncRule = defineRule({
    id: 'async-word',
    description: 'reports "secret", found in prepare',
    tags: ['test'],
    severity: 'error',
    fixable: true,
    defaultOptions: {},
    prepare: (text) => {
      prepared.push(text);
      return text.includes('secret') ? Promise.resolve([...text.matchAll(/secret/g)].map((match) => match.index)) : null;
    },
    check({ text, prepared: offsets, report }) {
      if (offsets === undefined && text.includes('secret')) throw new Error('needs lintTextAsync');
      for (const offset of (offsets as number[] | undefined) ?? []) report({ message: 'a secret', line: 1, column: offset + 1, fix: { range: [offset, offset + 6], text: 'hidden' } });
    },
  });

  it('hands check what prepare resolved to, prepares again for each fix pass, and leaves the rest of the text alone', async () => {
    prepared.length = 0;
    const result = await lintTextAsync('a secret and a secret', { rules: [asyncRule], fix: true });
    expect(result.output).toBe('a hidden and a hidden');
    expect(result.messages).toEqual([]);
    expect(prepared).toEqual(['a secret and a secret', 'a hidden and a hidden']);
  });

  it('lintText runs the same rule without preparing, and the rule can refuse', async () => {
    expect(lintText('nothing here', { rules: [asyncRule] }).messages).toEqual([]);
    expect(() => lintText('a secret', { rules: [asyncRule] })).toThrow(/lint rule "async-word" failed on <text>: needs lintTextAsync/);
    expect((await lintTextAsync('a secret', { rules: [asyncRule] })).messages).toHaveLength(1);
  });
});
