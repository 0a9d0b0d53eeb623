/**
 * Finding personal data in a text: email addresses, phone numbers, IPv4 and IPv6 addresses,
 * payment card numbers (Luhn-checked), and a project's own patterns (customer or account
 * ids). Documentation values are allowed by default (example.com, example.org and
 * example.net, the reserved `.example`/`.test`/`.invalid`/`.localhost` names, the
 * documentation address ranges 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 and
 * 2001:db8::/32, loopback, fictional 555-01xx phone numbers, well-known test card numbers),
 * and a project adds its own with `allow`: globs (`*@ourcompany.com`) and CIDR ranges
 * (`10.0.0.0/8`).
 *
 * Addresses of roles and mailing lists (security@, support@, a Google group) are not a
 * person's, so they are not reported.
 *
 * Each pattern only proposes candidates; the checks in code decide (an IP must be a valid
 * address and not part of a version number, a card number must pass the Luhn check and
 * start like a card), so that dates, times and versions are not reported.
 */
import { createRequire } from 'node:module';
import type { BlockList } from 'node:net';

/**
 * node:net, loaded when an address is first checked: importing it loads Node's whole network
 * stack (about 5 ms), which one-file lint of a postmortem without an address never needs.
 */
let netModule: typeof import('node:net') | null = null;
function net(): typeof import('node:net') {
  netModule ??= createRequire(import.meta.url)('node:net') as typeof import('node:net');
  return netModule;
}
import { isPlaceholderValue, withoutOverlaps, type SensitiveFinding } from './findings.js';

/** Options of the personal-data scan. */
export interface PersonalDataOptions {
  /** More patterns to report (regular expression sources), e.g. a customer id `CUST-\\d{6}`. */
  patterns?: readonly string[];
  /** Values not to report: globs matched against the value (`*@example.com`), IP addresses and CIDR ranges (`10.0.0.0/8`). */
  allow?: readonly string[];
  /** The redaction text: a value containing it is already redacted. */
  replacement?: string;
}

/** The kinds of personal data found. */
export type PersonalDataKind = 'email address' | 'phone number' | 'IP address' | 'card number' | 'project pattern';

/** A piece of personal data found. */
export interface PersonalDataFinding extends SensitiveFinding {
  kind: PersonalDataKind;
}

/** Allowed without configuration: documentation and test values that are nobody's data. */
export const DEFAULT_ALLOW: readonly string[] = [
  '*@example.com',
  '*@*.example.com',
  '*@example.org',
  '*@*.example.org',
  '*@example.net',
  '*@*.example.net',
  '*@*.example',
  '*@*.test',
  '*@*.invalid',
  '*@*.localhost',
  // An SSH remote (git@github.com:org/repo.git) is not a person's address.
  'git@*',
  // Nor is a Google Cloud service account, or a GitHub no-reply commit address.
  '*@*.gserviceaccount.com',
  '*@users.noreply.github.com',
  '192.0.2.0/24',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '2001:db8::/32',
  '127.0.0.0/8',
  '::1',
  '::',
  '0.0.0.0',
  '255.255.255.255',
  // The cloud metadata address is the same for everyone.
  '169.254.169.254',
];

/** Card numbers published by card networks and payment providers for testing. */
const TEST_CARDS = new Set(['4111111111111111', '4242424242424242', '4012888888881881', '4000056655665556', '5555555555554444', '5105105105105100', '378282246310005', '371449635398431', '6011111111111117', '6011000990139424', '3530111333300000']);

/** Every regex here, as every one in src/, is checked for catastrophic backtracking by test/hardening/redos.test.ts. */
export const PERSONAL_DATA_PATTERNS = {
  email: /[\w.%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}\b/g,
  internationalPhone: /\+\d[\d ().-]{6,20}\d/g,
  northAmericanPhone: /\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}\b|\b\d{3}([.-])\d{3}\1\d{4}\b/g,
  ipv4: /\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g,
  ipv6: /[0-9A-Fa-f:]{2,39}/g,
  card: /\b\d[\d -]{11,22}\d\b/g,
} as const;

/** File name endings that follow an `@` in names like `logo@2x.png`: not email domains. */
const FILE_ENDINGS = /^(?:png|jpe?g|gif|svg|webp|js|mjs|ts|tsx|json|ya?ml|md|txt|log|html?|css|zip|gz|tar|pdf|csv)$/i;

