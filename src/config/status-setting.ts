/**
 * The `status` key of the project config: what a postmortem must satisfy before
 * `postmortem status` moves it to `in-review` or `final`. It lives in the same config file as
 * lint's `rules` (src/config/project-config.ts finds it) and is checked here, without loading
 * anything, so that lint's config check and the status command report a mistake the same way:
 * one line naming the config file, with a "did you mean" for a misspelt key.
 *
 * ```yaml
 * status:
 *   final:
 *     noLintErrors: true
 *     taskOwners: true
 *     taskDueDates: false
 *     minReviewers: 2
 *   in-review:
 *     noLintErrors: true
 * ```
 */
import { PostmortemError } from '../model/errors.js';
import { didYouMean } from '../lint/closest-name.js';
import { describeValue as describe } from './describe-value.js';

/** The top-level key of the project config that holds the requirements of each status. */
export const STATUS_KEY = 'status';

/** The statuses a postmortem can be required to earn (moving back to `draft` is always allowed). */
export type GatedStatus = 'in-review' | 'final';

/** The statuses the `status` key may set requirements for. */
export const GATED_STATUSES: readonly GatedStatus[] = ['in-review', 'final'];

/** What a postmortem must satisfy to move to one status. */
export interface StatusGate {
  /** No lint errors, linted as `postmortem lint FILE` would (warnings do not count). */
  noLintErrors: boolean;
  /** Every corrective task names an owner. */
  taskOwners: boolean;
  /** Every corrective task has a due date. */
  taskDueDates: boolean;
  /** At least this many reviewers (those listed plus those given with `--reviewer`). */
  minReviewers: number;
}

/** The requirements of each gated status. */
export type StatusGates = Record<GatedStatus, StatusGate>;

/** The names of a gate's settings, in the order they are checked and shown. */
export const STATUS_GATE_KEYS: readonly (keyof StatusGate)[] = ['noLintErrors', 'taskOwners', 'taskDueDates', 'minReviewers'];

/** The most reviewers a gate may ask for: more is a typo, not a policy. */
const MAX_REVIEWERS = 20;

/**
 * The requirements when the config says nothing: `final` needs no lint errors, an owner and a
 * due date on every task and one reviewer; `in-review` needs nothing.
 */
export const DEFAULT_STATUS_GATES: Readonly<StatusGates> = Object.freeze({
  'in-review': Object.freeze({ noLintErrors: false, taskOwners: false, taskDueDates: false, minReviewers: 0 }),
  final: Object.freeze({ noLintErrors: true, taskOwners: true, taskDueDates: true, minReviewers: 1 }),
});

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a `status` value read from `source` (the config file as messages name it) and
 * returns the requirements of each status: the settings given, over
 * {@link DEFAULT_STATUS_GATES}. Absent or null keeps the defaults. Throws `PostmortemError`
 * naming `source` for an unknown status or setting, or a value of the wrong type.
 */
export function checkStatusSetting(value: unknown, source: string | null): StatusGates {
  const fail = (message: string): never => {
    throw new PostmortemError(source === null ? `invalid config: ${message}` : message, { filePath: source });
  };
  const gates: StatusGates = { 'in-review': { ...DEFAULT_STATUS_GATES['in-review'] }, final: { ...DEFAULT_STATUS_GATES.final } };
  if (value === undefined || value === null) return gates;
  if (!isPlainObject(value)) return fail(`"${STATUS_KEY}" must be an object of statuses (${GATED_STATUSES.join(', ')}) to their requirements, not ${describe(value)}`);
  for (const [status, settings] of Object.entries(value)) {
    if (!(GATED_STATUSES as readonly string[]).includes(status)) {
      const hint = status === 'draft' ? ' (moving back to draft is always allowed)' : didYouMean(status, GATED_STATUSES);
      fail(`"${STATUS_KEY}": unknown status "${status}"${hint}; requirements can be set for ${GATED_STATUSES.map((name) => `"${name}"`).join(' and ')}`);
    }
    const where = `"${STATUS_KEY}.${status}"`;
    const at = (key: string): string => `"${STATUS_KEY}.${status}.${key}"`;
    if (settings === null) continue;
    if (!isPlainObject(settings)) fail(`${where} must be an object of requirements (${STATUS_GATE_KEYS.join(', ')}), not ${describe(settings)}`);
    const gate = gates[status as GatedStatus];
    for (const [key, setting] of Object.entries(settings as Record<string, unknown>)) {
      if (!(STATUS_GATE_KEYS as readonly string[]).includes(key)) {
        fail(`${where}: unknown requirement "${key}"${didYouMean(key, STATUS_GATE_KEYS)}; the requirements are ${STATUS_GATE_KEYS.join(', ')}`);
      }
      if (key === 'minReviewers') {
        if (typeof setting !== 'number' || !Number.isInteger(setting) || setting < 0 || setting > MAX_REVIEWERS) {
          fail(`${at('minReviewers')} must be a whole number from 0 to ${MAX_REVIEWERS}, not ${describe(setting)}`);
        }
        gate.minReviewers = setting as number;
      } else {
        if (typeof setting !== 'boolean') fail(`${at(key)} must be true or false, not ${describe(setting)}`);
        gate[key as Exclude<keyof StatusGate, 'minReviewers'>] = setting as boolean;
      }
    }
  }
  return gates;
}
