import { describe, expect, it } from 'vitest';
import { parsePostmortem } from './parse-postmortem.js';
import { readOpening } from './root-cause-resolution.js';

const parse = (text: string) => parsePostmortem(text, { filePath: 'incident.md' });
const combined = (...paragraphs: string[]) => parse(['# Queue outage', '', '## Root Cause and Resolution', '', ...paragraphs.flatMap((paragraph) => [paragraph, ''])].join('\n'));

describe('reading a paragraph of a combined section', () => {
  it.each([
    ['To fix it, we pinned the parser to the last good version.', 'fix'],
    ['In order to restore checkout, the payments team drained the bad node.', 'fix'],
    ['To resolve the issue caused by the stale token, we rotated every key.', 'fix'],
    ['We rolled back the release at 10:40 and error rates fell.', 'fix'],
    ['At 10:40, the on-call engineer reverted the flag.', 'fix'],
    ['After finding what was causing the timeouts, we reverted the pool change.', 'fix'],
    ['The fix was a one-line change to the retry budget.', 'fix'],
    ['The incident was mitigated by moving traffic to the second region.', 'fix'],
    ['Service was restored once the cache had warmed up.', 'fix'],
    ['Once the certificate was corrected, the gateway ran without further errors.', 'fix'],
    ['We restarted the workers and the queue returned to normal.', 'fix'],
    ['The team deployed a hotfix that skips empty batches.', 'fix'],
    ['The root cause was an unbounded retry loop in the uploader.', 'cause'],
    ['A schema change in the 09:50 deploy locked the orders table.', 'neutral'],
    ['We deployed the new cache layer on Monday; it doubled memory use on every node.', 'neutral'],
    ['The deploy was rolled back by the pipeline, which is why the bug came and went.', 'cause'],
    ['An earlier fix was reverted by a merge, which reintroduced the leak.', 'cause'],
    ['We updated the load balancer the day before, and its new timeout was too short; requests returned to normal only after hours.', 'neutral'],
    ['We rolled back the release, which had caused the errors.', 'cause'],
    ['The disk filled because log rotation had stopped.', 'cause'],
    ['We updated the proxy config on Tuesday.', 'neutral'],
    ['The deploy tool retried the upload three times.', 'neutral'],
  ] as const)('%s -> %s', (text, reading) => {
    expect(readOpening(text)).toBe(reading);
  });
});

