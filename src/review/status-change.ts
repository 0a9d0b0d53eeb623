/**
 * A postmortem's review status changed in its own file: `status:` set, reviewers added and
 * the review date recorded, through the front matter editor, so that the rest of the file
 * stays as its authors wrote it. Pure: text in, text out; whether the move is allowed is
 * src/review/status-gate.ts's question, and writing the file the caller's.
 */
import { editFrontMatter, frontMatterKeys, type FrontMatterEdit } from '../edit/front-matter-editor.js';
import { POSTMORTEM_STATUSES, type Postmortem, type PostmortemStatus } from '../model/postmortem.js';
import { REVIEWED_AT_KEYS, REVIEWERS_KEYS } from '../parse/parse-postmortem.js';

/** Options for {@link changeStatus}. */
export interface StatusChangeOptions {
  /** The file, as error messages name it. */
  filePath?: string | null;
  /** The status to move to; absent or null keeps the status (to record a review only). */
  status?: PostmortemStatus | null;
  /** Reviewers to record; a name already listed (in any case) is not added again. */
  reviewers?: readonly string[];
  /** The date a review given now is recorded with, YYYY-MM-DD. */
  today: string;
}

/** What {@link changeStatus} would do to a postmortem. */
export interface StatusChange {
  /** The status before (null when the document gives none). */
  from: PostmortemStatus | null;
  /** The status after. */
  to: PostmortemStatus | null;
  /** Whether this moves the postmortem back in review order (final to in-review or draft, in-review to draft). */
  movedBack: boolean;
  /** The reviewers added, as given. */
  addedReviewers: string[];
  /** Every reviewer after the change. */
  reviewers: string[];
  /** The review date after the change. */
  reviewedAt: string | null;
  /** The front matter edits made (none when nothing changes). */
  edits: FrontMatterEdit[];
  /** The new text of the file (the same text when nothing changes). */
  text: string;
}

/** Why `name` cannot be recorded as a reviewer, or null when it can. */
export function reviewerNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'a reviewer\'s name cannot be empty';
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return 'a reviewer\'s name must be one line of text';
  if (/[,;]/.test(trimmed)) return 'give one name each time (a comma or semicolon would split it when read back)';
  if (trimmed.length > 100) return 'a reviewer\'s name is at most 100 characters';
  return null;
}

function orderOf(status: PostmortemStatus | null): number {
  return POSTMORTEM_STATUSES.indexOf(status ?? 'draft');
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/**
 * Works out the edits that move `postmortem` (parsed from `text`) to `options.status` and
 * record `options.reviewers`, and applies them to `text`:
 *
 * - `status:` is set when the status changes;
 * - new reviewers are added to the reviewers list (the key the parser reads them from:
 *   `reviewers`, or `reviewer`, `reviewed_by`... when the file uses one of those; a
 *   comma-separated string gets them appended to it);
 * - the review date is set to `options.today` when reviewers are given, and when moving to
 *   `final` with reviewers but no review date yet.
 *
 * Throws `PostmortemError` for front matter the editor refuses (see `editFrontMatter`), and a
 * `TypeError` for a reviewer's name that {@link reviewerNameProblem} refuses.
 */
export function changeStatus(text: string, postmortem: Postmortem, options: StatusChangeOptions): StatusChange {
  const filePath = options.filePath ?? null;
  for (const name of options.reviewers ?? []) {
    const problem = reviewerNameProblem(name);
    if (problem) throw new TypeError(`reviewer ${JSON.stringify(name)}: ${problem}`);
  }
  const from = postmortem.status;
  const to = options.status ?? from;
  const addedReviewers: string[] = [];
  for (const name of options.reviewers ?? []) {
    const trimmed = name.trim();
    if (![...postmortem.reviewers, ...addedReviewers].some((listed) => sameName(listed, trimmed))) addedReviewers.push(trimmed);
  }
  const reviewers = [...postmortem.reviewers, ...addedReviewers];
  const keys = frontMatterKeys(text, { filePath });
  const present = (candidates: readonly string[], fallback: string): { key: string; kind: string | null } => {
    for (const candidate of candidates) {
      const found = keys.find((key) => key.key === candidate);
      if (found) return { key: found.key, kind: found.kind };
    }
    return { key: fallback, kind: null };
  };

  const edits: FrontMatterEdit[] = [];
  if (to !== from && to !== null) edits.push({ op: 'set', key: 'status', value: to });
  if (addedReviewers.length > 0) {
    const { key, kind } = present(REVIEWERS_KEYS, 'reviewers');
    const written = postmortem.source?.frontMatter?.[key];
    if (kind === 'scalar' && typeof written === 'string' && written.trim() !== '') {
      // `reviewer: Ann, Bo` is read as a comma-separated list: the names go on the end of it.
      edits.push({ op: 'set', key, value: `${written.trim()}, ${addedReviewers.join(', ')}` });
    } else {
      edits.push({ op: 'append', key, items: addedReviewers });
    }
  }
  const reviewed = (options.reviewers ?? []).length > 0 || (to === 'final' && from !== 'final' && postmortem.reviewedAt === null && reviewers.length > 0);
  const reviewedAt = reviewed ? options.today : postmortem.reviewedAt;
  if (reviewed && postmortem.reviewedAt !== options.today) edits.push({ op: 'set', key: present(REVIEWED_AT_KEYS, 'reviewedAt').key, value: options.today });

  return {
    from,
    to,
    movedBack: to !== null && orderOf(to) < orderOf(from),
    addedReviewers,
    reviewers,
    reviewedAt,
    edits,
    text: edits.length > 0 ? editFrontMatter(text, edits, { filePath }) : text,
  };
}
