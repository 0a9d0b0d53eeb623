/**
 * Text from a document made safe to print on a terminal: whatever a postmortem holds (a
 * title, an owner, a service name) is shown, never obeyed.
 */

/**
 * One line of plain text: line breaks become spaces, and so do control characters (escape
 * sequences that could move the cursor, recolour the terminal, set its title or write to the
 * clipboard) and bidirectional overrides that could reorder what is shown.
 */
export function terminalText(text: string): string {
  return text
    // The lookbehind starts a match only where a run of white space starts: without it each space of a long run would be a new start, each scanning the rest of the run.
    .replace(/(?<!\s)\s*[\r\n]+\s*/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');
}
