// The interview in-process: a scripted prompter types the answers, the written file is parsed back.
import { existsSync } from 'node:fs';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRAFT_FILE_NAME } from '../../src/cli/new/draft-store.js';
import { useTempDir } from '../cli/cli-harness.js';
import { answered, parseWritten, runNew } from './new-harness.js';
import { CLEAR, CTRL_C, ENTER, ScriptedPrompter, type ScriptStep } from './scripted-prompter.js';
import { UPLOAD_MODEL, UPLOAD_OUTPUT, UPLOAD_SCRIPT, UPLOAD_SCRIPT_UNTIL_TEMPLATE } from './upload-incident.js';

let cwd: string;
useTempDir((path) => (cwd = path));

/** Steps of the upload script from the one asking `question` on. */
function scriptFrom(question: string): ScriptStep[] {
  const index = UPLOAD_SCRIPT.findIndex(([expected]) => expected === question);
  if (index < 0) throw new Error(`no step ${question}`);
  return UPLOAD_SCRIPT.slice(index);
}

/** Steps of the upload script before the one asking `question`. */
function scriptUntil(question: string): ScriptStep[] {
  const index = UPLOAD_SCRIPT.findIndex(([expected]) => expected === question);
  if (index < 0) throw new Error(`no step ${question}`);
  return UPLOAD_SCRIPT.slice(0, index);
}