/**
 * Addresses of a role or a mailing list rather than a person (security@, support@,
 * envoy-security@googlegroups.com, announce@lists.example.io): published on purpose, so not
 * personal data.
 */
const ROLE_LOCAL_PART = /^(?:security|support|info|help|contact|abuse|postmaster|hostmaster|webmaster|noreply|no-reply|donotreply|do-not-reply|admin|sales|press|privacy|legal|billing|team|hello|ops|oncall|on-call|alerts|status|incidents?|sre|devops|notifications?)$|-(?:security|announce|announcements|dev|devel|users|discuss|team|alerts|notifications)$/i;
const LIST_DOMAIN = /^(?:lists?\.|groups\.)|(?:^|\.)googlegroups\.com$/i;

/** Whether an email address belongs to a role or a mailing list, not a person. */
export function isRoleAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  return ROLE_LOCAL_PART.test(address.slice(0, at)) || LIST_DOMAIN.test(address.slice(at + 1));
}

/** Whether the digits pass the Luhn check. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Whether digits start and are as long as a card of a major network (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay). */
function looksLikeCard(digits: string): boolean {
  const length = digits.length;
  if (/^4/.test(digits)) return length === 13 || length === 16 || length === 19;
  if (/^(?:5[1-5]|2[2-7])/.test(digits)) return length === 16;
  if (/^3[47]/.test(digits)) return length === 15;
  if (/^3(?:0[0-5]|[68])/.test(digits)) return length >= 14 && length <= 19;
  if (/^(?:6011|65|64[4-9]|62|35)/.test(digits)) return length >= 16 && length <= 19;
  return false;
}

/**
 * A matcher for an `allow` glob: `*` stands for any run of characters (`/` and `.` too, as
 * values are not paths), `?` for one; case is ignored. Matched without regular expressions,
 * in time proportional to the value's length times the glob's.
 */
export function globMatcher(glob: string): (value: string) => boolean {
  const pattern = glob.toLowerCase();
  return (input: string): boolean => {
    const value = input.toLowerCase();
    let at = 0;
    let position = 0;
    let star = -1;
    let resume = 0;
    while (at < value.length) {
      if (position < pattern.length && (pattern[position] === '?' || pattern[position] === value[at])) {
        at += 1;
        position += 1;
      } else if (position < pattern.length && pattern[position] === '*') {
        star = position;
        resume = at;
        position += 1;
      } else if (star !== -1) {
        position = star + 1;
        resume += 1;
        at = resume;
      } else {
        return false;
      }
    }
    while (pattern[position] === '*') position += 1;
    return position === pattern.length;
  };
}

/**
 * What could be an IP address or a CIDR range: hex digits, dots and colons, perhaps a zone and a
 * prefix length. Only these entries are given to Node's `isIP`, whose first IPv6 check compiles a
 * large regular expression (about 5 ms): a file whose only finding is an email address never
 * needs it. Node decides which of them really are addresses; the rest are globs.
 */
