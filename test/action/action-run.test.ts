/**
 * The GitHub Action: its script (scripts/action/run.js) run here as the runner runs it, with
 * the inputs as INPUT_* variables and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, against the
 * real bin; and action.yml checked against what the script reads and writes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot, useTempDir } from '../cli/cli-harness.js';
import { CLEAN, ERROR, WARNING, writeFiles } from '../lint/lint-fixtures.js';

const script = join(repoRoot, 'scripts', 'action', 'run.js');

/** CLEAN with its tasks due long after any day the tests run on. */
const NOTHING_OVERDUE = CLEAN.replace('due: 2026-03-28', 'due: 2099-03-28').replace('due: 2026-04-04', 'due: 2099-04-04');
/** CLEAN with one task due long ago (and the other far ahead). */
const OVERDUE = NOTHING_OVERDUE.replace('due: 2099-03-28', 'due: 2020-03-28');

let cwd: string;
useTempDir((path) => (cwd = path));

interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the action's script in `cwd` with these inputs (names as in action.yml). */
function runAction(inputs: Record<string, string>, runner: Record<string, string> = {}): ActionRun {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_OUTPUT: join(cwd, 'github-output'), GITHUB_STEP_SUMMARY: join(cwd, 'step-summary.md'), ...runner };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
  const child = spawnSync(process.execPath, [script], { cwd, env, encoding: 'utf8' });
  const read = (file: string): string => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  const outputs = Object.fromEntries(read(env.GITHUB_OUTPUT as string).split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
  return { exitCode: child.status, stdout: child.stdout, stderr: child.stderr, outputs, summary: read(env.GITHUB_STEP_SUMMARY as string) };
}

