import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLintConfig, mergeLintConfigs, parseRuleFlag, readSeverity } from '../../src/lint/config.js';
import { createConfigResolver } from '../../src/lint/config-files.js';
import { PostmortemError } from '../../src/model/errors.js';
import { makeTempDir } from '../cli/cli-harness.js';
import { fakeRules } from './fake-rules.js';

describe('config values', () => {
  it('reads severities by name, ESLint number and "warning"', () => {
    expect(['off', 'warn', 'error', 0, 1, 2, 'warning', 'ERROR', 3, 'fatal', null].map(readSeverity)).toEqual(['off', 'warn', 'error', 'off', 'warn', 'error', 'warn', 'error', null, null, null]);
  });

  it('accepts an empty config and a $schema key', () => {
    expect(checkLintConfig(undefined, fakeRules)).toEqual({});
    expect(checkLintConfig({ $schema: 'x', rules: {} }, fakeRules)).toEqual({ $schema: 'x', rules: {} });
  });

  it('accepts the ignores key of file discovery, and refuses a bad one naming the config file', () => {
    expect(checkLintConfig({ ignores: ['drafts/**'], rules: { 'no-word': 'warn' } }, fakeRules, '.postmortemrc.json')).toEqual({ ignores: ['drafts/**'], rules: { 'no-word': 'warn' } });
    expect(() => checkLintConfig({ ignores: [''] }, null, '.postmortemrc.yaml')).toThrowError(expect.objectContaining({ filePath: '.postmortemrc.yaml', message: '"ignores"[0]: an ignore pattern cannot be empty' }));
    expect(() => checkLintConfig({ ignores: { drafts: true } }, null, 'package.json')).toThrowError(expect.objectContaining({ filePath: 'package.json', message: '"ignores" must be an array of glob patterns, not an object' }));
  });

  it('names the config file in every error', () => {
    let error: unknown;
    try {
      checkLintConfig({ rules: { nope: 'warn' } }, fakeRules, '.postmortemrc.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PostmortemError);
    expect((error as PostmortemError).format()).toBe('.postmortemrc.json: unknown rule "nope"');
    expect((error as PostmortemError).exitCode).toBe(2);
  });

  it('checks only shape and severities when the rules are not at hand', () => {
    expect(() => checkLintConfig({ rules: { anything: 'warn' } }, null)).not.toThrow();
    expect(() => checkLintConfig({ rules: { anything: 'loud' } }, null)).toThrow(/severity/);
  });

  it('lays --rule over a config, keeping the options when only a severity is given', () => {
    const base = { rules: { 'no-word': ['warn', { word: 'x' }] as ['warn', { word: string }], 'has-title': 'error' as const } };
    expect(mergeLintConfigs(base, { rules: { 'no-word': 'error', 'off-by-default': 'warn' } }).rules).toEqual({
      'no-word': ['error', { word: 'x' }],
      'has-title': 'error',
      'off-by-default': 'warn',
    });
    expect(mergeLintConfigs(base, { rules: { 'no-word': ['off', { word: 'y' }] } }).rules?.['no-word']).toEqual(['off', { word: 'y' }]);
  });

  it('reads --rule values as id:severity or id:JSON', () => {
    expect(parseRuleFlag('no-word:warn')).toEqual({ rules: { 'no-word': 'warn' } });
    expect(parseRuleFlag('no-word: ["error", {"word": "x"}]')).toEqual({ rules: { 'no-word': ['error', { word: 'x' }] } });
    expect(parseRuleFlag('no-word:2')).toEqual({ rules: { 'no-word': 2 } });
    expect(() => parseRuleFlag('no-word')).toThrow(/rule-id:severity/);
    expect(() => parseRuleFlag('no-word:[oops')).toThrow(/not valid JSON/);
  });
});

describe('config files', () => {
  let root: string;
  let remove: () => Promise<void>;

  beforeEach(async () => {
    ({ path: root, remove } = await makeTempDir());
  });
  afterEach(async () => remove());

  const resolverIn = (cwd: string, options: Partial<Parameters<typeof createConfigResolver>[0]> = {}) =>
    createConfigResolver({ cwd, rules: fakeRules, stopDir: root, ...options });

  it('finds the nearest .postmortemrc.json upward from each file', async () => {
    await mkdir(join(root, 'team', 'incidents'), { recursive: true });
    await writeFile(join(root, '.postmortemrc.json'), JSON.stringify({ rules: { 'no-word': 'warn' } }));
    await writeFile(join(root, 'team', '.postmortemrc.yaml'), 'rules:\n  no-word: off\n');
    const resolver = resolverIn(root);
    expect(await resolver.configFor(join(root, 'a.md'))).toMatchObject({ path: join(root, '.postmortemrc.json'), displayPath: '.postmortemrc.json', config: { rules: { 'no-word': 'warn' } } });
    expect(await resolver.configFor(join(root, 'team', 'incidents', 'b.md'))).toMatchObject({ path: join(root, 'team', '.postmortemrc.yaml'), config: { rules: { 'no-word': 'off' } } });
  });

  it('reads .postmortemrc.yml and the "postmortem" key of package.json, skipping a package.json without one', async () => {
    await mkdir(join(root, 'a', 'b'), { recursive: true });
    await writeFile(join(root, 'package.json'), JSON.stringify({ name: 'x', postmortem: { rules: { 'has-title': 'error' } } }));
    await writeFile(join(root, 'a', 'package.json'), JSON.stringify({ name: 'no-config-here' }));
    await writeFile(join(root, 'a', 'b', '.postmortemrc.yml'), 'rules:\n  no-word: [warn, {word: thing}]\n');
    const resolver = resolverIn(root);
    expect((await resolver.configFor(join(root, 'a', 'x.md'))).config).toEqual({ rules: { 'has-title': 'error' } });
    expect((await resolver.configFor(join(root, 'a', 'b', 'x.md'))).config).toEqual({ rules: { 'no-word': ['warn', { word: 'thing' }] } });
  });

  it('names a config file above the working directory relative to it, and one elsewhere by its absolute path', async () => {
    await mkdir(join(root, 'work'));
    await mkdir(join(root, 'other'));
    await writeFile(join(root, '.postmortemrc.json'), '{"rules": {}}');
    await writeFile(join(root, 'other', '.postmortemrc.json'), '{"rules": {}}');
    const resolver = resolverIn(join(root, 'work'));
    expect((await resolver.configFor(join(root, 'work', 'a.md'))).displayPath).toBe('../.postmortemrc.json');
    expect((await resolver.configFor(join(root, 'other', 'a.md'))).displayPath).toBe(join(root, 'other', '.postmortemrc.json'));
  });

  it('gives the rule defaults (and the --rule settings) where there is no config file', async () => {
    const resolver = resolverIn(root, { ruleOverrides: { rules: { 'no-word': 'warn' } } });
    expect(await resolver.configFor(join(root, 'a.md'))).toEqual({ path: null, displayPath: null, config: { rules: { 'no-word': 'warn' } } });
  });

  it('reads the same config object for every file under one config file', async () => {
    await writeFile(join(root, '.postmortemrc.json'), '{"rules": {}}');
    const resolver = resolverIn(root);
    expect((await resolver.configFor(join(root, 'a.md'))).config).toBe((await resolver.configFor(join(root, 'b.md'))).config);
  });

  it('uses only the --config file when one is given', async () => {
    await writeFile(join(root, '.postmortemrc.json'), JSON.stringify({ rules: { 'no-word': 'warn' } }));
    await writeFile(join(root, 'lint.yaml'), 'rules:\n  no-word: off\n');
    const resolver = resolverIn(root, { configFile: 'lint.yaml' });
    expect((await resolver.configFor(join(root, 'a.md'))).config).toEqual({ rules: { 'no-word': 'off' } });
  });

  it('reads the postmortem key when --config names a package.json', async () => {
    await writeFile(join(root, 'package.json'), JSON.stringify({ postmortem: { rules: { 'no-word': 'warn' } } }));
    expect((await resolverIn(root, { configFile: 'package.json' }).configFor(join(root, 'a.md'))).config).toEqual({ rules: { 'no-word': 'warn' } });
  });

  const failure = async (promise: Promise<unknown>): Promise<string> => {
    try {
      await promise;
    } catch (error) {
      if (error instanceof PostmortemError) return error.format();
      throw error;
    }
    throw new Error('expected a PostmortemError');
  };

  it('fails with the config file named: unknown rule, bad severity, bad option, unreadable JSON and YAML', async () => {
    await mkdir(join(root, 'a'));
    await mkdir(join(root, 'b'));
    await mkdir(join(root, 'c'));
    await mkdir(join(root, 'd'));
    await writeFile(join(root, 'a', '.postmortemrc.json'), JSON.stringify({ rules: { 'has-titel': 'warn' } }));
    await writeFile(join(root, 'b', '.postmortemrc.yaml'), 'rules:\n  no-word: loud\n');
    await writeFile(join(root, 'c', '.postmortemrc.json'), '{"rules": {');
    await writeFile(join(root, 'd', '.postmortemrc.yml'), 'rules:\n  no-word: [warn\n');
    const resolver = resolverIn(root);
    expect(await failure(resolver.configFor(join(root, 'a', 'x.md')))).toBe('a/.postmortemrc.json: unknown rule "has-titel" (did you mean "has-title"?)');
    expect(await failure(resolver.configFor(join(root, 'b', 'x.md')))).toMatch(/^b\/\.postmortemrc\.yaml: rule "no-word": the severity must be/);
    expect(await failure(resolver.configFor(join(root, 'c', 'x.md')))).toBe("c/.postmortemrc.json:1:12: cannot read this config file: invalid JSON: Expected property name or '}'");
    expect(await failure(resolver.configFor(join(root, 'd', 'x.md')))).toMatch(/^d\/\.postmortemrc\.yml:3:1: cannot read this config file: invalid YAML: /);
  });

  it('refuses a JavaScript config without running it, and a missing --config file', async () => {
    await writeFile(join(root, 'lint.config.js'), 'globalThis.configRan = true; export default {};');
    expect(await failure(resolverIn(root, { configFile: 'lint.config.js' }).configFor(join(root, 'a.md')))).toMatch(/^lint\.config\.js: .*never loaded/);
    expect((globalThis as Record<string, unknown>)['configRan']).toBeUndefined();
    expect(await failure(resolverIn(root, { configFile: 'missing.json' }).configFor(join(root, 'a.md')))).toBe('missing.json: no such config file');
  });

  it('reads YAML as data: no custom tags, dates stay strings', async () => {
    await writeFile(join(root, '.postmortemrc.yaml'), 'rules:\n  no-word: [warn, {word: 2026-03-14}]\n');
    expect((await resolverIn(root).configFor(join(root, 'a.md'))).config).toEqual({ rules: { 'no-word': ['warn', { word: '2026-03-14' }] } });
  });

  it('checks --rule settings against the rules, naming --rule', async () => {
    expect(() => resolverIn(root, { ruleOverrides: { rules: { 'no-wrd': 'warn' } } })).toThrow('unknown rule "no-wrd" (did you mean "no-word"?)');
    try {
      resolverIn(root, { ruleOverrides: { rules: { 'no-wrd': 'warn' } } });
    } catch (error) {
      expect((error as PostmortemError).filePath).toBe('--rule');
    }
  });
});
