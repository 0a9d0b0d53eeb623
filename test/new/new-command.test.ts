// `postmortem new` through run(), without a terminal: flags, --answers, defaults, drafts, output files.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAFT_FILE_NAME } from '../../src/cli/new/draft-store.js';
import { run, type CliIo } from '../../src/cli/run.js';
import { CapturedStream, runInProcess, type CliResult, useTempDir } from '../cli/cli-harness.js';
import { answered, NOW, parseWritten } from './new-harness.js';
import { UPLOAD_MODEL, UPLOAD_OUTPUT } from './upload-incident.js';

let cwd: string;
useTempDir((path) => (cwd = path));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

/** The upload incident as flags. */
const UPLOAD_FLAGS = [
  '--title', 'Image uploads failed after a storage quota change',
  '--date', '2026-03-14',
  '--severity', 'SEV2',
  '--authors', 'Dana Lee, Sam Ortiz',
  '--services', 'image-upload, object-storage',
  '--tags', 'scheduled-script,quota',
  '--timezone', 'UTC-4',
  '--start', '2:00 AM',
  '--end', '6:00 AM',
  '--impact', 'Users could not upload images: every upload failed with a quota error.',
  '--users-affected', '35',
  '--root-cause', 'A cleanup script lowered the storage quota below current usage.',
  '--root-cause-detail', UPLOAD_MODEL.rootCause,
  '--resolution', 'We raised the quota back to its February value and paused the cleanup script.',
  '--timeline', '2:00 AM|Uploads began failing with quota errors.',
  '--timeline', '2:10 AM|The upload error-rate alert paged the on-call engineer.|detection',
  '--timeline', '-|Support tickets about failed uploads arrived at the same time.|Detection Method',
  '--timeline', '3:15 AM|The storage on-call engineer joined and found the lowered quota.|Escalation',
  '--timeline', '5:50 AM|The quota was raised back and uploads recovered.|Resolution',
  '--improvement', 'Alert when a storage quota drops below current usage.',
  '--improvement', 'Review changes made by scheduled scripts like any other deploy.',
  '--task', 'Add a check to the cleanup script that refuses to lower a quota below usage|Sam Ortiz|2026-03-28|P1',
  '--task', 'Write a runbook for quota incidents',
  '--lessons', 'The error-rate alert caught the failure in ten minutes; the quota change itself was invisible.',
];

function runNew(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runInProcess(['new', ...args], { cwd, env });
}

