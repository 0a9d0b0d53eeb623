/**
 * parseBlocks (markdown-it's block parser on its own) against the whole MarkdownIt with the inline
 * rules off, as the parser used it before: the same tokens for every document of ../shared/corpus
 * (read from there, never copied), of examples/ and of the test fixtures, and for made-up
 * documents with the constructs whose rules read the instance (HTML, references, deep nesting).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parseBlocks } from '../../src/parse/markdown-blocks.js';
import { repoRoot } from '../cli/cli-harness.js';

const whole = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
whole.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);

function filesUnder(folder: string, pattern: RegExp): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => pattern.test(name) && statSync(join(folder, name)).isFile())
    .map((name) => join(folder, name))
    .sort();
}

const corpus = join(repoRoot, '..', 'shared', 'corpus');
const documents = [
  ...filesUnder(corpus, /\.(?:md|markdown|txt)$/i),
  ...filesUnder(join(repoRoot, 'examples'), /\.md$/),
  ...filesUnder(join(repoRoot, 'test', 'fixtures'), /\.md$/),
];

const MADE_UP: Array<[string, string]> = [
  ['HTML blocks', '<div>\n# not a heading\n</div>\n\n<!-- note -->\n# Heading\n'],
  ['reference definitions, good and refused', '[a]: https://example.com "t"\n===\n\n[b]: javascript:alert(1)\n===\n\n[c]: data:image/png;base64,AAAA\n---\n'],
  ['line endings and NUL', '# One\r\n\r\ntext\rmore\u0000\n- item\n'],
  ['nesting past the limit', `${Array.from({ length: 150 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n')}\n${'> '.repeat(150)}quote\n`],
  ['tables, fences and indented code', '| a | b |\n|---|---|\n| 1 | 2 |\n\n```md\n# in a fence\n```\n\n    # indented\n\nSetext\n------\n'],
];

describe('markdown-it\'s block parser on its own', () => {
  it('has documents to compare', () => {
    expect(documents.length).toBeGreaterThan(existsSync(corpus) ? 60 : 5);
  });

  it.each(MADE_UP)('gives the same tokens as MarkdownIt for %s', (_name, text) => {
    expect(parseBlocks(text)).toEqual(whole.parse(text, {}));
  });

  it('gives the same tokens as MarkdownIt for every document', () => {
    const differing = documents.filter((path) => {
      const text = readFileSync(path, 'utf8');
      return JSON.stringify(parseBlocks(text)) !== JSON.stringify(whole.parse(text, {}));
    });
    expect(differing).toEqual([]);
  });
});
