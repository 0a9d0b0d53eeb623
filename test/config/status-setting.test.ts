import { describe, expect, it } from 'vitest';
import { checkStatusSetting, DEFAULT_STATUS_GATES } from '../../src/config/status-setting.js';
import { checkLintConfig } from '../../src/lint/config.js';
import { builtinRules } from '../../src/lint/rules/index.js';
import { PostmortemError } from '../../src/model/errors.js';

function refusal(value: unknown, source: string | null = '.postmortemrc.yaml'): string {
  try {
    checkStatusSetting(value, source);
  } catch (error) {
    expect(error).toBeInstanceOf(PostmortemError);
    return (error as PostmortemError).format();
  }
  throw new Error('the setting was accepted');
}

describe('the status key of the project config', () => {
  it('keeps the defaults when absent: final needs everything and one reviewer, in-review nothing', () => {
    expect(checkStatusSetting(undefined, 'rc.json')).toEqual({
      'in-review': { noLintErrors: false, taskOwners: false, taskDueDates: false, minReviewers: 0 },
      final: { noLintErrors: true, taskOwners: true, taskDueDates: true, minReviewers: 1 },
    });
    expect(checkStatusSetting(null, 'rc.json')).toEqual(DEFAULT_STATUS_GATES);
    expect(checkStatusSetting({ final: null }, 'rc.json')).toEqual(DEFAULT_STATUS_GATES);
  });

  it('lays the settings given over the defaults, for final and in-review', () => {
    const gates = checkStatusSetting({ final: { taskDueDates: false, minReviewers: 2 }, 'in-review': { noLintErrors: true } }, 'rc.json');
    expect(gates.final).toEqual({ noLintErrors: true, taskOwners: true, taskDueDates: false, minReviewers: 2 });
    expect(gates['in-review']).toEqual({ noLintErrors: true, taskOwners: false, taskDueDates: false, minReviewers: 0 });
  });

  it('never changes the shared defaults', () => {
    checkStatusSetting({ final: { minReviewers: 3 } }, 'rc.json');
    expect(DEFAULT_STATUS_GATES.final.minReviewers).toBe(1);
  });

  it.each([
    ['not an object', 'final', '.postmortemrc.yaml: "status" must be an object of statuses (in-review, final) to their requirements, not "final"'],
    ['a misspelt status', { finall: {} }, '.postmortemrc.yaml: "status": unknown status "finall" (did you mean "final"?); requirements can be set for "in-review" and "final"'],
    ['draft', { draft: {} }, '.postmortemrc.yaml: "status": unknown status "draft" (moving back to draft is always allowed); requirements can be set for "in-review" and "final"'],
    ['a gate that is not an object', { final: true }, '.postmortemrc.yaml: "status.final" must be an object of requirements (noLintErrors, taskOwners, taskDueDates, minReviewers), not true'],
    ['a misspelt requirement', { final: { lintErrors: true } }, '.postmortemrc.yaml: "status.final": unknown requirement "lintErrors" (did you mean "noLintErrors"?); the requirements are noLintErrors, taskOwners, taskDueDates, minReviewers'],
    ['another misspelt requirement', { 'in-review': { taskOwner: true } }, '.postmortemrc.yaml: "status.in-review": unknown requirement "taskOwner" (did you mean "taskOwners"?); the requirements are noLintErrors, taskOwners, taskDueDates, minReviewers'],
    ['a requirement that is not true or false', { final: { taskOwners: 'yes' } }, '.postmortemrc.yaml: "status.final.taskOwners" must be true or false, not "yes"'],
    ['a negative number of reviewers', { final: { minReviewers: -1 } }, '.postmortemrc.yaml: "status.final.minReviewers" must be a whole number from 0 to 20, not -1'],
    ['a fraction of a reviewer', { final: { minReviewers: 1.5 } }, '.postmortemrc.yaml: "status.final.minReviewers" must be a whole number from 0 to 20, not 1.5'],
    ['reviewers as text', { final: { minReviewers: '2' } }, '.postmortemrc.yaml: "status.final.minReviewers" must be a whole number from 0 to 20, not "2"'],
  ])('refuses %s, naming the config file', (_case, value, message) => {
    expect(refusal(value)).toBe(message);
  });

  it('says "invalid config" for a setting passed in code', () => {
    expect(refusal({ final: { minReviewers: 99 } }, null)).toBe('invalid config: "status.final.minReviewers" must be a whole number from 0 to 20, not 99');
  });

  it("is a key lint's config check knows, and checks", () => {
    expect(checkLintConfig({ status: { final: { minReviewers: 2 } } }, builtinRules, 'rc.json')).toEqual({ status: { final: { minReviewers: 2 } } });
    expect(() => checkLintConfig({ status: { final: { owners: true } } }, builtinRules, 'rc.json')).toThrow('"status.final": unknown requirement "owners"');
    expect(() => checkLintConfig({ statuss: {} }, builtinRules, 'rc.json')).toThrow('unknown key "statuss" (did you mean "status"?)');
  });
});
