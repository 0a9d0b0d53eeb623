/**
 * Finding sections: headings of any level, and the plain, bold, ALL-CAPS and numbered labels
 * that people use instead of headings; recognising what each section is by its name.
 */
import type { SectionKind } from '../model/postmortem.js';
import type { SourceLine } from './markdown-lines.js';
import { readLabel as readSummaryLabel } from './summary-labels.js';

/** A section of the body: a heading (or label line) and the lines under it. */
export interface Section {
  kind: SectionKind | 'preamble';
  /** The heading as written, without Markdown markers. */
  heading: string;
  /** Heading level 1-6; label lines count as 7 (deeper than any heading); the preamble is 0. */
  level: number;
  /** The line holding the heading (null for the preamble). */
  headingLine: SourceLine | null;
  /** Text written on the heading line after a label (`Root Cause: the disk filled`), if any. */
  inlineText: string | null;
  /** Lines of the body, heading excluded. */
  lines: SourceLine[];
}

const LEADING_WORDS = '(?:(?:the|an?|our|future|incident|issue|outage|event|problem|detailed|brief|short|full|executive|high[- ]level|quick|technical|final|overall|initial|complete|postmortem|post-mortem)\\s+)*';

interface KindPattern {
  kind: SectionKind | 'trigger' | 'metadata';
  pattern: RegExp;
}

