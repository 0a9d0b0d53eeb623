/**
 * Every task of a set of postmortems as one list of action items: where each is, whether it
 * is late, filtered and sorted the way `postmortem actions` shows them.
 */
import { PostmortemError } from '../model/errors.js';
import type { Postmortem } from '../model/postmortem.js';
import { dueDateOf, isIsoDate, isOverdue, localToday } from './action-state.js';
import type { ActionItem, CollectActionsOptions } from './types.js';

/** A filter's values as compared: trimmed, lower case, blanks dropped; null when the filter is not set. */
function filterSet(values: readonly string[] | undefined): Set<string> | null {
  if (values === undefined || values.length === 0) return null;
  return new Set(values.map((value) => value.trim().toLowerCase()).filter((value) => value !== ''));
}

function matches(set: Set<string> | null, value: string | null): boolean {
  return set === null || (value !== null && set.has(value.trim().toLowerCase()));
}

/** Plain code-unit order, the same on every machine and locale; nulls last. */
function compareText(left: string | null, right: string | null): number {
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  return left < right ? -1 : 1;
}

/**
 * Dated items first, earliest due first; then those without a date (no due, or a due that is
 * not a date such as `next sprint`); then by file and line.
 */
export function compareActionItems(left: ActionItem, right: ActionItem): number {
  return compareSortKeys(dueDateOf(left), left, dueDateOf(right), right);
}

/** {@link compareActionItems} with each item's due date (as `dueDateOf` reads it) worked out already. */
function compareSortKeys(leftDue: string | null, left: ActionItem, rightDue: string | null, right: ActionItem): number {
  return (
    compareText(leftDue, rightDue) ||
    compareText(left.file, right.file) ||
    (left.line ?? Number.MAX_SAFE_INTEGER) - (right.line ?? Number.MAX_SAFE_INTEGER)
  );
}

/**
 * The action items (tasks of the corrective actions) of `postmortems`, each with its file
 * (`source.filePath`), line, and whether it is overdue on `options.today`. Filters combine
 * with AND: `open`, `done`, `overdue`, and the postmortem's owner, severity and service, each
 * matching any of its values (trimmed, case-insensitive). Sorted by due date (dated items
 * first, earliest first, then the undated), then file, then line.
 *
 * Throws `PostmortemError` when `options.today` is not a YYYY-MM-DD date.
 */
export function collectActions(postmortems: readonly Postmortem[], options: CollectActionsOptions = {}): ActionItem[] {
  const today = options.today ?? localToday();
  if (!isIsoDate(today)) throw new PostmortemError(`today must be a date, YYYY-MM-DD (got "${today}")`);
  const owners = filterSet(options.owners);
  const severities = filterSet(options.severities);
  const services = filterSet(options.services);

  const items: ActionItem[] = [];
  for (const postmortem of postmortems) {
    if (!matches(severities, postmortem.severity)) continue;
    if (services !== null && !postmortem.services.some((service) => matches(services, service))) continue;
    const file = postmortem.source?.filePath ?? null;
    const source = {
      file,
      title: postmortem.title,
      date: postmortem.date,
      severity: postmortem.severity,
      status: postmortem.status,
      services: [...postmortem.services],
    };
    for (const task of postmortem.correctiveActions.tasks) {
      const overdue = isOverdue(task, today);
      if (options.open && task.done) continue;
      if (options.done && !task.done) continue;
      if (options.overdue && !overdue) continue;
      if (!matches(owners, task.owner)) continue;
      items.push({
        file,
        line: task.line ?? null,
        text: task.text,
        owner: task.owner,
        due: task.due,
        priority: task.priority,
        issue: task.issue,
        done: task.done,
        overdue,
        postmortem: { ...source, services: [...source.services] },
      });
    }
  }
  // Each due date is read once rather than in every comparison: checking that it is a real
  // day builds a Date, and sorting the benchmark's 55,000 items spent 1.7 s of CPU in it (now 0.1 s).
  const dueDates = new Map(items.map((item) => [item, dueDateOf(item)]));
  return items.sort((left, right) => compareSortKeys(dueDates.get(left) ?? null, left, dueDates.get(right) ?? null, right));
}
