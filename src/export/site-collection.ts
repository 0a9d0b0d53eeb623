/**
 * What the site's collection pages (the search, the dashboard, the action items) need of each
 * postmortem, worked out when its page is rendered and kept in the site's data file
 * (site-data.ts), so that a re-run can rebuild those pages, which show every postmortem,
 * without parsing the sources whose pages it reuses.
 */
import { hash } from 'node:crypto';
import type { Postmortem, TimelineEntry } from '../model/postmortem.js';
import { timelineEntryKind } from '../model/timeline-milestones.js';
import { collectionPostmortem } from '../collection/collection-file.js';
import type { SiteIndexEntry } from './site-index-view.js';
import type { SiteSearchDocument } from './site-search-options.js';

/** What the build of one page makes for the collection pages. */
export interface SiteCollectionRecord {
  /**
   * The postmortem without its prose (see siteCollectionPostmortem): what the dashboard's
   * figures and the action items are worked out from, the same on a re-run as on a new build.
   */
  postmortem: Postmortem;
  /** What the search finds and shows of it. */
  search: SiteSearchDocument;
  /** A hash of `search`: the search index holding it is rebuilt only when a hash of its documents changed. */
  searchHash: string;
  /** A hash of `postmortem`: the dashboard and the action items are rendered again only when one of these (or the day) changed. */
  postmortemHash: string;
}

/** One postmortem as the dashboard and the action items show it. */
export interface SiteCollectionItem {
  /** The page's URL relative to the site's root (`team/2026-03-14-checkout.html`). */
  href: string;
  /** What the index shows of it: its title, date and severity as the pages show them. */
  index: SiteIndexEntry;
  postmortem: Postmortem;
}

/**
 * The postmortem as the site's collection pages keep it: the collection commands' slim model
 * (`collectionPostmortem`: no long prose), slimmer still, as the data file holds one for every
 * page: without the improvements and the summary's impact and root cause, which the
 * dashboard and the action items never show, and with only the timeline entries that can mark
 * a milestone (a known instant and a kind other than a plain event), each with its kind and
 * without its text; `source.filePath` is the source as readers see it. A new build works from
 * this too, never from the whole model, so a re-run that reads it back from the data file gets
 * the same pages.
 */
export function siteCollectionPostmortem(postmortem: Postmortem, source: string): Postmortem {
  const slim = collectionPostmortem(postmortem);
  return {
    ...slim,
    summary: { ...slim.summary, impact: null, rootCause: null },
    timeline: milestoneEntries(postmortem.timeline),
    correctiveActions: { improvements: [], tasks: postmortem.correctiveActions.tasks },
    source: { filePath: source, sections: [], frontMatterLines: 0, frontMatter: null },
  };
}

/** The timeline entries that can mark a milestone (see incidentMilestones), with their kind and instant and without their text. */
function milestoneEntries(timeline: readonly TimelineEntry[]): TimelineEntry[] {
  return timeline.flatMap((entry) => {
    if (entry.at === null) return [];
    const kind = timelineEntryKind(entry);
    if (kind === 'event') return [];
    return [{ time: null, at: entry.at, label: null, text: '', kind, ...(entry.line !== undefined ? { line: entry.line } : {}) }];
  });
}

/** The record of a page: its postmortem without prose, and its search document with that document's hash. */
export function collectionRecord(postmortem: Postmortem, source: string, search: SiteSearchDocument): SiteCollectionRecord {
  const reduced = siteCollectionPostmortem(postmortem, source);
  return { postmortem: reduced, search, searchHash: hash('sha256', JSON.stringify(search), 'hex'), postmortemHash: hash('sha256', JSON.stringify(reduced), 'hex') };
}
