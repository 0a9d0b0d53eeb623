/** Helpers for corrective tasks: checklist boxes and owner/due/priority/issue annotations. */
import type { CorrectiveTask } from '../../model/postmortem.js';
import { helperArguments, type TemplateHelpers } from './helper.js';

/**
 * ` (owner: Dana Lee, due: 2026-03-28, priority: P2, issue: #123)` with the parts that are known, or
 * nothing: the annotation docs/format.md says the parser reads at the end of a task.
 */
export function taskAnnotation(task: Partial<CorrectiveTask>): string {
  const parts = [
    task.owner ? `owner: ${task.owner}` : null,
    task.due ? `due: ${task.due}` : null,
    task.priority ? `priority: ${task.priority}` : null,
    task.issue ? `issue: ${task.issue}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** Helpers for corrective tasks. */
export const taskHelpers: TemplateHelpers = {
  checkbox: {
    usage: '{{checkbox done}}',
    description: 'A checklist box: `[x]` when done, `[ ]` otherwise.',
    helper: (...args: unknown[]) => (helperArguments(args)[0] === true ? '[x]' : '[ ]'),
  },
  taskAnnotation: {
    usage: '{{taskAnnotation this}}',
    description: 'The task\'s ` (owner: ..., due: ..., priority: ..., issue: ...)` with a leading space, or nothing when none is known.',
    helper: (...args: unknown[]) => taskAnnotation((helperArguments(args)[0] ?? {}) as Partial<CorrectiveTask>),
  },
  doneMark: {
    usage: '{{doneMark done}}',
    description: '`yes` for a done task and `no` otherwise, for a Done column.',
    helper: (...args: unknown[]) => (helperArguments(args)[0] === true ? 'yes' : 'no'),
  },
};
