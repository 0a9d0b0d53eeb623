// `postmortem new --timeline-from`: the imported entries offered as a checklist in the
// interview (scripted prompter), kept by a resumed draft, and all kept without a terminal.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRAFT_FILE_NAME } from '../../src/cli/new/draft-store.js';
import { useTempDir } from '../cli/cli-harness.js';
import { writeFiles } from '../e2e/e2e-harness.js';
import { parseWritten, runNew } from './new-harness.js';
import { CLEAR, CTRL_C, ENTER, ScriptedPrompter, type ScriptStep } from './scripted-prompter.js';
import { UPLOAD_OUTPUT, UPLOAD_RECORDS, UPLOAD_SCRIPT_UNTIL_TEMPLATE } from './upload-incident.js';

let cwd: string;
useTempDir((path) => (cwd = path));


/** The interview up to the timeline (the answers before it). */
const BEFORE_TIMELINE = UPLOAD_SCRIPT_UNTIL_TEMPLATE.slice(0, UPLOAD_SCRIPT_UNTIL_TEMPLATE.findIndex(([question]) => question === 'Time of the first event'));
/** The interview from the root cause in full to the end. */
const AFTER_TIMELINE: ScriptStep[] = [
  ...UPLOAD_SCRIPT_UNTIL_TEMPLATE.slice(UPLOAD_SCRIPT_UNTIL_TEMPLATE.findIndex(([question]) => question === 'Root cause in full')),
  ['Write the postmortem to', ENTER],
  [/^Write it to/, ENTER],
];
const CHECKLIST = /^Imported events \(4\): keep the checked ones/;

describe('postmortem new --timeline-from, interactively', () => {
  it('offers the events of the window as a checklist, all checked; the kept ones (one edited) join the entries typed after', async () => {
    await writeFiles(cwd, { 'records.jsonl': UPLOAD_RECORDS });
    const prompter = new ScriptedPrompter([
      ...BEFORE_TIMELINE,
      [CHECKLIST, '1:45 AM  Cleanup script set the quota of bucket uploads-prod | 2:10 AM  Detection: Upload error rate above 20% | 3:15 AM  Escalation: Paged the storage on-call'],
      ['Edit the text of any of the 3 kept?', 'yes'],
      ['Which ones?', '1'],
      ['What happened at 2:10 AM?', 'The upload error-rate alert paged the on-call engineer.'],
      ['Time of the next event', '5:50 AM'],
      ['What happened at 5:50 AM', 'The quota was raised back and uploads recovered.'],
      ['Label', 'Resolution'],
      ['Time of the next event', ENTER],
      ...AFTER_TIMELINE,
    ]);
    const result = await runNew({ timelineFrom: ['records.jsonl'] }, { cwd, prompter });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(prompter.remaining).toEqual([]);
    const checklist = prompter.asked.find((question) => question.kind === 'checkbox');
    expect(checklist?.choices).toEqual(['0', '1', '2', '3']);
    expect(prompter.notes).toContain('3 imported entries kept. Now your own entries, one at a time: an empty time finishes the list; "-" adds one without a time.');
    const written = await parseWritten(cwd, UPLOAD_OUTPUT);
    expect(written.timeline.map(({ time, at, label, text }) => ({ time, at, label, text }))).toEqual([
      { time: '1:45 AM', at: '2026-03-14T01:45:00-04:00', label: null, text: 'Cleanup script set the quota of bucket uploads-prod' },
      { time: '2:10 AM', at: '2026-03-14T02:10:00-04:00', label: 'Detection', text: 'The upload error-rate alert paged the on-call engineer.' },
      { time: '3:15 AM', at: '2026-03-14T03:15:00-04:00', label: 'Escalation', text: 'Paged the storage on-call' },
      { time: '5:50 AM', at: '2026-03-14T05:50:00-04:00', label: 'Resolution', text: 'The quota was raised back and uploads recovered.' },
    ]);
  });

  it('keeps the chosen entries in the draft: a resumed interview does not offer them again', async () => {
    await writeFiles(cwd, { 'records.jsonl': UPLOAD_RECORDS });
    const first = new ScriptedPrompter([
      ...BEFORE_TIMELINE,
      [CHECKLIST, '2:10 AM  Detection: Upload error rate above 20%'],
      ['Edit the text of any', 'no'],
      ['Time of the next event', CTRL_C],
    ]);
    expect((await runNew({ timelineFrom: ['records.jsonl'] }, { cwd, prompter: first })).exitCode).toBe(130);
    const draft = JSON.parse(await readFile(join(cwd, DRAFT_FILE_NAME), 'utf8')) as { answers: { timeline: unknown } };
    expect(draft.answers.timeline).toEqual({
      items: [{ time: '2:10 AM', date: '2026-03-14', text: 'Upload error rate above 20%', label: 'Detection' }],
      complete: false,
      imported: true,
    });

    const second = new ScriptedPrompter([['There is a draft', 'resume'], ['Time of the next event', ENTER], ...AFTER_TIMELINE]);
    const result = await runNew({ timelineFrom: ['records.jsonl'] }, { cwd, prompter: second });
    expect(result.exitCode).toBe(0);
    expect(second.remaining).toEqual([]);
    expect(second.asked.some((question) => question.kind === 'checkbox')).toBe(false);
    expect((await parseWritten(cwd, UPLOAD_OUTPUT)).timeline.map((entry) => entry.text)).toEqual(['Upload error rate above 20%']);
  });

  it('unchecking every entry keeps none and asks nothing more about them', async () => {
    await writeFiles(cwd, { 'records.jsonl': UPLOAD_RECORDS });
    const prompter = new ScriptedPrompter([...BEFORE_TIMELINE, [CHECKLIST, CLEAR], ['Time of the first event', CTRL_C]]);
    expect((await runNew({ timelineFrom: ['records.jsonl'] }, { cwd, prompter })).exitCode).toBe(130);
    expect(prompter.asked.map((question) => question.message)).not.toContain('Edit the text of any of the 0 kept?');
    const draft = JSON.parse(await readFile(join(cwd, DRAFT_FILE_NAME), 'utf8')) as { answers: { timeline: unknown } };
    expect(draft.answers.timeline).toEqual({ items: [], complete: false, imported: true });
  });
});