const ADDRESS_SHAPED = /^[0-9A-Fa-f:.]+(?:%[^\s/*?]+)?(?:\/\d{1,3})?$/;

/** An entry written as a range: what may be an address, then the prefix length. */
const RANGE_ENTRY = /^([^/\s]+)\/(\d{1,3})$/;

/** A compiled allow-list: globs, and the address-shaped entries sorted into addresses, ranges and globs when first needed. */
interface AllowList {
  globs: Array<(value: string) => boolean>;
  addressShaped: string[];
  addresses?: { ranges: BlockList; globs: Array<(value: string) => boolean> };
}

const allowCache = new Map<string, AllowList>();

function compileAllowList(entries: readonly string[]): AllowList {
  const key = entries.join('\n');
  const cached = allowCache.get(key);
  if (cached) return cached;
  const list: AllowList = { globs: [], addressShaped: [] };
  for (const entry of entries) {
    if (ADDRESS_SHAPED.test(entry)) list.addressShaped.push(entry);
    else list.globs.push(globMatcher(entry));
  }
  if (allowCache.size > 50) allowCache.clear();
  allowCache.set(key, list);
  return list;
}

function allowedAddresses(list: AllowList): NonNullable<AllowList['addresses']> {
  if (list.addresses) return list.addresses;
  const ranges = new (net().BlockList)();
  const globs: AllowList['globs'] = [];
  for (const entry of list.addressShaped) {
    const range = RANGE_ENTRY.exec(entry);
    const family = range ? net().isIP(range[1] ?? '') : net().isIP(entry);
    if (range && family !== 0) ranges.addSubnet(range[1] ?? '', Number(range[2]), family === 6 ? 'ipv6' : 'ipv4');
    else if (family !== 0) ranges.addAddress(entry, family === 6 ? 'ipv6' : 'ipv4');
    else globs.push(globMatcher(entry));
  }
  list.addresses = { ranges, globs };
  return list.addresses;
}

/** Checks an `allow` entry: a CIDR range must be valid. Returns an error message or null. */
export function checkAllowEntry(entry: string): string | null {
  const range = RANGE_ENTRY.exec(entry);
  if (!range) return null;
  const family = net().isIP(range[1] ?? '');
  if (family === 0) return null;
  const bits = Number(range[2]);
  if (bits > (family === 6 ? 128 : 32)) return `"${entry}" is not a valid address range (a /${bits} prefix is longer than the address)`;
  return null;
}

/** safe-regex2 (CommonJS), required only when a project pattern is to be checked: most configs have none, and one-file lint should not load it. */
function isSafeRegex(pattern: RegExp): boolean {
  const check = createRequire(import.meta.url)('safe-regex2') as (pattern: RegExp) => boolean;
  return check(pattern);
}

/** Compiles a project pattern, or says why it cannot be used (invalid, or open to catastrophic backtracking). */
export function compileProjectPattern(source: string): RegExp | string {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, 'g');
  } catch (error) {
    return `pattern ${JSON.stringify(source)} is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (!isSafeRegex(pattern)) return `pattern ${JSON.stringify(source)} could take very long on some text (nested repetition, or a construct safe-regex2 cannot check such as lookbehind): simplify it`;
  if (pattern.test('')) return `pattern ${JSON.stringify(source)} matches empty text`;
  return pattern;
}

const projectPatternCache = new Map<string, RegExp>();

function projectPatterns(sources: readonly string[]): RegExp[] {
  return sources.flatMap((source) => {
    let pattern = projectPatternCache.get(source);
    if (!pattern) {
      const compiled = compileProjectPattern(source);
      if (typeof compiled === 'string') return [];
      pattern = compiled;
      projectPatternCache.set(source, pattern);
    }
    return [pattern];
  });
}

function isAllowed(value: string, kind: PersonalDataKind, allow: AllowList): boolean {
  if (allow.globs.some((matches) => matches(value))) return true;
  // An address-shaped entry has no wildcard: as a glob it allows only the value itself.
  if (kind !== 'IP address' && !allow.addressShaped.some((entry) => entry.toLowerCase() === value.toLowerCase())) return false;
  const addresses = allowedAddresses(allow);
  if (kind === 'IP address') {
    const family = net().isIP(value);
    if (family !== 0 && addresses.ranges.check(value, family === 6 ? 'ipv6' : 'ipv4')) return true;
  }
  return addresses.globs.some((matches) => matches(value));
}

/** Whether the text just before `start` makes a dotted number a version, not an address (`v1.2.3.4`, `version 10.0.0.1`). */
function isVersionContext(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  if (/[\w.-]$/.test(before) || /\b(?:version|release|build|ver|v)\.?\s?$/i.test(before)) return true;
  return /^(?:\.\d|-\w)/.test(text.slice(end, end + 2));
}

function findIPv6(text: string, push: (start: number, value: string, kind: PersonalDataKind) => void): void {
  if (!text.includes(':')) return;
  const pattern = PERSONAL_DATA_PATTERNS.ipv6;
  pattern.lastIndex = 0;
  for (const match of text.matchAll(pattern)) {
    let value = match[0];
    let start = match.index;
    const before = text[start - 1] ?? '';
    const after = text[start + value.length] ?? '';
    // Part of a longer word, path or IPv4-mapped address: not read here.
    if (/[\w.]/.test(before) || /[\w.]/.test(after)) continue;
    if (value.startsWith(':') && !value.startsWith('::')) {
      value = value.slice(1);
      start += 1;
    }
    if (value.endsWith(':') && !value.endsWith('::')) value = value.slice(0, -1);
    const groups = value.split(':').filter((group) => group !== '');
    // Only "::" or eight groups can be an address (checked first: times such as 14:05 are everywhere).
    if (!value.includes('::') && groups.length < 8) continue;
    if (!net().isIPv6(value)) continue;
    // Times (12:30:45) are not addresses: an address has all eight groups, or "::" and at least two groups with a letter or four digits.
    if (groups.length < 8 && !(value.includes('::') && groups.length >= 2 && groups.some((group) => /[a-f]/i.test(group) || group.length === 4))) continue;
    // Two short groups around "::" (a::b, std::io) read as code, not an address: one group of three or more digits at least.
    if (groups.length < 8 && !groups.some((group) => group.length >= 3)) continue;
    // A range (2001:db8:abcd::/48) is a network, not one host.
    if (/^\/\d/.test(text.slice(start + value.length, start + value.length + 2))) continue;
    push(start, value, 'IP address');
  }
}

/**
 * Every piece of personal data in `text` that `options.allow` and the defaults do not
 * allow, sorted, overlaps removed.
 */
export function findPersonalData(text: string, options: PersonalDataOptions = {}): PersonalDataFinding[] {
  // Compiled at the first candidate: most postmortems have none.
  let allow: AllowList | null = null;
  const findings: PersonalDataFinding[] = [];
  const push = (start: number, value: string, kind: PersonalDataKind): void => {
    if (value === '' || isPlaceholderValue(value, options.replacement)) return;
    allow ??= compileAllowList([...DEFAULT_ALLOW, ...(options.allow ?? [])]);
    if (isAllowed(value, kind, allow)) return;
    findings.push({ start, end: start + value.length, kind });
  };
  const each = (pattern: RegExp, visit: (match: RegExpMatchArray & { index: number }) => void): void => {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) visit(match);
  };

  if (text.includes('@')) {
    each(PERSONAL_DATA_PATTERNS.email, (match) => {
      const before = text[match.index - 1] ?? '';
      // `user:password@host` in a URL and `@` mid-word are not addresses written out.
      if (/[:/\w]/.test(before)) return;
      const domain = match[0].slice(match[0].indexOf('@') + 1);
      if (FILE_ENDINGS.test(domain.slice(domain.lastIndexOf('.') + 1)) || domain.startsWith('.') || domain.includes('..') || isRoleAddress(match[0])) return;
      push(match.index, match[0], 'email address');
    });
  }
  if (text.includes('+')) {
    each(PERSONAL_DATA_PATTERNS.internationalPhone, (match) => {
      const digits = match[0].replace(/\D/g, '');
      if (/\w/.test(text[match.index - 1] ?? '') || digits.length < 8 || digits.length > 15 || /[ ().-]{2}/.test(match[0].replace(/\) | \(/g, '-'))) return;
      push(match.index, match[0], 'phone number');
    });
  }
  each(PERSONAL_DATA_PATTERNS.northAmericanPhone, (match) => {
    const digits = match[0].replace(/\D/g, '');
    // 555-0100 to 555-0199 are reserved for fiction.
    if (/55501\d\d$/.test(digits)) return;
    if (/[\w.+-]/.test(text[match.index - 1] ?? '') || /^[.-]\d/.test(text.slice(match.index + match[0].length, match.index + match[0].length + 2))) return;
    push(match.index, match[0], 'phone number');
  });
  each(PERSONAL_DATA_PATTERNS.ipv4, (match) => {
    if (!net().isIPv4(match[0]) || isVersionContext(text, match.index, match.index + match[0].length)) return;
    // A network written as a range (10.0.0.0/8) is not one host's address.
    if (/^\/\d/.test(text.slice(match.index + match[0].length, match.index + match[0].length + 2))) return;
    push(match.index, match[0], 'IP address');
  });
  findIPv6(text, push);
  each(PERSONAL_DATA_PATTERNS.card, (match) => {
    const separators = match[0].replace(/\d/g, '');
    if (separators !== '' && separators !== ' '.repeat(separators.length) && separators !== '-'.repeat(separators.length)) return;
    const digits = match[0].replace(/\D/g, '');
    if (digits.length < 13 || digits.length > 19 || TEST_CARDS.has(digits) || !looksLikeCard(digits) || !passesLuhn(digits)) return;
    push(match.index, match[0], 'card number');
  });
  for (const pattern of projectPatterns(options.patterns ?? [])) {
    each(pattern, (match) => push(match.index, match[0], 'project pattern'));
  }
  return withoutOverlaps(findings);
}
