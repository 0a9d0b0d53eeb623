/**
 * `postmortem status FILE [draft|in-review|final]`: prints where a postmortem is in its review
 * (and, before it is final, what final still needs), or moves it, editing `status:`,
 * `reviewers` and `reviewedAt` in place through the front matter editor and writing the file
 * atomically. Moving to a status with requirements (src/config/status-setting.ts) checks them
 * first: each one unmet is a line naming the file and line, exit 1, and the file is left
 * untouched. Exit 2 for bad input (no such file, front matter the editor refuses, a bad config).
 */
import { dirname, resolve } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { isIsoDate, localToday } from '../../collection/action-state.js';
import { findProjectConfig, readProjectConfigFile } from '../../config/project-config.js';
import { checkStatusSetting, type GatedStatus, type StatusGate, type StatusGates } from '../../config/status-setting.js';
import { PostmortemError } from '../../model/errors.js';
import { POSTMORTEM_STATUSES, type Postmortem, type PostmortemStatus } from '../../model/postmortem.js';
import { refuseSpecialFile } from '../../io/rewrite-file.js';
import type { LintResult } from '../../lint/types.js';
import type { GateRequirement } from '../../review/status-gate.js';
import type { CommandContext } from '../command-context.js';
import { terminalText } from '../terminal-text.js';

/** Options of `postmortem status`, as commander parses them. */
export interface StatusCommandOptions {
  /** `--reviewer NAME`, repeatable: reviewers to record. */
  reviewer?: string[];
  /** `--today YYYY-MM-DD`: the review date to record (default: today, local time). */
  today?: string;
  /** `--config FILE`: the project config to use instead of the nearest one. */
  config?: string;
}

