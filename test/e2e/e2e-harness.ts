/**
 * The end-to-end suite runs what users run: `bin/postmortem.js` (the esbuild bundle) as a
 * process, and `dist/index.js` as a package import. The rest of the suite mostly runs src/
 * in-process, which cannot see a bundling mistake (a YAML config once failed only in bin/).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { runBin, type CliResult } from '../cli/cli-harness.js';
import { findChromium } from '../../src/export/chromium.js';

export { repoRoot, useTempDir } from '../cli/cli-harness.js';

/**
 * Runs the real bin as a user's shell would without a terminal: no standard input, `CI` set
 * (so `new` never prompts), colour variables removed, and a fixed TZ.
 */
export function bin(args: string[], cwd: string, env: Record<string, string> = {}): CliResult {
  return runBin(args, { cwd, env: { CI: '1', TZ: 'UTC', ...env } });
}

/** Writes files (paths relative to `root`, folders made as needed). */
export async function writeFiles(root: string, files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), content);
  }
}

/** A line of a stack trace, which no user-facing error may print without --debug. */
export const STACK_LINE = /\n\s+at /;

/** A postmortem written for these tests: clean for lint but for a timeline out of order, with severity `severity`. */
export function outOfOrderPostmortem(severity: string): string {
  return `---
title: Search results were stale for two hours
date: 2026-02-10
severity: ${severity}
status: draft
authors: [Rui Okafor]
timezone: UTC
start: 2026-02-10T09:00:00Z
end: 2026-02-10T11:00:00Z
---
# Search results were stale for two hours

## Issue Summary

- **Duration:** 09:00 to 11:00 UTC (2 h 0 min)
- **Impact:** About 40% of searches returned results up to two hours old.
- **Root cause:** The indexer stopped reading the change feed after a credentials rotation.

## Timeline

- 09:00 UTC: The indexer stopped reading the change feed.
- 09:40 UTC: Escalation: the search team was paged.
- 09:25 UTC: Detection: an alert on index lag fired.
- 10:30 UTC: Mitigation: the indexer was restarted with the new credentials.
- 11:00 UTC: Resolution: index lag was back under one minute.

## Root Cause and Resolution

The indexer read the feed with credentials that were rotated at 09:00, and it retried without
logging the failure. Restarting it with the new credentials let it catch up.

## Corrective and Preventative Measures

- [ ] Alert when the indexer has read nothing for ten minutes (owner: Rui Okafor, due: 2027-06-01)
- [ ] Reload feed credentials without a restart (owner: Mira Chen, due: 2027-06-15)

## Lessons Learned

Index lag was visible on the dashboard twenty minutes before the alert fired.
`;
}

/** The system Chromium's path, or null where there is none (the PDF tests are skipped then). */
export function systemChromium(): string | null {
  try {
    return findChromium();
  } catch {
    return null;
  }
}
