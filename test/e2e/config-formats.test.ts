// Every documented config format through the real bin: `.postmortemrc.json`, `.yaml`, `.yml`
// and the `postmortem` key of package.json, found upward or named with --config, for lint and
// new. A YAML config once failed only in the bundle, which the in-process tests could not see.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, outOfOrderPostmortem, STACK_LINE, useTempDir, writeFiles } from './e2e-harness.js';

interface ConfigFormat {
  file: string;
  /** The config `severities: [P0, P1]`, `new.outputDir: incidents`, `timeline-order: off`. */
  good: string;
  /** A syntax error, and the `file:line:column` the error must name. */
  broken: { text: string; where: string };
  /** A config that parses but names an unknown rule. */
  unknownRule: string;
}

const yaml = 'severities: [P0, P1]\nnew:\n  outputDir: incidents\nrules:\n  timeline-order: "off"\n';
const json = (value: object): string => `${JSON.stringify(value, null, 2)}\n`;
const good = { severities: ['P0', 'P1'], new: { outputDir: 'incidents' }, rules: { 'timeline-order': 'off' } };

const FORMATS: ConfigFormat[] = [
  {
    file: '.postmortemrc.json',
    good: json(good),
    broken: { text: '{\n  "rules": {\n    "timeline-order" "off"\n  }\n}\n', where: '.postmortemrc.json:3:22' },
    unknownRule: json({ rules: { 'timeline-ordr': 'off' } }),
  },
  {
    file: '.postmortemrc.yaml',
    good: yaml,
    broken: { text: 'rules:\n  timeline-order: [off\n', where: '.postmortemrc.yaml:3:1' },
    unknownRule: 'rules:\n  timeline-ordr: "off"\n',
  },
  {
    file: '.postmortemrc.yml',
    good: yaml,
    broken: { text: 'rules:\n\ttimeline-order: off\n', where: '.postmortemrc.yml:2:1' },
    unknownRule: 'rules:\n  timeline-ordr: "off"\n',
  },
  {
    file: 'package.json',
    good: json({ name: 'ops-handbook', private: true, postmortem: good }),
    broken: { text: '{\n  "name": "ops-handbook",\n  "postmortem": {,}\n}\n', where: 'package.json:3:18' },
    unknownRule: json({ name: 'ops-handbook', postmortem: { rules: { 'timeline-ordr': 'off' } } }),
  },
];

interface LintJson {
  messages: Array<{ ruleId: string }>;
}
const ruleIds = (stdout: string): string[] => (JSON.parse(stdout) as LintJson[]).flatMap((result) => result.messages.map((message) => message.ruleId));

const NEW_FLAGS = [
  'new',
  '--title', 'Search results were stale',
  '--date', '2026-02-10',
  '--severity', 'p0',
  '--timezone', 'UTC',
  '--authors', 'Rui Okafor',
  '--start', '09:00',
  '--end', '11:00',
  '--impact', 'About 40% of searches returned results up to two hours old',
  '--root-cause', 'The indexer kept using rotated credentials',
  '--resolution', 'We restarted the indexer with the new credentials.',
  '--timeline', '09:25|An alert on index lag fired|Detection',
  '--timeline', '11:00|Index lag was back under one minute|Resolution',
  '--task', 'Alert when the indexer has read nothing for ten minutes|Rui Okafor|2027-06-01|P2',
];

let cwd: string;
useTempDir((path) => (cwd = path));