describe('postmortem new --timeline-from without a terminal', () => {
  it('keeps every imported entry of the window, in time order among the --timeline entries', async () => {
    await writeFiles(cwd, { 'records.jsonl': UPLOAD_RECORDS });
    const result = await runNew({
      timelineFrom: ['records.jsonl'],
      title: 'Image uploads failed after a storage quota change',
      date: '2026-03-14',
      severity: 'SEV2',
      timezone: 'UTC-4',
      start: '2:00 AM',
      end: '6:00 AM',
      impact: 'Uploads failed.',
      rootCause: 'A cleanup script lowered the quota.',
      resolution: 'The quota was raised back.',
      timeline: ['2:00 AM|Uploads began failing with quota errors.', '5:50 AM|The quota was raised back.|Resolution'],
    }, { cwd });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect((await parseWritten(cwd, UPLOAD_OUTPUT)).timeline.map(({ time, label, text }) => [time, label, text])).toEqual([
      ['1:45 AM', null, 'Cleanup script set the quota of bucket uploads-prod'],
      ['2:00 AM', null, 'Uploads began failing with quota errors.'],
      ['2:10 AM', 'Detection', 'Upload error rate above 20%'],
      ['2:30 AM', null, 'Dashboard bot: still failing'],
      ['3:15 AM', 'Escalation', 'Paged the storage on-call'],
      ['5:50 AM', 'Resolution', 'The quota was raised back.'],
    ]);
  });

  it('checks the sources before the first question: a missing one stops the command at once', async () => {
    const prompter = new ScriptedPrompter([]);
    const result = await runNew({ timelineFrom: ['missing.jsonl'] }, { cwd, prompter });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('missing.jsonl');
    expect(prompter.asked).toEqual([]);
  });

  it('checks that the sources exist before the first question when --from names their kind too', async () => {
    const prompter = new ScriptedPrompter([]);
    const result = await runNew({ timelineFrom: ['missing.json'], from: 'pagerduty' }, { cwd, prompter });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('missing.json: no such file or folder');
    expect(prompter.asked).toEqual([]);
  });

  it('stops with one line naming the source that cannot be read, exit 2', async () => {
    const result = await runNew({ timelineFrom: ['missing.jsonl'], title: 'T', date: '2026-03-14', severity: 'SEV2', timezone: 'UTC', start: '14:00', end: '15:00', impact: 'x', rootCause: 'y', resolution: 'z' }, { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('missing.jsonl');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
