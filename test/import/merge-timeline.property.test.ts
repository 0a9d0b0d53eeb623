// Property: for generated postmortems (every built-in template's timeline: lists, tables, day
// headings; 12-hour, 24-hour and dated times; zones with daylight saving; CRLF and a byte order
// mark) and generated imported events, merging keeps every original line, in order (they are a
// subsequence of the result), and the result parses with each new entry at its own instant and
// the new entries in time order. Merging the same events again adds nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeTimeline } from '../../src/import/merge-timeline.js';
import type { ImportedEvent } from '../../src/import/types.js';
import { PostmortemError } from '../../src/model/errors.js';
import { parseZone, zonedInstantMillis } from '../../src/model/time.js';
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { postmortemArbitrary } from '../render/postmortem-arbitrary.js';

const TEXTS = [
  'Deploy of checkout-api v2.3 started', 'Error budget alert fired', 'Paged the database on-call', 'Rolled back to v2.2',
  '# not a heading', 'p99 | p50 both up', 'Update: rollback done', '<b>bold</b> in a chat message', 'Replica lag 40s',
  'Status page updated', '**Escalation:** as the bot writes it', 'Traffic back to normal',
];
const LABELS = [null, null, 'Detection', 'Escalation', 'Resolution'];

/** Original lines, in order, all found in the result lines. */
function isSubsequence(original: readonly string[], result: readonly string[]): boolean {
  let index = 0;
  for (const line of result) if (index < original.length && line === original[index]) index++;
  return index === original.length;
}

const input = fc.record({
  postmortem: postmortemArbitrary,
  template: fc.constantFrom('classic', 'narrative', 'google-sre', 'pagerduty'),
  lineEnding: fc.constantFrom('\n', '\r\n'),
  byteOrderMark: fc.boolean(),
  // Minutes from 00:00 UTC of the incident date: the evening before to the morning after.
  events: fc.array(fc.record({ minute: fc.integer({ min: -8 * 60, max: 32 * 60 }), text: fc.constantFrom(...TEXTS), label: fc.constantFrom(...LABELS) }), { maxLength: 6 }),
});

describe('mergeTimeline (property)', () => {
  it('keeps every original line in order, and the new entries read back at their instants, in time order', () => {
    let refused = 0;
    let merged = 0;
    fc.assert(
      fc.property(input, ({ postmortem, template, lineEnding, byteOrderMark, events: planned }) => {
        const markdown = renderMarkdown(postmortem, { template });
        const original = `${byteOrderMark ? '\uFEFF' : ''}${markdown.replace(/\n/g, lineEnding)}`;
        const day = Date.parse(`${postmortem.date ?? '2026-03-14'}T00:00:00Z`);
        const events: ImportedEvent[] = planned.map((item, index) => ({ at: day + item.minute * 60_000, text: item.text, label: item.label, source: 'generic', origin: `generated:${index}` }));
        let result;
        try {
          result = mergeTimeline(original, events);
        } catch (error) {
          // The one refusal: a dated new time above undated entries would move them (nothing is written then).
          if (error instanceof PostmortemError && /cannot be placed without changing/.test(error.message)) {
            refused++;
            return;
          }
          throw error;
        }
        merged++;
        const originalLines = original.replace(/^\uFEFF/, '').split(/\r?\n/);
        const resultLines = result.text.replace(/^\uFEFF/, '').split(/\r?\n/);
        expect(isSubsequence(originalLines, resultLines)).toBe(true);
        expect(result.text.startsWith('\uFEFF')).toBe(byteOrderMark);
        if (lineEnding === '\r\n') expect(result.text.replace(/\r\n/g, '')).not.toContain('\n');
        expect(resultLines.length - originalLines.length).toBeGreaterThanOrEqual(result.added.length);

        const reread = parsePostmortem(result.text);
        const zone = parseZone(reread.timezone) ? reread.timezone : 'UTC';
        const byLine = new Map(reread.timeline.map((entry) => [entry.line, entry]));
        const instants = result.added.map((entry) => {
          const read = byLine.get(entry.line);
          expect(read, `line ${entry.line}: ${entry.text}`).toBeDefined();
          return zonedInstantMillis(read?.at ?? '', zone);
        });
        expect(instants).toEqual(result.added.map((entry) => Math.floor(Date.parse(entry.at ?? '') / 60_000) * 60_000));
        // Every entry of the file still reads at the same instant, with the same text.
        const before = parsePostmortem(original);
        const kept = (entries: typeof before.timeline, timezone: string | null): string[] => entries.map((entry) => `${entry.at ? zonedInstantMillis(entry.at, timezone) : '-'} ${entry.label ?? ''} ${entry.text}`);
        const after = kept(reread.timeline, reread.timezone);
        for (const entry of kept(before.timeline, before.timezone)) expect(after).toContain(entry);
        expect(reread.timezone).toBe(before.timezone);
        const lines = result.added.map((entry) => entry.line ?? 0);
        expect(lines).toEqual([...lines].sort((first, second) => first - second));
        expect(instants).toEqual([...instants].sort((first, second) => first - second));

        // Idempotent: the same events again add nothing, and the text stays byte for byte.
        const again = mergeTimeline(result.text, events);
        expect(again.added).toEqual([]);
        expect(again.text).toBe(result.text);
      }),
      { numRuns: 300 },
    );
    // Refusals are the exception (an event the evening before an undated timeline), not the rule.
    expect(merged).toBeGreaterThan(refused * 4);
  });
});
