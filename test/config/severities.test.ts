import { describe, expect, it } from 'vitest';
import { projectSeverities } from '../../src/config/severities.js';
import { loadNewConfig } from '../../src/cli/new/new-config.js';
import { lintText } from '../../src/lint/engine.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useTempDir } from '../cli/cli-harness.js';

const file = (severity: string): string => `---\ntitle: Search latency\nseverity: ${severity}\n---\n# Search latency\n`;
const frontMatterMessages = (text: string, config: object): string[] =>
  lintText(text, { config }).messages.filter((message) => message.ruleId === 'front-matter').map((message) => message.message);

describe('the project severities: one list for new and lint', () => {
  it.each([
    ['nothing', {}, null],
    ['the top-level key', { severities: ['P0', ' P1 '] }, ['P0', 'P1']],
    ['new.severities, as older configs wrote it', { new: { severities: ['P0', 'P1'] } }, ['P0', 'P1']],
    ['the front-matter rule option, as older configs wrote it', { rules: { 'front-matter': ['error', { severities: ['P0'] }] } }, ['P0']],
    ['two places that agree', { severities: ['P0', 'P1'], new: { severities: ['P0', 'P1'] } }, ['P0', 'P1']],
  ])('reads %s', (_name, config, expected) => {
    expect(projectSeverities(config, 'rc.yaml')).toEqual(expected);
  });

  it.each([
    [{ severities: [] }, 'rc.yaml: "severities" must be a non-empty list of names, such as [SEV1, SEV2, SEV3]'],
    [{ severities: 'SEV1' }, 'rc.yaml: "severities" must be a non-empty list of names, such as [SEV1, SEV2, SEV3]'],
    [{ severities: ['P1', 'p1'] }, 'rc.yaml: "severities" lists a name twice'],
    [{ severities: ['P0', 'P1'], new: { severities: ['P1'] } }, 'rc.yaml: "severities" (P0, P1) and "new.severities" (P1) differ: postmortem new and lint use one list, so keep it once, as the top-level "severities"'],
  ])('refuses %j naming the file', (config, message) => {
    expect(() => projectSeverities(config, 'rc.yaml')).toThrow(expect.objectContaining({ format: expect.any(Function) }));
    try {
      projectSeverities(config, 'rc.yaml');
    } catch (error) {
      expect((error as { format(): string }).format()).toBe(message);
    }
  });

  it('is what the front-matter rule checks against, wherever the config gives it', () => {
    expect(frontMatterMessages(file('P0'), {})).toHaveLength(1);
    expect(frontMatterMessages(file('P0'), { severities: ['P0', 'P1'] })).toEqual([]);
    expect(frontMatterMessages(file('P0'), { new: { severities: ['P0', 'P1'] } })).toEqual([]);
    expect(frontMatterMessages(file('SEV1'), { severities: ['P0', 'P1'] })).toEqual([expect.stringContaining('is not one of P0, P1')]);
    // A severity alone for the rule keeps the project's list as its option.
    expect(frontMatterMessages(file('P0'), { severities: ['P0'], rules: { 'front-matter': 'warn' } })).toEqual([]);
    expect(frontMatterMessages(file('P0'), { severities: ['P0'], rules: { 'front-matter': ['warn', {}] } })).toEqual([]);
  });

  describe('postmortem new', () => {
    let cwd: string;
    useTempDir((path) => (cwd = path));

    it('offers the top-level list', async () => {
      await writeFile(join(cwd, '.postmortemrc.yaml'), 'severities: [P0, P1]\nnew:\n  outputDir: incidents\n');
      expect(await loadNewConfig(cwd)).toEqual({ path: '.postmortemrc.yaml', outputDir: 'incidents', severities: ['P0', 'P1'] });
    });

    it('offers the front-matter rule\'s list of an older config', async () => {
      await writeFile(join(cwd, '.postmortemrc.json'), JSON.stringify({ rules: { 'front-matter': ['error', { severities: ['Low', 'High'] }] } }));
      expect((await loadNewConfig(cwd)).severities).toEqual(['Low', 'High']);
    });
  });
});