// Order matters: the combined root cause and resolution before either alone, action items before resolution.
const KIND_PATTERNS: KindPattern[] = [
  { kind: 'rootCauseAndResolution', pattern: /^(?:root[- ]?causes?(?: analysis)?|causes?)\s*(?:and|&|\/|\+)\s*(?:resolutions?|fix(?:es)?|remediation|mitigation|recovery|solution)\b/ },
  { kind: 'timeline', pattern: /^(?:timeline|time line|chronology|sequence of events|timeline of events)\b/ },
  { kind: 'correctiveActions', pattern: /^(?:corrective|prevent(?:at)?ive|prevention|action items?|recommendations?|action plan|follow[- ]?ups?|follow[- ]up actions|next steps|remediation (?:items|actions|plan)|tasks?\b|task list|to-?dos?\b|improvements?|fixes\b|measures|what we(?:'re| are) doing|future work|preventing recurrence)/ },
  { kind: 'summary', pattern: /^(?:summary|sumary|summery|details$|incident details$|overview|tl;?dr|abstract|what happened|description|synopsis|resume of (?:the )?problem)\b/ },
  { kind: 'impact', pattern: /^(?:impact|user impact|customer impact|scope(?: of impact)?|affected (?:users|services))\b/ },
  { kind: 'trigger', pattern: /^trigger\b/ },
  { kind: 'rootCause', pattern: /^(?:root[- ]?causes?|causes?|contributing factors?|why (?:it|did it|this) happen|main cause|underlying cause|what caused|details of (?:the )?(?:incident|vulnerability|exploit|issue|bug)|(?:a?pparent|probable|likely) (?:reason|cause))\b/ },
  { kind: 'resolution', pattern: /^(?:resolution|fix\b|the fix|details of (?:the )?(?:fix|mitigation)|mitigation|recovery|how (?:the (?:incident|issue|problem) )?(?:it )?was (?:resolved|fixed)|resolving|solution|remediation\b)/ },
  { kind: 'lessonsLearned', pattern: /^(?:lessons?(?: learned| learnt)?|what went (?:well|wrong|badly|better)|what (?:could have gone|could we do) better|what didn'?t go (?:so )?well|what (?:worked|didn'?t work|did not work)|where we got lucky|learnings|takeaways|key takeaways|retrospective)\b/ },
  { kind: 'conclusion', pattern: /^(?:conclusions?|closing(?: thoughts)?|final thoughts|summation|in summary|wrap[- ]?up)\b/ },
  { kind: 'metadata', pattern: /^(?:authors?|date|dates|incident dates?|status|severity|time)$/ },
];

/** What a heading names: a section kind, `trigger`, `metadata` (Authors, Date), or null for anything else. */
export type HeadingKind = SectionKind | 'trigger' | 'metadata';

/** Strips numbering, emoji, emphasis, parentheses and punctuation from a heading for matching. */
export function normalizeHeading(text: string): string {
  let stripped = text
    .replace(/!?\[([^[\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, (_match, label: string) => (label === '#' ? '' : label))
    .replace(/<[^<>]*>/g, ' ');
  // Nested parentheses: "Timeline (times in Central Africa Time (CAT))".
  for (let pass = 0; pass < 3 && /\([^()]*\)/.test(stripped); pass++) stripped = stripped.replace(/\([^()]*\)/g, ' ');
  return stripped
    .replace(/[*_`]/g, '')
    .replace(/^[\s#>]+/, '')
    .replace(/[\u{1F000}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}\u{FE0F}\u{200D}]/gu, '')
    .replace(/^\s*(?:(?:step|part|section|phase)\s+)?(?:\d+(?:\.\d+)*|[ivx]+|[a-h])[.):]\s+/i, '')
    .replace(/^\s*\d+(?:\.\d+)*\s+(?=[a-z])/i, '')
    .replace(/(?<![:\-–—.])[:\-–—.]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const classified = new Map<string, HeadingKind | null>();

/** A heading without emphasis wrapped around all of it (`**Timeline**`); emphasis inside (`__init__`) stays. */
export function unwrapEmphasis(text: string): string {
  return text.trim().replace(/^(\*\*|__)(.+)\1$/, '$2').trim();
}

/** Recognises a section by its heading. */
export function classifyHeading(text: string): HeadingKind | null {
  // The same few headings recur in every file of a collection. Only short texts are kept, as
  // copies: a line sliced from a file would keep the whole file's text alive in the cache.
  if (text.length > 80) return classifyUncached(text);
  const known = classified.get(text);
  if (known !== undefined) return known;
  const kind = classifyUncached(text);
  if (classified.size > 2000) classified.clear();
  classified.set(Buffer.from(text, 'utf8').toString('utf8'), kind);
  return kind;
}

function classifyUncached(text: string): HeadingKind | null {
  const normalized = normalizeHeading(text);
  if (!normalized || normalized.length > 80) return null;
  const withoutLeading = normalized.replace(new RegExp(`^${LEADING_WORDS}`), '');
  for (const candidate of [normalized, withoutLeading]) {
    for (const { kind, pattern } of KIND_PATTERNS) if (pattern.test(candidate)) return kind;
  }
  return null;
}

/** Sections that may hold labelled parts of another kind without ending. */
const CHILD_KINDS: Partial<Record<SectionKind | 'preamble', ReadonlyArray<HeadingKind>>> = {
  summary: ['impact', 'summary', 'metadata'],
  rootCauseAndResolution: ['rootCause', 'resolution'],
  correctiveActions: ['correctiveActions', 'resolution'],
  lessonsLearned: ['lessonsLearned'],
  rootCause: ['rootCause', 'trigger'],
  timeline: ['metadata'],
};

/** A line that may start a section. */
interface Candidate {
  kind: HeadingKind | null;
  heading: string;
  level: number;
  inlineText: string | null;
  isHeading: boolean;
}

// The label starts and ends with a non-space, so the white space around it belongs to one `\s*`
// alone: two `\s*` that could share a run of spaces backtracked quadratically on a long one.
const LABEL_LINE = /^\s*(?:(?:[-*+]|\d{1,2}[.)])\s+)?(?:(?:\*\*|__)\s*)?([^:*_\s](?:[^:*_]{0,78}[^:*_\s])?)\s*(?:(?:\*\*|__)\s*)?(?::\s*(?:\*\*|__)?|(?:\*\*|__))(.*)$/;

/** Whether a line is a heading or a label that could start a section, and what it names. */
function candidateAt(line: SourceLine): Candidate | null {
  if (line.kind === 'heading') {
    const heading = (line.headingText ?? '').trim();
    const level = line.headingLevel ?? 1;
    const kind = classifyHeading(heading);
    // "## Root Cause: the certificate expired": a heading that is a label with its value.
    const labelled = kind === null ? /^(?:\*\*|__)?([^:]{2,40}?)(?:\*\*|__)?:\s*(?:\*\*|__)?\s*(.+)$/.exec(heading) : null;
    if (labelled) {
      const labelKind = classifyHeading(labelled[1] as string);
      if (labelKind) return { kind: labelKind, heading: (labelled[1] as string).trim(), level, inlineText: (labelled[2] as string).trim(), isHeading: true };
      if (readSummaryLabel(heading)) return { kind: 'summary', heading: (labelled[1] as string).trim(), level, inlineText: heading, isHeading: true };
    }
    return { kind, heading: unwrapEmphasis(heading).replace(/:\s*$/, ''), level, inlineText: null, isHeading: true };
  }
  if (line.kind !== 'text') return null;
  const text = line.text.trimEnd();
  // "##Timeline": a heading without the space CommonMark requires.
  const tight = /^\s{0,3}(#{1,6})([^#\s].{0,80})$/.exec(text);
  if (tight) {
    const heading = (tight[2] as string).replace(/(?<!#)#+\s*$/, '').trim();
    const kind = classifyHeading(heading);
    if (kind) return { kind, heading, level: (tight[1] as string).length, inlineText: null, isHeading: true };
  }
  if (line.listItemDepth !== undefined && line.listItemDepth > 0) return null;
  // A label has a colon or emphasis near the start; most lines have neither, and the pattern is costly.
  const colon = text.indexOf(':');
  const label = (colon >= 0 && colon < 100) || /^\s{0,3}(?:(?:[-*+]|\d{1,2}[.)])\s+)?(?:\*\*|__)/.test(text) ? LABEL_LINE.exec(text) : null;
  if (label) {
    const heading = (label[1] as string).trim();
    const kind = classifyHeading(heading);
    if (!kind || heading.split(/\s+/).length > 8) return null;
    const inline = (label[2] as string).replace(/^(?:\*\*|__)\s*/, '').trim();
    const isListItem = line.listItemDepth !== undefined;
    // A bullet with text after its label is a labelled field or entry, not a section.
    if (inline && isListItem) return null;
    return { kind, heading, level: 7, inlineText: inline || null, isHeading: false };
  }
  // An ALL-CAPS line, or a line that is exactly a section name ("Timeline", "1. Root Cause").
  const bare = text.replace(/^\s{0,3}(?:(?:[-*+]|\d{1,2}[.)])\s+)?/, '').trim();
  if (bare.length <= 60 && !/[.,;!?]$/.test(bare)) {
    const kind = classifyHeading(bare);
    const exact = kind && KIND_PATTERNS.some(({ pattern }) => {
      const normalized = normalizeHeading(bare);
      const match = pattern.exec(normalized);
      return match !== null && match[0].length >= normalized.length - 1;
    });
    // Title Case ("Corrective and Preventative Measures") reads as a heading too; a sentence does not.
    const titleCase = bare.split(/\s+/).length <= 6 && bare.split(/\s+/).every((word) => word.length <= 3 || /^[A-Z0-9(]/.test(word));
    if (kind && (exact || titleCase || (/^[^a-z]+$/.test(bare) && /[A-Z]{3}/.test(bare)))) {
      return { kind, heading: bare, level: 7, inlineText: null, isHeading: false };
    }
  }
  return null;
}

/** A level-1 heading, or a shallow one that says it is a postmortem or report ("### Postmortem: web outage"). */
export function isTitleHeading(candidate: { level: number; heading: string }): boolean {
  return candidate.level === 1 || (candidate.level <= 3 && /\b(?:post-?mortem|incident|outage|report|rca|disclosure|retrospective)\b/i.test(candidate.heading));
}

/**
 * Splits the body into sections. The first section is the preamble (what precedes the
 * first recognised section). A deeper heading that is not a known name stays inside the
 * section above it; labelled parts a section may hold (an Impact label in a summary, Root
 * Cause and Resolution labels in a combined section) stay inside it.
 */
export function splitSections(lines: SourceLine[]): Array<Section & { headingKind: HeadingKind | null }> {
  const preamble: Section & { headingKind: HeadingKind | null } = {
    kind: 'preamble', heading: '', level: 0, headingLine: null, inlineText: null, lines: [], headingKind: null,
  };
  const sections = [preamble];
  let current = preamble;
  let seenHeading = false;
  for (const line of lines) {
    const candidate = candidateAt(line);
    let starts = false;
    if (candidate) {
      if (candidate.kind === null) {
        // The first heading of a document that names no section is its title, part of the preamble.
        starts = current.kind === 'preamble' ? seenHeading || !isTitleHeading(candidate) : candidate.level <= current.level;
      } else if (candidate.inlineText && current.kind === 'timeline') {
        starts = false;
      } else if (!candidate.isHeading && current.kind === 'summary' && readSummaryLabel(line.text)) {
        // "**Root cause:** a bad push" inside a summary is the summary's field, not a new section.
        starts = false;
      } else if (!candidate.isHeading && current.kind === 'timeline' && line.listItemDepth !== undefined && candidate.kind === 'resolution') {
        // "- **Resolution:**" in a timeline is a milestone label, not the resolution section.
        starts = false;
      } else if (current.kind !== 'preamble' && CHILD_KINDS[current.kind]?.includes(candidate.kind) && (!candidate.isHeading || candidate.level > current.level)) {
        starts = false;
      } else if (candidate.kind === 'metadata' && !candidate.isHeading) {
        starts = false;
      } else {
        starts = true;
      }
    }
    if (candidate?.isHeading) seenHeading = true;
    if (starts && candidate) {
      const kind: SectionKind = candidate.kind === null || candidate.kind === 'metadata' || candidate.kind === 'trigger' ? 'other' : candidate.kind;
      current = { kind, heading: candidate.heading, level: candidate.level, headingLine: line, inlineText: candidate.inlineText, lines: [], headingKind: candidate.kind };
      sections.push(current);
    } else {
      current.lines.push(line);
    }
  }
  return sections;
}

/** The Markdown source of some lines: common indentation removed, blank lines at both ends dropped. */
export function linesToText(lines: readonly SourceLine[], leading: string | null = null): string | null {
  const texts = lines.filter((line) => line.kind !== 'setext-underline').map((line) => line.text);
  if (leading) texts.unshift(leading);
  return dedentText(texts);
}

/** Lines of text with common indentation removed, trailing spaces and blank lines at both ends dropped; null when nothing is left. */
export function dedentText(lines: readonly string[] | string): string | null {
  const all = (typeof lines === 'string' ? lines.split('\n') : [...lines]).map((text) => text.trimEnd());
  // Blank lines at either end dropped by index: shift() in a loop was quadratic on thousands of them.
  let first = 0;
  while (first < all.length && all[first] === '') first += 1;
  let end = all.length;
  while (end > first && all[end - 1] === '') end -= 1;
  const texts = all.slice(first, end);
  if (texts.length === 0) return null;
  // A loop, not Math.min(...indents): spreading a few hundred thousand arguments overflows the stack.
  let common = Infinity;
  for (const text of texts) if (text !== '') common = Math.min(common, /^\s*/.exec(text)?.[0].length ?? 0);
  return texts.map((text) => text.slice(Math.min(common, /^\s*/.exec(text)?.[0].length ?? 0))).join('\n');
}
