/**
 * The language server's pure parts, directly: front matter completion and hover, the
 * diagnostics' ranges and the code actions' edits (each directive it writes checked against
 * the lint engine, which must obey it).
 */
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText, splitLines } from '../../src/lint/engine.js';
import type { LintMessage } from '../../src/lint/types.js';
import { codeActionsFor, messageRange } from '../../src/lsp/diagnostics.js';
import { completeFrontMatter, frontMatterKeys, hoverFrontMatter } from '../../src/lsp/front-matter-assist.js';
import { CLEAN } from '../lint/lint-fixtures.js';

const noDocs = (): null => null;

/** Applies the single edit of a code action to a text. */
function applyAction(text: string, action: { edit?: { changes?: Record<string, Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>> } }): string {
  const document = TextDocument.create('file:///doc.md', 'markdown', 1, text);
  const [edit] = action.edit?.changes?.['file:///doc.md'] ?? [];
  if (!edit) throw new Error('no edit');
  return TextDocument.applyEdits(document, [edit]);
}

function actionsAt(text: string, line: number): ReturnType<typeof codeActionsFor> {
  const document = TextDocument.create('file:///doc.md', 'markdown', 1, text);
  const { messages } = lintText(text);
  const range = { start: { line, character: 0 }, end: { line, character: 0 } };
  return codeActionsFor(messages, range, { uri: document.uri, lines: splitLines(text), offsets: document }, noDocs);
}

describe('front matter completion', () => {
  const lines = ['---', 'title: Outage', 'severity: ', 'timezone: "Europe/Ber', '', '---', '', '# Outage'];

  it('offers nothing outside the front matter, or in a document without one', () => {
    expect(completeFrontMatter(lines, 7, 2, { severities: ['SEV1'] })).toBeNull();
    expect(completeFrontMatter(['# Outage', 'severity: '], 1, 10, { severities: ['SEV1'] })).toBeNull();
  });

  it('offers the severities after "severity:", with a space when none is typed', () => {
    expect(completeFrontMatter(['---', 'severity:', '---'], 1, 9, { severities: ['SEV1', 'SEV2'] })?.map((item) => item.insertText)).toEqual([' SEV1', ' SEV2']);
    expect(completeFrontMatter(lines, 2, 10, { severities: ['SEV1', 'SEV2'] })?.map((item) => item.insertText)).toEqual(['SEV1', 'SEV2']);
  });

  it('filters timezone names by what is typed, quoted or not', () => {
    const items = completeFrontMatter(lines, 3, lines[3]?.length ?? 0, { severities: [], timeZones: ['UTC', 'Europe/Berlin', 'Europe/Paris'] });
    expect(items?.map((item) => item.label)).toEqual(['Europe/Berlin']);
  });

  it('offers the keys not yet used on an empty line, from the schema', () => {
    const labels = completeFrontMatter(lines, 4, 0, { severities: [] })?.map((item) => item.label) ?? [];
    expect(labels).toContain('status');
    expect(labels).toContain('start');
    expect(labels).not.toContain('title');
    expect(labels).not.toContain('timeline');
    expect(frontMatterKeys().find((key) => key.name === 'authors')).toMatchObject({ shape: 'list', description: 'Authors, as written.' });
  });
});

describe('front matter hover', () => {
  const lines = ['---', 'start: 2026-03-14T14:05:00Z', 'team: payments', 'timezone: Europe/Berlin', '---'];

  it("shows a key's description, and nothing for a key the schema does not know", () => {
    expect(hoverFrontMatter(lines, 1, 0)?.contents).toBe('**start**: When impact started.');
    expect(hoverFrontMatter(lines, 2, 1)).toBeNull();
  });

  it("shows a timezone's offset on the day asked", () => {
    expect(hoverFrontMatter(lines, 3, 14, new Date('2026-07-01T12:00:00Z'))?.contents).toBe('**Europe/Berlin**: UTC+02:00 now');
    expect(hoverFrontMatter(lines, 3, 14, new Date('2026-01-01T12:00:00Z'))?.contents).toBe('**Europe/Berlin**: UTC+01:00 now');
  });
});

