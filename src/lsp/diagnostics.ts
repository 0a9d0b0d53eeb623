/**
 * Lint results in the Language Server Protocol's shapes: each message a diagnostic (its rule id
 * the code, linking to the rule's page), and the code actions a message offers: the rule's own
 * fix, and an inline directive that switches the rule off for that line.
 */
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver';
import { ENGINE_MESSAGE_IDS } from '../lint/engine.js';
import type { LintMessage } from '../lint/types.js';
import { findFrontMatter } from './front-matter-assist.js';

/** The `source` of every diagnostic: editors show it beside the message. */
export const DIAGNOSTIC_SOURCE = 'postmortem';

/** The protocol's severities (DiagnosticSeverity.Error and .Warning). */
const PROTOCOL_SEVERITY = { 2: 1, 1: 2 } as const;

/** Converts character offsets of the text to protocol positions. */
export interface OffsetToPosition {
  positionAt(offset: number): { line: number; character: number };
}

/**
 * The range a message covers: its start to its end where the rule gave one, else from its
 * column to the end of its line, so the editor underlines something visible.
 */
export function messageRange(message: LintMessage, lines: readonly string[]): Range {
  const line = Math.max(0, message.line - 1);
  const lineText = lines[line] ?? '';
  const character = Math.min(Math.max(0, message.column - 1), lineText.length);
  if (message.endLine !== undefined && message.endColumn !== undefined) {
    const endLine = Math.max(line, message.endLine - 1);
    return { start: { line, character }, end: { line: endLine, character: Math.max(0, message.endColumn - 1) } };
  }
  const end = lineText.trimEnd().length > character ? lineText.trimEnd().length : lineText.length;
  return { start: { line, character }, end: { line, character: end } };
}

/** One lint message as a diagnostic; `docsUrl` gives the rule's page (or null: no link). */
export function toDiagnostic(message: LintMessage, lines: readonly string[], docsUrl: (ruleId: string) => string | null): Diagnostic {
  const diagnostic: Diagnostic = {
    range: messageRange(message, lines),
    severity: PROTOCOL_SEVERITY[message.severity],
    code: message.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: message.message,
  };
  const href = docsUrl(message.ruleId);
  if (href !== null) diagnostic.codeDescription = { href };
  return diagnostic;
}

/** Whether two ranges share a line (code actions are asked for a cursor or a selection). */
function touches(range: Range, lines: { start: number; end: number }): boolean {
  return range.start.line <= lines.end && range.end.line >= lines.start;
}

/** What {@link codeActionsFor} needs to know about the document. */
export interface CodeActionDocument {
  uri: string;
  lines: readonly string[];
  offsets: OffsetToPosition;
  /** The document's line ending, for a directive written on a line of its own. Default `\n`. */
  eol?: string;
}

/**
 * The edit that turns `ruleId` off where `message` is: a `disable-line` comment at the end of
 * a body line, a `disable-next-line` comment above a heading or blank line (a comment after a
 * heading would change the heading's text), and a `disable-file` comment after the front matter
 * for a message inside it (directives in front matter are not read), or at the top for a
 * message on the first line of a document without front matter (where whole-document
 * problems are reported).
 */
function disableEdit(message: LintMessage, lines: readonly string[], eol: string): { title: string; edit: TextEdit } {
  const ruleId = message.ruleId;
  const line = message.line - 1;
  const block = findFrontMatter(lines);
  if (block !== null && line <= block.close) {
    const at = { line: block.close + 1, character: 0 };
    return { title: `Disable ${ruleId} for this file`, edit: { range: { start: at, end: at }, newText: `<!-- postmortem-disable-file ${ruleId} -->${eol}` } };
  }
  // A problem of the whole document is reported at its first line; with no front matter, a
  // comment written above that line would become the first line and take the problem with it.
  if (block === null && line === 0) {
    const at = { line: 0, character: 0 };
    return { title: `Disable ${ruleId} for this file`, edit: { range: { start: at, end: at }, newText: `<!-- postmortem-disable-file ${ruleId} -->${eol}` } };
  }
  const text = lines[line] ?? '';
  if (text.trim() === '' || /^ {0,3}#{1,6}(?:\s|$)/.test(text)) {
    const at = { line, character: 0 };
    return { title: `Disable ${ruleId} for this line`, edit: { range: { start: at, end: at }, newText: `<!-- postmortem-disable-next-line ${ruleId} -->${eol}` } };
  }
  const at = { line, character: text.length };
  return { title: `Disable ${ruleId} for this line`, edit: { range: { start: at, end: at }, newText: ` <!-- postmortem-disable-line ${ruleId} -->` } };
}

/**
 * The quick fixes for the messages on the lines of `range`: the fix each rule offers, then
 * "Disable <rule> for this line" once per rule (not for problems the engine reports itself,
 * such as an unreadable file, which no directive switches off).
 */
export function codeActionsFor(messages: readonly LintMessage[], range: Range, document: CodeActionDocument, docsUrl: (ruleId: string) => string | null): CodeAction[] {
  const fixes: CodeAction[] = [];
  const disables: CodeAction[] = [];
  const disabled = new Set<string>();
  for (const message of messages) {
    const lines = { start: message.line - 1, end: (message.endLine ?? message.line) - 1 };
    if (!touches(range, lines)) continue;
    const diagnostic = toDiagnostic(message, document.lines, docsUrl);
    if (message.fix) {
      const edit: TextEdit = {
        range: { start: document.offsets.positionAt(message.fix.range[0]), end: document.offsets.positionAt(message.fix.range[1]) },
        newText: message.fix.text,
      };
      fixes.push({ title: `Fix: ${message.message}`, kind: 'quickfix', diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [document.uri]: [edit] } } });
    }
    const key = `${message.ruleId}:${message.line}`;
    if ((ENGINE_MESSAGE_IDS as readonly string[]).includes(message.ruleId) || message.fatal || disabled.has(key)) continue;
    disabled.add(key);
    const { title, edit } = disableEdit(message, document.lines, document.eol ?? '\n');
    disables.push({ title, kind: 'quickfix', diagnostics: [diagnostic], edit: { changes: { [document.uri]: [edit] } } });
  }
  return [...fixes, ...disables];
}
