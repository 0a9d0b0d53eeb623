import { lintSource } from '@secretlint/core';
import { creator, rules as presetRules } from '@secretlint/secretlint-rule-preset-recommend';
import { describe, expect, it } from 'vitest';
import { findSecrets, mayNeedSecretlint, SECRETLINT_RULE_CANDIDATES, secretlintRulesNotNeeded } from '../../src/redact/secrets.js';
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
    expect(secretlintRulesNotNeeded('The disk filled at 09:00.')).toHaveLength(Object.keys(SECRETLINT_RULE_CANDIDATES).length);
    const github = fakeSecrets()[0]!;
    expect(Object.keys(SECRETLINT_RULE_CANDIDATES).filter((rule) => !secretlintRulesNotNeeded(github.line).includes(rule))).toEqual(['secretlint-rule-github']);
  });

  // The redis URL wakes secretlint (a password in a URL) but only our own pattern reports it.
  const cases = [...fakeSecrets().filter((fake) => mayNeedSecretlint(fake.line) && !fake.name.includes('redis')), ...moreFakes()];
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
