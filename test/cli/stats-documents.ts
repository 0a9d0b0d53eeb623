/**
 * A small collection of our own for the `postmortem stats` command tests: three dated
 * incidents with known times and one that gives neither a date nor any time.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** 2026-01-10, SEV2: detect 5 min, acknowledge 12, mitigate 40, resolve 80 (1 h 20 min); one task overdue on 2026-09-15, one done. */
export const CHECKOUT = `---
title: "Checkout failed for card payments"
date: 2026-01-10
severity: SEV2
timezone: UTC
services: [checkout]
tags: [capacity]
start: "2026-01-10T10:00:00Z"
end: "2026-01-10T11:20:00Z"
---
# Checkout failed for card payments

## Timeline

- 10:05: **Detection:** The checkout error-rate alert fired.
- 10:12: **Escalation:** The payments on-call was paged.
- 10:40: **Mitigation:** Rolled back the release.

## Corrective and Preventative Measures

- [ ] Add a capacity alert (owner: Dana Lee, due: 2026-02-01)
- [x] Raise the pool limit (owner: Sam Ortiz, due: 2026-01-20)
`;

/** 2026-02-20, SEV1: detect 3 min, resolve 45; no acknowledgement or mitigation; a task with neither owner nor due date. */
export const PAYMENTS = `---
title: "Payments timed out, again"
date: 2026-02-20
severity: SEV1
timezone: UTC
services: [checkout, payments]
tags: [capacity]
start: "2026-02-20T08:00:00Z"
end: "2026-02-20T08:45:00Z"
---
# Payments timed out, again

## Timeline

- 08:03: **Detection:** Alert fired for payment timeouts.

## Corrective and Preventative Measures

- [ ] Load-test the payment client
`;

/** 2026-06-02, SEV2: detect 20, acknowledge 30, mitigate 60, resolve 150 (2 h 30 min); its title would be a spreadsheet formula. */
export const SEARCH = `---
title: "=HYPERLINK(\\"https://example.com\\", \\"search, slow\\")"
date: 2026-06-02
severity: SEV2
timezone: UTC
services: [search]
tags: [deploy]
start: "2026-06-02T14:00:00Z"
end: "2026-06-02T16:30:00Z"
---
# Search was slow

## Timeline

- 14:20: **Detection:** Users reported slow search.
- 14:30: **Escalation:** The search team was paged.
- 15:00: **Mitigation:** Rolled back the index change.
`;

/** No date, severity, service, tag or time at all. */
export const UNDATED = `# Something went wrong with exports

Nobody wrote down when.
`;

/** Front matter that does not parse: line 2 of the file. */
export const BROKEN = `---
title: "unterminated
severity: [SEV2
---
# Broken
`;

/** Writes files (paths relative to `root`, folders made as needed). */
export async function writeFiles(root: string, files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), content);
  }
}

/** The four readable postmortems under postmortems/. */
export const COLLECTION: Record<string, string> = {
  'postmortems/2026-01-10-checkout.md': CHECKOUT,
  'postmortems/2026-02-20-payments.md': PAYMENTS,
  'postmortems/2026-06-02-search.md': SEARCH,
  'postmortems/undated.md': UNDATED,
};