describe.each(FORMATS)('the project config in $file, through the real bin', (format) => {
  it('sets lint rules and severities for files below it, found upward', async () => {
    await writeFiles(cwd, { 'team/incident.md': outOfOrderPostmortem('P0') });
    const without = bin(['lint', 'team/incident.md', '--format', 'json'], cwd);
    expect(without.exitCode).toBe(1);
    expect(ruleIds(without.stdout).sort()).toEqual(['front-matter', 'timeline-order']);

    await writeFiles(cwd, { [format.file]: format.good });
    const withConfig = bin(['lint', 'team/incident.md', '--format', 'json'], cwd);
    expect(withConfig).toMatchObject({ exitCode: 0, stderr: '' });
    expect(ruleIds(withConfig.stdout)).toEqual([]);
    // A severity the project's list does not have is still one.
    await writeFiles(cwd, { 'team/other.md': outOfOrderPostmortem('SEV2') });
    expect(ruleIds(bin(['lint', 'team/other.md', '--format', 'json'], cwd).stdout)).toEqual(['front-matter']);
  });

  it('is used for every file when named with --config, from anywhere', async () => {
    await writeFiles(cwd, { [`config/${format.file}`]: format.good, 'docs/incident.md': outOfOrderPostmortem('P1') });
    const result = bin(['lint', 'incident.md', '--config', `../config/${format.file}`, '--format', 'json'], join(cwd, 'docs'));
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(ruleIds(result.stdout)).toEqual([]);
  });

  it('gives postmortem new its output folder and severities, and the file new writes passes its lint', async () => {
    await writeFiles(cwd, { [format.file]: format.good });
    const result = bin(NEW_FLAGS, cwd);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const [written] = await readdir(join(cwd, 'incidents'));
    expect(written).toBe('2026-02-10-search-results-were-stale.md');
    expect(result.stdout).toContain(`Wrote incidents/${written}`);
    // The lint new runs after writing uses the same list: no front-matter complaint about P0.
    expect(result.stdout).not.toContain('front-matter');
    const text = await readFile(join(cwd, 'incidents', written as string), 'utf8');
    expect(text).toMatch(/^severity: "?P0"?$/m);
    const lint = bin(['lint', `incidents/${written}`, '--format', 'json'], cwd);
    expect(ruleIds(lint.stdout)).not.toContain('front-matter');
  });

  it('names the file, line and column of a syntax error: one line, exit 2, no stack', async () => {
    await writeFiles(cwd, { [format.file]: format.broken.text, 'incident.md': outOfOrderPostmortem('P0') });
    for (const args of [['lint', 'incident.md'], NEW_FLAGS]) {
      const result = bin(args, cwd);
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(new RegExp(`^postmortem: ${format.broken.where.replace(/\./g, '\\.')}: cannot read this config file: invalid (JSON|YAML): .+\n$`));
      expect(result.stderr).not.toMatch(STACK_LINE);
    }
  });

  it('names the file of a config that parses but is wrong', async () => {
    await writeFiles(cwd, { [format.file]: format.unknownRule, 'incident.md': outOfOrderPostmortem('SEV2') });
    expect(bin(['lint', 'incident.md'], cwd)).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `postmortem: ${format.file}: unknown rule "timeline-ordr" (did you mean "timeline-order"?)\n`,
    });
  });
});

describe('one list of severities', () => {
  it('refuses two lists that differ, for new and for lint alike', async () => {
    await writeFiles(cwd, { '.postmortemrc.yaml': 'severities: [P0, P1]\nnew:\n  severities: [SEV1, SEV2]\n', 'incident.md': outOfOrderPostmortem('P0') });
    const message = 'postmortem: .postmortemrc.yaml: "severities" (P0, P1) and "new.severities" (SEV1, SEV2) differ: postmortem new and lint use one list, so keep it once, as the top-level "severities"\n';
    expect(bin(['lint', 'incident.md'], cwd)).toEqual({ exitCode: 2, stdout: '', stderr: message });
    expect(bin(NEW_FLAGS, cwd)).toEqual({ exitCode: 2, stdout: '', stderr: message });
  });

  it('takes new.severities of an older config for lint too (the file new writes lints clean of front-matter)', async () => {
    await writeFiles(cwd, { '.postmortemrc.yaml': 'new:\n  severities: [P0, P1]\n' });
    const result = bin(NEW_FLAGS, cwd);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain('front-matter');
  });
});
