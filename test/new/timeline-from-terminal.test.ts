/**
 * `postmortem new --timeline-from` through a real terminal (tmux), as a person uses it: the
 * imported entries come up as a checklist, all checked; arrows and space uncheck one, Enter
 * keeps the rest; one kept entry's text is edited; then the author types an entry of their
 * own, finishes the interview, and the written file has the chosen entries in time order.
 * Skipped, saying so, only where tmux is not installed (.ci/run installs it).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRAFT_FILE_NAME } from '../../src/cli/new/draft-store.js';
import { binPath } from '../cli/cli-harness.js';
import { writeFiles } from '../e2e/e2e-harness.js';
import { parseWritten } from './new-harness.js';
import { NO_TMUX, play, TmuxTerminal, tmuxAvailable, useTmuxTerminal } from './tmux-terminal.js';
import { UPLOAD_OUTPUT, UPLOAD_RECORDS, UPLOAD_ROOT_CAUSE } from './upload-incident.js';


describe.skipIf(!tmuxAvailable())(tmuxAvailable() ? 'postmortem new --timeline-from in a real terminal (tmux)' : `postmortem new --timeline-from in a real terminal: skipped, ${NO_TMUX}`, () => {
  let cwd: string;
  let terminal: TmuxTerminal;
  useTmuxTerminal((started, path) => {
    terminal = started;
    cwd = path;
  });

  it('picks entries in the checklist with arrows and space, edits one, adds one, and writes them in time order', async () => {
    await writeFiles(cwd, { 'records.jsonl': UPLOAD_RECORDS });
    terminal.start([process.execPath, binPath, 'new', '--timeline-from', 'records.jsonl'], { cwd, env: { NO_COLOR: '1', EDITOR: '', VISUAL: '' }, unset: ['CI', 'FORCE_COLOR'] });
    await play(terminal, [
      { question: 'Title', type: 'Image uploads failed after a storage quota change' },
      { question: 'Date of the incident', type: '2026-03-14' },
      { question: 'Severity', keys: ['Down', 'Enter'] },
      { question: 'Authors', type: 'Dana Lee' },
      { question: 'Affected services', type: 'image-upload' },
      { question: 'Timezone', type: 'UTC-4' },
      { question: 'When did the impact start', type: '2:00 AM' },
      { question: 'When did it end', type: '6:00 AM' },
      { question: 'Impact', type: 'Users could not upload images.' },
      { question: 'Share of users affected', type: '' },
      { question: 'Root cause, in one sentence', type: 'A cleanup script lowered the storage quota below current usage.' },
    ]);
    // The checklist: four entries in the window, all checked; the third (the bot's) is unchecked.
    const checklist = await terminal.waitForQuestion('Imported events (4): keep the checked ones');
    expect(checklist).toContain('1:45 AM  Cleanup script set the quota of bucket uploads-prod');
    expect(checklist).not.toContain('Weekly report sent');
    terminal.press('Down', 'Down', 'Space');
    await terminal.waitUntil('the third entry unchecked', (screen) => /◯ 2:30 AM {2}Dashboard bot: still failing/.test(screen));
    terminal.press('Enter');
    await play(terminal, [
      { question: 'Edit the text of any of the 3 kept?', keys: ['Down', 'Enter'] },
      { question: 'Which ones?', keys: ['Down', 'Space', 'Enter'] },
      { question: 'What happened at 2:10 AM?', type: 'The upload error-rate alert paged the on-call engineer.' },
      { question: 'Time of the next event', type: '5:50 AM' },
      { question: 'What happened at 5:50 AM', type: 'The quota was raised back and uploads recovered.' },
      { question: 'Label', type: 'Resolution' },
      { question: 'Time of the next event', type: '' },
      { question: 'Root cause in full', lines: [...UPLOAD_ROOT_CAUSE.split('\n'), '.'] },
      { question: 'Contributing factors', type: '' },
      { question: 'Resolution', lines: ['We raised the quota back.', '', ''] },
      { question: 'Improvement', type: '' },
      { question: 'Task', type: '' },
      { question: 'Lessons learned', lines: ['.'] },
      { question: 'Template', keys: ['Enter'] },
      { question: 'Write the postmortem to', type: '' },
      { question: 'Write it to', keys: ['Enter'] },
    ]);
    expect(await terminal.exitCode()).toBe(0);
    const written = await parseWritten(cwd, UPLOAD_OUTPUT);
    expect(written.timeline.map(({ time, at, label, text }) => ({ time, at, label, text }))).toEqual([
      { time: '1:45 AM', at: '2026-03-14T01:45:00-04:00', label: null, text: 'Cleanup script set the quota of bucket uploads-prod' },
      { time: '2:10 AM', at: '2026-03-14T02:10:00-04:00', label: 'Detection', text: 'The upload error-rate alert paged the on-call engineer.' },
      { time: '3:15 AM', at: '2026-03-14T03:15:00-04:00', label: 'Escalation', text: 'Paged the storage on-call' },
      { time: '5:50 AM', at: '2026-03-14T05:50:00-04:00', label: 'Resolution', text: 'The quota was raised back and uploads recovered.' },
    ]);
    expect(existsSync(join(cwd, DRAFT_FILE_NAME))).toBe(false);
  }, 180_000);
});
