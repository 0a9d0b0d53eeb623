/**
 * The outline of a postmortem for the editor: its sections (from the parser's source
 * locations) with the timeline's entries and the corrective actions' tasks inside them.
 */
import type { DocumentSymbol, Range } from 'vscode-languageserver';
import type { Postmortem } from '../model/postmortem.js';

/** The protocol's symbol kinds used here (SymbolKind.Namespace, .Event, .Field). */
const SECTION_KIND = 3;
const ENTRY_KIND = 24;
const TASK_KIND = 8;

function lineRange(lines: readonly string[], first: number, last: number = first): Range {
  const end = Math.max(first, last);
  return { start: { line: first - 1, character: 0 }, end: { line: end - 1, character: (lines[end - 1] ?? '').length } };
}

function oneLine(text: string, limit = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

/**
 * The sections of a parsed postmortem as document symbols, in source order; the timeline's
 * entries and the corrective actions' tasks are the children of their sections. Needs a model
 * parsed from text (with `source`); an empty list otherwise.
 */
export function documentSymbols(doc: Postmortem, lines: readonly string[]): DocumentSymbol[] {
  const sections = doc.source?.sections ?? [];
  return sections.map((section) => {
    const children: DocumentSymbol[] = [];
    const inside = (line: number | undefined): line is number => line !== undefined && line > section.line && line <= section.endLine;
    if (section.kind === 'timeline') {
      for (const entry of doc.timeline) {
        if (!inside(entry.line)) continue;
        const range = lineRange(lines, entry.line);
        const name = oneLine(`${entry.time ?? ''}${entry.time && entry.label ? ' ' : ''}${entry.label ?? ''}`) || oneLine(entry.text, 40) || 'entry';
        children.push({ name, detail: oneLine(entry.text), kind: ENTRY_KIND, range, selectionRange: range });
      }
    }
    if (section.kind === 'correctiveActions' || section.kind === 'rootCauseAndResolution') {
      for (const task of doc.correctiveActions.tasks) {
        if (!inside(task.line)) continue;
        const range = lineRange(lines, task.line);
        children.push({ name: oneLine(task.text) || 'task', detail: [task.owner, task.due].filter(Boolean).join(', '), kind: TASK_KIND, range, selectionRange: range });
      }
    }
    const range = lineRange(lines, section.line, section.endLine);
    return { name: section.heading || section.kind, detail: section.kind, kind: SECTION_KIND, range, selectionRange: lineRange(lines, section.line), children };
  });
}
