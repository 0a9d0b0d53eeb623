import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_GATES, type StatusGate } from '../../src/config/status-setting.js';
import { lintText } from '../../src/lint/engine.js';
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';
import { checkStatusGate } from '../../src/review/status-gate.js';
import { lineOf, reviewBody, reviewPostmortem } from './review-fixtures.js';

const OWNED = '- [ ] Add a pool-exists check to the config linter (owner: Sam Ortiz, due: 2026-04-01)';
const UNOWNED = '- [ ] Add a canary stage for config pushes (due: 2026-05-01)';
const UNDATED = '- [x] Page the payments team on checkout errors (owner: Ann Lee)';
const BARE = '- [ ] Write a runbook for config pushes that explains how to roll back a push in every region and who to call';

function check(text: string, gate: StatusGate, reviewers: string[] = []) {
  return checkStatusGate(parsePostmortem(text), { gate, lintResult: lintText(text), reviewers, reviewersLine: null });
}

describe('checkStatusGate', () => {
  it('passes a clean document with owned, dated tasks and a reviewer', () => {
    const requirements = check(reviewPostmortem(['title: T', 'status: in-review']), DEFAULT_STATUS_GATES.final, ['Ann Lee']);
    expect(requirements.map((requirement) => [requirement.id, requirement.met])).toEqual([
      ['noLintErrors', true],
      ['taskOwners', true],
      ['taskDueDates', true],
      ['minReviewers', true],
    ]);
    expect(requirements.flatMap((requirement) => requirement.problems)).toEqual([]);
  });

  it('gives one problem per task without an owner or a due date, at the task line (done tasks too)', () => {
    const text = reviewPostmortem(['title: T'], reviewBody([OWNED, UNOWNED, UNDATED, BARE]));
    const requirements = check(text, DEFAULT_STATUS_GATES.final, ['Ann Lee']);
    const problems = Object.fromEntries(requirements.map((requirement) => [requirement.id, requirement.problems]));
    expect(problems['taskOwners']).toEqual([
      { line: lineOf(text, 'canary'), message: 'task "Add a canary stage for config pushes" has no owner' },
      { line: lineOf(text, 'runbook'), message: 'task "Write a runbook for config pushes that explains how to roll…" has no owner' },
    ]);
    expect(problems['taskDueDates']).toEqual([
      { line: lineOf(text, 'Page the payments'), message: 'task "Page the payments team on checkout errors" has no due date' },
      { line: lineOf(text, 'runbook'), message: 'task "Write a runbook for config pushes that explains how to roll…" has no due date' },
    ]);
  });

  it('counts lint errors, not warnings, each at its line with its rule', () => {
    // A placeholder is an error; a blaming word only a warning.
    const text = reviewPostmortem(['title: T'], reviewBody([OWNED]).replace('We reverted the push', 'TODO: we reverted the push after human error'));
    const [lint] = check(text, { ...DEFAULT_STATUS_GATES.final, minReviewers: 0 });
    expect(lint?.met).toBe(false);
    expect(lint?.problems).toEqual([{ line: lineOf(text, 'TODO'), message: 'lint error: Placeholder "TODO" left in the text: write the missing content, or remove it (no-placeholders)' }]);
  });

  it('reports too few reviewers at the reviewers line, naming those there are', () => {
    const text = reviewPostmortem(['title: T']);
    const requirements = checkStatusGate(parsePostmortem(text), { gate: { ...DEFAULT_STATUS_GATES.final, minReviewers: 2 }, lintResult: lintText(text), reviewers: ['Ann Lee'], reviewersLine: 3 });
    expect(requirements.at(-1)).toEqual({ id: 'minReviewers', description: 'at least 2 reviewers', met: false, problems: [{ line: 3, message: 'needs at least 2 reviewers (has 1: Ann Lee)' }] });
    expect(check(text, DEFAULT_STATUS_GATES.final).at(-1)?.problems).toEqual([{ line: null, message: 'needs at least 1 reviewer (has none)' }]);
  });

  it('leaves out the requirements the gate switches off, and needs no lint result then', () => {
    const text = reviewPostmortem(['title: T'], reviewBody([UNOWNED]));
    const requirements = checkStatusGate(parsePostmortem(text), { gate: { noLintErrors: false, taskOwners: true, taskDueDates: false, minReviewers: 0 }, reviewers: [] });
    expect(requirements).toEqual([{ id: 'taskOwners', description: 'every task has an owner', met: false, problems: [{ line: lineOf(text, 'canary'), message: 'task "Add a canary stage for config pushes" has no owner' }] }]);
    expect(checkStatusGate(parsePostmortem(text), { gate: DEFAULT_STATUS_GATES['in-review'], reviewers: [] })).toEqual([]);
  });

  it('asks for the lint result when the gate needs it', () => {
    expect(() => checkStatusGate(parsePostmortem(reviewPostmortem(['title: T'])), { gate: DEFAULT_STATUS_GATES.final, reviewers: [] })).toThrow(TypeError);
  });
});
