/** What every format of `postmortem actions` says the same way: an item's place, its state, the totals. */
import type { ActionItem } from '../../collection/types.js';

/** An item's state in one word: done, overdue (open and late), or open. */
export type ActionState = 'done' | 'overdue' | 'open';

export function actionState(item: ActionItem): ActionState {
  if (item.done) return 'done';
  return item.overdue ? 'overdue' : 'open';
}

/** `file:line`, as lint names places; the parts that are known. */
export function actionLocation(item: ActionItem): string {
  if (item.file === null) return item.line === null ? '' : String(item.line);
  return item.line === null ? item.file : `${item.file}:${item.line}`;
}

/** How many items there are, open (of them overdue) and done. */
export function countActions(items: readonly ActionItem[]): { total: number; open: number; overdue: number; done: number } {
  const done = items.filter((item) => item.done).length;
  return { total: items.length, open: items.length - done, overdue: items.filter((item) => item.overdue).length, done };
}

/** `12 action items: 7 open (3 overdue), 5 done`. */
export function actionCountsLine(items: readonly ActionItem[]): string {
  const { total, open, overdue, done } = countActions(items);
  return `${total} action item${total === 1 ? '' : 's'}: ${open} open (${overdue} overdue), ${done} done`;
}
