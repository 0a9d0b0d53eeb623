import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { emptyPostmortem, type Postmortem } from '../../src/model/postmortem.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { listTemplates } from '../../src/render/templates.js';
import { certificateExpiryPostmortem } from './fixture-postmortem.js';

const TEMPLATE_NAMES = ['classic', 'narrative', 'google-sre', 'pagerduty'];

function frontMatterOf(markdown: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!match) throw new Error('no front matter');
  return parseYaml(match[1] as string) as Record<string, unknown>;
}

function linesOf(markdown: string): string[] {
  return markdown.split('\n');
}

function headingsOf(markdown: string): string[] {
  return linesOf(markdown).filter((line) => /^#{1,6} /.test(line));
}

/** The body of the section under a `## Heading`, up to the next `## ` heading. */
function sectionBody(markdown: string, heading: string): string {
  const lines = linesOf(markdown);
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith('## '));
  return (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
}

describe('renderMarkdown with every built-in template', () => {
  it('lists the four built-in templates, each with a one-line description', () => {
    const templates = listTemplates();
    expect(templates.map((template) => template.name)).toEqual(TEMPLATE_NAMES);
    for (const template of templates) expect(template.description).toMatch(/^[^\n]{20,200}$/);
  });

  it.each(TEMPLATE_NAMES)('%s writes the metadata as front matter that reads back as strings', (template) => {
    const markdown = renderMarkdown(certificateExpiryPostmortem(), { template });
    expect(frontMatterOf(markdown)).toEqual({
      title: 'Payments gateway rejected card payments after its TLS certificate expired',
      date: '2026-03-14',
      severity: 'SEV2',
      status: 'in-review',
      authors: ['Dana Lee', 'Sam Ortiz'],
      timezone: 'UTC-4',
      services: ['payments-gateway'],
      tags: ['expired-certificate', 'silent-failure'],
      start: '2026-03-14T02:00:00-04:00',
      end: '2026-03-14T03:35:00-04:00',
    });
  });

  it.each(TEMPLATE_NAMES)('%s quotes values a YAML 1.1 reader would turn into numbers, booleans or dates', (template) => {
    const postmortem = { ...emptyPostmortem(), title: '2026', severity: 'yes', date: '2026-03-14' };
    const markdown = renderMarkdown(postmortem, { template });
    expect(markdown).toContain('title: "2026"\n');
    expect(markdown).toContain('severity: "yes"\n');
    expect(markdown).toContain('date: "2026-03-14"\n');
  });

  it.each(TEMPLATE_NAMES)('%s writes the title as the only first-level heading, after the front matter', (template) => {
    const markdown = renderMarkdown(certificateExpiryPostmortem(), { template });
    expect(markdown).toMatch(/\n---\n\n# Payments gateway rejected card payments after its TLS certificate expired\n\n## /);
    expect(headingsOf(markdown).filter((heading) => heading.startsWith('# '))).toHaveLength(1);
  });

  it.each(TEMPLATE_NAMES)('%s writes an empty model as a single newline, with no empty headings', (template) => {
    expect(renderMarkdown(emptyPostmortem(), { template })).toBe('\n');
  });

  it.each(TEMPLATE_NAMES)('%s leaves out every section whose content is empty', (template) => {
    const postmortem: Postmortem = { ...emptyPostmortem(), title: 'Only a title and a conclusion', conclusion: 'Nothing else is known.' };
    const markdown = renderMarkdown(postmortem, { template });
    expect(headingsOf(markdown)).toEqual(['# Only a title and a conclusion', '## Conclusion']);
    expect(markdown).not.toMatch(/\n\n\n/);
  });

  it.each(TEMPLATE_NAMES)('%s writes long fields verbatim and ends with one newline', (template) => {
    const markdown = renderMarkdown(certificateExpiryPostmortem(), { template });
    expect(markdown).toContain(
      'The gateway certificate is renewed by a nightly job that calls the internal CA.\n\nIn January the CA moved to a new hostname.',
    );
    expect(markdown).toContain('### What went well\n\nThe error-rate alert caught the failure within minutes.');
    expect(markdown.endsWith('loud.\n') || markdown.endsWith('certificate authority.\n')).toBe(true);
    expect(markdown).not.toMatch(/\n\n\n/);
  });

  it.each(TEMPLATE_NAMES)('%s keeps Markdown characters in user text as they are (no HTML escaping)', (template) => {
    const postmortem = { ...emptyPostmortem(), conclusion: 'Use `a < b && c > d` and "quotes" & <br> as written.' };
    expect(renderMarkdown(postmortem, { template })).toContain('Use `a < b && c > d` and "quotes" & <br> as written.');
  });

  it.each(TEMPLATE_NAMES)('%s writes other sections with their headings', (template) => {
    const markdown = renderMarkdown(certificateExpiryPostmortem(), { template });
    expect(sectionBody(markdown, 'Responders')).toBe('- Sam Ortiz (incident commander)\n- Dana Lee (payments on-call)');
    expect(sectionBody(markdown, 'Glossary')).toBe('**CA**: certificate authority.');
  });
});

describe('the classic template', () => {
  const markdown = renderMarkdown(certificateExpiryPostmortem(), { template: 'classic' });

  it('writes the sections in the classic order', () => {
    expect(headingsOf(markdown)).toEqual([
      '# Payments gateway rejected card payments after its TLS certificate expired',
      '## Issue Summary',
      '## Timeline',
      '## Root Cause and Resolution',
      '### Root Cause',
      '### Resolution',
      '## Corrective and Preventative Measures',
      '## Lessons Learned',
      '### What went well',
      '### What went wrong',
      '## Conclusion',
      '## Responders',
      '## Glossary',
    ]);
  });

  it('writes the summary fields as labelled bullets', () => {
    expect(sectionBody(markdown, 'Issue Summary')).toBe(
      [
        'Card payments failed for every shop that settles through the east region while the gateway presented an expired certificate.',
        '',
        '- **Duration:** 1 h 35 min, between 2:00 AM and 3:35 AM (UTC-4)',
        '- **Impact:** Shoppers saw "payment could not be processed" at checkout; 4,210 orders were not placed.',
        '- **Users affected:** 38%',
        '- **Root Cause:** The renewal job had been failing silently for six weeks, so the certificate expired at 02:00.',
      ].join('\n'),
    );
  });

  it('writes timeline entries as bullets, labels in bold after the time', () => {
    expect(sectionBody(markdown, 'Timeline').split('\n')).toEqual([
      '- Detection Method: The checkout error-rate alert, not the certificate monitor.',
      '- 2:00 AM: The certificate expired and handshakes with the card network began to fail.',
      '- 2:07 AM: **Detection:** The checkout error-rate alert paged the on-call engineer.',
      '- 2:40 AM: **Escalation:** Security on-call joined to issue a certificate by hand.',
      '- 3:35 AM: The new certificate was deployed and payments recovered.',
    ]);
  });

  it('writes measures as the Improvements/Fixes and Tasks nested lists, tasks annotated', () => {
    expect(sectionBody(markdown, 'Corrective and Preventative Measures').split('\n')).toEqual([
      '- Improvements/Fixes:',
      '  - Treat a failed renewal as a page, not a warning.',
      '  - Monitor certificate expiry from outside the host.',
      '- Tasks:',
      '  - [x] Point the renewal job at the new CA hostname (owner: Sam Ortiz, due: 2026-03-15, priority: P1, issue: PAY-311)',
      '  - [ ] Alert when any certificate expires within 14 days | all regions (owner: Dana Lee, due: 2026-03-28, priority: P2)',
      '  - [ ] Write a runbook for issuing a certificate by hand',
    ]);
  });

  it('moves an impact of several lines to an Impact section of its own', () => {
    const postmortem = certificateExpiryPostmortem();
    postmortem.summary.impact = 'Checkout failed.\n\nRefunds were delayed too.';
    const rendered = renderMarkdown(postmortem, { template: 'classic' });
    expect(sectionBody(rendered, 'Impact')).toBe('Checkout failed.\n\nRefunds were delayed too.');
    expect(sectionBody(rendered, 'Issue Summary')).not.toContain('Impact');
  });

  it('writes a stated duration without a window, and 0% affected users', () => {
    const postmortem: Postmortem = { ...emptyPostmortem(), summary: { ...emptyPostmortem().summary, durationMinutes: 45, usersAffectedPercent: 0 } };
    expect(renderMarkdown(postmortem, { template: 'classic' })).toBe(
      '## Issue Summary\n\n- **Duration:** 45 min\n- **Users affected:** 0%\n',
    );
  });

  it('adds day headings when the timeline leaves the incident date', () => {
    const postmortem: Postmortem = {
      ...emptyPostmortem(),
      date: '2026-03-14',
      timezone: 'UTC',
      timeline: [
        { time: '23:40', at: '2026-03-14T23:40:00+00:00', label: null, text: 'Queue depth alert fired.' },
        { time: '00:15', at: '2026-03-15T00:15:00+00:00', label: null, text: 'Consumers were restarted.' },
      ],
    };
    expect(sectionBody(renderMarkdown(postmortem, { template: 'classic' }), 'Timeline')).toBe(
      '### 2026-03-14\n\n- 23:40: Queue depth alert fired.\n\n### 2026-03-15\n\n- 00:15: Consumers were restarted.',
    );
  });

  it('shows an entry without a written time at its instant in the document timezone', () => {
    const postmortem: Postmortem = {
      ...emptyPostmortem(),
      timezone: 'UTC-4',
      date: '2026-03-14',
      timeline: [{ time: null, at: '2026-03-14T06:00:00Z', label: null, text: 'Deploy started.' }],
    };
    expect(renderMarkdown(postmortem, { template: 'classic' })).toContain('- 2:00 AM: Deploy started.');
  });
});

describe('the narrative template', () => {
  const markdown = renderMarkdown(certificateExpiryPostmortem(), { template: 'narrative' });

  it('opens the summary with a sentence saying when and how long, then labelled lines', () => {
    expect(sectionBody(markdown, 'Issue Summary').split('\n')).toEqual([
      'On March 14, 2026, between 2:00 AM and 3:35 AM (UTC-4), we had a SEV2 incident: a 1 h 35 min outage. Card payments failed for every shop that settles through the east region while the gateway presented an expired certificate.',
      '',
      '- **Impact:** Shoppers saw "payment could not be processed" at checkout; 4,210 orders were not placed.',
      '- **Users affected:** 38%',
      '- **Root cause:** The renewal job had been failing silently for six weeks, so the certificate expired at 02:00.',
    ]);
  });

  it('does not repeat the opening sentence when the summary text already starts with it', () => {
    const postmortem = certificateExpiryPostmortem();
    postmortem.summary.text = 'On March 14, 2026, between 2:00 AM and 3:35 AM (UTC-4), we had a SEV2 incident: a 1 h 35 min outage. More.';
    const summary = sectionBody(renderMarkdown(postmortem, { template: 'narrative' }), 'Issue Summary');
    expect(summary.match(/we had a SEV2 incident/g)).toHaveLength(1);
  });

  it('labels root cause and resolution as paragraphs of one section', () => {
    expect(sectionBody(markdown, 'Root Cause and Resolution')).toBe(
      [
        '**Root cause:** The gateway certificate is renewed by a nightly job that calls the internal CA.',
        '',
        'In January the CA moved to a new hostname. The job kept calling the old one, logged a warning and exited 0, so nothing alerted.',
        '',
        '**Resolution:** Security issued a certificate by hand and we rolled it out to the four gateway hosts, one at a time.',
      ].join('\n'),
    );
  });

  it('uses a section of its own when only one of root cause and resolution is known', () => {
    const postmortem: Postmortem = { ...emptyPostmortem(), resolution: 'Rolled back.' };
    expect(renderMarkdown(postmortem, { template: 'narrative' })).toBe('## Resolution\n\nRolled back.\n');
  });

  it('puts a label that text opening with a list cannot follow on a line of its own', () => {
    const postmortem: Postmortem = { ...emptyPostmortem(), rootCause: '- a full disk\n- no alert', resolution: 'Freed space.' };
    expect(sectionBody(renderMarkdown(postmortem, { template: 'narrative' }), 'Root Cause and Resolution')).toBe(
      '**Root cause:**\n\n- a full disk\n- no alert\n\n**Resolution:** Freed space.',
    );
  });

  it('lists improvements, then the tasks under a line naming them', () => {
    const body = sectionBody(markdown, 'Corrective and Preventative Measures');
    expect(body).toContain('improvements:\n\n- Treat a failed renewal as a page, not a warning.\n- Monitor certificate expiry from outside the host.\n\nTasks');
    expect(body).toContain('include:\n\n- [x] Point the renewal job at the new CA hostname (owner: Sam Ortiz, due: 2026-03-15, priority: P1, issue: PAY-311)');
  });

  it('says when an incident crossed midnight with both dates', () => {
    const postmortem: Postmortem = {
      ...emptyPostmortem(),
      date: '2026-03-14',
      timezone: 'UTC',
      summary: { ...emptyPostmortem().summary, start: '2026-03-14T23:30:00+00:00', end: '2026-03-15T00:45:00+00:00' },
    };
    expect(renderMarkdown(postmortem, { template: 'narrative' })).toContain(
      'Between March 14, 2026, 11:30 PM and March 15, 2026, 12:45 AM (UTC), we had an incident: a 1 h 15 min outage.',
    );
  });
});

describe('the google-sre template', () => {
  const markdown = renderMarkdown(certificateExpiryPostmortem(), { template: 'google-sre' });

  it('writes the sections in the SRE book order', () => {
    expect(headingsOf(markdown).filter((heading) => heading.startsWith('## '))).toEqual([
      '## Summary',
      '## Impact',
      '## Root Causes',
      '## Resolution',
      '## Action Items',
      '## Lessons Learned',
      '## Timeline',
      '## Conclusion',
      '## Responders',
      '## Glossary',
    ]);
  });

  it('writes tasks as a table below the improvements, escaping | in cells', () => {
    expect(sectionBody(markdown, 'Action Items').split('\n')).toEqual([
      'Improvements we will make:',
      '',
      '- Treat a failed renewal as a page, not a warning.',
      '- Monitor certificate expiry from outside the host.',
      '',
      '| Action Item | Owner | Due | Priority | Issue | Done |',
      '| --- | --- | --- | --- | --- | --- |',
      '| Point the renewal job at the new CA hostname | Sam Ortiz | 2026-03-15 | P1 | PAY-311 | yes |',
      '| Alert when any certificate expires within 14 days \\| all regions | Dana Lee | 2026-03-28 | P2 |  | no |',
      '| Write a runbook for issuing a certificate by hand |  |  |  |  | no |',
    ]);
  });

  it('leaves the Issue column out when no task names an issue', () => {
    const postmortem = certificateExpiryPostmortem();
    for (const task of postmortem.correctiveActions.tasks) task.issue = null;
    const lines = sectionBody(renderMarkdown(postmortem, { template: 'google-sre' }), 'Action Items').split('\n');
    expect(lines).toContain('| Action Item | Owner | Due | Priority | Done |');
    expect(lines).toContain('| Point the renewal job at the new CA hostname | Sam Ortiz | 2026-03-15 | P1 | yes |');
  });

  it('heads the timeline with its day', () => {
    expect(sectionBody(markdown, 'Timeline')).toMatch(/^### 2026-03-14\n\n- Detection Method: /);
  });

  it('places Trigger and Detection sections in their slots', () => {
    const postmortem = certificateExpiryPostmortem();
    postmortem.otherSections.push({ heading: 'Detection', text: 'An error-rate alert.' }, { heading: 'Trigger', text: 'The expiry time passed.' });
    const headings = headingsOf(renderMarkdown(postmortem, { template: 'google-sre' })).filter((heading) => heading.startsWith('## '));
    expect(headings.slice(0, 7)).toEqual([
      '## Summary',
      '## Impact',
      '## Root Causes',
      '## Trigger',
      '## Resolution',
      '## Detection',
      '## Action Items',
    ]);
    expect(headings.filter((heading) => heading === '## Detection')).toHaveLength(1);
  });
});

describe('the pagerduty template', () => {
  const markdown = renderMarkdown(certificateExpiryPostmortem(), { template: 'pagerduty' });

  it('writes the sections in the PagerDuty order, Responders in its slot', () => {
    expect(headingsOf(markdown).filter((heading) => heading.startsWith('## '))).toEqual([
      '## Overview',
      '## What Happened',
      '## Contributing Factors',
      '## Resolution',
      '## Impact',
      '## Responders',
      '## Timeline',
      '## Action Items',
      '## Lessons Learned',
      '## Conclusion',
      '## Glossary',
    ]);
  });

  it('writes the timeline as a Time | Label | Event table', () => {
    expect(sectionBody(markdown, 'Timeline').split('\n').slice(0, 4)).toEqual([
      '| Time | Label | Event |',
      '| --- | --- | --- |',
      '|  | Detection Method | The checkout error-rate alert, not the certificate monitor. |',
      '| 2:00 AM |  | The certificate expired and handshakes with the card network began to fail. |',
    ]);
  });

  it('drops the Label column when no entry has a label, and escapes cells', () => {
    const postmortem: Postmortem = {
      ...emptyPostmortem(),
      timeline: [{ time: '14:05', at: null, label: null, text: 'Ran `ps aux | grep worker`\nand found none.' }],
    };
    expect(sectionBody(renderMarkdown(postmortem, { template: 'pagerduty' }), 'Timeline')).toBe(
      '| Time | Event |\n| --- | --- |\n| 14:05 | Ran `ps aux \\| grep worker`<br>and found none. |',
    );
  });
});
