/**
 * The two postmortems the product was designed from (../shared/seeds, read from there, never
 * copied here) parse to what the core issue says they hold.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../src/parse/parse-postmortem.js';

const seeds = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
const read = (name: string) => parsePostmortem(readFileSync(join(seeds, name), 'utf8'), { filePath: name });

describe.skipIf(!existsSync(seeds))(`the seeds${existsSync(seeds) ? '' : ' (skipped: ../shared/seeds is not beside this checkout)'}`, () => {
  it('seed 000: six timeline entries (one timed, five labelled), 2 improvements, 3 tasks, 75% affected, 240 minutes', () => {
    const model = read('000_39c0e35294e3956b.txt');
    expect(model.source?.sections.map((section) => section.kind)).toEqual(expect.arrayContaining(['summary', 'timeline', 'rootCauseAndResolution', 'correctiveActions']));
    expect(model.timeline).toHaveLength(6);
    expect(model.timeline.filter((entry) => entry.time !== null)).toHaveLength(1);
    expect(model.timeline.filter((entry) => entry.time === null && entry.label !== null)).toHaveLength(5);
    expect(model.correctiveActions.improvements).toHaveLength(2);
    expect(model.correctiveActions.tasks).toHaveLength(3);
    expect(model.summary.usersAffectedPercent).toBe(75);
    expect(model.summary.durationMinutes).toBe(240);
    expect(model.summary.impact).not.toBeNull();
    expect(model.summary.rootCause).not.toBeNull();
    expect(model.rootCause).not.toBeNull();
    expect(model.resolution).not.toBeNull();
  });

  it('seed 003: nine timed entries from 2:00 to 6:00 AM at -04:00, 5 improvements, 5 tasks, lessons, conclusion, 100%, 240 minutes, 2023-05-07', () => {
    const model = read('003_4d80177d67105090.txt');
    expect(model.timeline).toHaveLength(9);
    expect(model.timeline.every((entry) => entry.time !== null && entry.at?.endsWith('-04:00'))).toBe(true);
    expect(model.timeline[0]?.at).toBe('2023-05-07T02:00:00-04:00');
    expect(model.timeline[8]?.at).toBe('2023-05-07T06:00:00-04:00');
    expect(model.correctiveActions.improvements).toHaveLength(5);
    expect(model.correctiveActions.tasks).toHaveLength(5);
    expect(model.lessonsLearned).not.toBeNull();
    expect(model.conclusion).not.toBeNull();
    expect(model.summary.usersAffectedPercent).toBe(100);
    expect(model.summary.durationMinutes).toBe(240);
    expect(model.date).toBe('2023-05-07');
    expect(model.rootCause).not.toBeNull();
  });
});
