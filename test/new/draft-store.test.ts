// The draft file: written atomically after every answer, read back defensively, removed at the end.
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersFromDraft, DRAFT_FILE_NAME, DraftStore } from '../../src/cli/new/draft-store.js';
import { isPostmortemError } from '../../src/model/errors.js';
import { useTempDir } from '../cli/cli-harness.js';

let cwd: string;
useTempDir((path) => (cwd = path));

describe('DraftStore', () => {
  it('saves, loads and removes the answers, leaving no temporary file', async () => {
    const store = new DraftStore(cwd, () => new Date('2026-03-15T08:30:00Z'));
    expect(await store.load()).toBeNull();
    const answers = { title: 'Outage', timeline: { items: [{ time: '2:00 AM', text: 'It broke.', label: null }], complete: false, pending: { time: '2:10 AM' } } };
    await store.save(answers);
    await store.save({ ...answers, date: '2026-03-14' });
    expect(await readdir(cwd)).toEqual([DRAFT_FILE_NAME]);
    expect(await store.load()).toEqual({ savedAt: '2026-03-15T08:30:00.000Z', answers: { ...answers, date: '2026-03-14' } });
    expect(JSON.parse(await readFile(join(cwd, DRAFT_FILE_NAME), 'utf8'))).toMatchObject({ version: 1 });
    await store.remove();
    await store.remove();
    expect(existsSync(join(cwd, DRAFT_FILE_NAME))).toBe(false);
  });

  it('refuses a file that is not a draft rather than overwrite it', async () => {
    await writeFile(join(cwd, DRAFT_FILE_NAME), '[1, 2]');
    const error = await new DraftStore(cwd).load().catch((caught: unknown) => caught);
    expect(isPostmortemError(error) && error.format()).toBe('.postmortem-draft.json: this is not a postmortem draft; move it, or start over with --discard-draft');
  });
});

describe('answersFromDraft', () => {
  it('keeps the keys and types the interview knows and drops the rest', () => {
    expect(
      answersFromDraft({
        title: 'Kept',
        date: 20260314,
        bogus: 'x',
        improvements: { items: ['One', 2, 'Two'], complete: true },
        tasks: { items: [{ text: 'Do it', owner: 'Dana', due: null, priority: 7 }, { owner: 'no text' }], complete: 'yes' },
        timeline: 'not a list',
      }),
    ).toEqual({
      title: 'Kept',
      improvements: { items: ['One', 'Two'], complete: true },
      tasks: { items: [{ text: 'Do it', owner: 'Dana', due: null, priority: null }], complete: false },
    });
  });
});
