import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyPostmortem, type Postmortem } from '../../src/model/postmortem.js';
import { PostmortemError } from '../../src/model/errors.js';
import { renderMarkdown, renderTimelineMarkdown } from '../../src/render/render-markdown.js';

const postmortem: Postmortem = {
  ...emptyPostmortem(),
  title: 'Queue stalled',
  date: '2026-03-14',
  timezone: 'UTC',
  timeline: [
    { time: '14:05', at: '2026-03-14T14:05:00+00:00', label: 'Detection', text: 'Lag alert | p99' },
    { time: '14:30', at: '2026-03-14T14:30:00+00:00', label: null, text: 'Consumers restarted' },
  ],
};

describe('renderTimelineMarkdown', () => {
  it.each(['classic', 'narrative', 'google-sre', 'pagerduty'])('renders exactly the timeline the %s template writes in a whole document', (template) => {
    const timeline = renderTimelineMarkdown(postmortem, { template });
    expect(renderMarkdown(postmortem, { template })).toContain(timeline);
    expect(timeline).toContain('Consumers restarted');
  });

  it('writes a list for classic, google-sre\'s day heading, and pagerduty\'s table with `|` escaped', () => {
    expect(renderTimelineMarkdown(postmortem)).toBe('- 14:05: **Detection:** Lag alert | p99\n- 14:30: Consumers restarted\n');
    expect(renderTimelineMarkdown(postmortem, { template: 'google-sre' })).toBe('### 2026-03-14\n\n- 14:05: **Detection:** Lag alert | p99\n- 14:30: Consumers restarted\n');
    expect(renderTimelineMarkdown(postmortem, { template: 'pagerduty' })).toBe('| Time | Label | Event |\n| --- | --- | --- |\n| 14:05 | Detection | Lag alert \\| p99 |\n| 14:30 |  | Consumers restarted |\n');
  });

  it('uses a user template\'s own call of a timeline partial, and refuses a template without one', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'postmortem-timeline-'));
    try {
      await writeFile(join(directory, 'tabled.md.hbs'), '# {{title}}\n\n## Events\n\n{{> timeline-table}}\n');
      await writeFile(join(directory, 'bare.md.hbs'), '# {{title}}\n');
      expect(renderTimelineMarkdown(postmortem, { template: './tabled.md.hbs', cwd: directory })).toContain('| 14:30 |  | Consumers restarted |');
      expect(() => renderTimelineMarkdown(postmortem, { template: './bare.md.hbs', cwd: directory })).toThrow(PostmortemError);
      expect(() => renderTimelineMarkdown(postmortem, { template: './bare.md.hbs', cwd: directory })).toThrow(/writes no timeline partial/);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