describe('diagnostic ranges', () => {
  const message = (fields: Partial<LintMessage>): LintMessage => ({ ruleId: 'x', severity: 1, message: 'm', line: 2, column: 3, ...fields });

  it('covers the end the rule gave, else the rest of the line without trailing spaces', () => {
    expect(messageRange(message({ endLine: 2, endColumn: 6 }), ['a', 'abcdefgh'])).toEqual({ start: { line: 1, character: 2 }, end: { line: 1, character: 5 } });
    expect(messageRange(message({}), ['a', 'abcdefgh   '])).toEqual({ start: { line: 1, character: 2 }, end: { line: 1, character: 8 } });
  });
});

describe('disable actions', () => {
  it('turns a rule off for the whole file when the problem is in the front matter, and the engine obeys', () => {
    const text = CLEAN.replace('severity: SEV2', 'severity: SEV9');
    expect(lintText(text).messages.map((message) => message.ruleId)).toEqual(['front-matter']);
    const [disable] = actionsAt(text, 3);
    expect(disable?.title).toBe('Disable front-matter for this file');
    const changed = applyAction(text, disable as never);
    expect(changed.split('\n')[8]).toBe('<!-- postmortem-disable-file front-matter -->');
    expect(lintText(changed).messages).toEqual([]);
  });

  it('writes the directive above a heading, so the heading stays as it was', () => {
    // The timeline's heading gets a problem (no entries): the directive goes on its own line above.
    const text = CLEAN.replace(/## Timeline\n\n(?:- .*\n)+/, '## Timeline\n\nTo be written.\n');
    const problem = lintText(text).messages.find((message) => text.split('\n')[message.line - 1]?.startsWith('## '));
    if (!problem) throw new Error('expected a problem on a heading');
    const disable = actionsAt(text, problem.line - 1).find((action) => action.title === `Disable ${problem.ruleId} for this line`);
    const changed = applyAction(text, disable as never);
    expect(changed.split('\n').slice(problem.line - 1, problem.line + 1)).toEqual([`<!-- postmortem-disable-next-line ${problem.ruleId} -->`, text.split('\n')[problem.line - 1]]);
    // The rule reports fewer problems: the directive did not just move the one it is for.
    const count = (source: string) => lintText(source).messages.filter((message) => message.ruleId === problem.ruleId).length;
    expect(count(changed)).toBeLessThan(count(text));
    expect(lintText(changed).messages.filter((message) => message.ruleId === problem.ruleId && message.line === problem.line + 1)).toEqual([]);
  });

  it('disables a whole-document problem of a file without front matter for the file, since it is reported at line 1', () => {
    const text = '# Hello\n\nNothing else yet.\n';
    const problem = lintText(text).messages.find((message) => message.ruleId === 'required-sections' && message.line === 1);
    if (!problem) throw new Error('expected required-sections at line 1');
    const disable = actionsAt(text, 0).find((action) => action.title === 'Disable required-sections for this file');
    const changed = applyAction(text, disable as never);
    expect(changed.startsWith('<!-- postmortem-disable-file required-sections -->\n# Hello\n')).toBe(true);
    expect(lintText(changed).messages.filter((message) => message.ruleId === 'required-sections')).toEqual([]);
  });

  it('writes the line ending the document uses', () => {
    const text = CLEAN.replace('severity: SEV2', 'severity: SEV9').replace(/\n/g, '\r\n');
    const document = TextDocument.create('file:///doc.md', 'markdown', 1, text);
    const [disable] = codeActionsFor(lintText(text).messages, { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, { uri: document.uri, lines: splitLines(text), offsets: document, eol: '\r\n' }, noDocs);
    expect(disable?.edit?.changes?.[document.uri]?.[0]?.newText).toBe('<!-- postmortem-disable-file front-matter -->\r\n');
    expect(lintText(applyAction(text, disable as never)).messages).toEqual([]);
  });

  it('offers no directive for what the engine reports itself (an unknown rule in a directive)', () => {
    const text = CLEAN.replace('## Root Cause', '<!-- postmortem-disable no-such-rule -->\n\n## Root Cause');
    const line = text.split('\n').indexOf('<!-- postmortem-disable no-such-rule -->');
    expect(lintText(text).messages.map((message) => message.ruleId)).toEqual(['inline-config']);
    expect(actionsAt(text, line)).toEqual([]);
  });
});
