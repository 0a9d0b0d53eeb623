// The collection reader on the calling thread (src/ has no compiled worker; the worker path is
// tested through the build in test/e2e/collection-workers.test.ts): what each file gives,
// what the slim model keeps and blanks, and files that cannot be read in the middle of a run.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectionPostmortem as slimModel, collectionWorkerCount, readCollection, readCollectionStream, type CollectionFile } from '../../src/collection/read-collection.js';
import { collectActions } from '../../src/collection/collect-actions.js';
import { collectionStats } from '../../src/collection/collection-stats.js';
import { PostmortemError } from '../../src/model/errors.js';
import type { Postmortem } from '../../src/model/postmortem.js';
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';
import { repoRoot, useTempDir } from '../cli/cli-harness.js';
import { UNREADABLE, writeCollection } from './collection-fixtures.js';

let cwd: string;
useTempDir((path) => (cwd = path));

function modelOf(file: CollectionFile | undefined): Postmortem {
  if (!file?.postmortem) throw new Error(`no model for ${file?.file}: ${file?.error?.message}`);
  return file.postmortem;
}

describe('readCollection', () => {
  it('gives every file in walk order, its name relative to cwd, and the reason for each file it cannot read', async () => {
    const names = await writeCollection(join(cwd, 'pm'), 12, [2, 5, 6, 9]);
    const files = await readCollection(['pm'], { cwd });
    expect(files.map((file) => file.file)).toEqual(names.map((name) => `pm/${name}`));
    expect(files.map((file) => file.path)).toEqual(names.map((name) => join(cwd, 'pm', name)));
    const failed = files.filter((file) => file.error !== null);
    expect(failed.map((file) => file.file)).toEqual(['pm/0002-binary.md', 'pm/0005-not-utf8.md', 'pm/0006-utf16.md', 'pm/0009-bad-front-matter.md']);
    for (const file of failed) expect(file.postmortem).toBeNull();
    const [binary, notUtf8, utf16, badFrontMatter] = failed.map((file) => file.error);
    expect(binary).toEqual({ message: UNREADABLE.binary?.message, line: null });
    expect(notUtf8).toEqual({ message: UNREADABLE['not-utf8']?.message, line: 4 });
    expect(utf16).toEqual({ message: UNREADABLE.utf16?.message, line: null });
    expect(badFrontMatter?.line).toBe(2);
    expect(badFrontMatter?.message).toMatch(/front matter/i);
    for (const file of files.filter((each) => each.error === null)) expect(modelOf(file).source?.filePath).toBe(file.file);
  });

  it('keeps what the collection commands read and blanks the long prose unless full models are asked for', async () => {
    await writeCollection(join(cwd, 'pm'), 3);
    const text = await readFile(join(cwd, 'pm', '0001-incident.md'), 'utf8');
    const parsed = parsePostmortem(text, { filePath: 'pm/0001-incident.md' });
    // The fixture has every field the slim model blanks, so blanking shows.
    expect(parsed.rootCause).toMatch(/halved the pool/);
    expect(parsed.resolution).not.toBeNull();
    expect(parsed.lessonsLearned).not.toBeNull();
    expect(parsed.otherSections.map((section) => section.heading)).toContain('Customer communication');
    expect(parsed.summary.text).not.toBeNull();
    expect(parsed.source?.sections.length).toBeGreaterThan(3);

    const slim = modelOf((await readCollection(['pm'], { cwd }))[1]);
    expect(slim).toEqual({
      ...parsed,
      rootCause: null,
      resolution: null,
      lessonsLearned: null,
      conclusion: null,
      otherSections: [],
      summary: { ...parsed.summary, text: null },
      source: { filePath: 'pm/0001-incident.md', sections: [], frontMatterLines: parsed.source?.frontMatterLines, frontMatter: null },
    });
    // What actions and stats read is there.
    expect(slim.services).toEqual(['photo-upload']);
    expect(slim.tags).toEqual(['capacity', 'follow-up-1']);
    expect(slim.timezone).toBe('UTC');
    expect(slim.summary.start).toBe('2025-02-02T09:00:00+00:00');
    expect(slim.summary.durationMinutes).toBe(150);
    expect(slim.timeline[0]).toMatchObject({ kind: 'detection', label: 'Detection', line: parsed.timeline[0]?.line });
    expect(slim.correctiveActions.tasks.map((task) => [task.owner, task.due, task.issue, task.done])).toEqual([['Noor Haddad', '2025-02-28', '#101', false], ['Ilse Varga', '2026-02-15', null, false]]);

    const full = modelOf((await readCollection(['pm'], { cwd, full: true }))[1]);
    expect(full).toEqual(parsed);
  });

  it('makes the slim model as a copy, leaving the parsed model whole', () => {
    const parsed = parsePostmortem('# A\n\n## Root Cause\n\nA cable.\n', { filePath: 'a.md' });
    const before = structuredClone(parsed);
    const slim = slimModel(parsed);
    expect(slim.rootCause).toBeNull();
    expect(parsed).toEqual(before);
  });

  it('yields files one at a time and can be stopped early', async () => {
    await writeCollection(join(cwd, 'pm'), 6, [1]);
    const seen: string[] = [];
    for await (const file of readCollectionStream(['pm'], { cwd })) {
      seen.push(file.file);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(['pm/0000-incident.md', 'pm/0001-binary.md']);
  });

  it('throws a PostmortemError for a path that does not exist, as lint does', async () => {
    await expect(readCollection(['missing'], { cwd })).rejects.toBeInstanceOf(PostmortemError);
  });

  it('reads on the calling thread when run from the TypeScript sources, whatever the concurrency', async () => {
    expect(collectionWorkerCount(5000, 4)).toBe(0);
    expect(collectionWorkerCount(5000, 'auto')).toBe(0);
    await writeCollection(join(cwd, 'pm'), 30, [7]);
    expect(await readCollection(['pm'], { cwd, concurrency: 4 })).toEqual(await readCollection(['pm'], { cwd, concurrency: 1 }));
  });

  it('gives stats and actions the same answers as whole models would, over the fixture collection and generated files', async () => {
    // If either ever reads a field the slim model blanks, its answers change here.
    await writeCollection(join(cwd, 'pm'), 40, [5]);
    for (const [patterns, options] of [[['test/fixtures/collection/postmortems'], { cwd: repoRoot }], [['pm'], { cwd }]] as const) {
      const models = (files: CollectionFile[]): Postmortem[] => files.flatMap((file) => (file.postmortem ? [file.postmortem] : []));
      const slim = models(await readCollection(patterns, options));
      const full = models(await readCollection(patterns, { ...options, full: true }));
      expect(slim.length).toBeGreaterThan(10);
      expect(slim).not.toEqual(full);
      for (const groupBy of ['month', 'quarter', 'severity', 'service'] as const) {
        expect(collectionStats(slim, { today: '2026-06-01', groupBy })).toEqual(collectionStats(full, { today: '2026-06-01', groupBy }));
      }
      expect(collectActions(slim, { today: '2026-06-01' })).toEqual(collectActions(full, { today: '2026-06-01' }));
    }
  });
});