describe('postmortem new, interactively', () => {
  it('asks the questions in order and writes a file that parses back to the answers', async () => {
    const prompter = new ScriptedPrompter(UPLOAD_SCRIPT);
    const result = await runNew({}, { cwd, prompter });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(prompter.remaining).toEqual([]);
    expect(prompter.rejections).toEqual([]);
    expect(answered(await parseWritten(cwd, UPLOAD_OUTPUT))).toEqual(UPLOAD_MODEL);
    expect(prompter.notes).toContain(`Wrote ${UPLOAD_OUTPUT}`);
    expect(existsSync(join(cwd, DRAFT_FILE_NAME))).toBe(false);
  });

  it('shows the duration back, offers the start time as the first entry, and previews before writing', async () => {
    const prompter = new ScriptedPrompter(UPLOAD_SCRIPT);
    await runNew({}, { cwd, prompter });
    expect(prompter.notes).toContain('  Impact lasted 4 h 0 min (2:00 AM to 6:00 AM, UTC-4).');
    expect(prompter.asked.find((question) => question.message === 'Time of the first event')?.default).toBe('2:00 AM');
    const preview = prompter.notes.find((note) => note.includes('Preview:'));
    expect(preview).toContain('# Image uploads failed after a storage quota change');
    expect(preview).toContain('- 2:10 AM: **Detection:** The upload error-rate alert paged the on-call engineer.');
    const severity = prompter.asked.find((question) => question.message === 'Severity');
    expect(severity?.choices).toEqual(['SEV1', 'SEV2', 'SEV3', 'SEV4']);
  });

  it('rejects invalid dates, times and percentages with the message shown, and takes the retyped answer', async () => {
    const retries: Array<[question: string, answer: string, rejected: string[]]> = [
      ['Date of the incident', '2026-03-14', ['14/03/2026', '2026-02-30', '2026-04-01']],
      ['When did the impact start', '2:00 AM', ['25:00', 'two']],
      ['When did it end', '6:00 AM', ['1:30 AM']],
      ['Share of users affected', '35%', ['150', 'most']],
      ['Time of the next event', '3:15 AM', ['3:75']],
      ['Due date', '2026-03-28', ['2026-03-01', 'next week']],
    ];
    const script = UPLOAD_SCRIPT.flatMap((step): ScriptStep[] => {
      const retry = retries.find(([question, answer]) => step[0] === question && step[1] === answer);
      return retry ? [...retry[2].map((rejected): ScriptStep => [step[0], rejected]), step] : [step];
    });
    const prompter = new ScriptedPrompter(script);
    const result = await runNew({}, { cwd, prompter });
    expect(result.exitCode).toBe(0);
    expect(prompter.rejections).toEqual([
      'write the date as YYYY-MM-DD, for example 2026-03-15',
      '2026-02-30 is not a calendar date',
      '2026-04-01 is in the future; the incident date is when it happened',
      '"25:00" is not a time: write a time such as 14:05 or 2:05 PM (for another day, add the date: 2026-03-15 01:10)',
      '"two" is not a time: write a time such as 14:05 or 2:05 PM (for another day, add the date: 2026-03-15 01:10)',
      'the end must be after the start (2:00 AM) (if it ended the next day, add the date: 2026-03-15 1:30 AM)',
      '150% is more than 100%: write a number from 0 to 100',
      '"most" is not a percentage: write a number from 0 to 100, such as 60, 60%, about 60% or 12.5 percent',
      '"3:75" is not a time: write a time such as 14:05 or 2:05 PM (for another day, add the date: 2026-03-15 01:10)',
      '2026-03-01 is in the past (today is 2026-03-15)',
      '"next week" does not say which day: write one such as 2026-03-29, Mar 29, tomorrow, friday, next friday or in 2 weeks',
    ]);
    expect(answered(await parseWritten(cwd, UPLOAD_OUTPUT))).toEqual(UPLOAD_MODEL);
  });

  it('reads the share and the due date as people type them, shows the day back, and writes the numbers', async () => {
    const typed: Array<[question: string, answer: string, instead: string[]]> = [
      ['Share of users affected', '35%', ['60-70%', 'about 35 %']],
      ['Due date', '2026-03-28', ['03/04', 'by friday please', 'Mar 28']],
    ];
    const script = UPLOAD_SCRIPT.flatMap((step): ScriptStep[] => {
      const change = typed.find(([question, answer]) => step[0] === question && step[1] === answer);
      return change ? change[2].map((answer): ScriptStep => [step[0], answer]) : [step];
    });
    const prompter = new ScriptedPrompter(script);
    const result = await runNew({}, { cwd, prompter });
    expect(result.exitCode).toBe(0);
    expect(prompter.rejections).toEqual([
      '"60-70%" is a range: write one number from 0 to 100, such as 65',
      '"03/04" could be March 4 or April 3: write the month as a word (Mar 4) or the date as YYYY-MM-DD',
      '"by friday please" is not a date: write one such as 2026-03-29, Mar 29, tomorrow, friday, next friday or in 2 weeks',
    ]);
    expect(prompter.notes).toContain('  Due 2026-03-28 (Saturday).');
    expect(prompter.asked.find((question) => question.message.startsWith('Due date'))?.message).toBe('Due date (optional: YYYY-MM-DD, Dec 18, next friday, in 2 weeks)');
    expect(answered(await parseWritten(cwd, UPLOAD_OUTPUT))).toEqual(UPLOAD_MODEL);
    expect(await readFile(join(cwd, UPLOAD_OUTPUT), 'utf8')).toContain('due: 2026-03-28');
  });

  it('keeps the day a typed due date named, so a draft resumed days later has the same deadline', async () => {
    const dueAt = UPLOAD_SCRIPT.findIndex(([question]) => question === 'Due date');
    const first = new ScriptedPrompter([...UPLOAD_SCRIPT.slice(0, dueAt), ['Due date', 'next friday'], ['Priority', CTRL_C]]);
    expect((await runNew({}, { cwd, prompter: first })).exitCode).toBe(130);
    expect(first.notes).toContain('  Due 2026-03-20 (Friday).');
    const draft = JSON.parse(await readFile(join(cwd, DRAFT_FILE_NAME), 'utf8')) as { answers: { tasks: { pending: unknown } } };
    expect(draft.answers.tasks.pending).toMatchObject({ due: '2026-03-20' });

    // On Wednesday the 18th, "next friday" would be the 27th.
    const second = new ScriptedPrompter([['There is a draft', 'resume'], ...UPLOAD_SCRIPT.slice(dueAt + 1)]);
    expect((await runNew({}, { cwd, prompter: second, now: new Date('2026-03-18T12:00:00Z') })).exitCode).toBe(0);
    expect((await parseWritten(cwd, UPLOAD_OUTPUT)).correctiveActions.tasks[0]?.due).toBe('2026-03-20');
  });

  it('rejects a service or tag that is not a short name, and takes the retyped list', async () => {
    const long = 'the image upload service that the mobile apps call when a user picks a photo';
    const script = UPLOAD_SCRIPT.flatMap((step): ScriptStep[] => {
      if (step[0] === 'Affected services') return [[step[0], `image-upload, ${long}`], step];
      if (step[0] === 'Contributing factors') return [[step[0], Array.from({ length: 21 }, (_, index) => `factor-${index}`).join(', ')], step];
      return [step];
    });
    const prompter = new ScriptedPrompter(script);
    expect((await runNew({}, { cwd, prompter })).exitCode).toBe(0);
    expect(prompter.rejections).toEqual([
      '"the image upload ser…" is long for a service (at most 60 characters); separate the services with commas',
      'at most 20 tags, not 21',
    ]);
    expect(await parseWritten(cwd, UPLOAD_OUTPUT)).toMatchObject({ services: UPLOAD_MODEL.services, tags: UPLOAD_MODEL.tags });
  });

  it('takes an empty answer as no services and no tags', async () => {
    const script = UPLOAD_SCRIPT.map((step): ScriptStep => (step[0] === 'Affected services' || step[0] === 'Contributing factors' ? [step[0], ENTER] : step));
    const prompter = new ScriptedPrompter(script);
    expect((await runNew({}, { cwd, prompter })).exitCode).toBe(0);
    expect(prompter.asked.find((question) => question.message.startsWith('Affected services'))?.message).toBe('Affected services, comma-separated (optional: checkout-api, payments)');
    expect(await parseWritten(cwd, UPLOAD_OUTPUT)).toMatchObject({ services: [], tags: [] });
  });

  it('resumes a draft stopped at the tags with the services kept', async () => {
    const first = new ScriptedPrompter([...scriptUntil('Contributing factors'), ['Contributing factors', CTRL_C]]);
    expect((await runNew({}, { cwd, prompter: first })).exitCode).toBe(130);
    const draft = JSON.parse(await readFile(join(cwd, DRAFT_FILE_NAME), 'utf8')) as { answers: Record<string, unknown> };
    expect(draft.answers).toMatchObject({ services: 'image-upload, object-storage' });
    expect(draft.answers).not.toHaveProperty('tags');
    const second = new ScriptedPrompter([[/^There is a draft/, 'resume'], ...scriptFrom('Contributing factors')]);
    expect((await runNew({}, { cwd, prompter: second })).exitCode).toBe(0);
    expect(answered(await parseWritten(cwd, UPLOAD_OUTPUT))).toEqual(UPLOAD_MODEL);
  });

  it('requires the title, the impact and the resolution', async () => {
    const script: ScriptStep[] = [['Title', ENTER], ['Title', '   '], ...UPLOAD_SCRIPT];
    const prompter = new ScriptedPrompter(script);
    expect((await runNew({}, { cwd, prompter })).exitCode).toBe(0);
    expect(prompter.rejections).toEqual(['the title is required', 'the title is required']);
  });

  it('keeps the draft after Ctrl-C and resumes it to the same postmortem', async () => {
    const first = new ScriptedPrompter([...scriptUntil('Share of users affected'), ['Share of users affected', CTRL_C]]);
    const stopped = await runNew({}, { cwd, prompter: first });
    expect(stopped.exitCode).toBe(130);
    expect(stopped.stderr).toContain(`Your answers are saved in ${DRAFT_FILE_NAME}`);
    const draft = JSON.parse(await readFile(join(cwd, DRAFT_FILE_NAME), 'utf8')) as { answers: Record<string, unknown> };
    expect(draft.answers).toMatchObject({ title: 'Image uploads failed after a storage quota change', start: '2:00 AM', end: '6:00 AM' });
    expect(draft.answers).not.toHaveProperty('usersAffected');

    const second = new ScriptedPrompter([[/^There is a draft "Image uploads failed/, 'resume'], ...scriptFrom('Share of users affected')]);
    const resumed = await runNew({}, { cwd, prompter: second });
    expect(resumed.exitCode).toBe(0);
    expect(second.asked[1]?.message).toBe('Share of users affected, 0-100% (optional)');
    expect(answered(await parseWritten(cwd, UPLOAD_OUTPUT))).toEqual(UPLOAD_MODEL);
    expect(existsSync(join(cwd, DRAFT_FILE_NAME))).toBe(false);
  });

  it('keeps a timeline entry typed halfway and a task typed halfway', async () => {
    const whatHappened = UPLOAD_SCRIPT.findIndex(([question]) => question === 'What happened at 5:50 AM');
    const first = new ScriptedPrompter([...UPLOAD_SCRIPT.slice(0, whatHappened), ['What happened at 5:50 AM', CTRL_C]]);
    expect((await runNew({}, { cwd, prompter: first })).exitCode).toBe(130);
    const draft = JSON.parse(await readFile(join(cwd, DRAFT_FILE_NAME), 'utf8')) as { answers: { timeline: { items: unknown[]; pending: unknown } } };
    expect(draft.answers.timeline.items).toHaveLength(4);
    expect(draft.answers.timeline.pending).toEqual({ time: '5:50 AM' });

    const ownerQuestion = UPLOAD_SCRIPT.findIndex(([question]) => question === 'Owner');
    const second = new ScriptedPrompter([['There is a draft', 'resume'], ...UPLOAD_SCRIPT.slice(whatHappened, ownerQuestion), ['Owner', CTRL_C]]);
    expect((await runNew({}, { cwd, prompter: second })).exitCode).toBe(130);

    const third = new ScriptedPrompter([['There is a draft', ENTER], ...UPLOAD_SCRIPT.slice(ownerQuestion)]);
    expect((await runNew({}, { cwd, prompter: third })).exitCode).toBe(0);
    expect(answered(await parseWritten(cwd, UPLOAD_OUTPUT))).toEqual(UPLOAD_MODEL);
  });

  it('starts over when asked to, and with --discard-draft without asking', async () => {
    await runNew({}, { cwd, prompter: new ScriptedPrompter([['Title', 'An old incident'], ['Date of the incident', CTRL_C]]) });
    const over = new ScriptedPrompter([['There is a draft "An old incident"', 'discard'], ...UPLOAD_SCRIPT]);
    expect((await runNew({}, { cwd, prompter: over })).exitCode).toBe(0);
    expect(over.asked[1]?.default).toBeUndefined();

    await runNew({}, { cwd, prompter: new ScriptedPrompter([['Title', 'An old incident'], ['Date of the incident', CTRL_C]]) });
    const discarded = new ScriptedPrompter([['Title', CTRL_C]]);
    await runNew({ discardDraft: true }, { cwd, prompter: discarded });
    expect(existsSync(join(cwd, DRAFT_FILE_NAME))).toBe(false);
  });

  it('resumes with --resume without asking', async () => {
    await runNew({}, { cwd, prompter: new ScriptedPrompter([...scriptUntil('Impact'), ['Impact', CTRL_C]]) });
    const prompter = new ScriptedPrompter(scriptFrom('Impact'));
    expect((await runNew({ resume: true }, { cwd, prompter })).exitCode).toBe(0);
    expect(prompter.asked[0]?.message).toBe('Impact: what did users see?');
  });

  it('asks whether to keep or re-sort an entry earlier than the one before, or put it on the next day', async () => {
    const steps: ScriptStep[] = [
      ...scriptUntil('Time of the first event'),
      ['Time of the first event', '2:00 AM'],
      ['What happened at 2:00 AM', 'Uploads began failing.'],
      ['Label', ENTER],
      ['Time of the next event', '3:00 AM'],
      ['What happened', 'Storage on-call joined.'],
      ['Label', 'Escalation'],
      ['Time of the next event', '2:30 AM'],
      ['What happened', 'The alert paged on-call.'],
      ['Label', 'Detection'],
      ['2:30 AM is earlier than the entry before it (3:00 AM).', 'sort'],
      ['Time of the next event', '1:00 AM'],
      ['What happened', 'A late retry succeeded.'],
      ['Label', ENTER],
      ['1:00 AM is earlier than the entry before it (3:00 AM).', 'next-day'],
      ['Time of the next event', '12:30 AM'],
      ['What happened', 'Someone wrote a note out of order.'],
      ['Label', ENTER],
      ['12:30 AM is earlier than the entry before it (1:00 AM).', 'keep'],
      ['Time of the next event', CLEAR],
      ...scriptFrom('Root cause in full'),
    ];
    const prompter = new ScriptedPrompter(steps);
    expect((await runNew({}, { cwd, prompter })).exitCode).toBe(0);
    const parsed = await parseWritten(cwd, UPLOAD_OUTPUT);
    expect(parsed.timeline.map(({ time, at }) => [time, at])).toEqual([
      ['2:00 AM', '2026-03-14T02:00:00-04:00'],
      ['2:30 AM', '2026-03-14T02:30:00-04:00'],
      ['3:00 AM', '2026-03-14T03:00:00-04:00'],
      ['1:00 AM', '2026-03-15T01:00:00-04:00'],
      ['12:30 AM', '2026-03-15T00:30:00-04:00'],
    ]);
  });

  it('lets an answer be changed from the preview, offering the old one as the default', async () => {
    const steps: ScriptStep[] = [
      ...UPLOAD_SCRIPT_UNTIL_TEMPLATE,
      ['Write the postmortem to', ENTER],
      [/^Write it to/, 'change'],
      ['Which answer do you want to change?', 'impact'],
      ['Impact', 'Every image upload failed with a quota error.'],
      [/^Write it to/, 'write'],
    ];
    const prompter = new ScriptedPrompter(steps);
    expect((await runNew({}, { cwd, prompter })).exitCode).toBe(0);
    expect(prompter.asked.filter((question) => question.message.startsWith('Impact')).map((question) => question.default)).toEqual([
      undefined,
      'Users could not upload images: every upload failed with a quota error.',
    ]);
    expect((await parseWritten(cwd, UPLOAD_OUTPUT)).summary.impact).toBe('Every image upload failed with a quota error.');
  });

  it('takes a template of your own by path, checked as it is typed', async () => {
    await writeFile(join(cwd, 'mine.md.hbs'), '# {{title}}\n\nSeverity: {{severity}}\n');
    const prompter = new ScriptedPrompter([
      ...UPLOAD_SCRIPT_UNTIL_TEMPLATE.slice(0, -1),
      ['Template', 'A template file or directory of your own...'],
      ['Template path', 'nothere.hbs'],
      ['Template path', 'mine.md.hbs'],
      ['Write the postmortem to', ENTER],
      [/^Write it to/, ENTER],
    ]);
    expect((await runNew({}, { cwd, prompter })).exitCode).toBe(0);
    expect(prompter.rejections).toEqual([expect.stringMatching(/^unknown template "nothere.hbs"/)]);
    expect(await readFile(join(cwd, UPLOAD_OUTPUT), 'utf8')).toBe('# Image uploads failed after a storage quota change\n\nSeverity: SEV2\n');
  });

  it('stops at the preview when asked, keeping the draft', async () => {
    const prompter = new ScriptedPrompter([...UPLOAD_SCRIPT_UNTIL_TEMPLATE, ['Write the postmortem to', ENTER], [/^Write it to/, 'stop']]);
    const result = await runNew({}, { cwd, prompter });
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(cwd, UPLOAD_OUTPUT))).toBe(false);
    expect(existsSync(join(cwd, DRAFT_FILE_NAME))).toBe(true);
    expect(prompter.notes.at(-1)).toContain('Not written');
  });

  it('does not ask what flags answered, and checks those answers the same way', async () => {
    const prompter = new ScriptedPrompter(UPLOAD_SCRIPT.filter(([question]) => question !== 'Title' && question !== 'Severity'));
    const result = await runNew({ title: 'Image uploads failed after a storage quota change', severity: 'sev2' }, { cwd, prompter });
    expect(result.exitCode).toBe(0);
    expect(answered(await parseWritten(cwd, UPLOAD_OUTPUT))).toEqual(UPLOAD_MODEL);

    const invalidPrompter = new ScriptedPrompter(UPLOAD_SCRIPT);
    const invalid = await runNew({ start: '25:00', usersAffected: '101' }, { cwd, prompter: invalidPrompter });
    expect(invalid.exitCode).toBe(2);
    expect(invalid.stderr).toBe(
      'postmortem: --start: "25:00" is not a time: write a time such as 14:05 or 2:05 PM (for another day, add the date: 2026-03-15 01:10); --users-affected: 101% is more than 100%: write a number from 0 to 100\n',
    );
    expect(invalidPrompter.asked).toEqual([]);
  });

  it('offers another name when the suggested file exists, and refuses a typed existing file without --force', async () => {
    await mkdir(join(cwd, 'postmortems'));
    await writeFile(join(cwd, UPLOAD_OUTPUT), 'someone else\'s postmortem\n');
    const taken = UPLOAD_OUTPUT;
    const free = UPLOAD_OUTPUT.replace(/\.md$/, '-2.md');
    const prompter = new ScriptedPrompter([
      ...UPLOAD_SCRIPT_UNTIL_TEMPLATE,
      ['Write the postmortem to', taken],
      ['Write the postmortem to', 'postmortems'],
      ['Write the postmortem to', ENTER],
      [/^Write it to/, ENTER],
    ]);
    expect((await runNew({}, { cwd, prompter })).exitCode).toBe(0);
    expect(prompter.asked.find((question) => question.message === 'Write the postmortem to')?.default).toBe(free);
    expect(prompter.rejections).toEqual([`${taken} already exists; use ${free} or --force to overwrite it`, 'postmortems is a directory; name the file to write']);
    expect(await readFile(join(cwd, taken), 'utf8')).toBe('someone else\'s postmortem\n');
    expect(answered(await parseWritten(cwd, free))).toEqual(UPLOAD_MODEL);
  });

  it('with --yes takes the defaults, asks only what has none, and skips the preview', async () => {
    const prompter = new ScriptedPrompter([
      ['Title', 'Image uploads failed after a storage quota change'],
      ['Severity', 'SEV2'],
      ['When did the impact start', '2:00 AM'],
      ['When did it end', '6:00 AM'],
      ['Impact', 'Users could not upload images: every upload failed with a quota error.'],
      ['Root cause, in one sentence', 'A cleanup script lowered the storage quota below current usage.'],
      ['Resolution', 'We raised the quota back.'],
    ]);
    const result = await runNew({ yes: true, date: '2026-03-14', timezone: 'UTC-4' }, { cwd, prompter, author: 'Dana Lee' });
    expect(result.exitCode).toBe(0);
    expect(prompter.remaining).toEqual([]);
    const parsed = await parseWritten(cwd, UPLOAD_OUTPUT);
    expect(parsed.authors).toEqual(['Dana Lee']);
    expect(parsed.timeline).toEqual([]);
    expect(prompter.notes.some((note) => note.includes('Preview:'))).toBe(false);
  });
});
