/** A small postmortem for the site tests: a title, a date and an impact line, with anything else appended. */
export function sitePostmortem(title: string, date: string, options: { impact?: string; extra?: string } = {}): string {
  return `---
title: ${title}
date: ${date}
severity: SEV3
status: final
---
# ${title}

## Summary

Something broke.

- **Impact:** ${options.impact ?? 'Some users saw errors.'}
- **Duration:** 45 minutes
${options.extra ?? ''}`;
}
