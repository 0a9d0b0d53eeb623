/**
 * Writing user text into Markdown structure without breaking it. Text fields are Markdown
 * written verbatim; only what would break the structure around them is changed.
 */

/** True for non-empty text without line breaks. */
export function isSingleLine(text: string): boolean {
  return text.trim() !== '' && !/[\r\n]/.test(text);
}

/**
 * Indents every line after the first, so that multi-line text continues the list item it
 * starts in. Blank lines stay empty rather than carrying trailing spaces.
 */
export function indentContinuation(text: string, spaces: number): string {
  const padding = ' '.repeat(Math.max(0, spaces));
  return text
    .split('\n')
    .map((line, index) => (index === 0 || line.trim() === '' ? line : padding + line))
    .join('\n');
}

/**
 * A table cell: `|` would end the cell and a line break would end the row, so they are
 * escaped (`\|`) and written as `<br>`. Backslashes already escaping a pipe are kept.
 */
export function tableCell(text: string): string {
  return text
    .trim()
    .replace(/\r?\n/g, '<br>')
    .replace(/(?<!\\)((?:\\\\)*)\|/g, '$1\\|');
}

// A line that Markdown reads as the start of a block, which cannot follow a label inline.
const BLOCK_START = /^(?: {4}|\t|[-*+] |\d+[.)] |#{1,6}(?:\s|$)|>|```|~~~|\||<)/;

/**
 * `**Label:** text` for text that opens with a paragraph; for text that opens with a block
 * (a list, a heading, a quote, code) the label stands on its own line before it.
 */
export function labelledText(label: string, text: string): string {
  if (!text) return '';
  return BLOCK_START.test(text) ? `**${label}:**\n\n${text}` : `**${label}:** ${text}`;
}
