/** Postmortems for the review workflow's tests: lint-clean bodies under front matter each test writes. */

/** A body that lints clean, with the task lines given (checklist items). */
export function reviewBody(tasks: string[] = ['- [ ] Add a pool-exists check to the config linter (owner: Sam Ortiz, due: 2026-04-01)']): string {
  return `# Checkout API returned errors

## Summary

From 14:00 to 16:00 UTC about 30% of checkout requests failed after a config push.
The root cause was a config push that named a database pool that did not exist.

## Timeline

- 14:00 UTC: A config push for the checkout API went out.
- 14:07 UTC: **Detection:** the checkout error-rate alert paged the on-call engineer.
- 14:20 UTC: **Escalation:** the payments team joined the call.
- 16:00 UTC: **Resolution:** the push was reverted and checkout recovered.

## Root cause

The push named a database pool that did not exist in one region.

## Resolution

We reverted the push and checkout recovered.

## Corrective actions

${tasks.join('\n')}
`;
}

/** A postmortem: `---`, the front matter lines, `---`, then the body. */
export function reviewPostmortem(frontMatter: string[], body: string = reviewBody()): string {
  return `---\n${frontMatter.join('\n')}\n---\n${body}`;
}

/** The 1-based line of the first line of `text` that contains `part`. */
export function lineOf(text: string, part: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(part));
  if (index === -1) throw new Error(`no line contains ${JSON.stringify(part)}`);
  return index + 1;
}
