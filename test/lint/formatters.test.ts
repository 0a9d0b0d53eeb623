import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/lint/formatters/github.js';
import { FORMATTER_NAMES, loadFormatter } from '../../src/lint/formatters/index.js';
import { formatJson } from '../../src/lint/formatters/json.js';
import { formatSarif, SARIF_SCHEMA } from '../../src/lint/formatters/sarif.js';
import { formatStylish } from '../../src/lint/formatters/stylish.js';
import type { LintResult } from '../../src/lint/types.js';
import { fakeRules } from './fake-rules.js';

const cwd = '/repo';

const results: LintResult[] = [
  {
    filePath: '/repo/postmortems/2026-03-14 checkout.md',
    messages: [
      { ruleId: 'no-word', severity: 2, message: 'Found "bad"', line: 3, column: 1 },
      { ruleId: 'utc-not-gmt', severity: 1, message: 'Write UTC', line: 12, column: 10, endLine: 12, endColumn: 13, fix: { range: [200, 203], text: 'UTC' } },
    ],
    errorCount: 1,
    warningCount: 1,
    fixableErrorCount: 0,
    fixableWarningCount: 1,
  },
  { filePath: '/repo/postmortems/clean.md', messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 },
  {
    filePath: '/repo/postmortems/image.md',
    messages: [{ ruleId: 'read-error', severity: 2, fatal: true, message: 'This file looks like a binary file (NUL byte at offset 4), not text', line: 1, column: 1 }],
    errorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    fatalErrorCount: 1,
  },
];

describe('stylish', () => {
  it('groups problems under each file relative to cwd, aligned, with an ESLint summary', () => {
    expect(formatStylish(results, { cwd })).toBe(
      [
        '',
        'postmortems/2026-03-14 checkout.md',
        '   3:1   error    Found "bad"  no-word',
        '  12:10  warning  Write UTC    utc-not-gmt',
        '',
        'postmortems/image.md',
        '  1:1  error  This file looks like a binary file (NUL byte at offset 4), not text  read-error',
        '',
        '✖ 3 problems (2 errors, 1 warning)',
        '  0 errors and 1 warning potentially fixable with the `--fix` option.',
        '',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing when there are no problems', () => {
    expect(formatStylish([results[1] as LintResult], { cwd })).toBe('');
    expect(formatStylish([], { cwd })).toBe('');
  });

  it('colours with the style it is given: red errors, yellow warnings, underlined file names', () => {
    const chalk = new Chalk({ level: 1 });
    const output = formatStylish([results[0] as LintResult], { cwd, color: chalk });
    expect(output).toContain(chalk.underline('postmortems/2026-03-14 checkout.md'));
    expect(output).toContain(chalk.red('error'));
    expect(output).toContain(chalk.yellow('warning'));
    expect(output).toContain(chalk.red(chalk.bold('✖ 2 problems (1 error, 1 warning)')));
    expect(formatStylish([results[0] as LintResult], { cwd })).not.toContain('\u001b[');
  });

  it('keeps absolute paths outside cwd and puts a multi-line message on one line', () => {
    const output = formatStylish(
      [{ filePath: '/elsewhere/a.md', messages: [{ ruleId: 'x', severity: 1, message: 'one\ntwo', line: 1, column: 1 }], errorCount: 0, warningCount: 1, fixableErrorCount: 0, fixableWarningCount: 0 }],
      { cwd },
    );
    expect(output).toContain('/elsewhere/a.md\n  1:1  warning  one two  x');
    expect(output).toContain('✖ 1 problem (0 errors, 1 warning)');
  });

  it('shows escape sequences and bidirectional overrides quoted from a document as spaces, not obeyed', () => {
    const message = 'Placeholder "[insert \u202eowner]" \u001b[31mred';
    const output = formatStylish(
      [{ filePath: '/elsewhere/a\u2066.md', messages: [{ ruleId: 'x', severity: 1, message, line: 1, column: 1 }], errorCount: 0, warningCount: 1, fixableErrorCount: 0, fixableWarningCount: 0 }],
      { cwd },
    );
    expect(output).toContain('/elsewhere/a .md\n  1:1  warning  Placeholder "[insert  owner]"  [31mred  x');
    expect(output).not.toMatch(/[\u001b\u202e\u2066]/);
  });
});

describe('json', () => {
  it('is ESLint\'s shape exactly: one object per file, numeric severities', () => {
    expect(JSON.parse(formatJson(results, { cwd }))).toEqual([
      {
        filePath: '/repo/postmortems/2026-03-14 checkout.md',
        messages: [
          { ruleId: 'no-word', severity: 2, message: 'Found "bad"', line: 3, column: 1 },
          { ruleId: 'utc-not-gmt', severity: 1, message: 'Write UTC', line: 12, column: 10, endLine: 12, endColumn: 13, fix: { range: [200, 203], text: 'UTC' } },
        ],
        errorCount: 1,
        fatalErrorCount: 0,
        warningCount: 1,
        fixableErrorCount: 0,
        fixableWarningCount: 1,
      },
      { filePath: '/repo/postmortems/clean.md', messages: [], errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 },
      {
        filePath: '/repo/postmortems/image.md',
        messages: [{ ruleId: 'read-error', fatal: true, severity: 2, message: 'This file looks like a binary file (NUL byte at offset 4), not text', line: 1, column: 1 }],
        errorCount: 1,
        fatalErrorCount: 1,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      },
    ]);
  });

  it('is one line ending in a newline', () => {
    const output = formatJson(results, { cwd });
    expect(output.endsWith('\n')).toBe(true);
    expect(output.trimEnd().includes('\n')).toBe(false);
    expect(formatJson([], { cwd })).toBe('[]\n');
  });
});

describe('sarif', () => {
  const log = JSON.parse(
    formatSarif(results, { cwd, rules: fakeRules, toolVersion: '1.2.3', ruleDocsUrl: (id) => `https://example.test/docs/rules/${id}.md` }),
  ) as {
    $schema: string;
    version: string;
    runs: Array<{
      tool: { driver: { name: string; version: string; rules: Array<Record<string, any>> } };
      results: Array<Record<string, any>>;
      originalUriBaseIds: Record<string, { uri: string }>;
    }>;
  };
  const run = log.runs[0];

  it('is a SARIF 2.1.0 log with one run', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.runs).toHaveLength(1);
    expect(run?.tool.driver).toMatchObject({ name: 'postmortem', version: '1.2.3' });
  });

  it('describes every rule, with its documentation address and default level', () => {
    const rules = run?.tool.driver.rules ?? [];
    expect(rules.map((rule) => rule['id'])).toEqual(['no-word', 'has-title', 'utc-not-gmt', 'off-by-default', 'front-matter', 'read-error', 'inline-config']);
    expect(rules[0]).toMatchObject({
      id: 'no-word',
      shortDescription: { text: 'No bad word' },
      helpUri: 'https://example.test/docs/rules/no-word.md',
      defaultConfiguration: { level: 'error' },
    });
    expect(rules[1]?.['defaultConfiguration']).toEqual({ enabled: true, level: 'warning' });
    expect(rules[3]?.['defaultConfiguration']).toEqual({ enabled: false, level: 'none' });
    for (const rule of rules) expect(rule['shortDescription'].text).toEqual(expect.any(String));
  });

  it('has one result per problem, with level, message, rule index and a location relative to cwd', () => {
    const sarifResults = run?.results ?? [];
    expect(sarifResults).toHaveLength(3);
    expect(sarifResults[1]).toEqual({
      ruleId: 'utc-not-gmt',
      ruleIndex: 2,
      level: 'warning',
      message: { text: 'Write UTC' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'postmortems/2026-03-14%20checkout.md', uriBaseId: '%SRCROOT%' },
            region: { startLine: 12, startColumn: 10, endLine: 12, endColumn: 13 },
          },
        },
      ],
    });
    for (const result of sarifResults) {
      expect(run?.tool.driver.rules[result['ruleIndex']]?.['id']).toBe(result['ruleId']);
      expect(result['locations'][0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
    }
    expect(sarifResults[2]).toMatchObject({ ruleId: 'read-error', level: 'error' });
    expect(run?.originalUriBaseIds['%SRCROOT%']?.uri).toBe('file:///repo/');
  });

  it('adds a descriptor for a rule id it was not told about, and a file URL outside cwd', () => {
    const other = JSON.parse(
      formatSarif([{ filePath: '/elsewhere/a.md', messages: [{ ruleId: 'mystery', severity: 1, message: 'm', line: 1, column: 1 }], errorCount: 0, warningCount: 1, fixableErrorCount: 0, fixableWarningCount: 0 }], { cwd }),
    );
    const descriptor = other.runs[0].tool.driver.rules.find((rule: { id: string }) => rule.id === 'mystery');
    expect(descriptor).toBeDefined();
    expect(other.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/a.md' });
  });
});

