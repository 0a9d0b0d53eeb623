/**
 * Every real postmortem in ../shared/corpus (read from there at test time, never copied
 * here) and every example in examples/ exports to a safe standalone HTML page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/export/render-html.js';
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';
import { findUnsafeHtml } from './html-safety.js';

const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const examples = join(import.meta.dirname, '..', '..', 'examples');

function markdownFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).sort();
}

function exportsSafely(file: string): void {
  const html = renderHtml(parsePostmortem(readFileSync(file, 'utf8'), { filePath: file }));
  expect(html).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
  expect(findUnsafeHtml(html)).toEqual([]);
}

describe.skipIf(!existsSync(corpus))(`the shared corpus exports to HTML${existsSync(corpus) ? '' : ' (skipped: ../shared/corpus is not beside this checkout)'}`, () => {
  const files = existsSync(corpus) ? markdownFiles(corpus) : [];
  it('has files', () => expect(files.length).toBeGreaterThanOrEqual(60));
  it.each(files)('%s', (name) => exportsSafely(join(corpus, name)));
});

describe('the examples export to HTML', () => {
  const files = markdownFiles(examples).filter((name) => !name.includes('/'));
  it('has examples', () => expect(files.length).toBeGreaterThan(0));
  it.each(files)('%s', (name) => exportsSafely(join(examples, name)));
});
