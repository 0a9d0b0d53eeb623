/**
 * Where the timeline chart's axis ticks go: at the instants the postmortem's clock shows a
 * round time. Across a daylight-saving change that is not a fixed step in UTC: after clocks
 * spring forward the skipped times get no tick (and 03:00 is placed at the instant it really
 * was), after they fall back the repeated hour gets its ticks twice, because the clock did
 * show those times twice. A day whose midnight the change skipped (America/Santiago,
 * America/Havana) still gets a tick where it starts.
 */
import { wallClockAt, zoneOffsetAtInstant, type WallClock, type Zone } from '../model/time.js';

/** An instant on the axis where the clock shows a round time. */
export interface WallClockTick {
  /** The instant, in milliseconds since the epoch. */
  millis: number;
  /** The clock at that instant. */
  clock: WallClock;
  /** The first instant of its day: midnight, or where a day without one starts. */
  dayStart: boolean;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const UTC: Zone = { kind: 'fixed', offsetMinutes: 0, label: 'UTC' };

/**
 * The instants from `startMillis` to `endMillis` (both included) at which the zone's clock
 * shows a whole multiple of `stepMinutes` (counted from midnight for steps up to a day, from
 * 1970-01-01 for longer ones), in time order. Without a zone, the clock is UTC's.
 *
 * It walks the axis one step at a time under the offset in force, and looks for a change of
 * offset only where a step lands on a different one: a chart's span holds one or two changes
 * at most, so this costs one offset lookup per tick and a short search per change.
 */
export function wallClockTicks(startMillis: number, endMillis: number, stepMinutes: number, zone: Zone | null): WallClockTick[] {
  const clockZone = zone ?? UTC;
  const step = stepMinutes * MINUTE;
  const ticks: WallClockTick[] = [];
  if (!(step > 0) || !(endMillis >= startMillis)) return ticks;
  const offsetAt = (millis: number): number => zoneOffsetAtInstant(clockZone, millis) * MINUTE;
  const push = (millis: number, dayStart: boolean): void => {
    ticks.push({ millis, clock: wallClockAt(millis, clockZone), dayStart });
  };

  let from = startMillis;
  let offset = offsetAt(from);
  for (let guard = 0; guard < 10_000; guard++) {
    // The next round wall-clock time at or after `from`, if the offset stays as it is.
    const wall = Math.ceil((from + offset) / step) * step;
    const candidate = wall - offset;
    const probe = Math.min(candidate, endMillis);
    const probeOffset = offsetAt(probe);
    if (probeOffset === offset) {
      if (candidate > endMillis) break;
      push(candidate, wall % DAY === 0 && isDayStart(candidate, clockZone));
      from = candidate + 1;
      continue;
    }
    // The offset changes before that time: go on from the change, under the new offset.
    const change = firstInstantWithOffset(from, probe, probeOffset, offsetAt);
    const before = wallClockAt(change - 1, clockZone);
    const after = wallClockAt(change, clockZone);
    // Clocks went forward over midnight: the new day starts at the change itself.
    const skippedMidnight = after.date > before.date && (after.hour !== 0 || after.minute !== 0 || after.second !== 0);
    if (skippedMidnight && Date.parse(`${after.date}T00:00:00Z`) % step === 0) {
      push(change, true);
      from = change + 1;
    } else {
      from = change;
    }
    offset = offsetAt(from);
  }
  return ticks;
}

/**
 * The first instant in (`from`, `to`] whose offset is `target`, given that `from` has another
 * one and `to` has it (changes fall on whole seconds, and offsets are read per second).
 */
function firstInstantWithOffset(from: number, to: number, target: number, offsetAt: (millis: number) => number): number {
  let low = Math.floor(from / 1000) * 1000;
  let high = Math.ceil(to / 1000) * 1000;
  if (offsetAt(low) === target) return from;
  while (high - low > 1000) {
    const middle = Math.floor((low + high) / 2000) * 1000;
    if (offsetAt(middle) === target) high = middle;
    else low = middle;
  }
  return Math.max(high, from + 1);
}

/** Whether an instant showing midnight is the start of its day (not a second midnight after clocks went back over it). */
function isDayStart(millis: number, zone: Zone): boolean {
  return wallClockAt(millis - 1, zone).date !== wallClockAt(millis, zone).date;
}
