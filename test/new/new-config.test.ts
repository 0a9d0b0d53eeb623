// The `new` section of .postmortemrc.* and package.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNewConfig, loadNewConfig } from '../../src/cli/new/new-config.js';
import { useTempDir } from '../cli/cli-harness.js';

let cwd: string;
useTempDir((path) => (cwd = path));

describe('checkNewConfig', () => {
  it('takes outputDir, severities and template', () => {
    expect(checkNewConfig({ outputDir: ' docs/pm ', severities: ['P1', 'P2'], template: 'narrative' }, 'rc')).toEqual({
      path: 'rc',
      outputDir: 'docs/pm',
      severities: ['P1', 'P2'],
      template: 'narrative',
    });
    expect(checkNewConfig(undefined, 'rc')).toEqual({ path: 'rc' });
  });

  it.each([
    [[], '"new": must be an object with outputDir, severities or template'],
    [{ severities: [] }, '"new": "severities" must be a non-empty list of names, such as [SEV1, SEV2, SEV3]'],
    [{ severities: ['P1', 'p1'] }, '"new": "severities" lists a name twice'],
    [{ outputDir: 3 }, '"new": "outputDir" must be a directory path'],
    [{ output: 'x' }, '"new": unknown key "output"; the keys are outputDir, severities, template'],
  ])('refuses %j', (value, message) => {
    expect(() => checkNewConfig(value, 'rc')).toThrow(message);
  });
});

describe('loadNewConfig', () => {
  it('finds the nearest config upward, in lint\'s order, and reads YAML as data', async () => {
    await writeFile(join(cwd, '.postmortemrc.yml'), 'new:\n  outputDir: far\n');
    await mkdir(join(cwd, 'a', 'b'), { recursive: true });
    await writeFile(join(cwd, 'a', 'package.json'), JSON.stringify({ name: 'no-config-here' }));
    expect(await loadNewConfig(join(cwd, 'a', 'b'))).toEqual({ path: '../../.postmortemrc.yml', outputDir: 'far' });
    await writeFile(join(cwd, 'a', '.postmortemrc.json'), JSON.stringify({ rules: {}, new: { outputDir: 'near' } }));
    expect(await loadNewConfig(join(cwd, 'a', 'b'))).toEqual({ path: '../.postmortemrc.json', outputDir: 'near' });
  });

  it('reports a config it cannot read, naming it', async () => {
    await writeFile(join(cwd, '.postmortemrc.yaml'), 'new: [unclosed\n');
    await expect(loadNewConfig(cwd)).rejects.toThrow(/invalid YAML/);
  });

  it('reads what lint reads: an empty config file is passed over, a broken package.json is an error naming it', async () => {
    await writeFile(join(cwd, '.postmortemrc.yml'), 'new:\n  template: narrative\n');
    await mkdir(join(cwd, 'a'));
    await writeFile(join(cwd, 'a', '.postmortemrc.json'), '  \n');
    expect(await loadNewConfig(join(cwd, 'a'))).toEqual({ path: '../.postmortemrc.yml', template: 'narrative' });
    await writeFile(join(cwd, 'a', 'package.json'), '{"name": ');
    await expect(loadNewConfig(join(cwd, 'a'))).rejects.toMatchObject({ filePath: 'package.json', message: expect.stringMatching(/^cannot read this config file: invalid JSON/) });
  });
});
