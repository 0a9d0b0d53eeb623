/**
 * What the site's index shows of one postmortem, worked out from the parsed model when its
 * page is rendered. Apart from site-index-view.ts because it needs the Markdown renderer
 * (for the impact as plain text), which a re-run that reuses every page never loads.
 */
import type { Postmortem } from '../model/postmortem.js';
import { formatDuration, longDate } from '../model/time.js';
import { incidentMinutes } from '../model/incident-minutes.js';
import { markdownToPlainText } from './markdown-html.js';
import { severityClass } from './page-view.js';
import type { SiteIndexEntry } from './site-index-view.js';

const IMPACT_LIMIT = 160;
const STATUS_NAMES: Record<string, string> = { draft: 'Draft', 'in-review': 'In review', final: 'Final' };

function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit * 0.7 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A list as the index shows it: trimmed, without empty items or repeats. */
function listed(items: readonly string[]): string[] {
  return [...new Set(items.map((item) => item.trim()).filter((item) => item !== ''))];
}

/** The index's entry for the postmortem parsed from `source` (its path as shown to readers). Pure. */
export function siteIndexEntry(source: string, postmortem: Postmortem): SiteIndexEntry {
  const minutes = incidentMinutes(postmortem);
  return {
    title: postmortem.title ?? source.replace(/\.(?:md|markdown)$/i, ''),
    date: postmortem.date ? longDate(postmortem.date) : '',
    dateTime: postmortem.date,
    severity: postmortem.severity ?? '',
    severityClass: severityClass(postmortem.severity),
    duration: minutes !== null && minutes >= 0 ? formatDuration(minutes) : '',
    impact: shorten(markdownToPlainText(postmortem.summary.impact), IMPACT_LIMIT),
    status: postmortem.status ? STATUS_NAMES[postmortem.status] ?? postmortem.status : '',
    statusClass: postmortem.status ? `status-${postmortem.status}` : '',
    sortTitle: postmortem.title ?? source,
    services: listed(postmortem.services),
    tags: listed(postmortem.tags),
  };
}