describe('combined root cause and resolution without labels', () => {
  it('moves the paragraphs that describe the fix into the resolution', () => {
    const model = combined(
      'The nightly export held a lock on the invoices table for forty minutes.',
      'Writes queued behind it until the API timed out.',
      'We killed the export at 02:40, and writes were back to normal a minute later. The team then moved it to the replica.',
    );
    expect(model.rootCause).toBe('The nightly export held a lock on the invoices table for forty minutes.\n\nWrites queued behind it until the API timed out.');
    expect(model.resolution).toBe('We killed the export at 02:40, and writes were back to normal a minute later. The team then moved it to the replica.');
  });

  it('reads the opening sentence only: a fix told later in a paragraph leaves it root cause', () => {
    const model = combined('The nightly export held a lock on the invoices table.', 'Nobody noticed for an hour. Then we reverted the export schedule.');
    expect(model.resolution).toBeNull();
  });

  it('keeps the resolution together with what goes on from it: a list a colon introduces, a command, a check that it worked', () => {
    const model = combined(
      'A typo in the upstream address sent every request to a closed port.',
      'To fix it, we did the following:',
      '- corrected the address\n- reloaded the proxy',
      '```\nsystemctl reload proxy\n```',
      'We confirmed it worked by requesting the health page.',
    );
    expect(model.rootCause).toBe('A typo in the upstream address sent every request to a closed port.');
    expect(model.resolution).toBe('To fix it, we did the following:\n\n- corrected the address\n- reloaded the proxy\n\n```\nsystemctl reload proxy\n```\n\nWe confirmed it worked by requesting the health page.');
  });

  it('keeps everything as root cause when no paragraph reads as a fix', () => {
    const model = combined(
      'The job scheduler ran two copies of the billing task.',
      'Both copies charged the same cards, and the second charge failed the fraud check.',
    );
    expect(model.rootCause).toBe('The job scheduler ran two copies of the billing task.\n\nBoth copies charged the same cards, and the second charge failed the fraud check.');
    expect(model.resolution).toBeNull();
  });

  it('keeps a cause paragraph that mentions a deploy as root cause, even after the fix', () => {
    const model = combined(
      'Image uploads failed for every user.',
      'We deployed version 4.2 on Monday; its new resize step ran out of memory on large files.',
      'We rolled back to version 4.1 and uploads worked again.',
      'The deploy pipeline had skipped the memory test, which is why the problem reached production.',
    );
    expect(model.rootCause).toBe([
      'Image uploads failed for every user.',
      'We deployed version 4.2 on Monday; its new resize step ran out of memory on large files.',
      'The deploy pipeline had skipped the memory test, which is why the problem reached production.',
    ].join('\n\n'));
    expect(model.resolution).toBe('We rolled back to version 4.1 and uploads worked again.');
  });

  it('never takes the first paragraph, even when it reads as a fix', () => {
    const model = combined('We reverted the flag at 10:00 after it disabled logins.', 'Logins came back a minute later.');
    expect(model.rootCause).toBe('We reverted the flag at 10:00 after it disabled logins.\n\nLogins came back a minute later.');
    expect(model.resolution).toBeNull();
  });

  it('leaves a paragraph that is neither fix nor cause after the fix in the root cause', () => {
    const model = combined('The cache cluster lost quorum.', 'We restored quorum by adding a node.', 'Monitoring had no alert for quorum loss, and nightly restarts hid it.');
    expect(model.rootCause).toBe('The cache cluster lost quorum.\n\nMonitoring had no alert for quorum loss, and nightly restarts hid it.');
    expect(model.resolution).toBe('We restored quorum by adding a node.');
  });

  it('reads a line of <br> as a paragraph break, and drops it where the two parts meet', () => {
    const model = combined('The index was dropped by a migration.\n<br />\nTo resolve it, we rebuilt the index from the replica.');
    expect(model.rootCause).toBe('The index was dropped by a migration.');
    expect(model.resolution).toBe('To resolve it, we rebuilt the index from the replica.');
  });

  it('does not split inside a code block that holds blank lines', () => {
    const model = combined('The config read:', '```\nretries: 0\n\nTo fix it, set retries above zero.\n```');
    expect(model.rootCause).toBe('The config read:\n\n```\nretries: 0\n\nTo fix it, set retries above zero.\n```');
    expect(model.resolution).toBeNull();
  });

  it('still splits on labels where the section has them, and a paragraph after the label stays in the resolution', () => {
    const model = combined('**Root cause:** The retry budget was set to zero.', 'The team rolled back the budget change.', '**Resolution:** We raised the budget.', 'The root cause review is booked for Friday.');
    expect(model.rootCause).toBe('The retry budget was set to zero.\n\nThe team rolled back the budget change.');
    expect(model.resolution).toBe('We raised the budget.\n\nThe root cause review is booked for Friday.');
  });

  it('keeps a section whose only label is "Root cause" as root cause, paragraphs and all', () => {
    const model = combined('**Root cause:**', 'A full disk stopped the writer.', 'To recover, we freed space and restarted the writer.');
    expect(model.rootCause).toBe('A full disk stopped the writer.\n\nTo recover, we freed space and restarted the writer.');
    expect(model.resolution).toBeNull();
  });

  it('keeps a "### Root Cause" sub-heading and everything under it as root cause', () => {
    const model = combined('### Root Cause', 'The primary restarted.', 'We rolled back the release.');
    expect(model.rootCause).toBe('The primary restarted.\n\nWe rolled back the release.');
    expect(model.resolution).toBeNull();
  });
});