describe('github', () => {
  it('writes one ::error or ::warning command per problem', () => {
    expect(formatGithub(results, { cwd }).split('\n')).toEqual([
      '::error file=postmortems/2026-03-14 checkout.md,line=3,col=1,title=no-word::Found "bad"',
      '::warning file=postmortems/2026-03-14 checkout.md,line=12,col=10,endLine=12,endColumn=13,title=utc-not-gmt::Write UTC',
      '::error file=postmortems/image.md,line=1,col=1,title=read-error::This file looks like a binary file (NUL byte at offset 4), not text',
      '',
    ]);
  });

  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('50% of\r\nusers: a,b')).toBe('50%25 of%0D%0Ausers: a,b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const output = formatGithub(
      [{ filePath: '/repo/q3,2026:outage.md', messages: [{ ruleId: 'x', severity: 2, message: '100% down\nfor 5 min', line: 2, column: 1 }], errorCount: 1, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 }],
      { cwd },
    );
    expect(output).toBe('::error file=q3%2C2026%3Aoutage.md,line=2,col=1,title=x::100%25 down%0Afor 5 min\n');
  });

  it('prints nothing when there are no problems', () => {
    expect(formatGithub([results[1] as LintResult], { cwd })).toBe('');
  });
});

describe('loadFormatter', () => {
  it('loads every formatter by name', async () => {
    const loaded = await Promise.all(FORMATTER_NAMES.map((name) => loadFormatter(name)));
    expect(loaded).toEqual([formatStylish, formatJson, formatSarif, formatGithub]);
  });
});
