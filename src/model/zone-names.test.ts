import { describe, expect, it } from 'vitest';
import { zoneNamedIn } from './zone-names.js';

describe('zoneNamedIn', () => {
  it.each([
    ['All times are in Coordinated Universal Time.', 'UTC'],
    ['GREENWICH MEAN TIME', 'GMT'],
    ['Timeline (Western European Summer Time)', 'WEST'],
    ['times in east africa time:', 'EAT'],
    ['India Standard Time (IST)', 'IST'],
    ['14:05 Pacific Daylight Time - paged', 'PDT'],
    ['Australian Eastern Standard Time', 'AEST'],
    ['eastern standard time', 'EST'],
  ])('reads %j as %s', (text, abbreviation) => {
    expect(zoneNamedIn(text)).toBe(abbreviation);
  });

  it.each(['UTC', '14:05 PST', 'Timeline', 'Pacific Standard Timezone', 'at the time of the outage'])('finds no zone named in %j', (text) => {
    expect(zoneNamedIn(text)).toBeNull();
  });
});
