/**
 * Whether a postmortem may move to a status: each requirement of the status's gate
 * (src/config/status-setting.ts) checked against the document, with one problem per thing
 * that is missing, located at its line where it has one. Pure: the caller lints the file and
 * says who the reviewers will be.
 */
import type { StatusGate } from '../config/status-setting.js';
import type { LintResult } from '../lint/types.js';
import type { Postmortem } from '../model/postmortem.js';

/** Something a gate requires that the document does not have yet. */
export interface GateProblem {
  /** 1-based line the problem is at, or null when it is about the whole document. */
  line: number | null;
  /** What is missing, as a sentence without the file name: `task "Add a canary" has no owner`. */
  message: string;
}

/** One requirement of a gate and whether the document meets it. */
export interface GateRequirement {
  /** The setting of the gate this comes from. */
  id: keyof StatusGate;
  /** The requirement in words: `every task has an owner`. */
  description: string;
  /** Whether it is met. */
  met: boolean;
  /** What is missing, empty when met. */
  problems: GateProblem[];
}

/** What {@link checkStatusGate} needs besides the document. */
export interface StatusGateInput {
  /** The gate of the status being moved to. */
  gate: StatusGate;
  /** The file linted as `postmortem lint FILE` would, when the gate asks for no lint errors. */
  lintResult?: LintResult | null;
  /** The reviewers the document will have (those listed and those being added). */
  reviewers: readonly string[];
  /** The line of the front matter's reviewers key, where a missing reviewer is reported; null or absent when there is none. */
  reviewersLine?: number | null;
}

/** The longest task text quoted in a problem; longer ones are cut with an ellipsis. */
const QUOTED_TASK_LENGTH = 60;

function quoteTask(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(line.length > QUOTED_TASK_LENGTH ? `${line.slice(0, QUOTED_TASK_LENGTH - 1).trimEnd()}…` : line);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The requirements `input.gate` switches on, each with whether `postmortem` meets it and what
 * is missing. Requirements switched off are left out. Throws a `TypeError` when the gate asks
 * for no lint errors and no lint result is given.
 */
export function checkStatusGate(postmortem: Postmortem, input: StatusGateInput): GateRequirement[] {
  const { gate } = input;
  const requirements: GateRequirement[] = [];
  const add = (id: keyof StatusGate, description: string, problems: GateProblem[]): void => {
    requirements.push({ id, description, met: problems.length === 0, problems });
  };
  if (gate.noLintErrors) {
    if (!input.lintResult) throw new TypeError('the gate asks for no lint errors: pass the lint result of the file');
    const errors = input.lintResult.messages.filter((message) => message.severity === 2);
    add('noLintErrors', 'no lint errors', errors.map((error) => ({ line: error.line ?? null, message: `lint error: ${error.message}${error.ruleId ? ` (${error.ruleId})` : ''}` })));
  }
  const tasks = postmortem.correctiveActions.tasks;
  if (gate.taskOwners) {
    add('taskOwners', 'every task has an owner', tasks.filter((task) => !task.owner?.trim()).map((task) => ({ line: task.line ?? null, message: `task ${quoteTask(task.text)} has no owner` })));
  }
  if (gate.taskDueDates) {
    add('taskDueDates', 'every task has a due date', tasks.filter((task) => !task.due?.trim()).map((task) => ({ line: task.line ?? null, message: `task ${quoteTask(task.text)} has no due date` })));
  }
  if (gate.minReviewers > 0) {
    const count = input.reviewers.length;
    const has = count === 0 ? 'none' : `${count}: ${input.reviewers.join(', ')}`;
    add('minReviewers', `at least ${plural(gate.minReviewers, 'reviewer')}`, count >= gate.minReviewers ? [] : [{ line: input.reviewersLine ?? null, message: `needs at least ${plural(gate.minReviewers, 'reviewer')} (has ${has})` }]);
  }
  return requirements;
}
