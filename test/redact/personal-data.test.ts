import { describe, expect, it } from 'vitest';
import { findPersonalData, globMatcher, isRoleAddress, passesLuhn } from '../../src/redact/personal-data.js';

describe('the personal-data scan helpers', () => {
  it.each([
    ['*@acme.io', 'Dana@ACME.io', true],
    ['*@acme.io', 'dana@acme.io.evil.com', false],
    ['+1 415 ???-????', '+1 415 867-2345', true],
    ['+1 415 ???-????', '+1 415 867-23456', false],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'aXXbYY', false],
    ['exact', 'exact', true],
  ])('glob %s against %s: %s', (glob, value, expected) => {
    expect(globMatcher(glob)(value)).toBe(expected);
  });

  it('tells role and list addresses from people', () => {
    expect(isRoleAddress('security@acme.io')).toBe(true);
    expect(isRoleAddress('infra-announce@acme.io')).toBe(true);
    expect(isRoleAddress('anyone@googlegroups.com')).toBe(true);
    expect(isRoleAddress('dana@acme.io')).toBe(false);
  });

  it('runs the Luhn check', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
  });

  it('reports offsets into the text, with a CIDR range and a glob allowing the rest', () => {
    const text = 'from 10.1.2.3 and 172.16.0.9, mail dana@acme.io and sam@other.io';
    const found = findPersonalData(text, { allow: ['10.0.0.0/8', '*@acme.io'] });
    expect(found.map((finding) => text.slice(finding.start, finding.end))).toEqual(['172.16.0.9', 'sam@other.io']);
  });

  it.each([
    ['an IPv4 address', 'host 172.16.0.9 failed', ['172.16.0.9'], []],
    ['an IPv6 range', 'host fd12:3456:789a::1 failed', ['fd00::/8'], []],
    ['an IPv6 address written in capitals', 'host fd12:3456:789a::1 failed', ['FD12:3456:789A::1'], []],
    ['an IPv6 range written in capitals', 'host fd12:3456:789a::1 failed', ['FD00::/8'], []],
    ['a range that does not hold the address', 'host 172.16.0.9 failed', ['10.0.0.0/8'], ['172.16.0.9']],
    // Digits and dots, but not an address: a glob that allows the phone number itself.
    ['a dotted phone number', 'call 415.867.2345 now', ['415.867.2345'], []],
    ['another dotted phone number', 'call 415.867.2345 now', ['415.867.2346'], ['415.867.2345']],
    ['a card number written without spaces', 'card 4000001234567899 declined', ['4000001234567899'], []],
    ['a card number not allowed', 'card 4000001234567899 declined', ['4000001234567890'], ['4000001234567899']],
    ['an email address beside address entries', 'mail dana@acme.io', ['10.0.0.0/8', '::1'], ['dana@acme.io']],
    ['a range whose address is not one', 'host 172.16.0.9 failed', ['172.16.0.999/8'], ['172.16.0.9']],
  ])('allow-list: %s', (_name, text, allow, reported) => {
    const found = findPersonalData(text, { allow });
    expect(found.map((finding) => text.slice(finding.start, finding.end))).toEqual(reported);
  });
});
