/**
 * Postmortems for the lint CLI tests, written for what the built-in rules say about them:
 * one clean, and variants with one known problem each. Written here (not copied from
 * anywhere) and kept small.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** A postmortem the built-in rules find nothing wrong with. */
export const CLEAN = `---
title: Checkout API errors after a config push
date: 2026-03-14
severity: SEV2
status: final
authors: [Dana Lee]
timezone: UTC
---

# Checkout API errors after a config push

## Summary

From 14:02 to 14:47 UTC on 2026-03-14 (45 minutes), about 30% of checkout requests failed.
The outage was caused by a config push that set the database connection pool size to zero.

## Timeline

- 14:02 UTC: Detection: an alert on checkout error rate fired.
- 14:10 UTC: Escalation: paged the database on-call.
- 14:30 UTC: The config push was rolled back.
- 14:47 UTC: Resolution: error rate back to normal after the rollback.

## Root Cause

A config push set the connection pool size of the checkout database client to zero.

## Resolution

We rolled back the config push and the service recovered within minutes.

## Corrective and Preventative Measures

- [ ] Add a check for a zero pool size to the config validator (owner: Dana Lee, due: 2026-03-28)
- [ ] Alert on connection pool exhaustion (owner: Sam Ortiz, due: 2026-04-04)
`;

/** Line 30 gets a blaming phrase: one blameless-language warning. */
export const WARNING = CLEAN.replace('We rolled back the config push', 'It was human error. We rolled back the config push');

/** Line 30 gets a placeholder: one no-placeholders error. */
export const ERROR = CLEAN.replace('We rolled back the config push', 'TODO. We rolled back the config push');

/** Line 21 says GMT in a UTC document: one fixable timeline-timezone warning. */
export const FIXABLE = CLEAN.replace('- 14:30 UTC: The config', '- 14:30 GMT: The config');

/** Writes files (path -> text or bytes) under `root`, creating directories. */
export async function writeFiles(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}
