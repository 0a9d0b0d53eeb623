import { describe, expect, it } from 'vitest';
import { timelineSourceReader, timelineSourceReaders } from '../../src/import/sources/index.js';

describe('the source registry', () => {
  it('has the PagerDuty, Alertmanager and git readers under their names, in detection order', () => {
    const names = timelineSourceReaders().map((reader) => reader.name);
    expect(names.filter((name) => ['pagerduty', 'alertmanager', 'git'].includes(name))).toEqual(['pagerduty', 'alertmanager', 'git']);
    for (const name of ['pagerduty', 'alertmanager', 'git']) expect(timelineSourceReader(name)?.name).toBe(name);
    expect(timelineSourceReader('fax')).toBeNull();
  });

  it('detects each format as its own reader before any other', async () => {
    const heads: Array<[string, string]> = [
      ['pagerduty', '{"log_entries":[{"id":"R1","type":"trigger_log_entry","created_at":"2026-03-14T14:05:00Z"}]}'],
      ['alertmanager', '{"receiver":"log","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"X"},"startsAt":"2026-03-14T14:00:00Z"}]}'],
    ];
    for (const [owner, head] of heads) {
      // The first of them that takes it, as detection tries them: the generic reader, tried last, may take anything.
      const taker = timelineSourceReaders().find((reader) => reader.detect('/tmp/file.json', head, false));
      expect(taker?.name).toBe(owner);
    }
  });
});
