/**
 * Timezones written out in words ("West African Time", "Greenwich Mean Time"), which people
 * use in headings and summaries where the parser looks for abbreviations and offsets. Each
 * name is read as the abbreviation `parseZone` knows, so that the written-out name and its
 * abbreviation count as one label.
 */

const ZONE_NAMES: Array<[RegExp, string]> = [
  [/\bcoordinated universal time\b/i, 'UTC'],
  [/\bgreenwich mean time\b/i, 'GMT'],
  [/\bbritish summer time\b/i, 'BST'],
  [/\bwest(?:ern)? europe(?:an)? summer time\b/i, 'WEST'],
  [/\bwest(?:ern)? europe(?:an)? (?:standard )?time\b/i, 'WET'],
  [/\bcentral europe(?:an)? summer time\b/i, 'CEST'],
  [/\bcentral europe(?:an)? (?:standard )?time\b/i, 'CET'],
  [/\beast(?:ern)? europe(?:an)? summer time\b/i, 'EEST'],
  [/\beast(?:ern)? europe(?:an)? (?:standard )?time\b/i, 'EET'],
  [/\bwest(?:ern)? africa(?:n)? (?:standard )?time\b/i, 'WAT'],
  [/\bcentral africa(?:n)? (?:standard )?time\b/i, 'CAT'],
  [/\beast(?:ern)? africa(?:n)? (?:standard )?time\b/i, 'EAT'],
  [/\bsouth africa(?:n)? standard time\b/i, 'SAST'],
  [/\bmoscow (?:standard )?time\b/i, 'MSK'],
  [/\bindia(?:n)? standard time\b/i, 'IST'],
  [/\bsingapore (?:standard )?time\b/i, 'SGT'],
  [/\bjapan (?:standard )?time\b/i, 'JST'],
  [/\bkorea(?:n)? standard time\b/i, 'KST'],
  [/\baustralian eastern daylight time\b/i, 'AEDT'],
  [/\baustralian eastern standard time\b/i, 'AEST'],
  [/\bpacific daylight time\b/i, 'PDT'],
  [/\bpacific standard time\b/i, 'PST'],
  [/\bmountain daylight time\b/i, 'MDT'],
  [/\bmountain standard time\b/i, 'MST'],
  [/\bcentral daylight time\b/i, 'CDT'],
  [/\bcentral standard time\b/i, 'CST'],
  [/\beastern daylight time\b/i, 'EDT'],
  [/\beastern standard time\b/i, 'EST'],
];

/**
 * What every name above ends with, tested once before all 28 (as `pretested` in
 * src/model/pretested.ts does for one pattern): labels such as "UTC" or "14:05 PST" name no zone
 * in words, and never compile them.
 */
const ENDS_A_NAME = /time\b/i;

/** The abbreviation of a timezone written out in words in the text, or null. */
export function zoneNamedIn(text: string): string | null {
  if (!ENDS_A_NAME.test(text)) return null;
  for (const [pattern, abbreviation] of ZONE_NAMES) if (pattern.test(text)) return abbreviation;
  return null;
}
