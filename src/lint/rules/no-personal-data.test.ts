import { describe, expect, it } from 'vitest';
import { markdown, runRule } from '../../../test/lint/rule-harness.js';
import { lintTextAsync } from '../engine.js';
import { passesLuhn } from '../../redact/personal-data.js';
import rule from './no-personal-data.js';

/** A card-shaped number that passes the Luhn check: `body` and the check digit that makes it valid. */
function withCheckDigit(body: string): string {
  for (let digit = 0; digit <= 9; digit += 1) if (passesLuhn(`${body}${digit}`)) return `${body}${digit}`;
  throw new Error('unreachable');
}
const card = withCheckDigit('400012345678901');
const spacedCard = card.replace(/(\d{4})(?=\d)/g, '$1 ');

describe('no-personal-data', () => {
  it.each([
    ['an email address', 'Reported by dana.jones@acme-corp.io at 09:12.', 'dana.jones@acme-corp.io', 'email address'],
    ['an international phone number', 'Paged the on-call at +44 20 7946 1234.', '+44 20 7946 1234', 'phone number'],
    ['a North American phone number', 'Call (415) 867-2345 for the bridge.', '(415) 867-2345', 'phone number'],
    ['a private IPv4 address', 'The primary at 10.20.30.40 stopped answering.', '10.20.30.40', 'IP address'],
    ['a public IPv4 address in a log line', '`GET /login 403 from 81.2.69.160`', '81.2.69.160', 'IP address'],
    ['an IPv6 address', 'Traffic from fd12:3456:789a::17 spiked.', 'fd12:3456:789a::17', 'IP address'],
    ['a card number with spaces', `A customer pasted ${spacedCard} into the ticket.`, spacedCard, 'card number'],
    ['a card number without separators', `card ${card} declined`, card, 'card number'],
  ])('reports %s', (_name, line, value, kind) => {
    const text = markdown('## Summary', line);
    const problems = runRule(rule, text);
    expect(problems).toHaveLength(1);
    const offset = text.indexOf(value);
    expect(problems[0]).toMatchObject({ line: 2, column: offset - text.indexOf('\n'), fix: { range: [offset, offset + value.length], text: '[REDACTED]' } });
    expect(problems[0]?.message).toContain(`(${kind}) "${value.slice(0, 4)}…"`);
    expect(problems[0]?.message).not.toContain(value.slice(0, 5));
  });

  it.each([
    ['documentation email domains', 'Write to oncall-lead@example.com or a@sub.example.org or b@example.net.'],
    ['role and mailing-list addresses', 'Reports go to security@acme-corp.io and infra-announce@googlegroups.com.'],
    ['documentation address ranges', 'Hosts 192.0.2.10, 198.51.100.7, 203.0.113.99 and 2001:db8::1 and loopback 127.0.0.1, ::1.'],
    ['version numbers', 'Upgraded to v1.2.3.4, then version 10.0.0.1, then 1.2.3.4.5 and 2.14.0.'],
    ['dates, times and durations', 'On 2024-01-15 at 12:30:45 UTC (+0100), 09:00-09:45, for 1:02:03; build 20240115.1230.'],
    ['numbers that are not cards', 'Event 1700000000000 and order 4000123456789012 (Luhn fails) and 1234 5678 9012 3456.'],
    ['published test card numbers', 'Tested with 4111 1111 1111 1111 and 4242424242424242.'],
    ['fictional 555-01xx phone numbers', 'Call 555-0123 or (212) 555-0199.'],
    ['file names and SSH remotes with @', 'See logo@2x.png and git@github.com:acme/api.git, user:pw@host is not an address.'],
    ['hashes and C++ scopes', 'Commit deadbeefcafe1234 changed std::vector and Foo::Bar::baz, at 10:30:15.'],
  ])('accepts %s', (_name, line) => {
    expect(runRule(rule, markdown('## Summary', line))).toEqual([]);
  });

  it('allows globs and CIDR ranges from options.allow, and reports project patterns', () => {
    const text = markdown('## Summary', 'dana@acme-corp.io paged from 10.1.2.3; customer CUST-004211 lost data; fd00::5 too.');
    expect(runRule(rule, text, { allow: ['*@acme-corp.io', '10.0.0.0/8', 'fd00::/8'] })).toEqual([]);
    const problems = runRule(rule, text, { patterns: ['CUST-\\d{6}'], allow: ['*@acme-corp.io', '10.0.0.0/8', 'fd00::/8'] });
    expect(problems).toEqual([expect.objectContaining({ message: expect.stringContaining('(matches a project pattern) "CUST…"') })]);
  });

  it('leaves network ranges, code like a::b and service-account addresses alone', () => {
    const text = markdown('## Timeline', '', '- Blocked 10.0.0.0/8 and 172.16.0.0/12 and 2001:0db9:abcd::/48 at the edge', '- Called std::io and a::b in the patch', '- Ran as deployer@prod-project.iam.gserviceaccount.com', '');
    expect(runRule(rule, text)).toEqual([]);
    // The host inside such a range is still an address.
    expect(runRule(rule, markdown('## Timeline', '', '- Requests came from 10.20.30.40', ''))).toHaveLength(1);
  });

  it('quotes the replacement for an item of a flow list in front matter, so the list keeps its items', async () => {
    const text = ['---', 'title: Login failures', 'reviewers: [sam, dana.jones@acme-corp.io]', '---', '# Login failures', ''].join('\n');
    const fixed = await lintTextAsync(text, { fix: true, config: { rules: { 'no-personal-data': 'warn' } } });
    expect(fixed.output).toContain('reviewers: [sam, "[REDACTED]"]\n');
  });

  it('refuses unsafe or invalid patterns, bad ranges and a bad replacement', () => {
    const check = (options: Record<string, unknown>): string | null | undefined => rule.validateOptions?.({ ...rule.defaultOptions, ...options });
    expect(check({ patterns: ['(a+)+$'] })).toMatch(/could take very long/);
    expect(check({ patterns: ['('] })).toMatch(/not a valid regular expression/);
    expect(check({ patterns: ['x*'] })).toMatch(/matches empty text/);
    expect(check({ allow: ['10.0.0.0/33'] })).toMatch(/not a valid address range/);
    expect(check({ replacement: '' })).toMatch(/replacement/);
    expect(check({ patterns: ['ACCT-\\d{8}'], allow: ['10.0.0.0/8', '*@x.io'] })).toBeNull();
  });

  it('quotes the replacement where it replaces a whole front matter value, so the YAML still reads as a string', async () => {
    const text = ['---', 'title: Login failures', 'reporter: dana.jones@acme-corp.io', 'notes: mail dana.jones@acme-corp.io later', '---', '# Login failures', ''].join('\n');
    const fixed = await lintTextAsync(text, { fix: true, config: { rules: { 'no-personal-data': 'warn' } } });
    expect(fixed.output).toContain('reporter: "[REDACTED]"\nnotes: mail [REDACTED] later\n');
    expect(fixed.messages.filter((message) => message.ruleId === 'no-personal-data' || message.ruleId === 'front-matter')).toEqual([]);
  });

  it('round trip: --fix redacts every finding, lints clean, and leaves the rest byte for byte', async () => {
    const values = ['dana.jones@acme-corp.io', '+44 20 7946 1234', '10.20.30.40', 'fd12:3456:789a::17', spacedCard];
    const text = ['# Data in the postmortem', '', '## Summary', ...values.map((value, index) => `${index + 1}. Seen: ${value}; kept text.\r`), '```', `log ${values[2]} ok`, '```', ''].join('\n');
    const config = { rules: { 'no-personal-data': ['warn', { replacement: '<x>' }] as ['warn', Record<string, unknown>], 'no-secrets': 'off' as const } };
    const fixed = await lintTextAsync(text, { fix: true, config });
    expect(fixed.output).toBe(values.reduce((output, value) => output.split(value).join('<x>'), text));
    const again = await lintTextAsync(fixed.output!, { config });
    expect(again.messages.filter((message) => message.ruleId === 'no-personal-data')).toEqual([]);
  });
});
