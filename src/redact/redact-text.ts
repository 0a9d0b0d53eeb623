/**
 * Redacting a whole text: every secret and piece of personal data replaced, the rest kept
 * byte for byte. What `export --redact` and `postmortem new` use; the lint rules' fixes
 * write the same replacement ({@link replacementFor}).
 */
import { frontMatterFences } from '../parse/front-matter-fences.js';
import { DEFAULT_REPLACEMENT, withoutOverlaps, type SensitiveFinding } from './findings.js';
import { findPersonalData, type PersonalDataOptions } from './personal-data.js';
import { findSecrets, type SecretScanOptions } from './secrets.js';

/** Options of {@link redactText}. */
export interface RedactOptions {
  /** The secret scan's options (the `no-secrets` rule's); false to leave secrets. */
  secrets?: SecretScanOptions | false;
  /** The personal-data scan's options (the `no-personal-data` rule's); false to leave personal data. */
  personalData?: PersonalDataOptions | false;
}

/** What {@link redactText} did. */
export interface RedactedText {
  /** The text with every finding replaced. */
  text: string;
  /** What was replaced, in the original text's offsets. */
  findings: SensitiveFinding[];
}

/** Where the front matter block ends (the offset after its closing line), or 0 when the text has none. */
export function frontMatterEnd(text: string): number {
  const lines = text.split('\n');
  const close = frontMatterFences(lines)?.close;
  if (close === null || close === undefined) return 0;
  let end = 0;
  for (let index = 0; index <= close; index += 1) end += (lines[index] as string).length + 1;
  return Math.min(end, text.length);
}

/**
 * The text that replaces a finding: `replacement`, quoted when the value is a whole plain
 * YAML scalar in the front matter and the replacement would read as something else there
 * (`[REDACTED]` is a YAML list), so that the front matter still parses to a string.
 */
export function replacementFor(text: string, finding: Pick<SensitiveFinding, 'start' | 'end'>, replacement: string, frontMatterEnds: number = frontMatterEnd(text)): string {
  if (finding.start >= frontMatterEnds || !/^[[\]{}*&!|>'"%@`#,?:-]/.test(replacement)) return replacement;
  const lineStart = text.lastIndexOf('\n', finding.start - 1) + 1;
  const before = text.slice(lineStart, finding.start);
  const after = /^[^\r\n]*/.exec(text.slice(finding.end))?.[0] ?? '';
  // A whole value: after "key: " or "- ", or an item of a flow list ([a, value, b]).
  const wholeBlockValue = /(?:^|:[ \t]+|^[ \t]*-[ \t]+)$/.test(before) && /^[ \t]*(?:$|#)/.test(after);
  const wholeFlowItem = /[[,][ \t]*$/.test(before) && /^[ \t]*[,\]]/.test(after);
  if (!wholeBlockValue && !wholeFlowItem) return replacement;
  return JSON.stringify(replacement);
}

/**
 * `text` with its secrets and personal data replaced by each scan's `replacement` (default
 * `[REDACTED]`). Imports secretlint only when the text has something it could report.
 */
export async function redactText(text: string, options: RedactOptions = {}): Promise<RedactedText> {
  const secretOptions = options.secrets === false ? null : (options.secrets ?? {});
  const personalOptions = options.personalData === false ? null : (options.personalData ?? {});
  const secrets = secretOptions ? (await findSecrets(text, secretOptions)).map((finding) => ({ ...finding, replacement: secretOptions.replacement ?? DEFAULT_REPLACEMENT })) : [];
  const personal = personalOptions ? findPersonalData(text, personalOptions).map((finding) => ({ ...finding, replacement: personalOptions.replacement ?? DEFAULT_REPLACEMENT })) : [];
  const findings = withoutOverlaps([...secrets, ...personal]);
  if (findings.length === 0) return { text, findings: [] };
  const frontMatterEnds = frontMatterEnd(text);
  const parts: string[] = [];
  let position = 0;
  for (const finding of findings) {
    parts.push(text.slice(position, finding.start), replacementFor(text, finding, finding.replacement, frontMatterEnds));
    position = finding.end;
  }
  parts.push(text.slice(position));
  return { text: parts.join(''), findings: findings.map(({ start, end, kind }) => ({ start, end, kind })) };
}
