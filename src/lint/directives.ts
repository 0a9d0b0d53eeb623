/**
 * Inline config: HTML comments in a postmortem that turn rules off for part of it, as
 * markdownlint's and ESLint's do.
 *
 *   <!-- postmortem-disable rule-id [rule-id...] -->   off from this line on (no ids: every rule)
 *   <!-- postmortem-enable rule-id [rule-id...] -->    on again from this line (no ids: every rule)
 *   <!-- postmortem-disable-next-line rule-id -->      off for the next line only
 *   <!-- postmortem-disable-line rule-id -->           off for this line only
 *   <!-- postmortem-disable-file [rule-id...] -->      off for the whole file
 *
 * Ids are separated by spaces or commas; ` -- ` starts a free comment. A directive inside a
 * fenced code block or a code span is an example, not a directive, and is ignored, as is
 * anything in the front matter.
 */
import { closestName, didYouMean } from './closest-name.js';

/** The directive names, longest first so that `disable` does not swallow `disable-file`. */
const DIRECTIVE_NAMES = ['disable-next-line', 'disable-line', 'disable-file', 'disable', 'enable'] as const;

/** One of the inline directive kinds. */
export type DirectiveKind = (typeof DIRECTIVE_NAMES)[number];

/** A directive as written. */
export interface InlineDirective {
  kind: DirectiveKind;
  /** The rule ids named; empty means every rule. */
  ruleIds: string[];
  /** 1-based line of the comment. */
  line: number;
  /** 1-based column of the comment. */
  column: number;
}

/** A directive that could not be understood: an unknown directive name or rule id. */
export interface DirectiveProblem {
  message: string;
  line: number;
  column: number;
}

/** The directives of one file and the question the engine asks of them. */
export interface InlineConfig {
  directives: InlineDirective[];
  problems: DirectiveProblem[];
  /** Whether a problem of `ruleId` on `line` is switched off by a directive. */
  isDisabled(ruleId: string, line: number): boolean;
}

const COMMENT = /<!--\s*postmortem-([a-z][a-z-]*)\b([\s\S]*?)-->/g;
const FENCE_OPEN = /^\s*(`{3,}|~{3,})/;

/** Whether an offset of a line is inside an inline code span (an odd number of backtick runs before it). */
function insideCodeSpan(text: string, offset: number): boolean {
  const before = text.slice(0, offset).match(/`+/g);
  return (before?.length ?? 0) % 2 === 1;
}

/**
 * Reads the inline directives of a file. `firstBodyLine` is the first line after the front
 * matter; `knownRuleIds`, when given, makes an unknown id a {@link DirectiveProblem} (a
 * misspelt id would otherwise silently disable nothing).
 */
export function readInlineConfig(lines: readonly string[], options: { firstBodyLine?: number; knownRuleIds?: ReadonlySet<string> } = {}): InlineConfig {
  const directives: InlineDirective[] = [];
  const problems: DirectiveProblem[] = [];
  let fence: { marker: string; length: number } | null = null;
  for (let index = Math.max(0, (options.firstBodyLine ?? 1) - 1); index < lines.length; index += 1) {
    const text = lines[index] as string;
    const fenceMatch = FENCE_OPEN.exec(text);
    if (fence) {
      const closing = fenceMatch?.[1];
      if (closing && closing[0] === fence.marker && closing.length >= fence.length && text.trim() === closing) fence = null;
      continue;
    }
    if (fenceMatch) {
      const marker = fenceMatch[1] as string;
      // A backtick fence's info string cannot contain a backtick; such a line is a code span, not a fence.
      if (!(marker[0] === '`' && text.slice(text.indexOf(marker) + marker.length).includes('`'))) {
        fence = { marker: marker[0] as string, length: marker.length };
        continue;
      }
    }
    if (!text.includes('postmortem-')) continue;
    // Only up to the last `-->`: a comment start with no end after it would make the pattern
    // scan the rest of the line from every such start (quadratic on a long line).
    const searched = text.slice(0, text.lastIndexOf('-->') + 3);
    COMMENT.lastIndex = 0;
    for (let match = COMMENT.exec(searched); match; match = COMMENT.exec(searched)) {
      if (insideCodeSpan(text, match.index)) continue;
      const line = index + 1;
      const column = match.index + 1;
      const name = match[1] as string;
      if (!(DIRECTIVE_NAMES as readonly string[]).includes(name)) {
        const suggestion = closestName(name, DIRECTIVE_NAMES);
        problems.push({ message: `Unknown directive "postmortem-${name}"${suggestion ? ` (did you mean "postmortem-${suggestion}"?)` : ''}`, line, column });
        continue;
      }
      const ruleIds = ((match[2] as string).split(/\s--(?:\s|$)/)[0] as string).split(/[\s,]+/).filter(Boolean);
      const known = options.knownRuleIds;
      if (known) {
        for (const ruleId of ruleIds) {
          if (!known.has(ruleId)) problems.push({ message: `Unknown rule "${ruleId}" in postmortem-${name}${didYouMean(ruleId, known)}`, line, column });
        }
      }
      directives.push({ kind: name as DirectiveKind, ruleIds, line, column });
    }
  }
  return { directives, problems, isDisabled: disabledTest(directives) };
}

function names(directive: InlineDirective, ruleId: string): boolean {
  return directive.ruleIds.length === 0 || directive.ruleIds.includes(ruleId);
}

function disabledTest(directives: readonly InlineDirective[]): (ruleId: string, line: number) => boolean {
  if (directives.length === 0) return () => false;
  const fileWide = directives.filter((directive) => directive.kind === 'disable-file');
  const ranges = directives.filter((directive) => directive.kind === 'disable' || directive.kind === 'enable');
  const single = directives.filter((directive) => directive.kind === 'disable-line' || directive.kind === 'disable-next-line');
  return (ruleId, line) => {
    if (fileWide.some((directive) => names(directive, ruleId))) return true;
    if (single.some((directive) => names(directive, ruleId) && line === directive.line + (directive.kind === 'disable-next-line' ? 1 : 0))) return true;
    // Replayed in source order up to the line: the last directive naming the rule decides.
    let disabled = false;
    for (const directive of ranges) {
      if (directive.line > line) break;
      if (names(directive, ruleId)) disabled = directive.kind === 'disable';
    }
    return disabled;
  };
}
