/**
 * Runs `postmortem new` in-process with a scripted prompter and a fixed clock, and turns a
 * thrown PostmortemError into output and an exit code the way `run()` does.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createColors } from '../../src/cli/colors.js';
import { newCommand, type NewCommandOptions } from '../../src/cli/commands/new.js';
import type { CliIo } from '../../src/cli/io.js';
import { isPostmortemError } from '../../src/model/errors.js';
import type { Postmortem } from '../../src/model/postmortem.js';
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';
import { CapturedStream, type CliResult } from '../cli/cli-harness.js';
import type { ScriptedPrompter } from './scripted-prompter.js';

/** The instant tests run at: the day after the incidents they describe. */
export const NOW = new Date('2026-03-15T12:00:00Z');

/** Runs the command with `prompter` (a terminal) or without one. */
export async function runNew(
  options: NewCommandOptions,
  setup: { cwd: string; prompter?: ScriptedPrompter; now?: Date; author?: string | null; timezone?: string | null },
): Promise<CliResult> {
  const stdout = new CapturedStream();
  const stderr = new CapturedStream();
  const io: CliIo = { stdout, stderr, cwd: setup.cwd, env: {} };
  let exitCode: number;
  try {
    exitCode = await newCommand(options, { io, colors: createColors(io) }, {
      ...(setup.prompter ? { prompter: setup.prompter } : {}),
      now: () => setup.now ?? NOW,
      systemTimezone: () => (setup.timezone === undefined ? 'UTC' : setup.timezone),
      defaultAuthor: async () => (setup.author === undefined ? null : setup.author),
    });
  } catch (error) {
    if (!isPostmortemError(error)) throw error;
    stderr.write(`postmortem: ${error.format()}\n`);
    exitCode = error.exitCode;
  }
  return { exitCode, stdout: stdout.text, stderr: stderr.text };
}

/** The parts of a parsed postmortem the interview writes: no source positions, no summary prose. */
export function answered(postmortem: Postmortem): unknown {
  return {
    title: postmortem.title,
    date: postmortem.date,
    severity: postmortem.severity,
    status: postmortem.status,
    authors: postmortem.authors,
    services: postmortem.services,
    tags: postmortem.tags,
    timezone: postmortem.timezone,
    summary: { ...postmortem.summary, text: null },
    timeline: postmortem.timeline.map(({ time, at, label, text }) => ({ time, at, label, text })),
    rootCause: postmortem.rootCause,
    resolution: postmortem.resolution,
    correctiveActions: {
      improvements: postmortem.correctiveActions.improvements,
      tasks: postmortem.correctiveActions.tasks.map(({ text, owner, due, priority, done }) => ({ text, owner, due, priority, done })),
    },
    lessonsLearned: postmortem.lessonsLearned,
  };
}

/** Reads a written postmortem and parses it. */
export async function parseWritten(cwd: string, filePath: string): Promise<Postmortem> {
  return parsePostmortem(await readFile(join(cwd, filePath), 'utf8'), { filePath });
}
