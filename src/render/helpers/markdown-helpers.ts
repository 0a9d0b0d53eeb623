/** Helpers that shape Markdown: sections that vanish when empty, labels, list and table text. */
import { frontMatterYaml } from '../front-matter.js';
import { indentContinuation, isSingleLine, labelledText, tableCell } from '../markdown-text.js';
import { helperArguments, helperOptions, renderedPostmortem, textOf, type TemplateHelpers } from './helper.js';

/** Helpers that shape Markdown. */
export const markdownHelpers: TemplateHelpers = {
  frontMatter: {
    usage: '{{frontMatter}}',
    description: 'The YAML front matter block (title, date, severity, status, authors, reviewers, reviewedAt, timezone, services, tags, start, end), or nothing when no metadata is known.',
    // Without its last newline: the template's own line break ends the block.
    helper: (...args: unknown[]) => frontMatterYaml(renderedPostmortem(helperOptions(args))).replace(/\n$/, ''),
  },
  section: {
    usage: '{{#section "Heading" level=2}}...{{/section}}',
    description: 'A heading followed by the block\'s content, or nothing at all when the content is blank, so empty sections never appear.',
    helper(this: unknown, ...args: unknown[]) {
      const options = helperOptions(args);
      const [heading] = helperArguments(args);
      const level = Number(options.hash.level ?? 2);
      const body = String(options.fn(this)).replace(/^(?:[ \t]*\n)+/, '').trimEnd();
      if (!body) return '';
      return `${'#'.repeat(Math.min(Math.max(level, 1), 6))} ${textOf(heading)}\n\n${body}\n\n`;
    },
  },
  labelled: {
    usage: '{{labelled "Root cause" rootCause}}',
    description: 'Text after a bold label (`**Root cause:** ...`); the label goes on a line of its own when the text opens with a list, heading, quote or code.',
    helper: (...args: unknown[]) => {
      const [label, text] = helperArguments(args);
      return labelledText(textOf(label), textOf(text));
    },
  },
  indent: {
    usage: '{{indent text spaces=2}}',
    description: 'Text with every line after the first indented (2 spaces by default), so multi-line text stays inside a list item.',
    helper: (...args: unknown[]) => {
      const options = helperOptions(args);
      const [text] = helperArguments(args);
      return indentContinuation(textOf(text), Number(options.hash.spaces ?? 2));
    },
  },
  cell: {
    usage: '{{cell text}}',
    description: 'Text made safe for a table cell: `|` escaped, line breaks written as `<br>`.',
    helper: (...args: unknown[]) => tableCell(textOf(helperArguments(args)[0])),
  },
  isSingleLine: {
    usage: '{{#if (isSingleLine summary.impact)}}',
    description: 'True for non-empty text without line breaks, which fits after a label on one line.',
    helper: (...args: unknown[]) => isSingleLine(textOf(helperArguments(args)[0])),
  },
};
