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
});
