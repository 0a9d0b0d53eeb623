import { lintSource } from '@secretlint/core';
import { creator, rules as presetRules } from '@secretlint/secretlint-rule-preset-recommend';
import { describe, expect, it } from 'vitest';
import { findSecrets, SECRETLINT_RULE_CANDIDATES, secretlintConfig, secretlintRulesFor } from '../../src/redact/secrets.js';
import { fakeSecrets } from './fake-secrets.js';

const filler = (part: string, count: number): string => part.repeat(count);

/** Fakes for the recommended rules that fakeSecrets() has none for, built from parts as there. */
function moreFakes(): Array<{ name: string; line: string }> {
  return [
    { name: 'an Anthropic key', line: `key ${['s', 'k-', 'ant-', 'api03-', 'FAKE', filler('0aZ9_b', 15), 'fakeAA'].join('')} in the env` },
    { name: 'a Linear key', line: `LINEAR=${['lin', '_api_', 'FAKE', filler('0aZ9', 9)].join('')}` },
    { name: 'a Shopify token', line: `shop token ${['shp', 'at_', filler('0a1b2c3d', 4)].join('')}` },
    { name: 'a Slack webhook', line: `posted to ${['https://hooks', '.slack.com/services/', 'T0FAKE000', '/B0FAKE000/', filler('FaKe', 6)].join('')}` },
    { name: 'a MongoDB connection string', line: `MONGO=${['mongodb', '+srv://', 'app:', 'FakeM0ngo', 'Pa55', '@cluster0.internal/orders'].join('')}` },
    { name: 'a MySQL connection string', line: `dsn ${['mysql', '://', 'root:', 'FakeMy5ql', 'Pa55', '@db-2:3306/shop'].join('')}` },
    // Shapes secretlint takes that are not the usual ones: an npm token with underscores, and a
    // SendGrid key whose first part is short.
    { name: 'an npm token with underscores', line: `token ${['np', 'm_', 'ab_cd_', 'FAKE', filler('0aZ9_', 5), '9'].join('')} in .npmrc` },
    { name: 'a SendGrid key with a short first part', line: `key ${['S', 'G.', 'FAKE0aZ9bY', '.', 'FAKE', filler('0aZ9bY8x', 6), '0aZ'].join('')} leaked` },
    { name: 'an OpenAI key of the older form', line: `OPENAI=${['s', 'k-', 'FAKE', filler('0aZ9', 4), 'T3Blbk', 'FJ', 'FAKE', filler('0aZ9', 4)].join('')}` },
    { name: 'a token in a GitHub URL', line: `"repository": "https://${['FAKE', filler('0aZ9', 9)].join('')}:${['x-oauth', '-basic'].join('')}@github.com/acme/app.git"` },
  ];
}

/** What the whole recommended preset reports in `text`, as "rule at start-end". */
async function fullPreset(text: string): Promise<string[]> {
  const result = await lintSource({
    source: { content: text, contentType: 'text', ext: '.md', filePath: undefined as unknown as string },
    options: { config: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator, rules: [{ id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } }] }] } as never, noPhysicFilePath: true, maskSecrets: false },
  });
  return result.messages.filter((message) => message.messageId !== 'AWSAccountID').map((message) => message.ruleId.replace(/^@secretlint\/secretlint-rule-/, ''));
}

describe('which of secretlint\'s rules run on a text', () => {
  it('has candidate text for every rule of the recommended preset (a rule it does not know always runs)', () => {
    const known = presetRules.map((rule) => rule.meta.id.replace(/^@secretlint\//, '')).filter((id) => id !== 'secretlint-rule-filter-comments');
    expect(Object.keys(SECRETLINT_RULE_CANDIDATES).sort()).toEqual([...known].sort());
  });

  it('runs none of them on prose, and only the matching ones on a leak', () => {
    expect(secretlintRulesFor('The disk filled at 09:00.')).toEqual([]);
    expect(secretlintRulesFor(fakeSecrets()[0]!.line)).toEqual(['secretlint-rule-github']);
    // The config secretlint runs holds those, and the rules it has no candidate text for.
    const config = secretlintConfig(presetRules, new Set(secretlintRulesFor(fakeSecrets()[0]!.line)));
    expect(config.rules.map((rule) => rule.id)).toEqual(['@secretlint/secretlint-rule-github', '@secretlint/secretlint-rule-filter-comments']);
  });

  it('honours a secretlint-disable comment as the whole preset does', async () => {
    const github = fakeSecrets()[0]!.line;
    const text = `<!-- secretlint-disable -->\n${github}\n<!-- secretlint-enable -->\n\n${github}\n`;
    const found = (await findSecrets(text)).filter((finding) => finding.source.startsWith('secretlint/'));
    expect(found).toHaveLength(1);
    expect(found.map((finding) => finding.source.replace(/^secretlint\//, ''))).toEqual(await fullPreset(text));
  });

  // The fakes of fakeSecrets() that secretlint reports (the others are for this project's own
  // patterns; the redis URL wakes secretlint, as a password in a URL, but only our pattern reports it).
  const cases = [...fakeSecrets().filter((fake) => !/Stripe|GitLab|Google|JWT|redis|password=/.test(fake.name)), ...moreFakes()];
  it.each(cases.map((fake) => [fake.name, fake.line] as const))('finds with the rules it picks what the whole preset finds: %s', async (_name, line) => {
    const expected = await fullPreset(line);
    expect(expected.length, 'the fake is one the preset reports').toBeGreaterThan(0);
    const found = (await findSecrets(line)).filter((finding) => finding.source.startsWith('secretlint/')).map((finding) => finding.source.replace(/^secretlint\//, ''));
    expect([...new Set(found)].sort()).toEqual([...new Set(expected)].sort());
  });

  it('finds every one of them in one document, as the whole preset does', async () => {
    const text = cases.map((fake) => fake.line).join('\n\n');
    const found = (await findSecrets(text)).filter((finding) => finding.source.startsWith('secretlint/')).map((finding) => finding.source.replace(/^secretlint\//, ''));
    expect([...new Set(found)].sort()).toEqual([...new Set(await fullPreset(text))].sort());
  });
});
