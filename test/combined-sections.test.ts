/**
 * Combined "Root Cause and Resolution" sections in the real postmortems (../shared/corpus and
 * ../shared/seeds, read from there, never copied here): wherever the parser splits one on its
 * paragraphs, the split is after the section's first paragraph and loses no text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../src/parse/front-matter.js';
import { analyzeLines } from '../src/parse/markdown-lines.js';
import { splitRootCauseAndResolution } from '../src/parse/root-cause-resolution.js';
import { splitSections } from '../src/parse/sections.js';

const shared = join(import.meta.dirname, '..', '..', 'shared');
const folders = ['corpus', 'seeds'].map((name) => join(shared, name)).filter((folder) => existsSync(folder));

function combinedSections() {
  return folders.flatMap((folder) => readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(?:md|txt)$/.test(name))
    .sort()
    .flatMap((name) => {
      const front = splitFrontMatter(readFileSync(join(folder, name), 'utf8').replace(/^\uFEFF/, ''), name);
      return splitSections(analyzeLines(front.body, front.bodyLineOffset))
        .filter((section) => section.kind === 'rootCauseAndResolution')
        .map((section) => ({ name, section, split: splitRootCauseAndResolution(section) }));
    }));
}

describe.skipIf(folders.length === 0)('combined root cause and resolution sections in the shared corpus', () => {
  const found = folders.length > 0 ? combinedSections() : [];
  const byParagraph = found.filter(({ split }) => split.splitBy === 'paragraph');

  it('holds combined sections split on their paragraphs, and some left whole', () => {
    // Floors under what the corpus holds today, so that a classifier that stops splitting fails.
    expect(byParagraph.length).toBeGreaterThanOrEqual(4);
    expect(found.filter(({ split }) => split.splitBy === null && split.rootCause).length).toBeGreaterThanOrEqual(10);
  });

  it.each(byParagraph.map(({ name, section, split }) => [`${name}:${section.headingLine?.number}`, section, split] as const))(
    '%s: the resolution starts after the first paragraph, which stays root cause',
    (_where, section, split) => {
      const firstProse = section.lines.find((line) => line.kind === 'text' && /[A-Za-z]{3}/.test(line.text));
      expect(firstProse).toBeDefined();
      expect(split.resolutionLine).toBeGreaterThan(firstProse?.number ?? Infinity);
      expect(split.rootCause).toContain((firstProse?.text ?? '').trim());
      expect(split.resolution).not.toContain((firstProse?.text ?? '').trim());
    },
  );

  it.each(byParagraph.map(({ name, section, split }) => [`${name}:${section.headingLine?.number}`, section, split] as const))(
    '%s: every line of the section is in the root cause or the resolution',
    (_where, section, split) => {
      const kept = `${split.rootCause}\n${split.resolution}`;
      for (const line of section.lines) {
        if (line.kind === 'blank' || /^\s*(?:<br\s*\/?>\s*)+$/i.test(line.text)) continue;
        expect(kept).toContain(line.text.trim());
      }
    },
  );
});
