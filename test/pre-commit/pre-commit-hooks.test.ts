/**
 * The hooks of .pre-commit-hooks.yaml run by the real pre-commit tool (Debian's package;
 * .ci/run installs it) on a temporary Git repository, as a team using them would: a
 * .pre-commit-config.yaml naming a hook repository and a rev, and `pre-commit run --files`.
 *
 * The hook repository is this repository's files as they are now, committed into a temporary
 * Git repository, in the shape of a release: dist/ already built and package.json without its
 * build script and devDependencies. pre-commit's `language: node` installs a hook repository
 * with `npm install` (dev dependencies included), `npm pack` and a global install of the
 * tarball; from the source that means TypeScript, esbuild and vitest from the registry and two
 * full builds: 65 s to 110 s on this machine (warm or cold npm cache), where the release shape
 * takes 25 s to 45 s and still runs every step pre-commit does. The from-source install also works (the .npmrc keeps
 * the build's output out of `npm pack`'s answer): POSTMORTEM_PRE_COMMIT_FROM_SOURCE=1 runs this
 * test on the committed HEAD as it is.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, repoRoot } from '../cli/cli-harness.js';
import { CLEAN, ERROR, FIXABLE, writeFiles } from '../lint/lint-fixtures.js';

function hasPreCommit(): boolean {
  return spawnSync('pre-commit', ['--version'], { stdio: 'ignore' }).status === 0;
}

const available = hasPreCommit();
const fromSource = process.env.POSTMORTEM_PRE_COMMIT_FROM_SOURCE === '1';

let temp: { path: string; remove: () => Promise<void> };
let work: string;
let env: NodeJS.ProcessEnv;

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

function preCommit(...args: string[]): { exitCode: number | null; output: string } {
  const result = spawnSync('pre-commit', args, { cwd: work, encoding: 'utf8', env, timeout: 240_000 });
  return { exitCode: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The hook repository in a release's shape (see the top of the file); returns its path and rev. */
function releaseRepository(root: string): { path: string; rev: string } {
  const path = join(root, 'hooks');
  for (const name of ['.pre-commit-hooks.yaml', '.npmrc', 'package-lock.json', 'bin', 'dist', 'docs/rules', 'schema', 'templates']) {
    cpSync(join(repoRoot, name), join(path, name), { recursive: true, filter: (source) => !source.endsWith('.map') });
  }
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  delete manifest.scripts;
  delete manifest.devDependencies;
  writeFileSync(join(path, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  git(path, 'init', '-q');
  git(path, 'add', '-A');
  git(path, 'commit', '-q', '-m', 'release');
  return { path, rev: git(path, 'rev-parse', 'HEAD') };
}

describe.skipIf(!available)('the pre-commit hooks (skipped when the pre-commit tool is not installed: apt-get install pre-commit)', () => {
  beforeAll(async () => {
    temp = await makeTempDir();
    env = {
      ...process.env,
      PRE_COMMIT_HOME: join(temp.path, 'pre-commit-home'),
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
    };
    const hooks = fromSource ? { path: repoRoot, rev: git(repoRoot, 'rev-parse', 'HEAD') } : releaseRepository(temp.path);
    work = join(temp.path, 'work');
    await writeFiles(work, {
      '.pre-commit-config.yaml': `repos:\n  - repo: ${hooks.path}\n    rev: ${hooks.rev}\n    hooks:\n      - id: postmortem-lint\n      - id: postmortem-lint-fix\n`,
      'postmortems/good.md': CLEAN,
      'postmortems/bad.md': ERROR,
      'postmortems/fixable.md': FIXABLE,
      'notes.txt': 'TODO: not Markdown, so not a postmortem the hooks look at\n',
    });
    git(work, 'init', '-q');
    git(work, 'add', '-A');
    // Installs the hook environment once (npm install, npm pack, npm install -g); later runs reuse it.
    const install = preCommit('install-hooks');
    if (install.exitCode !== 0) throw new Error(`pre-commit install-hooks failed:\n${install.output}`);
  }, 300_000);
  afterAll(async () => temp?.remove());

  it("has a manifest pre-commit's own check accepts, with both hooks", () => {
    const result = spawnSync('pre-commit', ['validate-manifest', join(repoRoot, '.pre-commit-hooks.yaml')], { encoding: 'utf8', env });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
    const ids = [...readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8').matchAll(/^- id: (\S+)$/gm)].map((match) => match[1]);
    expect(ids).toEqual(['postmortem-lint', 'postmortem-lint-fix']);
  });

  it('passes a clean postmortem', () => {
    const result = preCommit('run', 'postmortem-lint', '--files', 'postmortems/good.md');
    expect(result.output).toMatch(/postmortem lint\.+Passed/);
    expect(result.exitCode).toBe(0);
  });

  it('fails on a postmortem with a lint error, showing the problem', () => {
    const result = preCommit('run', 'postmortem-lint', '--files', 'postmortems/good.md', 'postmortems/bad.md');
    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(/postmortem lint\.+Failed/);
    expect(result.output).toContain('postmortems/bad.md');
    expect(result.output).toContain('no-placeholders');
    expect(result.output).not.toContain('postmortems/good.md');
  });

  it('looks at Markdown files only', () => {
    const result = preCommit('run', 'postmortem-lint', '--files', 'notes.txt');
    expect(result.output).toMatch(/postmortem lint\.+\(no files to check\)Skipped/);
    expect(result.exitCode).toBe(0);
  });

  it('fixes what can be fixed with postmortem-lint-fix, failing the run that changed the file as pre-commit does', () => {
    const first = preCommit('run', 'postmortem-lint-fix', '--files', 'postmortems/fixable.md');
    expect(first.exitCode).toBe(1);
    expect(first.output).toContain('files were modified by this hook');
    expect(readFileSync(join(work, 'postmortems/fixable.md'), 'utf8')).toBe(CLEAN);
    const second = preCommit('run', 'postmortem-lint-fix', '--files', 'postmortems/fixable.md');
    expect(second.output).toMatch(/postmortem lint --fix\.+Passed/);
    expect(second.exitCode).toBe(0);
  });
});
