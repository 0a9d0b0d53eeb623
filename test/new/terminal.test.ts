/**
 * End to end through a real terminal: `bin/postmortem.js new` (and dist/, built by `npm test`
 * first) runs in a tmux pane; the test types the interview key by key and reads the screen.
 * Skipped, saying so, only where tmux is not installed (.ci/run installs it).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayjs } from '../../src/model/dayjs.js';
import { DRAFT_FILE_NAME } from '../../src/cli/new/draft-store.js';
import { binPath, repoRoot } from '../cli/cli-harness.js';
import { answered, parseWritten } from './new-harness.js';
import { NO_TMUX, play, TmuxTerminal, tmuxAvailable, useTmuxTerminal, type Keystrokes } from './tmux-terminal.js';
import { UPLOAD_MODEL, UPLOAD_OUTPUT, UPLOAD_ROOT_CAUSE } from './upload-incident.js';

const DUE = dayjs().add(30, 'day').format('YYYY-MM-DD');
/** How the interview reads the typed "in 30 days" back. */
const DUE_READ_BACK = `Due ${DUE} (${dayjs().add(30, 'day').format('dddd')}).`;
const EXPECTED = {
  ...UPLOAD_MODEL,
  correctiveActions: {
    ...UPLOAD_MODEL.correctiveActions,
    tasks: UPLOAD_MODEL.correctiveActions.tasks.map((task) => (task.due ? { ...task, due: DUE } : task)),
  },
};

/** The upload incident as typed at the keyboard, up to (not including) the timeline entry at 3:15 AM. */
const FIRST_HALF: Keystrokes[] = [
  { question: 'Title', type: 'Image uploads failed after a storage quota change' },
  { question: 'Date of the incident', type: '2026-03-14' },
  { question: 'Severity', keys: ['Down', 'Enter'] },
  { question: 'Authors', type: 'Dana Lee, Sam Ortiz' },
  { question: 'Affected services', type: 'image-upload, object-storage' },
  { question: 'Timezone', type: 'UTC-4' },
  { question: 'When did the impact start', type: '2:00 AM' },
  { question: 'When did it end', type: '6:00 AM' },
  { question: 'Impact', type: 'Users could not upload images: every upload failed with a quota error.' },
  { question: 'Share of users affected', type: 'about 35 %' },
  { question: 'Root cause, in one sentence', type: 'A cleanup script lowered the storage quota below current usage.' },
  { question: 'Time of the first event', type: '' },
  { question: 'What happened at 2:00 AM', type: 'Uploads began failing with quota errors.' },
  { question: 'Label', type: '' },
  { question: 'Time of the next event', type: '2:10 AM' },
  { question: 'What happened at 2:10 AM', type: 'The upload error-rate alert paged the on-call engineer.' },
  { question: 'Label', type: 'detection' },
  { question: 'Time of the next event', type: '-' },
  { question: 'What happened?', type: 'Support tickets about failed uploads arrived at the same time.' },
  { question: 'Label', type: 'Detection Method' },
  { question: 'Time of the next event', type: '3:15 AM' },
];

/** The rest, from the text of the 3:15 AM entry to the end of the tasks; multi-line answers typed line by line. */
const SECOND_HALF: Keystrokes[] = [
  { question: 'What happened at 3:15 AM', type: 'The storage on-call engineer joined and found the lowered quota.' },
  { question: 'Label', type: 'Escalation' },
  { question: 'Time of the next event', type: '5:50 AM' },
  { question: 'What happened at 5:50 AM', type: 'The quota was raised back and uploads recovered.' },
  { question: 'Label', type: 'Resolution' },
  { question: 'Time of the next event', type: '' },
  { question: 'Root cause in full', lines: [...UPLOAD_ROOT_CAUSE.split('\n'), '.'] },
  { question: 'Contributing factors', type: 'scheduled-script, quota' },
  { question: 'Resolution', lines: ['We raised the quota back to its February value and paused the cleanup script.', '', ''] },
  { question: 'Improvement', type: 'Alert when a storage quota drops below current usage.' },
  { question: 'Improvement', type: 'Review changes made by scheduled scripts like any other deploy.' },
  { question: 'Improvement', type: '' },
  { question: 'Task', type: 'Add a check to the cleanup script that refuses to lower a quota below usage' },
  { question: 'Owner', type: 'Sam Ortiz' },
  { question: 'Due date', type: 'in 30 days' },
  { question: 'Priority', type: 'p1' },
  { question: 'Task', type: 'Write a runbook for quota incidents' },
  { question: 'Owner', type: '' },
  { question: 'Due date', type: '' },
  { question: 'Priority', type: '' },
  { question: 'Task', type: '' },
  { question: 'Lessons learned', lines: ['The error-rate alert caught the failure in ten minutes; the quota change itself was invisible.', '.'] },
];

