/**
 * The YAML front matter of a rendered postmortem: metadata only, as docs/format.md says.
 * Content stays in the body, where people edit it.
 */
import { Document, isSeq } from 'yaml';
import type { Postmortem } from '../model/postmortem.js';

/**
 * The front matter block (`---` lines included, ending in a newline) holding title, date,
 * severity, status, authors, reviewers, reviewedAt, timezone, services, tags, start and end; absent values are left out, and an
 * empty string comes back when nothing is known.
 *
 * A list (authors, reviewers, services, tags) is written on one line. Every value is double-quoted: YAML 1.1 readers (gray-matter's js-yaml among them) would
 * otherwise read `2026-03-14` as a Date, `yes` as a boolean and `2026` as a number.
 */
export function frontMatterYaml(postmortem: Postmortem): string {
  const metadata: Record<string, string | string[]> = {};
  const fields = {
    title: postmortem.title,
    date: postmortem.date,
    severity: postmortem.severity,
    status: postmortem.status,
    authors: postmortem.authors,
    reviewers: postmortem.reviewers,
    reviewedAt: postmortem.reviewedAt,
    timezone: postmortem.timezone,
    services: postmortem.services,
    tags: postmortem.tags,
    start: postmortem.summary?.start,
    end: postmortem.summary?.end,
  };
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value !== '') metadata[key] = value as string | string[];
  }
  if (Object.keys(metadata).length === 0) return '';
  const document = new Document(metadata);
  // A short list of names reads better on one line, as people write it by hand.
  for (const key of ['authors', 'reviewers', 'services', 'tags']) {
    const list = document.get(key, true);
    if (isSeq(list)) list.flow = true;
  }
  const yaml = document.toString({
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    flowCollectionPadding: false,
    // Folding long titles over several lines is valid YAML but surprising to edit.
    lineWidth: 0,
  });
  return `---\n${yaml}---\n`;
}
