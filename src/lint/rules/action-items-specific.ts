/**
 * action-items-specific: each corrective task is something a person can do and tick off: a
 * sentence that starts with a verb, not an attitude ("be more careful") or a direction without
 * a change ("improve monitoring"). Optionally every open task has an owner and a due date.
 *
 * This rule also owns checklist syntax in the corrective measures: a malformed checkbox
 * (`- []`, `-[x]`, `* [X ]`) does not render as a checklist item, and is fixed in place.
 */
import type { Postmortem } from '../../model/postmortem.js';
import { pretested } from '../../model/pretested.js';
import { defineRule, type RuleContext } from '../types.js';
import { isActionVerb } from './support/action-verbs.js';
import { checkBoolean, checkKnownOptions, firstError } from './support/options.js';
import { sectionsOf } from './support/sections.js';
import { lineStarts } from './support/source-text.js';

/** Options of action-items-specific. */
export interface ActionItemsSpecificOptions {
  /** Report open tasks without an owner. */
  requireOwner: boolean;
  /** Report open tasks without a due date. */
  requireDueDate: boolean;
}

// Attitudes, not actions: nobody can tell when one of these is done.
// Pretested by the words it can start with: a sentence that starts otherwise ("Add an alert ...")
// never compiles it.
const ATTITUDE = pretested(/^(?:we|be|being|pay|paying|try|trying|take|do|don't|never|learn)\s/i, /^(?:we\s+(?:will|should|must|need to)\s+)?(?:be(?:ing)?\s+(?:more\s+|extra\s+|very\s+)?(?:careful|cautious|vigilant|attentive|mindful|aware|diligent|thorough)|pay(?:ing)?\s+(?:more\s+|closer\s+)?(?:close\s+)?attention|try(?:ing)?\s+harder|take\s+more\s+care|(?:do not|don't|never)\s+(?:do|let)\s+(?:this|it|that)\s+(?:happen\s+)?again|learn\s+from\s+(?:this|our|the)\s+mistakes?)\b/i);
// A direction without the change: "Improve monitoring", "Enhance security".
const DIRECTION_VERB = /^(?:improv|enhanc|optimi[sz]|strengthen|better|refin)\w*$/i;
const SAYS_HOW = /\b(?:by|to|so|with|for|from|via|using|when|that|which|until|before|after|on|in|at|per|within|under|over)\b|[:\d]/i;
// Ways of opening an action item before its verb: "Need to add", "Please add", "Regularly review".
const OPENERS = /^(?:(?:need|needs|plan|have) to\s+|to\s+|please\s+|also\s+|then\s+|further\s+|\w+ly\s+)+/i;
// An owner or subject before the verb: "ICL to build 22.0.3", "We will add", "The deploy script should refuse ...".
const SUBJECT_FIRST = /^(?:[\w.'’&/@()-]+\s+){1,6}?(?:will|'ll|shall|should|must|needs? to|has to|have to|plans? to|is going to|are going to|to)\s+/i;
const ONLY_A_LINK = /^(?:<?https?:\/\/\S+>?|#\d+|[A-Z][A-Z0-9]+-\d+)$/;

/** The words of a task with Markdown, issue references and a leading label or priority taken off. */
function plainWords(text: string): string[] {
  const plain = text
    .replace(/!?\[([^\[\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/[*_`~]/g, '')
    .replace(/^\s*(?:\[[^\]]{1,20}\]|\([^)]{1,20}\)|[A-Z][A-Z0-9]+-\d+:?|#\d+:?|P\d\s*[:\-–]|\d+[.)])\s*/g, '')
    .trim();
  return plain.split(/\s+/).filter(Boolean);
}

// A shell command or script line that ended up in a list (an unfenced code sample): not prose to judge.
const LOOKS_LIKE_CODE = /^(?:#!|bash\s+#!|(?:sudo|cat|echo|cd|ls|grep|sed|awk|apt(?:-get)?|curl|wget|chmod|chown|systemctl|service|docker|kubectl|git|npm|pip|puppet|mysql)\s+\S*(?:[-/|>]|\s-{1,2}\w))/;

/** What is wrong with a task's wording, or null when it reads as an action. */
function wordingProblem(text: string): string | null {
  // A line wholly in bold is a caption or a label that ended up in the list, not a task.
  if (/^\s*(?:\*{1,2}|_{1,2})[^*_]+(?:\*{1,2}|_{1,2})\s*$/.test(text)) return null;
  const words = plainWords(text);
  if (words.length === 0 || LOOKS_LIKE_CODE.test(words.join(' '))) return null;
  const sentence = words.join(' ');
  if (ONLY_A_LINK.test(sentence)) {
    return `"${truncate(sentence)}" is only a reference: say what the task is, and keep the link after it ("Add a fuzzer for large header frames (${truncate(sentence)})")`;
  }
  const action = isActionVerb(firstWord(sentence.replace(OPENERS, ''))) ? sentence : withoutSubject(sentence);
  if (ATTITUDE.test(action)) {
    return `"${truncate(sentence)}" is an attitude, not an action: say what will change so that it cannot happen again (a check, an alert, a safeguard), with who does it`;
  }
  const opened = action.replace(OPENERS, '');
  let verbAt = isActionVerb(firstWord(opened)) ? 0 : -1;
  if (verbAt < 0) {
    // "Monitoring: add an alert on disk usage": a short topic label before the action.
    const label = /^[^:]{1,40}:\s+(.*)$/.exec(opened);
    if (label && isActionVerb(firstWord((label[1] as string).replace(OPENERS, '')))) verbAt = 1;
  }
  if (verbAt < 0) {
    return `"${truncate(sentence)}" does not start with a verb: write it as an action someone can do and tick off ("Add ...", "Document ...", "Alert on ...")`;
  }
  const rest = opened.split(/\s+/);
  if (verbAt === 0 && DIRECTION_VERB.test(rest[0] ?? '') && rest.length <= 4 && !SAYS_HOW.test(rest.slice(1).join(' '))) {
    return `"${truncate(sentence)}" names a direction but not the change: say what will be done and how you will know it is done ("Add an alert when ... exceeds ...")`;
  }
  return null;
}

const firstWord = (text: string): string => text.split(/\s+/)[0] ?? '';

/**
 * The action after an owner or subject: "ICL to build 22.0.3" -> "build 22.0.3", "Dana add
 * the alert" -> "add the alert". A prefix that itself holds a verb ("Check how to ...") is
 * part of the action, not a subject.
 */
function withoutSubject(sentence: string): string {
  const subject = SUBJECT_FIRST.exec(sentence);
  if (subject && !subject[0].trim().split(/\s+/).slice(0, -1).some(isActionVerb)) return sentence.slice(subject[0].length);
  const [first, second] = sentence.split(/\s+/);
  if (first && second && /^(?:@[\w-]+|[A-Z][\w-]*)$/.test(first) && isActionVerb(second)) return sentence.slice(first.length).trim();
  return sentence;
}

const truncate = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

// A list item with a checkbox written almost right: marker, optional space, brackets holding spaces and at most one x.
// (`\[\s*x?\s*\]` would backtrack quadratically over a long run of spaces in the brackets.)
const CHECKBOX = /^(\s*)([-*+]|\d{1,9}[.)])(\s*)\[(\s*)(?:([xX])(\s*))?\](?!\()(\s*)(?=\S)/;

/** Malformed checkboxes in the corrective measures, each with the fix that makes it a checklist item. */
function checkChecklistSyntax({ doc, text, lines, report }: RuleContext<ActionItemsSpecificOptions>): void {
  const starts = lineStarts(text);
  for (const section of sectionsOf(doc, 'correctiveActions')) {
    for (let line = section.line; line <= section.endLine; line++) {
      const match = CHECKBOX.exec(lines[line - 1] ?? '');
      if (!match) continue;
      const [written, indent, marker, gap, before, mark = '', after = '', trailing] = match as unknown as string[] as [string, string, string, string, string, string | undefined, string | undefined, string];
      // GFM: a space after the marker, one character between the brackets, a space after them.
      const valid = gap.length > 0 && trailing.length > 0 && (mark ? before === '' && after === '' : before.length + after.length === 1);
      if (valid) continue;
      const wanted = `${indent}${marker} [${mark || ' '}] `;
      const start = (starts[line - 1] ?? 0) + indent.length;
      report({
        message: `Malformed checkbox "${written.trim()}": write "${marker} [${mark || ' '}] " so that it renders as a checklist item`,
        line,
        column: indent.length + 1,
        fix: { range: [start, start + written.length - indent.length], text: wanted.slice(indent.length) },
      });
    }
  }
}

/** The line an improvement (which the model keeps without a line) was written on, searched in the corrective sections. */
function lineOfImprovement(doc: Postmortem, lines: readonly string[], improvement: string): number | null {
  const needle = improvement.split('\n')[0]?.trim().slice(0, 40);
  if (!needle) return null;
  for (const section of sectionsOf(doc, 'correctiveActions')) {
    for (let line = section.line; line <= section.endLine; line++) if ((lines[line - 1] ?? '').includes(needle)) return line;
  }
  return null;
}

export default defineRule<ActionItemsSpecificOptions>({
  id: 'action-items-specific',
  description: 'Each corrective task is an actionable sentence that starts with a verb; optionally with an owner and a due date',
  tags: ['corrective-actions', 'style'],
  severity: 'warn',
  fixable: true,
  defaultOptions: { requireOwner: false, requireDueDate: false },
  validateOptions: (options) => firstError(checkKnownOptions(options, ['requireOwner', 'requireDueDate']), checkBoolean(options, 'requireOwner'), checkBoolean(options, 'requireDueDate')),
  check(context) {
    const { doc, lines, options, report } = context;
    for (const task of doc.correctiveActions.tasks) {
      const line = task.line ?? sectionsOf(doc, 'correctiveActions')[0]?.line ?? 1;
      const problem = wordingProblem(task.text);
      if (problem) report({ message: problem, line });
      if (task.done) continue;
      if (options.requireOwner && !task.owner) report({ message: `No owner for "${truncate(task.text)}": add one, for example "(owner: Dana Lee)" at the end of the item or an Owner column`, line });
      if (options.requireDueDate && !task.due) report({ message: `No due date for "${truncate(task.text)}": add one, for example "(due: 2026-04-30)" at the end of the item or a Due column`, line });
    }
    // Broad improvements need not start with a verb, but an attitude is no improvement either.
    for (const improvement of doc.correctiveActions.improvements) {
      const sentence = plainWords(improvement).join(' ');
      if (!ATTITUDE.test(sentence)) continue;
      const line = lineOfImprovement(doc, lines, improvement) ?? sectionsOf(doc, 'correctiveActions')[0]?.line ?? 1;
      report({ message: wordingProblem(improvement) as string, line });
    }
    checkChecklistSyntax(context);
  },
});
