/**
 * What the site's action items page (`actions.html`) shows: every task of every postmortem,
 * the overdue ones first, then the others still open, then those done, each with its owner,
 * due date, priority and issue, and a link to its row in its postmortem's page
 * (`page.html#L42`). The items and whether each is overdue come from `collectActions`, the
 * same as `postmortem actions` lists them.
 */
import { collectActions, compareActionItems } from '../collection/collect-actions.js';
import type { ActionItem } from '../collection/types.js';
import { longDate } from '../model/time.js';
import { markdownInlineToHtml } from './markdown-html.js';
import { issueHref, issueText, taskAnchorId, type TaskView } from './page-view.js';
import type { SiteCollectionItem } from './site-collection.js';

/** One action item as a row of the page: the task's cells as a postmortem page shows them, and where it comes from. */
export interface SiteActionRow extends Omit<TaskView, 'doneLabel' | 'anchorId'> {
  overdue: boolean;
  /** `12 days overdue`, or empty. */
  lateness: string;
  /** `Overdue`, `Open` or `Done`, so the state reads without colour. */
  stateLabel: string;
  /** The postmortem's title, and the link to the task's row in its page (`page.html#L42`, or the page without a line). */
  postmortemTitle: string;
  href: string;
  /** The source and line as readers know them (`checkout.md:42`). */
  location: string;
  postmortemDate: string;
  postmortemDateTime: string | null;
  severity: string;
  severityClass: string;
}

/** A group of rows: overdue, open, done. */
export interface SiteActionGroup {
  key: 'overdue' | 'open' | 'done';
  heading: string;
  /** A sentence under the heading, or empty. */
  note: string;
  rows: SiteActionRow[];
}

/** The page's content (its head and navigation are the collection pages' own). */
export interface SiteActionsContent {
  title: string;
  /** `42 action items in 12 postmortems: 13 open, of which 3 overdue on September 1, 2026; 29 done.` */
  summary: string;
  /** The day overdue is measured against, as written and as readers see it. */
  today: string;
  todayText: string;
  counts: { total: number; open: number; overdue: number; done: number };
  groups: SiteActionGroup[];
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

const DAY = 86_400_000;

/** Whole days from `due` to `today` (both YYYY-MM-DD). */
function daysLate(due: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / DAY);
}

function row(item: ActionItem, page: string, index: SiteCollectionItem['index'], today: string): SiteActionRow {
  const anchor = taskAnchorId(item.line);
  const dueDateTime = item.due && /^\d{4}-\d{2}-\d{2}$/.test(item.due) ? item.due : null;
  const late = item.overdue && dueDateTime ? daysLate(dueDateTime, today) : 0;
  return {
    textHtml: markdownInlineToHtml(item.text),
    owner: item.owner ?? '',
    due: item.due ?? '',
    dueDateTime,
    priority: item.priority ?? '',
    issue: item.issue ?? '',
    issueHref: issueHref(item.issue),
    issueText: issueText(item.issue),
    done: item.done,
    overdue: item.overdue,
    lateness: late > 0 ? `${plural(late, 'day', 'days')} overdue` : '',
    stateLabel: item.done ? 'Done' : item.overdue ? 'Overdue' : 'Open',
    postmortemTitle: index.title,
    href: anchor ? `${page}#${anchor}` : page,
    location: item.line !== null ? `${item.file ?? ''}:${item.line}` : (item.file ?? ''),
    postmortemDate: index.date,
    postmortemDateTime: index.dateTime,
    severity: index.severity,
    severityClass: index.severityClass,
  };
}

/** The action items page's content for the site's postmortems, on `today` (YYYY-MM-DD). Pure. */
export function buildSiteActionsContent(postmortems: readonly SiteCollectionItem[], today: string): SiteActionsContent {
  // One postmortem at a time, so that each item keeps the page it belongs to (two sources may share a name).
  const items = postmortems.flatMap((record) => collectActions([record.postmortem], { today }).map((item) => ({ item, record })));
  items.sort((a, b) => compareActionItems(a.item, b.item));
  const rows = items.map(({ item, record }) => row(item, record.href, record.index, today));
  const overdue = rows.filter((item) => item.overdue);
  const open = rows.filter((item) => !item.done && !item.overdue);
  const done = rows.filter((item) => item.done);
  const todayText = longDate(today);
  const withItems = new Set(items.map(({ record }) => record)).size;
  const summary = rows.length === 0
    ? `No action items in ${plural(postmortems.length, 'postmortem', 'postmortems')}.`
    : `${plural(rows.length, 'action item', 'action items')} in ${plural(withItems, 'postmortem', 'postmortems')}: ${open.length + overdue.length} open, of which ${overdue.length} overdue on ${todayText}; ${done.length} done.`;
  const groups: SiteActionGroup[] = [
    { key: 'overdue' as const, heading: `Overdue (${overdue.length})`, note: `Open, and due before ${todayText}; the longest overdue first.`, rows: overdue },
    { key: 'open' as const, heading: `Open (${open.length})`, note: 'Earliest due first; those without a due date last.', rows: open },
    { key: 'done' as const, heading: `Done (${done.length})`, note: '', rows: done },
  ].filter((group) => group.rows.length > 0);
  return {
    title: 'Action items',
    summary,
    today,
    todayText,
    counts: { total: rows.length, open: open.length + overdue.length, overdue: overdue.length, done: done.length },
    groups,
  };
}
