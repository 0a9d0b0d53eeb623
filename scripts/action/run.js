#!/usr/bin/env node
// The GitHub Action's work (action.yml runs this after installing postmortem): lint the
// postmortems the globs name, print annotations, write SARIF when asked, optionally fail on
// overdue action items, and set the step's outputs and summary. Everything it needs comes from
// the environment as the runner gives it, so it runs the same on a laptop:
//
//   INPUT_GLOBS              files, directories or globs, one or more per line (default: lint's own)
//   INPUT_CONFIG             a config file, as --config
//   INPUT_ANNOTATIONS        true (default): problems as annotations (--format github); false: the stylish report
//   INPUT_SARIF              write a SARIF report to this path (empty: none)
//   INPUT_MAX_WARNINGS       fail when there are more warnings than this (empty: warnings never fail)
//   INPUT_FAIL_ON_OVERDUE    true: fail when an open action item is overdue (postmortem actions --fail-on overdue)
//   INPUT_WORKING_DIRECTORY  where the globs and the config are resolved (default: the current directory)
//   GITHUB_WORKSPACE         the repository's root: postmortem runs there, so reported paths are the repository's
//   GITHUB_OUTPUT, GITHUB_STEP_SUMMARY   files the outputs and the summary are appended to (optional)
//   POSTMORTEM_BIN           the postmortem command to run (default: this repository's bin/postmortem.js)
//
// Outputs: errors, warnings, files (how many were linted), sarif-file (the path written, else
// empty), overdue (true/false, when asked). Exit status: 0 clean, 1 lint errors, too many
// warnings or overdue items, 2 bad input or postmortem could not run.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_BIN = fileURLToPath(new URL('../../bin/postmortem.js', import.meta.url));

class InputError extends Error {}

function input(env, name) {
  return (env[`INPUT_${name}`] ?? '').trim();
}

function booleanInput(env, name, fallback) {
  const value = input(env, name).toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  throw new InputError(`input ${name.toLowerCase().replace(/_/g, '-')} must be true or false, not "${value}"`);
}

/** The action's inputs, checked. */
export function readInputs(env) {
  const globs = input(env, 'GLOBS').split(/\r?\n/).flatMap((line) => line.trim().split(/\s+/)).filter((glob) => glob !== '');
  const maxWarnings = input(env, 'MAX_WARNINGS');
  if (maxWarnings !== '' && !/^\d+$/.test(maxWarnings)) throw new InputError(`input max-warnings must be a whole number, not "${maxWarnings}"`);
  return {
    globs,
    config: input(env, 'CONFIG'),
    annotations: booleanInput(env, 'ANNOTATIONS', true),
    sarif: input(env, 'SARIF'),
    maxWarnings,
    failOnOverdue: booleanInput(env, 'FAIL_ON_OVERDUE', false),
    cwd: resolve(input(env, 'WORKING_DIRECTORY') || '.'),
  };
}

/** Runs postmortem with `args`, its output going straight to the log; returns its exit code. */
function postmortem(bin, args, cwd, env) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw result.error;
  return result.status ?? 2;
}

function appendTo(file, text) {
  if (file) appendFileSync(file, text);
}

/** Runs the action; resolves to the exit code. `log` takes lines for the job's log. */
export function runAction(env = process.env, log = (line) => process.stdout.write(`${line}\n`)) {
  let inputs;
  try {
    inputs = readInputs(env);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    log(`::error title=postmortem action::${error.message}`);
    return 2;
  }
  const bin = env.POSTMORTEM_BIN || DEFAULT_BIN;
  // The runner's colour settings would put escape codes into annotations; postmortem never colours a pipe anyway.
  const childEnv = { ...env, NO_COLOR: '1' };
  delete childEnv.FORCE_COLOR;
  // postmortem runs in the repository's root (GITHUB_WORKSPACE), so that the paths in
  // annotations and SARIF are the repository's paths GitHub attaches to the diff; globs and the
  // config named relative to working-directory are rebased onto the root.
  const root = env.GITHUB_WORKSPACE ? resolve(env.GITHUB_WORKSPACE) : inputs.cwd;
  const base = relative(root, inputs.cwd).split(sep).join('/');
  const rebase = (path) => (base === '' || isAbsolute(path) ? path : posix.join(base, path));
  const globs = inputs.globs.length > 0 || base === '' ? inputs.globs : [existsSync(join(inputs.cwd, 'postmortems')) ? 'postmortems' : '*.md'];
  // Options first, then `--`: a file whose name starts with a dash is read as a file.
  const options = inputs.config ? ['--config', rebase(inputs.config)] : [];
  const paths = globs.length > 0 ? ['--', ...globs.map(rebase)] : [];
  const work = mkdtempSync(join(tmpdir(), 'postmortem-action-'));
  const outputs = { errors: '0', warnings: '0', files: '0', 'sarif-file': '' };
  let exitCode = 0;
  let linted = false;
  try {
    // The counts, for the outputs and the summary.
    const report = join(work, 'lint.json');
    const counted = postmortem(bin, ['lint', ...options, '--format', 'json', '--output', report, ...paths], root, childEnv);
    if (counted === 2) return 2;
    const results = JSON.parse(readFileSync(report, 'utf8'));
    outputs.errors = String(results.reduce((sum, result) => sum + result.errorCount, 0));
    outputs.warnings = String(results.reduce((sum, result) => sum + result.warningCount, 0));
    outputs.files = String(results.length);
    linted = true;

    // The report in the log: annotations on the pull request, or the stylish listing.
    log(`postmortem lint: ${outputs.errors} errors, ${outputs.warnings} warnings in ${outputs.files} files`);
    const lintArgs = ['lint', ...options, '--format', inputs.annotations ? 'github' : 'stylish', ...(inputs.maxWarnings !== '' ? ['--max-warnings', inputs.maxWarnings] : []), ...paths];
    const reported = postmortem(bin, lintArgs, root, childEnv);
    if (reported === 2) return 2;
    if (reported !== 0) exitCode = 1;

    if (inputs.sarif) {
      const sarifPath = resolve(inputs.cwd, inputs.sarif);
      // Exit 1 only means problems were found; the report is written all the same.
      const written = postmortem(bin, ['lint', ...options, '--format', 'sarif', '--output', sarifPath, '--force', ...paths], root, childEnv);
      if (written === 2) return 2;
      outputs['sarif-file'] = sarifPath;
    }

    if (inputs.failOnOverdue) {
      log('Overdue action items:');
      const overdue = postmortem(bin, ['actions', ...options, '--overdue', '--fail-on', 'overdue', ...paths], root, childEnv);
      if (overdue === 2) return 2;
      outputs.overdue = String(overdue === 1);
      if (overdue === 1) {
        log('::error title=postmortem action::open action items are overdue (see the list above)');
        exitCode = 1;
      }
    }
    return exitCode;
  } finally {
    rmSync(work, { recursive: true, force: true });
    appendTo(env.GITHUB_OUTPUT, Object.entries(outputs).map(([name, value]) => `${name}=${value}\n`).join(''));
    // Without a lint (a config postmortem refused) the log says why; no table of zeros.
    if (linted) {
      const overdueLine = outputs.overdue === undefined ? '' : `\n| overdue action items | ${outputs.overdue === 'true' ? 'yes' : 'none'} |`;
      appendTo(env.GITHUB_STEP_SUMMARY, `### postmortem lint\n\n| | |\n|---|---|\n| files | ${outputs.files} |\n| errors | ${outputs.errors} |\n| warnings | ${outputs.warnings} |${overdueLine}\n\n`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = runAction();
}
