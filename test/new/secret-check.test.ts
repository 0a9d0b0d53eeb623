// `postmortem new` checks each answer for secrets: typed ones are asked about (redact, type
// again, keep), preset ones (flags, answers file) give a warning on stderr.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, useTempDir } from '../cli/cli-harness.js';
import { fakeSecrets } from '../redact/fake-secrets.js';
import { runNew } from './new-harness.js';
import { ScriptedPrompter, type ScriptStep } from './scripted-prompter.js';
import { UPLOAD_OUTPUT, UPLOAD_SCRIPT } from './upload-incident.js';

let cwd: string;
useTempDir((path) => (cwd = path));

const token = fakeSecrets()[0]!.value;
const IMPACT = 'Users could not upload images: every upload failed with a quota error.';
const SECRET_QUESTION = 'holds what looks like a secret';

/** The upload interview with a token pasted into the impact answer, then `after` in place of the steps that follow it. */
function scriptWithToken(after: ScriptStep[]): ScriptStep[] {
  const index = UPLOAD_SCRIPT.findIndex(([question]) => question === 'Impact');
  return [...UPLOAD_SCRIPT.slice(0, index), ['Impact', `${IMPACT} The log showed ${token}.`], ...after, ...UPLOAD_SCRIPT.slice(index + 1)];
}

describe('postmortem new: secrets in typed answers', () => {
  it('asks, showing only the first 4 characters, and redacts the secret when told to', async () => {
    const prompter = new ScriptedPrompter(scriptWithToken([[SECRET_QUESTION, 'redact']]));
    const result = await runNew({}, { cwd, prompter });
    expect(result.exitCode).toBe(0);
    expect(prompter.remaining).toEqual([]);
    const question = prompter.asked.find((asked) => asked.message.includes(SECRET_QUESTION));
    expect(question?.message).toContain('GitHub token "ghp_…"');
    expect(question?.message).not.toContain(token.slice(0, 5));
    const written = await readFile(join(cwd, UPLOAD_OUTPUT), 'utf8');
    expect(written).toContain(`${IMPACT} The log showed [REDACTED].`);
    expect(written).not.toContain(token);
  });

  it('asks again with the secret taken out when the answer is to be typed again', async () => {
    const prompter = new ScriptedPrompter(scriptWithToken([[SECRET_QUESTION, 'retype'], ['Impact', IMPACT]]));
    expect((await runNew({}, { cwd, prompter })).exitCode).toBe(0);
    const impactQuestions = prompter.asked.filter((asked) => asked.message.startsWith('Impact'));
    expect(impactQuestions.at(-1)?.default).toBe(`${IMPACT} The log showed [REDACTED].`);
    expect(await readFile(join(cwd, UPLOAD_OUTPUT), 'utf8')).not.toContain('[REDACTED]');
  });

  it('uses the no-secrets options of the lint config: its replacement, and not asking about what it allows', async () => {
    await writeFile(join(cwd, '.postmortemrc.json'), JSON.stringify({ rules: { 'no-secrets': ['error', { replacement: '<removed>' }] } }));
    const redacting = new ScriptedPrompter(scriptWithToken([[SECRET_QUESTION, 'redact']]));
    expect((await runNew({}, { cwd, prompter: redacting })).exitCode).toBe(0);
    expect(await readFile(join(cwd, UPLOAD_OUTPUT), 'utf8')).toContain(`${IMPACT} The log showed <removed>.`);

    const other = join(cwd, 'other');
    await mkdir(other);
    await writeFile(join(other, '.postmortemrc.json'), JSON.stringify({ rules: { 'no-secrets': ['error', { allow: [token] }] } }));
    const allowed = new ScriptedPrompter(scriptWithToken([]));
    expect((await runNew({}, { cwd: other, prompter: allowed })).exitCode).toBe(0);
    expect(allowed.remaining).toEqual([]);
    expect(allowed.asked.some((asked) => asked.message.includes(SECRET_QUESTION))).toBe(false);
    expect(await readFile(join(other, UPLOAD_OUTPUT), 'utf8')).toContain(token);
  });

  it('keeps the answer as typed when told to', async () => {
    const prompter = new ScriptedPrompter(scriptWithToken([[SECRET_QUESTION, 'keep']]));
    expect((await runNew({}, { cwd, prompter })).exitCode).toBe(0);
    expect(await readFile(join(cwd, UPLOAD_OUTPUT), 'utf8')).toContain(token);
  });
});

describe('postmortem new: secrets in flags and answers files (the real bin)', () => {
  const REQUIRED = ['--title', 'Token in the build log', '--date', '2026-02-03', '--severity', 'SEV3', '--timezone', 'UTC', '--authors', 'Ines Duarte', '--start', '14:10', '--end', '15:40', '--root-cause', 'A debug flag printed the environment', '--resolution', 'We turned the flag off and revoked the token.'];

  it('warns on stderr naming the flag or the answers key, and writes the file as given', async () => {
    const secret = fakeSecrets().find((fake) => fake.name.includes('Slack'))!.value;
    await writeFile(join(cwd, 'answers.yaml'), `resolution: We revoked ${secret} and turned the flag off.\n`);
    const result = runBin(['new', ...REQUIRED, '--impact', `The build log showed ${token} to 40 people`, '--answers', 'answers.yaml', '--resolution', 'We revoked it.', '--yes', '-o', 'out.md'], { cwd, env: { CI: '1' } });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('postmortem: warning: --impact holds what looks like a secret (GitHub token "ghp_…")');
    expect(result.stderr).not.toContain(token.slice(0, 5));
    // The flag wins over the file, so the file's secret is not used and not warned about.
    expect(result.stderr).not.toContain('Slack');
    expect(await readFile(join(cwd, 'out.md'), 'utf8')).toContain(token);

    const fromFile = runBin(['new', ...REQUIRED.filter((_, index, all) => all[index] !== '--resolution' && all[index - 1] !== '--resolution'), '--impact', 'Forty people saw the log', '--answers', 'answers.yaml', '--yes', '-o', 'file.md'], { cwd, env: { CI: '1' } });
    expect(fromFile.exitCode).toBe(0);
    expect(fromFile.stderr).toContain('postmortem: warning: answers.yaml: resolution holds what looks like a secret (Slack token "xoxb…")');
  });

  it('still writes the postmortem when the lint config has a mistake, checking with the default options', async () => {
    await writeFile(join(cwd, '.postmortemrc.json'), JSON.stringify({ rules: { 'no-such-rule': 'error' } }));
    const result = runBin(['new', ...REQUIRED, '--impact', `The build log showed ${token} to 40 people`, '--yes', '-o', 'out.md'], { cwd, env: { CI: '1' } });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('postmortem: warning: .postmortemrc.json: unknown rule "no-such-rule"');
    expect(result.stderr).toContain("answers are checked for secrets with no-secrets' default options");
    expect(result.stderr).toContain('--impact holds what looks like a secret');
    expect(await readFile(join(cwd, 'out.md'), 'utf8')).toContain(token);
  });

  it('does not warn about a value the no-secrets rule allows in the lint config', async () => {
    await writeFile(join(cwd, '.postmortemrc.yaml'), `rules:\n  no-secrets: [error, { allow: ['${token}'] }]\n`);
    const result = runBin(['new', ...REQUIRED, '--impact', `The build log showed ${token} to 40 people`, '--yes', '-o', 'out.md'], { cwd, env: { CI: '1' } });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).not.toContain('holds what looks like a secret');
  });
});
