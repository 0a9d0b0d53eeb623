/**
 * A combined "Root Cause and Resolution" section, split into its two parts. Labels and
 * sub-headings (`**Resolution:**`, `### Resolution`) split it where they stand. Without them,
 * each paragraph is read on its own: the paragraphs that say how the incident was fixed
 * become the resolution, the rest stays root cause. The reading is conservative on purpose:
 * a cause moved into the resolution misleads a reader more than a fix left under the cause,
 * so a paragraph that explains why something broke never counts as a fix, whatever verbs
 * it uses, and the section's first paragraph is always root cause.
 */
import type { SourceLine } from './markdown-lines.js';
import { classifyHeading, dedentText, linesToText, type Section } from './sections.js';

/** The two parts of a combined section, and how they were told apart. */
export interface RootCauseAndResolution {
  /** Root cause text (Markdown), or null when the section is empty. */
  rootCause: string | null;
  /** Resolution text (Markdown), or null when nothing in the section reads as the fix. */
  resolution: string | null;
  /** What split the section: a resolution label or sub-heading, paragraphs that read as a fix, or nothing. */
  splitBy: 'label' | 'paragraph' | null;
  /** Whether the section has a root cause or resolution label or sub-heading (then its paragraphs are not read). */
  labelled: boolean;
  /** 1-based line where the resolution starts, null without one. */
  resolutionLine: number | null;
  /** 1-based first line of the section's text, null when the section is empty. */
  firstLine: number | null;
}

/** What a paragraph of a combined section reads as. */
export type ParagraphReading = 'fix' | 'cause' | 'neutral';

const FIX_VERB = String.raw`(?:fixed|resolved|mitigated|restored|rolled\s+(?:it\s+|them\s+|this\s+)?back|reverted|re-?deployed|patched|hot-?fixed|repaired|remediated|corrected|solved|recovered|re-?enabled)`;
const FIX_BASE = String.raw`(?:fix|resolve|mitigate|restore|roll\s+back|revert|re-?deploy|patch|repair|remediate|correct|solve|recover)`;
const AGENT = String.raw`(?:we|i|they|engineers?|(?:the|our)\s+(?:[\w-]+\s+){0,3}?(?:team|teams|engineers?|on-?call|sres?|developers?|admins?|administrators?|operators?|responders?))`;
const ADVERBS = String.raw`(?:(?:then|quickly|immediately|finally|eventually|successfully|manually|promptly|also|first|subsequently)\s+)*`;

