/**
 * `postmortem new` checks every typed answer for secrets (as the `no-secrets` rule finds
 * them) before keeping it: a token pasted into the interview would otherwise go into the
 * draft file, the postmortem and, later, its published pages. Interactively the user chooses
 * to redact it, type the answer again, or keep it. Answers given as flags or in an answers
 * file are not asked about: each secret found is a warning on stderr, and the file is still
 * written (a script that writes a postmortem should not stop half-way; `lint --fix` redacts).
 */
import { DEFAULT_REPLACEMENT, previewValue, type SensitiveFinding } from '../../redact/findings.js';
import { redactText } from '../../redact/redact-text.js';
import { findSecrets, type SecretScanOptions } from '../../redact/secrets.js';
import type { InputQuestion, MultilineQuestion, Prompter } from './prompter.js';

/** What the user chose for an answer that holds a secret. */
type SecretChoice = 'redact' | 'retype' | 'keep';

/** The secrets of one text, described for a person: kinds and first characters only. */
export function describeSecrets(text: string, findings: readonly SensitiveFinding[]): string {
  return findings.map((finding) => `${finding.kind} "${previewValue(text.slice(finding.start, finding.end))}"`).join(', ');
}

/**
 * A prompter that checks each typed answer (one-line and multi-line) for secrets and, when it
 * finds one, asks whether to redact it, type the answer again, or keep it as typed. `options`
 * are the `no-secrets` rule's from the project's lint config (its `allow` and `replacement`).
 */
export function withSecretCheck(prompter: Prompter, options: SecretScanOptions = {}): Prompter {
  const replacement = options.replacement ?? DEFAULT_REPLACEMENT;
  const checked = async <Question extends InputQuestion | MultilineQuestion>(question: Question, ask: (question: Question) => Promise<string>): Promise<string> => {
    let current = question;
    for (;;) {
      const answer = await ask(current);
      const { text: redacted, findings } = await redactText(answer, { secrets: options, personalData: false });
      if (findings.length === 0) return answer;
      const choice = await prompter.select<SecretChoice>({
        message: `That answer holds what looks like a secret (${describeSecrets(answer, findings)}). Published postmortems must not: what now?`,
        choices: [
          { value: 'redact', name: `Redact it (write ${replacement} in its place)` },
          { value: 'retype', name: 'Type the answer again' },
          { value: 'keep', name: 'Keep it as typed' },
        ],
        default: 'redact',
      });
      if (choice === 'keep') return answer;
      if (choice === 'redact') return redacted;
      // Offered again with the secret already taken out, so nothing typed is lost but the secret.
      current = { ...current, default: redacted };
    }
  };
  return {
    input: (question) => checked(question, (next) => prompter.input(next)),
    multiline: (question) => checked(question, (next) => prompter.multiline(next)),
    select: (question) => prompter.select(question),
    checkbox: (question) => prompter.checkbox(question),
    note: (text) => prompter.note(text),
  };
}

/** Every string in an answers object, with the answer key it is under. */
function answerTexts(value: unknown, key: string): Array<[string, string]> {
  if (typeof value === 'string') return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((item) => answerTexts(item, key));
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap((item) => answerTexts(item, key));
  return [];
}

/**
 * A warning for each preset answer (flag or answers file) that holds a secret, naming the
 * answer as `name` gives it (the flag, or the answers file and key).
 */
export async function presetSecretWarnings(answers: Readonly<Record<string, unknown>>, keys: Iterable<string>, name: (key: string) => string, options: SecretScanOptions = {}): Promise<string[]> {
  const warnings: string[] = [];
  for (const key of keys) {
    for (const [, text] of answerTexts(answers[key], key)) {
      const findings = await findSecrets(text, options);
      if (findings.length > 0) warnings.push(`${name(key)} holds what looks like a secret (${describeSecrets(text, findings)}); it is written as given: revoke it, and run \`postmortem lint --fix\` on the file to redact it`);
    }
  }
  return warnings;
}