describe('postmortem new without a terminal', () => {
  it('writes the postmortem from flags, and it parses back to them', async () => {
    const result = await runNew(UPLOAD_FLAGS);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Wrote ${UPLOAD_OUTPUT}\\nLint: no problems \\(\\d+ rules checked\\)\\.\\n$`));
    expect(answered(await parseWritten(cwd, UPLOAD_OUTPUT))).toEqual(UPLOAD_MODEL);
    expect(existsSync(join(cwd, DRAFT_FILE_NAME))).toBe(false);
  });

  it('names every missing required answer and exits 2, without waiting for input', async () => {
    const result = await runNew(['--title', 'Something broke']);
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'postmortem: missing answers (no terminal to ask them; give them as flags or in an --answers file): --severity, --start, --end, --impact, --root-cause, --resolution\n',
    });
    expect(existsSync(join(cwd, 'postmortems'))).toBe(false);
  });

  it('treats CI as no terminal even when standard input is one', async () => {
    const stdout = new CapturedStream({ colorDepth: 8 });
    const stderr = new CapturedStream({ colorDepth: 8 });
    const stdin = { isTTY: true } as unknown as NodeJS.ReadableStream;
    const io: CliIo = { stdout, stderr, stdin, cwd, env: { CI: 'true', NO_COLOR: '1' } };
    expect(await run(['new'], io)).toBe(2);
    expect(stderr.text).toContain('missing answers (no terminal to ask them; give them as flags or in an --answers file): --title,');
  });

  it('reports wrong answers by flag, all at once, with the message a prompt would show', async () => {
    const result = await runNew([...UPLOAD_FLAGS, '--end', '1:00 AM', '--users-affected', '120', '--task', 'Old task||2020-01-01|', '--timeline', '9:99|Broken']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'postmortem: --end: the end must be after the start (2:00 AM) (if it ended the next day, add the date: 2026-03-15 1:00 AM); ' +
        '--users-affected: 120% is more than 100%: write a number from 0 to 100; ' +
        '--timeline: entry 6 (9:99): "9:99" is not a time: write a time such as 14:05 or 2:05 PM (for another day, add the date: 2026-03-15 01:10); ' +
        '--task: task 3 (Old task): 2020-01-01 is in the past (today is 2026-03-15)\n',
    );
  });

  it('reads --users-affected and a --task due date as people write them, and writes the numbers', async () => {
    const flags = UPLOAD_FLAGS.map((value) => (value === '35' ? 'about 35 %' : value.replace('|2026-03-28|', '|in 13 days|')));
    expect(flags).toContain('about 35 %');
    const result = await runNew([...flags, '--task', 'Rotate the cleanup script credentials|Dana Lee|next friday|P2', '-o', 'out.md']);
    expect(result.stderr).toBe('');
    const parsed = await parseWritten(cwd, 'out.md');
    expect(parsed.summary.usersAffectedPercent).toBe(35);
    expect(parsed.correctiveActions.tasks.map((task) => task.due)).toEqual(['2026-03-28', null, '2026-03-20']);
    expect(await readFile(join(cwd, 'out.md'), 'utf8')).toContain('due: 2026-03-20');
  });

  it('refuses a share or a due date whose meaning is not clear, saying what is accepted', async () => {
    const result = await runNew([...UPLOAD_FLAGS, '--users-affected', 'most', '--task', 'Vague||someday|']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'postmortem: --users-affected: "most" is not a percentage: write a number from 0 to 100, such as 60, 60%, about 60% or 12.5 percent; ' +
        '--task: task 3 (Vague): "someday" is not a date: write one such as 2026-03-29, Mar 29, tomorrow, friday, next friday or in 2 weeks\n',
    );
    expect((await runNew([...UPLOAD_FLAGS, '--users-affected', '60-70%', '--task', 'Either way||03/04|'])).stderr).toBe(
      'postmortem: --users-affected: "60-70%" is a range: write one number from 0 to 100, such as 65; ' +
        '--task: task 3 (Either way): "03/04" could be March 4 or April 3: write the month as a word (Mar 4) or the date as YYYY-MM-DD\n',
    );
  });

  it('takes the date, timezone, template and output from their defaults', async () => {
    const result = await runNew(['--title', 'Quick one', '--severity', 'SEV4', '--start', '10:00', '--end', '10:45', '--impact', 'Slow pages.', '--root-cause', 'A cold cache.', '--resolution', 'It warmed up.']);
    expect(result.exitCode).toBe(0);
    const parsed = await parseWritten(cwd, 'postmortems/2026-03-15-quick-one.md');
    expect(parsed).toMatchObject({ date: '2026-03-15', timezone: 'UTC', summary: { start: '2026-03-15T10:00:00+00:00', durationMinutes: 45 } });
  });

  it('places times in an IANA zone with that day\'s offset, across midnight too, and they read back', async () => {
    const flags = ['--title', 'Overnight', '--date', '2026-03-07', '--severity', 'SEV3', '--timezone', 'america/new_york', '--start', '11:30 PM', '--end', '2026-03-08 03:30',
      '--impact', 'Slow.', '--root-cause', 'A cache.', '--resolution', 'Warmed it.',
      '--timeline', '11:30 PM|Latency rose.', '--timeline', '2026-03-08 01:15|Paged.|Detection', '--timeline', '3:30 AM|Recovered.|Resolution'];
    expect((await runNew([...flags, '-o', 'out.md'])).stderr).toBe('');
    const parsed = await parseWritten(cwd, 'out.md');
    expect(parsed.timezone).toBe('America/New_York');
    expect(parsed.summary).toMatchObject({ start: '2026-03-07T23:30:00-05:00', end: '2026-03-08T03:30:00-04:00', durationMinutes: 180 });
    expect(parsed.timeline.map((entry) => entry.at)).toEqual(['2026-03-07T23:30:00-05:00', '2026-03-08T01:15:00-05:00', '2026-03-08T03:30:00-04:00']);
  });

  /** The lines of a YAML answers file with every required answer, `summaryLines` added to its summary. */
  const answersYaml = (summaryLines: string[] = []): string[] => [
    'title: From a file',
    'date: 2026-03-14',
    'severity: SEV3',
    'timezone: UTC',
    'summary:',
    '  start: 2026-03-14T09:00:00Z',
    '  end: 2026-03-14T09:30:00Z',
    '  impact: Search was slow.',
    ...summaryLines,
    '  rootCause: An index rebuild.',
    'resolution: We waited for the rebuild.',
  ];

  describe('--answers', () => {
    const model = {
      ...UPLOAD_MODEL,
      status: 'in-review',
      conclusion: 'Quotas are now checked before they change.',
    };

    it('round-trips a JSON answers file in the model\'s shape', async () => {
      await writeFile(join(cwd, 'answers.json'), JSON.stringify(model, null, 2));
      const result = await runNew(['--answers', 'answers.json']);
      expect(result.exitCode).toBe(0);
      const parsed = await parseWritten(cwd, UPLOAD_OUTPUT);
      expect(answered(parsed)).toEqual({ ...UPLOAD_MODEL, status: 'in-review' });
      expect(parsed.conclusion).toBe('Quotas are now checked before they change.');
    });

    it('reads YAML, and flags win over the file', async () => {
      const yaml = [...answersYaml(), 'timeline:', '  - { time: "09:00", text: The rebuild started. }'].join('\n');
      await writeFile(join(cwd, 'answers.yaml'), yaml);
      const result = await runNew(['--answers', 'answers.yaml', '--severity', 'SEV2', '-o', 'out.md']);
      expect(result.stderr).toBe('');
      const parsed = await parseWritten(cwd, 'out.md');
      expect(parsed).toMatchObject({ title: 'From a file', severity: 'SEV2', summary: { start: '2026-03-14T09:00:00+00:00', durationMinutes: 30 } });
      expect(parsed.timeline).toEqual([expect.objectContaining({ time: '09:00', at: '2026-03-14T09:00:00+00:00', text: 'The rebuild started.' })]);
    });

    it('reads the share and due dates in an answers file as people write them', async () => {
      const yaml = [
        ...answersYaml(['  usersAffectedPercent: roughly 60%']),
        'correctiveActions:',
        '  tasks:',
        '    - { text: Throttle rebuilds, owner: Dana Lee, due: in 2 weeks }',
        '    - { text: Alert on rebuild time, due: Dec 18 }',
        '    - { text: Document the rebuild, due: last friday, done: true }',
      ].join('\n');
      await writeFile(join(cwd, 'answers.yaml'), yaml);
      const result = await runNew(['--answers', 'answers.yaml', '-o', 'out.md']);
      expect(result.stderr).toBe('');
      const parsed = await parseWritten(cwd, 'out.md');
      expect(parsed.summary.usersAffectedPercent).toBe(60);
      expect(parsed.correctiveActions.tasks.map(({ due, done }) => [due, done])).toEqual([['2026-03-29', false], ['2026-12-18', false], ['2026-03-13', true]]);

      await writeFile(join(cwd, 'answers.json'), JSON.stringify({ ...model, summary: { ...model.summary, usersAffectedPercent: '60-70%' } }));
      expect((await runNew(['--answers', 'answers.json'])).stderr).toBe('postmortem: answers.json: summary.usersAffectedPercent: "60-70%" is a range: write one number from 0 to 100, such as 65\n');
    });

    it('reads services and tags as lists, carries reviewers, and names the key of a wrong one', async () => {
      const yaml = [...answersYaml(), 'services: [search-api, indexer]', 'tags:', '  - credentials-rotation', 'reviewers: [Ann Lee]', 'reviewedAt: 2026-03-20'].join('\n');
      await writeFile(join(cwd, 'answers.yaml'), yaml);
      const result = await runNew(['--answers', 'answers.yaml', '-o', 'out.md']);
      expect(result.stderr).toBe('');
      expect(await parseWritten(cwd, 'out.md')).toMatchObject({ services: ['search-api', 'indexer'], tags: ['credentials-rotation'], reviewers: ['Ann Lee'], reviewedAt: '2026-03-20' });

      await writeFile(join(cwd, 'answers.yaml'), [...answersYaml(), `tags: [${'x'.repeat(61)}]`].join('\n'));
      expect((await runNew(['--answers', 'answers.yaml', '-o', 'other.md'])).stderr).toBe('postmortem: answers.yaml: tags: "xxxxxxxxxxxxxxxxxxxx…" is long for a tag (at most 60 characters); separate the tags with commas\n');
    });

    it('names the file and the field for a wrong answer in it', async () => {
      await writeFile(join(cwd, 'answers.json'), JSON.stringify({ ...model, correctiveActions: { improvements: [], tasks: [{ text: 'Late', due: '2026-01-01' }] } }));
      const result = await runNew(['--answers', 'answers.json']);
      expect(result.stderr).toBe('postmortem: answers.json: correctiveActions.tasks: task 1 (Late): 2026-01-01 is in the past (today is 2026-03-15)\n');
      await writeFile(join(cwd, 'answers.json'), JSON.stringify({ ...model, summary: { ...model.summary, usersAffectedPercent: 150 } }));
      expect((await runNew(['--answers', 'answers.json'])).stderr).toBe('postmortem: answers.json:1: /summary/usersAffectedPercent must be <= 100\n');
    });
  });

  describe('the output file', () => {
    it('refuses to overwrite an existing file without --force, and overwrites with it', async () => {
      await writeFile(join(cwd, 'mine.md'), 'keep me\n');
      const refused = await runNew([...UPLOAD_FLAGS, '-o', 'mine.md']);
      expect(refused).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: --output: mine.md already exists; use mine-2.md or --force to overwrite it\n' });
      expect(await readFile(join(cwd, 'mine.md'), 'utf8')).toBe('keep me\n');
      const forced = await runNew([...UPLOAD_FLAGS, '-o', 'mine.md', '--force']);
      expect(forced.exitCode).toBe(0);
      expect(answered(await parseWritten(cwd, 'mine.md'))).toEqual(UPLOAD_MODEL);
    });

    it('picks the next free name when the default one is taken', async () => {
      await mkdir(join(cwd, 'postmortems'));
      await writeFile(join(cwd, UPLOAD_OUTPUT), 'keep me\n');
      const result = await runNew(UPLOAD_FLAGS);
      expect(result.stdout).toContain(`Wrote ${UPLOAD_OUTPUT.replace(/\.md$/, '-2.md')}\n`);
      expect(await readFile(join(cwd, UPLOAD_OUTPUT), 'utf8')).toBe('keep me\n');
    });

    it('says why a write failed, in one line, exit 2', async () => {
      await writeFile(join(cwd, 'blocker'), '');
      const result = await runNew([...UPLOAD_FLAGS, '-o', 'blocker/postmortem.md']);
      expect(result).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: blocker/postmortem.md: cannot write this file: a parent of this path is not a directory\n' });
    });
  });

  describe('drafts', () => {
    async function saveDraft(answers: Record<string, unknown>): Promise<void> {
      await writeFile(join(cwd, DRAFT_FILE_NAME), JSON.stringify({ version: 1, savedAt: '2026-03-15T08:30:00.000Z', answers }));
    }

    it('will not guess what to do with a draft: --resume or --discard-draft', async () => {
      await saveDraft({ title: 'Half done' });
      const result = await runNew(UPLOAD_FLAGS);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(
        /^postmortem: \.postmortem-draft\.json: there is a draft "Half done" from 2026-03-15 \d\d:30 \(1 of 20 questions answered\); use --resume to finish it or --discard-draft to start over\n$/,
      );
      expect((await runNew(['--resume', '--discard-draft'])).stderr).toBe('postmortem: --resume and --discard-draft cannot be used together\n');
    });

    it('finishes a draft with --resume, flags filling the gaps, and removes it once written', async () => {
      await saveDraft({ title: 'Image uploads failed after a storage quota change', date: '2026-03-14', severity: 'SEV2', timezone: 'UTC-4', start: '2:00 AM' });
      const flags = UPLOAD_FLAGS.filter((_, index) => !['--title', '--date', '--severity', '--timezone', '--start'].includes(UPLOAD_FLAGS[index - (index % 2)] as string));
      const result = await runNew(['--resume', ...flags]);
      expect(result.stderr).toBe('');
      expect(answered(await parseWritten(cwd, UPLOAD_OUTPUT))).toEqual(UPLOAD_MODEL);
      expect(existsSync(join(cwd, DRAFT_FILE_NAME))).toBe(false);
    });

    it('keeps the draft when the write fails', async () => {
      await saveDraft({ title: 'Kept' });
      await writeFile(join(cwd, 'blocker'), '');
      const result = await runNew(['--resume', ...UPLOAD_FLAGS.slice(2), '-o', 'blocker/postmortem.md']);
      expect(result.stderr).toBe(
        'postmortem: blocker/postmortem.md: cannot write this file: a parent of this path is not a directory (your answers are kept in .postmortem-draft.json)\n',
      );
      expect(existsSync(join(cwd, DRAFT_FILE_NAME))).toBe(true);
    });

    it('refuses a draft it cannot read instead of replacing it', async () => {
      await writeFile(join(cwd, DRAFT_FILE_NAME), '{ not json');
      expect((await runNew(['--resume'])).stderr).toBe('postmortem: .postmortem-draft.json: the draft is not valid JSON; fix or move it, or start over with --discard-draft\n');
      expect(await readFile(join(cwd, DRAFT_FILE_NAME), 'utf8')).toBe('{ not json');
    });

    it('says there is no draft to resume', async () => {
      expect((await runNew(['--resume'])).stderr).toBe('postmortem: there is no draft to resume here (.postmortem-draft.json)\n');
    });
  });

  describe('config', () => {
    it('takes the output directory, severities and template from .postmortemrc.yaml', async () => {
      await writeFile(join(cwd, '.postmortemrc.yaml'), 'new:\n  outputDir: docs/incidents\n  severities: [P0, P1, P2]\n  template: narrative\n');
      const flags = UPLOAD_FLAGS.map((value) => (value === 'SEV2' ? 'p1' : value));
      const result = await runNew(flags);
      expect(result.stdout).toContain('Wrote docs/incidents/2026-03-14-image-uploads-failed-after-a-storage-quota-change.md\n');
      const text = await readFile(join(cwd, 'docs/incidents/2026-03-14-image-uploads-failed-after-a-storage-quota-change.md'), 'utf8');
      expect(text).toContain('severity: "P1"');
      expect(text).toContain('we had a P1 incident');
      expect((await runNew([...UPLOAD_FLAGS, '-o', 'x.md'])).stderr).toBe('postmortem: --severity: "SEV2" is not a severity; use one of P0, P1, P2\n');
    });

    it('reads the postmortem key of package.json, found upward', async () => {
      await writeFile(join(cwd, 'package.json'), JSON.stringify({ name: 'x', postmortem: { new: { outputDir: 'pm' } } }));
      await mkdir(join(cwd, 'sub'));
      const result = await runInProcess(['new', ...UPLOAD_FLAGS], { cwd: join(cwd, 'sub') });
      expect(result.stdout).toContain('Wrote pm/2026-03-14-image-uploads-failed-after-a-storage-quota-change.md\n');
    });

    it('reads one config file with both rules and new: new takes its settings, lint (also the one after writing) its rules', async () => {
      await writeFile(join(cwd, '.postmortemrc.yaml'), 'rules:\n  no-placeholders: off\nnew:\n  outputDir: docs/incidents\n');
      const flags = UPLOAD_FLAGS.map((value) => (value.startsWith('We raised the quota') ? 'TODO: fill in later.' : value));
      const written = `docs/incidents/${UPLOAD_OUTPUT.split('/').pop()}`;
      const result = await runNew(flags);
      expect(result).toMatchObject({ exitCode: 0, stderr: '' });
      expect(result.stdout).toMatch(new RegExp(`^Wrote ${written}\\nLint: no problems \\(\\d+ rules checked\\)\\.\\n$`));
      expect(await runInProcess(['lint', written], { cwd })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
      expect((await runInProcess(['lint', written, '--rule', 'no-placeholders:error'], { cwd })).exitCode).toBe(1);
    });

    it('names the config file for a mistake in it', async () => {
      await writeFile(join(cwd, '.postmortemrc.json'), JSON.stringify({ new: { outputDirectory: 'x' } }));
      expect((await runNew(UPLOAD_FLAGS)).stderr).toBe('postmortem: .postmortemrc.json: "new": unknown key "outputDirectory"; the keys are outputDir, severities, template\n');
    });
  });

  it('lints the written file and shows what the rules find, still exit 0', async () => {
    const flags = UPLOAD_FLAGS.map((value) => (value.startsWith('We raised the quota') ? 'TODO: fill in later.' : value));
    const result = await runNew([...flags, '-o', 'out.md']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Wrote out\.md\nout\.md\n.*no-placeholders/s);
    expect(result.stdout).toContain('Edit out.md to fix these, then check again with: postmortem lint out.md\n');
  });

  it('refuses a wrong --services or --tags, naming the flag, and writes nothing', async () => {
    const result = await runNew([...UPLOAD_FLAGS.map((part) => (part === 'image-upload, object-storage' ? 'image-upload\nobject-storage' : part)), '-o', 'out.md']);
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: --services: the services must be one line\n' });
    expect(existsSync(join(cwd, 'out.md'))).toBe(false);
  });

  it('lists every flag in --help', async () => {
    const result = await runNew(['--help']);
    for (const flag of ['--title', '--date', '--severity', '--authors', '--services', '--tags', '--timezone', '--start', '--end', '--impact', '--users-affected', '--root-cause ', '--root-cause-detail', '--resolution', '--timeline', '--improvement', '--task', '--lessons', '--template', '--output', '--force', '--yes', '--answers', '--resume', '--discard-draft']) {
      expect(result.stdout).toContain(flag);
    }
  });
});

describe.each(['classic', 'narrative', 'google-sre', 'pagerduty'])('postmortem new --template %s', (template) => {
  it('writes a file that parses back to the answers', async () => {
    const result = await runNew([...UPLOAD_FLAGS, '--template', template, '-o', 'out.md']);
    expect(result.stderr).toBe('');
    expect(answered(await parseWritten(cwd, 'out.md'))).toEqual(UPLOAD_MODEL);
  });
});