/** "To fix it, ...", "In order to resolve the issue, ...": a purpose clause only a fix opens with. */
const PURPOSE_OPENER = /^(?:in\s+order\s+)?to\s+(?:fix|resolve|mitigate|address|remedy|restore|correct|repair|remediate|solve|recover|stop)\b/i;
/** "At 10:40, ...", "After finding the bad flag, ...", "Then ...": what comes before the subject of the sentence. */
const LEAD_IN = /^(?:(?:once|after|when|as\s+soon\s+as|following|shortly\s+after|within|at|around|by|then|next|finally|eventually|subsequently|later|afterwards)\b[^,]{0,80},\s*|(?:then|next|finally|eventually|subsequently|later|afterwards)\s+)/i;
/** "The fix was ...", "The resolution involved ...". */
const FIX_NOUN = /^(?:the\s+|our\s+|a\s+)?(?:(?:immediate|short-term|temporary|permanent|final|quick|actual)\s+)?(?:fix|resolution|solution|remedy|mitigation|workaround)\s+(?:was|is|involved|consisted|included|required|came)\b/i;
/** "We rolled back ...", "The on-call engineer reverted ...", "We deployed a fix ...". */
const AGENT_FIX = new RegExp(String.raw`^${AGENT}\s+${ADVERBS}(?:${FIX_VERB}|(?:were|was)\s+able\s+to\s+${FIX_BASE}|managed\s+to\s+${FIX_BASE}|(?:deployed|shipped|applied|released|pushed|rolled\s+out|merged)\s+(?:a|the|an)\s+(?:\w+\s+)?(?:fix|patch|hotfix|workaround))\b`, 'i');
/** "The issue was resolved by ...", "service was restored", "mitigated by ...". */
const PASSIVE_FIX = new RegExp(String.raw`\b(?:(?:was|were|has\s+been|have\s+been|got|is|are)\s+(?:\w+ly\s+)?${FIX_VERB}|(?:mitigated|resolved|fixed|remediated)\s+by)\b`, 'i');
/** How things went once fixed: "the server restarted without further issues". */
const OUTCOME = /\b(?:without\s+(?:any\s+)?(?:(?:further|more)\s+)?(?:issues?|problems?|errors?)|back\s+(?:to\s+normal|online)|normal(?:ly)?|as\s+expected|resum(?:ed|ing)|working\s+again|stable)\b/i;
/** Words that explain why something happened: a clause holding one is about the cause. */
const CAUSE_CUE = /\b(?:root[- ]?causes?|caus(?:e|es|ed|ing)|because|due\s+to|owing\s+to|stem(?:s|med)?\s+from|triggered\s+by|(?:was|were)\s+triggered|the\s+trigger|the\s+reason|reasons?\s+(?:for|why)|led\s+to|lead\s+to|leading\s+to|result(?:s|ed)?\s+in|resulting\s+in|introduc(?:ed|es|ing)\s+(?:in|by|a|an|the)\s|(?:was|were|had\s+been)\s+introduced|reintroduc\w*|brought\s+(?:the\s+)?(?:errors?|failures?|outage|problems?|issues?|bug)\s+back|broke|breaking|why)\b/i;
/** Verbs that fix things as often as they break them ("we updated the config"): a fix only where the paragraph says the fix worked. */
const WEAK_VERB = String.raw`(?:stopped|killed|terminated|paused|updated|upgraded|restarted|rebooted|replaced|renewed|rotated|increased|raised|scaled\s+(?:up|out)|cleared|purged|flushed|removed|deleted|reconfigured|changed|adjusted|rebuilt|failed\s+over|disabled|re-?ran|applied|tuned|edited|modified)`;
const WEAK_FIX = new RegExp(String.raw`^${AGENT}\s+${ADVERBS}${WEAK_VERB}\b|\b(?:was|were|has\s+been|have\s+been)\s+(?:\w+ly\s+)?${WEAK_VERB}\b`, 'i');
/** Words saying a change made things better. */
const FIX_EFFECT = new RegExp(String.raw`\bto\s+(?:fix|resolve|restore|mitigate|recover|stop)\b|\bwhich\s+(?:fixed|resolved|restored|stopped)\b|${OUTCOME.source}|\b(?:errors?|failures?|alerts?|latency|timeouts?|5xx|500s|502s|503s)\s+(?:stopped|subsided|dropped|cleared|disappeared|fell|went\s+away)\b|\b(?:service|traffic|the\s+(?:site|website|server|service|api|app|application)|it|requests?|users?|customers?)\s+(?:recovered|returned|came\s+back|could\s+(?:again\s+)?(?:access|log\s+in|connect))\b`, 'i');
/** A change made before the incident is part of its story, not of its fix. */
const BEFORE_INCIDENT = /\b(?:earlier|the\s+day\s+before|the\s+(?:previous|prior)\s+(?:day|week|night|evening|morning)|last\s+(?:week|month|night)|(?:a|one|two|three|several)\s+(?:hours?|days?|weeks?|months?)\s+(?:before|earlier|ago)|before\s+the\s+(?:incident|outage))\b/i;
/** A paragraph after the fix that goes on with it: checking it worked, what came back. */
// Not "monitoring", "restarts" or "the change": "Monitoring had no disk alert" and "Nightly restarts empty the cache" explain causes.
const CONTINUATION = /\b(?:confirm\w*|verif\w*|worked|working\s+again|back\s+(?:to\s+normal|online|up)|recover\w*|resum\w*|returned\s+to\s+normal|stabili[sz]\w*|tested|the\s+(?:fix|patch|rollback|revert)|afterwards?|since\s+then)\b/i;

/** A line that is only `<br>` tags: people use it as a paragraph break. */
const BREAK_LINE = /^\s*(?:<br\s*\/?>\s*)+$/i;

