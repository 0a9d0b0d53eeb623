/** The site's dashboard: the figures of the collection fixture as worked out by hand, drawn, and the same as from whole postmortems. */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectActions } from '../../src/collection/collect-actions.js';
import { collectionStats } from '../../src/collection/collection-stats.js';
import type { CollectionStats } from '../../src/collection/types.js';
import { siteCollectionPostmortem } from '../../src/export/site-collection.js';
import { buildSiteDashboardContent } from '../../src/export/site-dashboard-view.js';
import { buildSite } from '../../src/export/site.js';
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';
import { useTempDir } from '../cli/cli-harness.js';
import { findUnsafeHtml } from './html-safety.js';

const fixture = path.join(import.meta.dirname, '..', 'fixtures', 'collection');
const expected = JSON.parse(readFileSync(path.join(fixture, 'expected.json'), 'utf8')) as {
  today: string;
  countsByMonth: Record<string, number>;
  countsBySeverity: Record<string, number>;
  countsByService: Record<string, number>;
  countsByTag: Record<string, number>;
  times: { timeToResolve: { known: number; unknown: number; median: number; p90: number } };
  actions: { total: number; open: number; overdue: number };
  recurrences: Array<{ service: string; tag: string; files: string[] }>;
};

let cwd: string;
useTempDir((directory) => (cwd = directory));

const text = (html: string): string => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

describe('the dashboard', () => {
  it('shows the collection fixture\'s figures as worked out by hand: headline numbers, months, severities, services, tags, recurrences', async () => {
    await buildSite([path.join(fixture, 'postmortems')], 'site', { cwd, today: expected.today });
    const html = await readFile(path.join(cwd, 'site', 'dashboard.html'), 'utf8');
    expect(findUnsafeHtml(html)).toEqual([]);
    expect(html).not.toContain('<script');

    const numbers = [...html.matchAll(/<div class="dash-number dash-number-(\w+)[^"]*">([\s\S]*?)<\/div>/g)].map((match) => [match[1], text(match[2] as string)]);
    expect(numbers).toEqual([
      ['incidents', 'Incidents 12'],
      ['resolve', `Median time to resolve 1 h 25 min 90th percentile 1 h 55 min · ${expected.times.timeToResolve.unknown} unknown`],
      ['open', `Open action items ${expected.actions.open} of ${expected.actions.total}`],
      ['overdue', `Overdue action items ! ${expected.actions.overdue} due before September 15, 2026`],
    ]);
    expect(expected.times.timeToResolve).toMatchObject({ median: 85, p90: 115 });

    // Each month's bar: its total, and the counts of its segments, month by month with the empty ones.
    const totals = Object.fromEntries([...html.matchAll(/<text class="dash-total" x="[^"]+" y="[^"]+" text-anchor="middle">(\d+)<\/text>/g)].map((match, index) => [index, Number(match[1])]));
    expect(Object.values(totals)).toEqual(Object.values(expected.countsByMonth));
    const segments = [...html.matchAll(/<g class="dash-segment sev-\w+"><title>([^<]+)<\/title>/g)].map((match) => match[1] as string);
    const bySeverity: Record<string, number> = {};
    for (const title of segments) {
      const [, count, severity] = /^\w+ \d{4}: (\d+) (.+)$/.exec(title) as RegExpExecArray;
      const key = severity === 'No severity' ? 'unknown' : (severity as string);
      bySeverity[key] = (bySeverity[key] ?? 0) + Number(count);
    }
    expect(bySeverity).toEqual(expected.countsBySeverity);
    expect(html).toMatch(/<desc id="dash-months-desc">Incidents per month from January 2026 to December 2026, stacked by severity: 12 incidents, the most in January 2026 \(2\)\.<\/desc>/);

    // The distribution: a row per severity with its count, a dot per known time.
    const rows = [...html.matchAll(/<g class="dash-strip sev-\w+">([\s\S]*?)<\/g>\s*(?=<g class="dash-strip|<\/svg>)/g)].map((match) => ({
      name: /<text class="dash-strip-name"[^>]*>([^<]+)</.exec(match[1] as string)?.[1],
      count: /<text class="dash-strip-count"[^>]*>([^<]+)</.exec(match[1] as string)?.[1],
      dots: (match[1] as string).match(/<g class="dash-dot">/g)?.length ?? 0,
    }));
    expect(rows.map((row) => row.name)).toEqual(['SEV1', 'SEV2', 'SEV3', 'No severity']);
    expect(rows.map((row) => Number(/^\d+/.exec(row.count as string)?.[0]))).toEqual([expected.countsBySeverity.SEV1, expected.countsBySeverity.SEV2, expected.countsBySeverity.SEV3, expected.countsBySeverity.unknown]);
    expect(rows.reduce((sum, row) => sum + row.dots, 0)).toBe(expected.times.timeToResolve.known);

    // The services and tags most named, in order, with their counts; those that name none in a note.
    const ranked = (noun: string): Array<[string, number]> => {
      const chart = new RegExp(`<svg class="dash-chart dash-rank"[^>]*aria-labelledby="dash-${noun}-title[\\s\\S]*?</svg>`).exec(html)?.[0] ?? '';
      return [...chart.matchAll(/<title>([^<]+): (\d+)<\/title>/g)].map((match) => [match[1] as string, Number(match[2])]);
    };
    const top = (counts: Record<string, number>): Array<[string, number]> => Object.entries(counts).filter(([key]) => key !== 'unknown').sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 8);
    expect(ranked('service')).toEqual(top(expected.countsByService));
    expect(ranked('tag')).toEqual(top(expected.countsByTag));
    expect(html).toContain(`<p class="dash-caption">${expected.countsByService.unknown} incidents name no service.</p>`);

    // Recurrences, each incident linked to its page.
    const recurrences = [...html.matchAll(/<li><span class="chip">([^<]+)<\/span> <span class="chip">([^<]+)<\/span>\s*<ol>([\s\S]*?)<\/ol>/g)].map((match) => ({
      service: match[1],
      tag: match[2],
      files: [...(match[3] as string).matchAll(/<a href="([^"]+)">/g)].map((link) => (link[1] as string).replace(/\.html$/, '.md')),
    }));
    expect(recurrences).toEqual(expected.recurrences);
  });

  it('is worked out from the postmortems without their prose to the same figures and action items as from the whole postmortems', () => {
    const directory = path.join(fixture, 'postmortems');
    const whole = readdirSync(directory).sort().map((name) => parsePostmortem(readFileSync(path.join(directory, name), 'utf8'), { filePath: name }));
    const reduced = whole.map((postmortem) => siteCollectionPostmortem(postmortem, postmortem.source?.filePath as string));
    // Through JSON, as the data file keeps them.
    const kept = JSON.parse(JSON.stringify(reduced)) as typeof reduced;
    expect(collectionStats(kept, { today: expected.today })).toEqual(collectionStats(whole, { today: expected.today }));
    expect(collectActions(kept, { today: expected.today })).toEqual(collectActions(whole, { today: expected.today }));
  });

  it('says so when there is nothing to draw', () => {
    const stats = collectionStats([], { today: '2026-01-01' }) as CollectionStats;
    const content = buildSiteDashboardContent(stats, () => null);
    expect(content).toMatchObject({ months: null, resolution: null, services: null, tags: null, recurrences: [], patterns: [] });
    expect(content.numbers.map((number) => [number.key, number.value])).toEqual([['incidents', '0'], ['resolve', 'Unknown'], ['open', '0'], ['overdue', '0']]);
  });
});