/** A usage mistake in the flags: one line, exit 2. */
function usage(message: string): PostmortemError {
  return new PostmortemError(`status: ${message} (run 'postmortem status --help' for usage)`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The requirements of each status from the project config that applies to the file, as lint finds it. */
async function loadGates(absolutePath: string, cwd: string, configFile: string | undefined): Promise<StatusGates> {
  const file = configFile ? await readProjectConfigFile(configFile, cwd) : await findProjectConfig(dirname(absolutePath), { cwd });
  if (!file) return checkStatusSetting(undefined, null);
  return checkStatusSetting(isObject(file.data) ? file.data['status'] : undefined, file.displayPath);
}

/** Lints the text exactly as `postmortem lint FILE` would: the built-in rules, the file's config, inline directives obeyed. */
async function lintForGate(text: string, absolutePath: string, displayPath: string, cwd: string, configFile: string | undefined): Promise<LintResult> {
  const [{ createConfigResolver }, { lintTextAsync }, { builtinRules }] = await Promise.all([
    import('../../lint/config-files.js'),
    import('../../lint/engine.js'),
    import('../../lint/rules/index.js'),
  ]);
  const found = await createConfigResolver({ cwd, configFile: configFile ?? null, rules: builtinRules }).configFor(absolutePath);
  return lintTextAsync(text, { filePath: displayPath, config: found.config });
}

function gateIsEmpty(gate: StatusGate): boolean {
  return !gate.noLintErrors && !gate.taskOwners && !gate.taskDueDates && gate.minReviewers === 0;
}

/** `file:line: message`, or `file: message` for a problem about the whole document; what the document holds is shown, never obeyed by the terminal. */
function located(displayPath: string, line: number | null, message: string): string {
  return `${displayPath}${line === null ? '' : `:${line}`}: ${terminalText(message)}`;
}

/** Names from the document, as one line safe to print. */
const names = (list: readonly string[]): string => terminalText(list.join(', '));

function problemLines(requirements: GateRequirement[], displayPath: string): string[] {
  return requirements.flatMap((requirement) =>
    requirement.problems.map((problem) => located(displayPath, problem.line, requirement.id === 'minReviewers' ? `${problem.message}; add one with --reviewer NAME` : problem.message)),
  );
}

function statusName(status: PostmortemStatus | null): string {
  return status ?? 'no status';
}

/** The current status and, before final, the checklist of what final needs. */
function describeStatus(postmortem: Postmortem, displayPath: string, requirements: GateRequirement[] | null, color: ChalkInstance): string {
  const lines: string[] = [];
  const review = postmortem.reviewers.length > 0 ? ` (reviewed by ${names(postmortem.reviewers)}${postmortem.reviewedAt ? ` on ${terminalText(postmortem.reviewedAt)}` : ''})` : '';
  lines.push(`${displayPath}: ${color.bold(statusName(postmortem.status))}${review}`);
  if (requirements === null) return `${lines.join('\n')}\n`;
  if (requirements.length === 0) {
    lines.push('Nothing is required to make it final (the config switches every requirement off).');
    return `${lines.join('\n')}\n`;
  }
  lines.push('To be final it needs:');
  for (const requirement of requirements) {
    lines.push(`  ${requirement.met ? color.green('✔') : color.red('✖')} ${requirement.description}`);
    for (const line of problemLines([requirement], displayPath)) lines.push(`      ${line}`);
  }
  if (requirements.every((requirement) => requirement.met)) lines.push(`Ready: postmortem status ${displayPath} final`);
  return `${lines.join('\n')}\n`;
}

/**
 * Prints or changes the review status of `file`; resolves to the exit code: 0 printed or
 * done, 1 the requirements of the status asked for are not met (nothing written).
 */
export async function statusCommand(file: string, status: string | undefined, options: StatusCommandOptions, context: CommandContext): Promise<number> {
  const { io, colors } = context;
  const target = status as PostmortemStatus | undefined;
  if (target !== undefined && !POSTMORTEM_STATUSES.includes(target)) throw usage(`unknown status "${status}"; the statuses are ${POSTMORTEM_STATUSES.join(', ')}`);
  if (options.today !== undefined && !isIsoDate(options.today)) throw usage(`--today must be a date as YYYY-MM-DD, not "${options.today}"`);
  const [{ readPostmortemFile }, { parsePostmortem, REVIEWERS_KEYS }, { changeStatus, reviewerNameProblem }, { checkStatusGate }, { frontMatterKeys }] = await Promise.all([
    import('../../parse/read-file.js'),
    import('../../parse/parse-postmortem.js'),
    import('../../review/status-change.js'),
    import('../../review/status-gate.js'),
    import('../../edit/front-matter-editor.js'),
  ]);
  const reviewers = options.reviewer ?? [];
  for (const name of reviewers) {
    const problem = reviewerNameProblem(name);
    if (problem) throw usage(`--reviewer ${JSON.stringify(name)}: ${problem}`);
  }
  const today = options.today ?? localToday();
  const displayPath = file;
  const absolutePath = resolve(io.cwd, file);

  await refuseSpecialFile(absolutePath, displayPath);
  const text = await readPostmortemFile(file, { cwd: io.cwd, keepByteOrderMark: true });
  // Refused front matter (invalid YAML, a key twice...) stops here, before any other work.
  const keys = frontMatterKeys(text, { filePath: displayPath });
  const postmortem = parsePostmortem(text, { filePath: displayPath });
  const gates = await loadGates(absolutePath, io.cwd, options.config);
  const bodyText = text.replace(/^\uFEFF/, '');
  const reviewersLine = keys.find((key) => REVIEWERS_KEYS.includes(key.key))?.line ?? null;
  const requirementsFor = async (gate: StatusGate, reviewerNames: readonly string[]): Promise<GateRequirement[]> => {
    const lintResult = gate.noLintErrors ? await lintForGate(bodyText, absolutePath, displayPath, io.cwd, options.config) : null;
    return checkStatusGate(postmortem, { gate, lintResult, reviewers: reviewerNames, reviewersLine });
  };

  if (target === undefined && reviewers.length === 0) {
    const requirements = postmortem.status === 'final' ? null : await requirementsFor(gates.final, postmortem.reviewers);
    io.stdout.write(describeStatus(postmortem, displayPath, requirements, colors.stdout));
    return 0;
  }

  let change;
  try {
    change = changeStatus(text, postmortem, { filePath: displayPath, status: target ?? null, reviewers, today });
  } catch (error) {
    if (error instanceof TypeError) throw usage(error.message);
    throw error;
  }

  // Moving forward to a gated status (or confirming final) checks its requirements first; moving back never does.
  const gated = target === 'in-review' || target === 'final' ? (target as GatedStatus) : null;
  if (gated && !change.movedBack && !gateIsEmpty(gates[gated]) && (change.from !== gated || gated === 'final')) {
    const unmet = (await requirementsFor(gates[gated], change.reviewers)).filter((requirement) => !requirement.met);
    if (unmet.length > 0) {
      const lines = problemLines(unmet, displayPath);
      const was = change.from === gated ? `is ${gated} but does not meet what ${gated} requires` : `not moved to ${gated}; it stays ${statusName(change.from)}`;
      io.stdout.write(`${lines.join('\n')}\n${colors.stdout.red(`${displayPath}: ${was}: ${lines.length} ${lines.length === 1 ? 'thing is' : 'things are'} missing (the file is unchanged)`)}\n`);
      return 1;
    }
  }

  if (change.edits.length === 0) {
    io.stdout.write(`${displayPath}: already ${statusName(change.from)}; nothing to change\n`);
    return 0;
  }

  const written = parsePostmortem(change.text, { filePath: displayPath });
  if (written.status !== change.to || change.addedReviewers.some((name) => !written.reviewers.includes(name))) {
    throw new Error(`the edited front matter of ${displayPath} does not read back as status ${change.to} with the reviewers added; nothing was written`);
  }
  // Written only over the bytes that were read: someone saving the file meanwhile keeps their words.
  const { rewriteFile } = await import('../../io/rewrite-file.js');
  await rewriteFile(absolutePath, Buffer.from(text, 'utf8'), change.text, { displayPath });

  const out: string[] = [];
  if (change.from !== change.to) {
    out.push(change.movedBack
      ? `${displayPath}: moved back from ${statusName(change.from)} to ${statusName(change.to)}`
      : `${displayPath}: moved from ${statusName(change.from)} to ${statusName(change.to)}`);
  }
  if (reviewers.length > 0) {
    const added = change.addedReviewers.length > 0 ? `added ${names(change.addedReviewers)}` : 'no new names';
    out.push(`${displayPath}: review recorded on ${change.reviewedAt} (${added}; reviewers: ${names(change.reviewers)})`);
  } else if (change.reviewedAt !== postmortem.reviewedAt) {
    out.push(`${displayPath}: reviewedAt set to ${change.reviewedAt}`);
  }
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
