/**
 * A made-up incident typed into the interview in several tests (in-process and through a
 * terminal): image uploads failing after a storage quota was lowered. Its answers, as typed,
 * and the model the written file must parse back to.
 */
import { CLEAR, ENTER, type ScriptStep } from './scripted-prompter.js';

/** The output path the interview suggests for it. */
export const UPLOAD_OUTPUT = 'postmortems/2026-03-14-image-uploads-failed-after-a-storage-quota-change.md';

export const UPLOAD_ROOT_CAUSE =
  'A nightly cleanup script sets storage quotas from last month\'s usage.\n\nA bulk delete in February made that usage look small, so the script lowered the quota below what was already stored.';

/** The interview for the incident, question by question, up to the template (the output and the last confirmation follow). */
export const UPLOAD_SCRIPT_UNTIL_TEMPLATE: ScriptStep[] = [
  ['Title', 'Image uploads failed after a storage quota change'],
  ['Date of the incident', '2026-03-14'],
  ['Severity', 'SEV2'],
  ['Authors', 'Dana Lee, Sam Ortiz'],
  ['Affected services', 'image-upload, object-storage'],
  ['Timezone', 'UTC-4'],
  ['When did the impact start', '2:00 AM'],
  ['When did it end', '6:00 AM'],
  ['Impact', 'Users could not upload images: every upload failed with a quota error.'],
  ['Share of users affected', '35%'],
  ['Root cause, in one sentence', 'A cleanup script lowered the storage quota below current usage.'],
  ['Time of the first event', ENTER],
  ['What happened at 2:00 AM', 'Uploads began failing with quota errors.'],
  ['Label', CLEAR],
  ['Time of the next event', '2:10 AM'],
  ['What happened at 2:10 AM', 'The upload error-rate alert paged the on-call engineer.'],
  ['Label', 'detection'],
  ['Time of the next event', '-'],
  ['What happened?', 'Support tickets about failed uploads arrived at the same time.'],
  ['Label', 'Detection Method'],
  ['Time of the next event', '3:15 AM'],
  ['What happened at 3:15 AM', 'The storage on-call engineer joined and found the lowered quota.'],
  ['Label', 'Escalation'],
  ['Time of the next event', '5:50 AM'],
  ['What happened at 5:50 AM', 'The quota was raised back and uploads recovered.'],
  ['Label', 'Resolution'],
  ['Time of the next event', ENTER],
  ['Root cause in full', UPLOAD_ROOT_CAUSE],
  ['Contributing factors', 'scheduled-script, quota'],
  ['Resolution', 'We raised the quota back to its February value and paused the cleanup script.'],
  ['Improvement', 'Alert when a storage quota drops below current usage.'],
  ['Improvement', 'Review changes made by scheduled scripts like any other deploy.'],
  ['Improvement', ENTER],
  ['Task', 'Add a check to the cleanup script that refuses to lower a quota below usage'],
  ['Owner', 'Sam Ortiz'],
  ['Due date', '2026-03-28'],
  ['Priority', 'p1'],
  ['Task', 'Write a runbook for quota incidents'],
  ['Owner', ENTER],
  ['Due date', ENTER],
  ['Priority', ENTER],
  ['Task', ENTER],
  ['Lessons learned', 'The error-rate alert caught the failure in ten minutes; the quota change itself was invisible.'],
  ['Template', ENTER],
];

/** The whole interview, through writing the suggested file. */
export const UPLOAD_SCRIPT: ScriptStep[] = [...UPLOAD_SCRIPT_UNTIL_TEMPLATE, ['Write the postmortem to', ENTER], [/^Write it to/, ENTER]];

/** What the written file parses back to (see `answered()`). */
export const UPLOAD_MODEL = {
  title: 'Image uploads failed after a storage quota change',
  date: '2026-03-14',
  severity: 'SEV2',
  status: 'draft',
  authors: ['Dana Lee', 'Sam Ortiz'],
  services: ['image-upload', 'object-storage'],
  tags: ['scheduled-script', 'quota'],
  timezone: 'UTC-4',
  summary: {
    text: null,
    start: '2026-03-14T02:00:00-04:00',
    end: '2026-03-14T06:00:00-04:00',
    durationMinutes: 240,
    impact: 'Users could not upload images: every upload failed with a quota error.',
    usersAffectedPercent: 35,
    rootCause: 'A cleanup script lowered the storage quota below current usage.',
  },
  timeline: [
    { time: '2:00 AM', at: '2026-03-14T02:00:00-04:00', label: null, text: 'Uploads began failing with quota errors.' },
    { time: '2:10 AM', at: '2026-03-14T02:10:00-04:00', label: 'Detection', text: 'The upload error-rate alert paged the on-call engineer.' },
    { time: null, at: null, label: 'Detection Method', text: 'Support tickets about failed uploads arrived at the same time.' },
    { time: '3:15 AM', at: '2026-03-14T03:15:00-04:00', label: 'Escalation', text: 'The storage on-call engineer joined and found the lowered quota.' },
    { time: '5:50 AM', at: '2026-03-14T05:50:00-04:00', label: 'Resolution', text: 'The quota was raised back and uploads recovered.' },
  ],
  rootCause: UPLOAD_ROOT_CAUSE,
  resolution: 'We raised the quota back to its February value and paused the cleanup script.',
  correctiveActions: {
    improvements: ['Alert when a storage quota drops below current usage.', 'Review changes made by scheduled scripts like any other deploy.'],
    tasks: [
      { text: 'Add a check to the cleanup script that refuses to lower a quota below usage', owner: 'Sam Ortiz', due: '2026-03-28', priority: 'P1', done: false },
      { text: 'Write a runbook for quota incidents', owner: null, due: null, priority: null, done: false },
    ],
  },
  lessonsLearned: 'The error-rate alert caught the failure in ten minutes; the quota change itself was invisible.',
};

/**
 * Records of the upload incident as JSON lines, for `new --timeline-from` (impact 2:00 to
 * 6:00 AM UTC-4, 06:00 to 10:00 UTC): two outside the window of the impact ± 2 hours, four
 * inside it.
 */
export const UPLOAD_RECORDS = [
  { time: '2026-03-14T03:30:00Z', text: 'Nightly backup started' },
  { time: '2026-03-14T05:45:00Z', text: 'Cleanup script set the quota of bucket uploads-prod' },
  { time: '2026-03-14T06:10:00Z', text: 'Upload error rate above 20%', label: 'Detection' },
  { time: '2026-03-14T06:30:00Z', text: 'Dashboard bot: still failing' },
  { time: '2026-03-14T07:15:00Z', text: 'Paged the storage on-call', label: 'Escalation' },
  { time: '2026-03-14T13:00:00Z', text: 'Weekly report sent' },
].map((record) => JSON.stringify(record)).join('\n');