describe('the action script', () => {
  it('annotates the problems, fails on an error and sets the outputs and the summary', async () => {
    await writeFiles(cwd, { 'postmortems/good.md': NOTHING_OVERDUE, 'postmortems/bad.md': ERROR });
    const run = runAction({});
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^postmortem lint: 1 errors, 0 warnings in 2 files$/m);
    expect(run.stdout).toMatch(/^::error file=postmortems\/bad\.md,line=30,col=\d+,.*title=no-placeholders::/m);
    expect(run.stdout).not.toContain('good.md');
    expect(run.outputs).toEqual({ errors: '1', warnings: '0', files: '2', 'sarif-file': '' });
    expect(run.summary).toContain('| errors | 1 |');
  });

  it('with working-directory, reports paths from the repository root (where GitHub attaches annotations), with globs and config rebased', async () => {
    await writeFiles(cwd, { 'docs/postmortems/bad.md': ERROR, 'docs/postmortems/-dash.md': WARNING, 'docs/strict.json': JSON.stringify({ rules: { 'blameless-language': 'error' } }) });
    const byDefault = runAction({ 'working-directory': 'docs' }, { GITHUB_WORKSPACE: cwd });
    expect(byDefault.exitCode).toBe(1);
    expect(byDefault.stdout).toMatch(/^::error file=docs\/postmortems\/bad\.md,line=30,.*title=no-placeholders::/m);
    expect(byDefault.stdout).toMatch(/^::warning file=docs\/postmortems\/-dash\.md,/m);
    const named = runAction({ 'working-directory': 'docs', globs: 'postmortems/-dash.md', config: 'strict.json', sarif: 'lint.sarif' }, { GITHUB_WORKSPACE: cwd });
    expect(named.stdout).toMatch(/^::error file=docs\/postmortems\/-dash\.md,.*title=blameless-language::/m);
    expect(named.outputs).toMatchObject({ errors: '1', files: '1', 'sarif-file': join(cwd, 'docs', 'lint.sarif') });
    const sarif = JSON.parse(readFileSync(join(cwd, 'docs', 'lint.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('docs/postmortems/-dash.md');
  });

  it('writes SARIF to the path asked, lints the globs given, and shows the plain report without annotations', async () => {
    await writeFiles(cwd, { 'docs/a/one.md': NOTHING_OVERDUE, 'docs/b/two.md': WARNING, 'docs/c/skipped.md': ERROR });
    const run = runAction({ globs: 'docs/a/*.md\ndocs/b', sarif: 'reports/lint.sarif', annotations: 'false' });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).not.toContain('::');
    expect(run.stdout).toContain('blameless-language');
    expect(run.outputs).toMatchObject({ errors: '0', warnings: '1', files: '2', 'sarif-file': join(cwd, 'reports', 'lint.sarif') });
    const sarif = JSON.parse(readFileSync(join(cwd, 'reports', 'lint.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toEqual(['blameless-language']);
  });

  it('uses the config file given, and fails on too many warnings when asked', async () => {
    await writeFiles(cwd, { 'postmortems/warn.md': WARNING, 'lint-config.json': JSON.stringify({ rules: { 'blameless-language': 'off' } }) });
    expect(runAction({ 'max-warnings': '0' }).exitCode).toBe(1);
    const configured = runAction({ 'max-warnings': '0', config: 'lint-config.json' });
    expect(configured.exitCode).toBe(0);
    expect(configured.outputs.warnings).toBe('0');
  });

  it('fails on overdue action items only when asked', async () => {
    await writeFiles(cwd, { 'postmortems/late.md': OVERDUE });
    const unasked = runAction({});
    expect(unasked.exitCode).toBe(0);
    expect(unasked.outputs.overdue).toBeUndefined();
    const asked = runAction({ 'fail-on-overdue': 'true' });
    expect(asked.exitCode).toBe(1);
    expect(asked.outputs.overdue).toBe('true');
    expect(asked.stdout).toContain('Add a check for a zero pool size');
    expect(asked.stdout).toContain('::error title=postmortem action::open action items are overdue');
    expect(asked.summary).toContain('| overdue action items | yes |');
    await writeFiles(cwd, { 'postmortems/late.md': NOTHING_OVERDUE });
    const onTime = runAction({ 'fail-on-overdue': 'true' });
    expect(onTime.exitCode).toBe(0);
    expect(onTime.outputs.overdue).toBe('false');
  });

  it('stops with exit 2 and one annotation for an input it cannot take, or when lint cannot run', async () => {
    const bad = runAction({ annotations: 'maybe' });
    expect(bad.exitCode).toBe(2);
    expect(bad.stdout).toBe('::error title=postmortem action::input annotations must be true or false, not "maybe"\n');
    const missing = runAction({ globs: 'no-such-dir/*.md' });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/^postmortem: /);
    expect(missing.summary).toBe('');
  });
});

describe('action.yml', () => {
  const action = parseYaml(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    outputs: Record<string, { value: string }>;
    runs: { using: string; steps: Array<{ id?: string; uses?: string; env?: Record<string, string>; run?: string; if?: string; with?: Record<string, string> }> };
  };
  const lintStep = action.runs.steps.find((step) => step.id === 'lint');
  const scriptText = readFileSync(script, 'utf8');

  it('is a composite action whose lint step runs the script with each input it reads', () => {
    expect(action.runs.using).toBe('composite');
    expect(lintStep?.run).toBe('node "$GITHUB_ACTION_PATH/scripts/action/run.js"');
    const read = [...scriptText.matchAll(/[iI]nput\(env, '([A-Z_]+)'/g)].map((match) => `INPUT_${match[1]}`);
    expect(new Set(Object.keys(lintStep?.env ?? {}))).toEqual(new Set(read));
    // Every input reaches the script, except those the action's other steps use.
    for (const name of Object.keys(action.inputs)) {
      if (name === 'node-version' || name === 'upload-sarif') continue;
      expect(lintStep?.env?.[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`], name).toContain(`inputs.${name}`);
    }
  });

  it('outputs what the script writes, and uploads SARIF only when asked', () => {
    for (const [name, output] of Object.entries(action.outputs)) expect(output.value).toBe(`\${{ steps.lint.outputs.${name} }}`);
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.if).toContain("inputs.upload-sarif == 'true'");
    expect(upload?.with?.sarif_file).toBe('${{ steps.lint.outputs.sarif-file }}');
    expect(action.runs.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe('${{ inputs.node-version }}');
  });
});