/** Template (the default), output (the suggestion), and "Yes, write it". */
const FINISH: Keystrokes[] = [
  { question: 'Template', keys: ['Enter'] },
  { question: 'Write the postmortem to', type: '' },
  { question: 'Write it to', keys: ['Enter'] },
];

describe.skipIf(!tmuxAvailable())(tmuxAvailable() ? 'postmortem new in a real terminal (tmux)' : `postmortem new in a real terminal: skipped, ${NO_TMUX}`, () => {
  let cwd: string;
  let terminal: TmuxTerminal;
  useTmuxTerminal((started, path) => {
    terminal = started;
    cwd = path;
  });

  /** `postmortem new` with no CI variable (that would mean no terminal) and no editor, so multi-line answers are typed line by line. */
  function startNew(env: Record<string, string> = { EDITOR: '', VISUAL: '' }): void {
    terminal.start([process.execPath, binPath, 'new'], { cwd, env: { NO_COLOR: '1', ...env }, unset: ['CI', 'FORCE_COLOR'] });
  }

  it('types a full interview and writes a file that parses back to the answers', async () => {
    startNew();
    await play(terminal, [...FIRST_HALF, ...SECOND_HALF, ...FINISH]);
    expect(await terminal.exitCode()).toBe(0);
    const screen = terminal.screen();
    expect(screen).toContain('Impact lasted 4 h 0 min (2:00 AM to 6:00 AM, UTC-4).');
    expect(screen).toContain(DUE_READ_BACK);
    expect(screen).toContain('Preview:');
    expect(screen).toContain(`Wrote ${UPLOAD_OUTPUT}`);
    expect(answered(await parseWritten(cwd, UPLOAD_OUTPUT))).toEqual(EXPECTED);
    expect(existsSync(join(cwd, DRAFT_FILE_NAME))).toBe(false);
  }, 180_000);

  it('keeps every answer when the terminal is closed in the middle of a question', async () => {
    startNew();
    await play(terminal, FIRST_HALF.slice(0, 9));
    await terminal.waitForQuestion('Share of users affected');
    terminal.close();
    const draft = JSON.parse(await readFile(join(cwd, DRAFT_FILE_NAME), 'utf8')) as { answers: Record<string, unknown> };
    expect(draft.answers).toMatchObject({ title: 'Image uploads failed after a storage quota change', end: '6:00 AM', impact: expect.stringMatching(/^Users could not/) });
  }, 180_000);

  it('survives Ctrl-C halfway: the next run resumes from the draft to the same postmortem', async () => {
    startNew();
    await play(terminal, FIRST_HALF);
    await terminal.waitForQuestion('What happened at 3:15 AM');
    terminal.press('C-c');
    expect(await terminal.exitCode()).toBe(130);
    expect(terminal.screen()).toContain(`Your answers are saved in ${DRAFT_FILE_NAME}`);
    terminal.close();

    // The second run opens an editor for the multi-line answers: a script that "types" them.
    const answers = join(cwd, 'editor-answers');
    await mkdir(answers);
    await writeFile(join(answers, '1.md'), `${UPLOAD_ROOT_CAUSE}\n`);
    await writeFile(join(answers, '2.md'), 'We raised the quota back to its February value and paused the cleanup script.\n\n');
    await writeFile(join(answers, '3.md'), 'The error-rate alert caught the failure in ten minutes; the quota change itself was invisible.\n');
    terminal = new TmuxTerminal();
    startNew({ EDITOR: join(repoRoot, 'test/new/fixtures/fake-editor.sh'), VISUAL: '', FAKE_EDITOR_ANSWERS: answers });
    await terminal.waitForQuestion('There is a draft "Image uploads failed after a storage quota change"');
    terminal.press('Enter');
    const editorSteps = SECOND_HALF.map((step) => (step.lines ? { question: step.question, keys: ['Enter'] } : step));
    await play(terminal, [...editorSteps, ...FINISH]);
    expect(await terminal.exitCode()).toBe(0);
    expect(answered(await parseWritten(cwd, UPLOAD_OUTPUT))).toEqual(EXPECTED);
    expect(existsSync(join(cwd, DRAFT_FILE_NAME))).toBe(false);
    expect(await readFile(join(answers, 'next'), 'utf8')).toBe('4\n');
  }, 180_000);
});
