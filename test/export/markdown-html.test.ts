import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { markdownInlineToHtml, markdownToHtml, markdownToPlainText, plainParagraphsHtml } from '../../src/export/markdown-html.js';

// markdown-it as the exporter sets it up, minus the renderer rules that only touch markup:
// linkify (bare domains such as `host.io` become links) only for text with a scheme, `www.`
// or an `@`, as the exporter decides.
const withLinkify = new MarkdownIt({ html: true, linkify: true, typographer: false });
const withoutLinkify = new MarkdownIt({ html: true, linkify: false, typographer: false });
const reference = {
  renderInline: (text: string): string => (/:\/\/|www\.|@/i.test(text) ? withLinkify : withoutLinkify).renderInline(text),
  parseInline: (text: string): ReturnType<MarkdownIt['parseInline']> => withoutLinkify.parseInline(text, {}),
};

function referencePlainText(text: string): string {
  const parts: string[] = [];
  const visit = (tokens: ReturnType<MarkdownIt['parseInline']>): void => {
    for (const token of tokens) {
      if (token.children) visit(token.children);
      else if (token.type === 'text' || token.type === 'code_inline') parts.push(token.content);
      else if (token.type === 'softbreak' || token.type === 'hardbreak') parts.push(' ');
    }
  };
  visit(reference.parseInline(text));
  return parts.join('').replace(/\s+/g, ' ').trim();
}

// Every character that leaves text plain, and every one that does not, with spaces and tabs.
const characters = fc.constantFrom(...'abc XYZ09\t.,;:\'"()>#$%+-=@^{}|/?é—'.split(''), ...'*_`[]!<&\\~\n'.split(''));
const texts = fc.array(characters, { maxLength: 40 }).map((parts) => parts.join(''));

describe('inline Markdown: the plain-text shortcut agrees with markdown-it', () => {
  it('renders the same HTML', () => {
    fc.assert(
      fc.property(texts, (text) => {
        // Text with a `<` may hold raw HTML, which the exporter also sanitises: not this comparison.
        if (!text.trim() || text.includes('<')) return;
        expect(markdownInlineToHtml(text)).toBe(reference.renderInline(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same plain text', () => {
    fc.assert(
      fc.property(texts.filter((text) => !text.includes('\n')), (text) => {
        expect(markdownToPlainText(text)).toBe(referencePlainText(text));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['Rolled back the "bad" deploy > 5% errors', 'Rolled back the &quot;bad&quot; deploy &gt; 5% errors'],
    ['  Paged the on-call engineer\t', '  Paged the on-call engineer\t'],
    ['**Paged** the [on-call](https://example.test)', '<strong>Paged</strong> the <a href="https://example.test">on-call</a>'],
    ['see https://example.test/status', 'see <a href="https://example.test/status">https://example.test/status</a>'],
  ])('%j', (text, html) => {
    expect(markdownInlineToHtml(text)).toBe(html);
  });
});

// Lines of prose, blank lines, and lines that start blocks or hold markup, as a section's text may have them.
const lineStarts = fc.constantFrom('', ' ', '    ', '# ', '> ', '- ', '+ ', '* ', '1. ', '12) ', '2023 ', '=', '---', '| ', '\u00a0', '\t');
const lineBodies = fc.array(fc.constantFrom(...'abc XYZ09.,;:\'"()>#$%+-=@^{}|/?é—'.split(''), ...'*_`[]!<&\\~'.split(''), 'www.', '://', '  '), { maxLength: 12 }).map((parts) => parts.join(''));
const blocks = fc.array(fc.tuple(lineStarts, lineBodies).map(([start, body]) => start + body), { maxLength: 6 }).map((lines) => lines.join('\n'));

describe('block Markdown: the plain-paragraph shortcut agrees with markdown-it', () => {
  it('renders the same HTML whenever it takes the text', () => {
    let taken = 0;
    fc.assert(
      fc.property(blocks, (text) => {
        const html = plainParagraphsHtml(text);
        if (html === null) return;
        taken += 1;
        expect(html).toBe((/:\/\/|www\.|@/i.test(text) ? withLinkify : withoutLinkify).render(text));
      }),
      { numRuns: 4000 },
    );
    // The comparison above means something only if the shortcut is taken often enough.
    expect(taken).toBeGreaterThan(200);
  });

  it('takes prose paragraphs, and leaves lists, headings, tables, markup and links to markdown-it', () => {
    expect(plainParagraphsHtml('The pool was set to zero.\nIt ran out.\n\n  \nWe rolled back "v2" > v1.')).toBe('<p>The pool was set to zero.\nIt ran out.</p>\n<p>We rolled back &quot;v2&quot; &gt; v1.</p>\n');
    for (const text of ['- one\n- two', '## Detail', 'a | b\n--|--\n1 | 2', 'It **broke**.', 'See https://example.test', 'Line one  \nLine two', '1. First']) {
      expect(plainParagraphsHtml(text), text).toBeNull();
    }
    expect(markdownToHtml('- one\n- two')).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n');
  });
});