/** The opening words of a paragraph without list markers, emphasis, quotes or emoji; code, tables and HTML are not prose. */
export function openingText(paragraph: readonly SourceLine[]): string {
  let prose = '';
  // The first sentence is all that is read; a paragraph of 100,000 characters need not be joined.
  for (const line of paragraph) {
    if (prose.length > 600) break;
    if (line.kind === 'text' || line.kind === 'heading') prose += `${prose ? ' ' : ''}${line.text.trim()}`;
  }
  return prose
    .replace(/!\[[^[\]]*\]\((?:[^()]|\([^()]*\))*\)/g, ' ')
    .replace(/<[^<>]*>/g, ' ')
    .trim()
    .replace(/^(?:(?:[-*+]|\d{1,3}[.)])\s+)+/, '')
    .replace(/[*_`]/g, '')
    .replace(/^[\s\p{Extended_Pictographic}\uFE0F\u200D"'“‘(]+/u, '')
    .trim();
}

/** The first sentence, where the paragraph says what it is about. */
function firstSentence(text: string): string {
  const end = /[.!?:](?=\s|$)/.exec(text);
  return end ? text.slice(0, end.index + 1) : text;
}

/** Whether a paragraph (its prose, from {@link openingText}) says how the incident was fixed, explains a cause, or neither. */
export function readOpening(text: string): ParagraphReading {
  if (!text) return 'neutral';
  const sentence = firstSentence(text);
  // A purpose clause opens only fixes, even when it goes on to name what broke.
  if (PURPOSE_OPENER.test(sentence)) return /\broot[- ]?causes?\b/i.test(sentence) ? 'cause' : 'fix';
  // "After finding what caused it, we rolled back": the lead-in may name the cause; the main clause says what the paragraph is.
  const leadIn = LEAD_IN.exec(sentence)?.[0] ?? '';
  const main = sentence.slice(leadIn.length);
  if (CAUSE_CUE.test(main)) return 'cause';
  if (FIX_NOUN.test(main) || AGENT_FIX.test(main) || PASSIVE_FIX.test(main)) return 'fix';
  // "We restarted the workers and errors stopped": a weak verb with its good effect, and no cause anywhere in the paragraph.
  if (WEAK_FIX.test(main) && FIX_EFFECT.test(text) && !CAUSE_CUE.test(text) && !BEFORE_INCIDENT.test(text)) return 'fix';
  // "Once the problem was corrected, the server ran without further issues."
  if (PASSIVE_FIX.test(leadIn) && !CAUSE_CUE.test(leadIn) && OUTCOME.test(main)) return 'fix';
  return 'neutral';
}

/** Whether a paragraph that is neither fix nor cause goes on from the resolution paragraph before it. */
function continuesResolution(text: string, previous: string): boolean {
  // Code, pictures and breaks carry no words to read; a paragraph ending "we did this:" introduces what follows.
  return text === '' || /:\s*$/.test(previous) || CONTINUATION.test(firstSentence(text));
}

/** A paragraph: the indices of its first and last line in the section's lines. */
interface Paragraph {
  start: number;
  end: number;
}

/** Paragraphs: runs of lines between blank lines; a `<br>`-only line ends one and stands alone. */
function paragraphsOf(lines: readonly SourceLine[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = -1;
  const close = (end: number): void => {
    if (start >= 0) paragraphs.push({ start, end });
    start = -1;
  };
  for (const [index, line] of lines.entries()) {
    if (line.kind === 'blank') {
      close(index - 1);
    } else if (line.kind === 'text' && BREAK_LINE.test(line.text)) {
      close(index - 1);
      paragraphs.push({ start: index, end: index });
    } else if (start < 0) {
      start = index;
    }
  }
  close(lines.length - 1);
  return paragraphs;
}

/** The text of some paragraphs: each run of neighbours as written, runs apart joined by a blank line. */
function paragraphsText(lines: readonly SourceLine[], paragraphs: readonly Paragraph[]): string | null {
  const runs: Paragraph[] = [];
  for (const paragraph of paragraphs) {
    const last = runs.at(-1);
    // Neighbours are only blank lines apart; keep them together, blank lines and all.
    if (last && lines.slice(last.end + 1, paragraph.start).every((line) => line.kind === 'blank')) last.end = paragraph.end;
    else runs.push({ ...paragraph });
  }
  // A `<br>` where the two parts meet only marked the break between them.
  const isBreak = (line: SourceLine): boolean => line.kind === 'blank' || (line.kind === 'text' && BREAK_LINE.test(line.text));
  const texts = runs.map((run) => {
    let { start, end } = run;
    while (start < end && isBreak(lines[start] as SourceLine)) start++;
    while (end > start && isBreak(lines[end] as SourceLine)) end--;
    return linesToText(lines.slice(start, end + 1));
  }).filter((text): text is string => text !== null);
  return texts.length > 0 ? texts.join('\n\n') : null;
}

// Labels start and end with a letter, so the spaces around them belong to one `\s*` alone (two that
// could share a run of spaces backtracked quadratically on a long one).
const INLINE_LABEL = /^\s*(?:(?:[-*+]|\d{1,2}[.)])\s+)?(?:(?:\*\*|__)\s*)?([A-Za-z](?:[A-Za-z ]{0,39}[A-Za-z])?)\s*(?::\s*(?:\*\*|__)?|(?:\*\*|__)\s*:?)(?:\s|$)/;
const LEADING_LABEL = /^(?:#{1,6}\s+)?(?:(?:[-*+]|\d{1,2}[.)])\s+)?(?:(?:\*\*|__)\s*)?([A-Za-z](?:[A-Za-z ]{0,39}[A-Za-z])?)\s*(?::\s*(?:\*\*|__)?|(?:\*\*|__)\s*:?)[ \t]*\n?/;

/** Text without the label or heading that names it as `kind` ("Root cause:", "### Resolution"). */
function stripLabel(text: string | null, kind: 'rootCause' | 'resolution'): string | null {
  if (!text) return null;
  // The heading's text without a closing run of #s, trimmed in code: a pattern doing it backtracked over long runs of spaces.
  const heading = /^#{1,6}[^\S\n]+([^\n]*)\n?/.exec(text);
  if (heading && classifyHeading((heading[1] as string).trimEnd().replace(/(?<!#)#+$/, '').trimEnd()) === kind) return dedentText(text.slice(heading[0].length));
  const match = LEADING_LABEL.exec(text);
  // A bulleted label ("- Root Cause: ...") indents its continuation lines; dedent them.
  if (match && classifyHeading(match[1] as string) === kind) return dedentText(text.slice(match[0].length));
  return text;
}

/** What a sub-heading or a top-level label line ("**Resolution:**", "- Root cause:") names, if it names a section. */
function labelKind(line: SourceLine): ReturnType<typeof classifyHeading> {
  if (line.kind === 'heading') return classifyHeading(line.headingText ?? '');
  if (line.kind !== 'text' || (line.listItemDepth ?? 0) > 0) return null;
  const label = INLINE_LABEL.exec(line.text);
  return label ? classifyHeading(label[1] as string) : null;
}

/** Splits a combined Root Cause and Resolution section: on its labels, else on the paragraphs that read as the fix. */
export function splitRootCauseAndResolution(section: Section): RootCauseAndResolution {
  // Text written on the heading line ("Root Cause and Resolution: the disk filled") opens the first paragraph.
  const lines: SourceLine[] = section.inlineText && section.headingLine
    ? [{ ...section.headingLine, kind: 'text', text: section.inlineText }, ...section.lines]
    : [...section.lines];
  const firstLine = lines.find((line) => line.kind !== 'blank' && line.kind !== 'setext-underline')?.number ?? null;
  const labelIndex = section.lines.findIndex((line) => labelKind(line) === 'resolution');
  if (labelIndex >= 0) {
    const before = linesToText(section.lines.slice(0, labelIndex), section.inlineText);
    const after = linesToText(section.lines.slice(labelIndex));
    return {
      rootCause: stripLabel(before, 'rootCause'),
      resolution: stripLabel(after, 'resolution'),
      splitBy: 'label',
      labelled: true,
      resolutionLine: (section.lines[labelIndex] as SourceLine).number,
      firstLine,
    };
  }
  const whole = (labelled: boolean): RootCauseAndResolution => ({ rootCause: stripLabel(linesToText(lines), 'rootCause'), resolution: null, splitBy: null, labelled, resolutionLine: null, firstLine });
  // A "Root cause:" label or sub-heading with no resolution one: the author said what all of it is.
  if (section.lines.some((line) => labelKind(line) === 'rootCause')) return whole(true);

  const paragraphs = paragraphsOf(lines);
  const texts = paragraphs.map((paragraph) => openingText(lines.slice(paragraph.start, paragraph.end + 1)));
  const readings = texts.map(readOpening);
  // The first paragraph with words is root cause whatever it says.
  const opening = texts.findIndex((text) => text !== '');
  const first = opening < 0 ? -1 : readings.findIndex((reading, index) => index > opening && reading === 'fix');
  if (first < 0) return whole(false);
  // After the first fix, a fix paragraph is resolution and a cause paragraph root cause; one
  // that is neither stays with the resolution only where it goes on from it ("we confirmed it
  // worked", a command, the list a colon introduced), so an unmarked cause is never moved.
  const inResolution = readings.map((reading, index) => index >= first && reading === 'fix');
  for (let index = first + 1; index < paragraphs.length; index++) {
    if (readings[index] === 'neutral' && inResolution[index - 1] && continuesResolution(texts[index] as string, texts[index - 1] as string)) inResolution[index] = true;
  }
  return {
    rootCause: stripLabel(paragraphsText(lines, paragraphs.filter((_paragraph, index) => !inResolution[index])), 'rootCause'),
    resolution: paragraphsText(lines, paragraphs.filter((_paragraph, index) => inResolution[index])),
    splitBy: 'paragraph',
    labelled: false,
    resolutionLine: (lines[(paragraphs[first] as Paragraph).start] as SourceLine).number,
    firstLine,
  };
}
