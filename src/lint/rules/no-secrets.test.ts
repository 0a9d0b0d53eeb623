import { describe, expect, it } from 'vitest';
import { markdown, runRule, runRuleAsync } from '../../../test/lint/rule-harness.js';
import { fakeSecrets } from '../../../test/redact/fake-secrets.js';
import type { LintConfig } from '../config.js';
import { lintText, lintTextAsync } from '../engine.js';
import { mayNeedSecretlint } from '../../redact/secrets.js';
import rule from './no-secrets.js';

const only = { rules: { 'no-secrets': 'error' as const } };
const ruleConfig: LintConfig = { rules: { 'no-secrets': 'error', 'no-personal-data': 'off' } };

describe('no-secrets', () => {
  it.each(fakeSecrets().map((fake) => [fake.name, fake] as const))('reports %s at the value, showing only its first 4 characters', async (_name, fake) => {
    const text = markdown('## Summary', '', fake.line, '');
    const problems = await runRuleAsync(rule, text);
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    const offset = text.indexOf(fake.value);
    const before = text.slice(0, offset).split('\n');
    expect(problem).toMatchObject({ line: before.length, column: (before.at(-1)?.length ?? 0) + 1, fix: { range: [offset, offset + fake.value.length], text: '[REDACTED]' } });
    expect(problem?.message).toContain(`"${fake.value.slice(0, 4)}…"`);
    expect(problem?.message).not.toContain(fake.value.slice(0, 5));
  });

  it.each([
    ['a variable in a connection string', 'DATABASE_URL=postgres://app:${DB_PASSWORD}@db.internal/orders'],
    ['a masked password in a URL', 'https://deploy:****@ci.internal.net/hook'],
    ['an already redacted password', 'redis://default:[REDACTED]@cache-1:6379'],
    ['a password= with a placeholder', 'password=<your password>'],
    ['prose about passwords and tokens', 'The password: rotated by the on-call. The token: expired at 09:00 and secret: unknown.'],
    ['a short or plain value', 'api_key=abc123 and token=placeholder'],
    ['a URL with a user but no password', 'ssh://git@github.com/org/repo.git and https://grafana.internal/d/abc:1?x=1'],
    ['a git commit hash and a UUID', 'Reverted 3f9c2b1d8e7a6f5c4b3a2d1e0f9a8b7c6d5e4f3a (request 123e4567-e89b-12d3-a456-426614174000)'],
  ])('accepts %s', async (_name, line) => {
    expect(await runRuleAsync(rule, markdown('## Summary', line))).toEqual([]);
  });

  it('writes the configured replacement and accepts allowed values', async () => {
    const [fake] = fakeSecrets();
    const problems = await runRuleAsync(rule, fake!.line, { replacement: '<removed>' });
    expect(problems[0]?.fix?.text).toBe('<removed>');
    expect(problems[0]?.message).toContain('"<removed>"');
    expect(await runRuleAsync(rule, fake!.line, { allow: [fake!.value] })).toEqual([]);
  });

  it('refuses a replacement that is empty or spans lines', () => {
    expect(rule.validateOptions?.({ replacement: '', allow: [] })).toMatch(/replacement/);
    expect(rule.validateOptions?.({ replacement: 'a\nb', allow: [] })).toMatch(/replacement/);
    expect(rule.validateOptions?.({ replacement: 'x', allow: [], mask: true })).toMatch(/unknown option "mask"/);
  });

  it('loads secretlint only for text one of its rules could match', () => {
    for (const fake of fakeSecrets().filter((candidate) => !/Stripe|GitLab|Google|JWT|redis|password=/.test(candidate.name))) {
      expect(mayNeedSecretlint(fake.line), fake.name).toBe(true);
    }
    expect(mayNeedSecretlint(markdown('## Summary', 'The disk-full alert fired at 09:00 (task-runner). See https://status.example.com/x.'))).toBe(false);
  });

  it('runs synchronously with its own patterns only: secretlint\'s finds need lintTextAsync, and ordinary prose never throws', async () => {
    const stripe = fakeSecrets().find((fake) => fake.name.includes('Stripe'))!;
    expect(runRule(rule, stripe.line)).toHaveLength(1);
    const github = fakeSecrets()[0]!;
    const secretsIn = (messages: ReadonlyArray<{ ruleId: string }>) => messages.filter((message) => message.ruleId === 'no-secrets');
    expect(secretsIn(lintText(github.line, { config: only }).messages)).toEqual([]);
    expect(secretsIn((await lintTextAsync(github.line, { config: only })).messages)).toHaveLength(1);
    // Words that start like a provider's key prefix once made the synchronous lint throw.
    for (const prose of ['Traffic from ASIA-PACIFIC dropped.', 'The AIDA team', 'npm_config_registry was wrong', 'SG.5 failed over']) {
      expect(secretsIn(lintText(prose, { config: only }).messages)).toEqual([]);
      expect(mayNeedSecretlint(prose)).toBe(false);
    }
  });

  it('finds secrets assigned to prefixed names, as .env files and manifests write them, and leaves names and examples alone', () => {
    const value = ['Xk9p', 'Q7zR', '2mWn'].join('');
    for (const line of [`DB_PASSWORD=${value}`, `POSTGRES_PASSWORD: ${value}`, `MYSQL_ROOT_PASSWORD=${value}`, `API_TOKEN=${value}`, `db_password = "${value}"`, `PGPASSWORD=${value}`]) {
      const problems = runRule(rule, markdown('## Timeline', '', `- ${line}`, ''));
      expect(problems, line).toHaveLength(1);
      expect(problems[0]?.message, line).toContain('"Xk9p…"');
    }
    for (const line of ['secret: my-app-secret-v2', 'token: ghs-runner-17', 'access_token: expires_in=3600', `api_key=${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}`]) {
      expect(runRule(rule, markdown('## Timeline', '', `- ${line}`, '')), line).toEqual([]);
    }
  });

  it('finds a JWT only at the start of a run of token characters, not at every "eyJ" inside one', () => {
    // (The time this takes on 190 KB of such runs is held to a second in npm run test:stress.)
    const jwt = ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiJmYWtlLXVzZXIifQ', 'c2lnbmF0dXJlLWZha2U'].join('.');
    expect(runRule(rule, markdown('## Timeline', '', 'eyJ-'.repeat(2_500), ''))).toEqual([]);
    expect(runRule(rule, markdown('## Timeline', '', `- token ${jwt} leaked`, ''))).toHaveLength(1);
    expect(runRule(rule, markdown('## Timeline', '', `- token x-${jwt} leaked`, ''))).toEqual([]);
  });

  it('round trip: --fix redacts every secret, lints clean, and leaves the rest of the file byte for byte', async () => {
    const fakes = fakeSecrets();
    const text = ['---', 'title: Keys in the logs', '---', '# Keys in the logs\r', '', '## Timeline', ...fakes.map((fake) => `- ${fake.line}`), '', 'Ünïcödé text stays, and so do CRLF line ends.\r', ''].join('\n');
    const fixed = await lintTextAsync(text, { fix: true, config: ruleConfig });
    let expected = text;
    for (const fake of fakes) expected = expected.replace(fake.value, '[REDACTED]');
    expect(fixed.output).toBe(expected);
    const again = await lintTextAsync(fixed.output!, { config: ruleConfig });
    expect(again.messages.filter((message) => message.ruleId === 'no-secrets')).toEqual([]);
  });
});
