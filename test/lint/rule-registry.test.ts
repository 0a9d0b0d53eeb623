/**
 * The rule registry: every built-in rule is registered under the id the issue gives it, with
 * its default severity, lives in a file named after it, has a test beside it and a docs page,
 * and the docs page's examples do what the page says. The README's rules table lists them all.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../src/lint/rules/index.js';
import type { Rule } from '../../src/lint/types.js';
import { runRuleAsync } from './rule-harness.js';

const root = join(import.meta.dirname, '..', '..');
const rulesDir = join(root, 'src', 'lint', 'rules');
const docsDir = join(root, 'docs', 'rules');

/** The rules table of the lint issue: exact ids and default severities. */
const SPEC: Record<string, 'off' | 'warn' | 'error'> = {
  'required-sections': 'error',
  'summary-duration': 'warn',
  'summary-impact': 'warn',
  'summary-root-cause': 'warn',
  'timeline-order': 'error',
  'timeline-timezone': 'warn',
  'summary-matches-timeline': 'warn',
  'timeline-milestones': 'warn',
  'action-items-specific': 'warn',
  'no-placeholders': 'error',
  'blameless-language': 'warn',
  'front-matter': 'error',
  'word-count': 'off',
  'no-secrets': 'error',
  'no-personal-data': 'warn',
};

/** The first ```markdown block after a heading of a docs page. */
function exampleAfter(page: string, heading: string): string | null {
  const start = page.indexOf(`## ${heading}`);
  if (start < 0) return null;
  return /```markdown\n([\s\S]*?)\n```/.exec(page.slice(start))?.[1] ?? null;
}

const rules = builtinRules.map((rule) => [rule.id, rule] as [string, Rule<any>]);

describe('the rule registry', () => {
  it('holds exactly the rules of the issue, once each, in its order', () => {
    expect(builtinRules.map((rule) => rule.id)).toEqual(Object.keys(SPEC));
  });

  it('has a module for every rule file and nothing unregistered', () => {
    const files = readdirSync(rulesDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'index.ts');
    expect(files.map((name) => name.slice(0, -3)).sort()).toEqual(Object.keys(SPEC).sort());
  });

  it.each(rules)('registers %s from the file named after it, with the default severity of the issue', async (id, rule) => {
    const module = (await import(join(rulesDir, `${id}.js`))) as { default: Rule<any> };
    expect(module.default).toBe(rule);
    expect(rule.severity).toBe(SPEC[id]);
    expect(rule.description.length).toBeGreaterThan(10);
    expect(rule.tags.length).toBeGreaterThan(0);
  });

  it.each(rules)('%s accepts its own default options', (_id, rule) => {
    expect(rule.validateOptions?.(rule.defaultOptions as Record<string, unknown>) ?? null).toBeNull();
  });

  it.each(rules)('%s has a test beside it', (id) => {
    expect(existsSync(join(rulesDir, `${id}.test.ts`))).toBe(true);
  });

  it('marks as fixable exactly the rules that fix: timezone labels, checklist syntax and redaction', () => {
    expect(builtinRules.filter((rule) => rule.fixable).map((rule) => rule.id)).toEqual(['timeline-timezone', 'action-items-specific', 'no-secrets', 'no-personal-data']);
  });
});

describe('the docs pages', () => {
  it.each(rules)('docs/rules/%s.md names the rule, its default, and has what, why, examples and options', (id, rule) => {
    const page = readFileSync(join(docsDir, `${id}.md`), 'utf8');
    expect(page.split('\n')[0]).toBe(`# \`${id}\``);
    expect(page).toContain(`Default: **${rule.severity}**`);
    expect(page).toContain(`Fixable: ${rule.fixable ? '**yes**' : 'no'}`);
    for (const heading of ['## What it checks', '## Why', '## Failing example', '## Passing example', '## Options']) expect(page).toContain(heading);
    for (const option of Object.keys(rule.defaultOptions as object)) expect(page).toContain(`\`${option}\``);
  });

  it.each(rules)('the failing example of %s fails and the passing example passes', async (id, rule) => {
    const page = readFileSync(join(docsDir, `${id}.md`), 'utf8');
    const failing = exampleAfter(page, 'Failing example');
    const passing = exampleAfter(page, 'Passing example');
    expect(failing).not.toBeNull();
    expect(passing).not.toBeNull();
    expect((await runRuleAsync(rule, failing as string)).length).toBeGreaterThan(0);
    expect(await runRuleAsync(rule, passing as string)).toEqual([]);
  });

  it('has no page for a rule that does not exist', () => {
    expect(readdirSync(docsDir).map((name) => name.replace(/\.md$/, '')).sort()).toEqual(Object.keys(SPEC).sort());
  });
});

describe('the README rules table', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Lint rules'));

  it.each(rules)('lists %s with its default, linking its docs page', (id, rule) => {
    expect(readme).toContain('## Lint rules');
    expect(section).toMatch(new RegExp(`^\\| \\[\`${id}\`\\]\\(docs/rules/${id}\\.md\\) \\| ${rule.severity} \\| .+ \\|$`, 'm'));
  });
});
