/**
 * JSON read as data, for config and answers files, with syntax errors placed at their line
 * and column: `JSON.parse` only says "at position 7".
 */
import { PostmortemError } from '../model/errors.js';

/** Line and column (1-based) of a character offset in `text`. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/**
 * Parses JSON (a leading byte order mark is allowed). Throws `PostmortemError` naming
 * `filePath`, with the line and column when V8 gives a position; `what` starts the message.
 */
export function parseJsonData(text: string, filePath: string, what = 'not valid JSON'): unknown {
  const source = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(source);
  } catch (error) {
    // V8 names a position in most messages ("... in JSON at position 7"); use it when it does.
    const message = (error as Error).message.replace(/\s+/g, ' ');
    const position = /at position (\d+)/.exec(message);
    const where = position ? positionOf(source, Number(position[1])) : {};
    const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '');
    throw new PostmortemError(`${what}: ${reason}`, { filePath, ...where }, { cause: error });
  }
}
