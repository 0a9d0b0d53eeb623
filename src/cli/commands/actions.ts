/**
 * `postmortem actions`: every action item of the postmortems found, filtered, as a table,
 * JSON, CSV or Markdown, with `--fail-on` for a CI job; and `postmortem actions done`, which
 * ticks one task in its source file. Exit codes: 0 listed (or ticked), 1 a `--fail-on`
 * condition matched, 2 a file could not be read (the rest is still listed), bad usage, or
 * nothing could be ticked.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { collectActions } from '../../collection/collect-actions.js';
import { readCollection, type CollectionFile } from '../../collection/read-collection.js';
import { tickActionItem } from '../../collection/tick-action.js';
import type { ActionItem, CollectActionsOptions } from '../../collection/types.js';
import { rewriteFile } from '../../io/rewrite-file.js';
import { PostmortemError } from '../../model/errors.js';
import type { Postmortem } from '../../model/postmortem.js';
import { readPostmortemFile } from '../../parse/read-file.js';
import { cellText } from '../actions/format-table.js';
import type { CommandContext } from '../command-context.js';
import { gitUserName } from '../git-user-name.js';

/** Output formats of `postmortem actions`. */
export const ACTIONS_FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type ActionsFormat = (typeof ACTIONS_FORMATS)[number];

/** What `--fail-on` can fail a run for. */
export const FAIL_ON_CONDITIONS = ['overdue', 'unowned', 'undated'] as const;
export type FailOnCondition = (typeof FAIL_ON_CONDITIONS)[number];

/** Where to look, as for `lint`. */
export interface CollectionDiscoveryOptions {
  /** `--ignore` patterns, repeatable. */
  ignore?: string[];
  /** `--config`: the config whose `ignores` apply. */
  config?: string;
}

/** Options of `postmortem actions`, as commander parses them. */
export interface ActionsCommandOptions extends CollectionDiscoveryOptions {
  open?: boolean;
  done?: boolean;
  overdue?: boolean;
  /** YYYY-MM-DD (checked by commander). */
  today?: string;
  owner?: string[];
  mine?: boolean;
  severity?: string[];
  service?: string[];
  format?: ActionsFormat;
  failOn?: FailOnCondition[];
  /** `--concurrency`: threads reading and parsing the files (README: "Threads"). */
  concurrency?: number | 'auto';
}

/** Options of `postmortem actions done`. */
export type ActionsDoneCommandOptions = CollectionDiscoveryOptions;

/** Prints one line for each file that could not be read; returns how many. */
function reportUnreadable(files: readonly CollectionFile[], context: CommandContext): number {
  const { io, colors } = context;
  let count = 0;
  for (const file of files) {
    if (!file.error) continue;
    count += 1;
    const where = file.error.line === null ? file.file : `${file.file}:${file.error.line}`;
    io.stderr.write(`${colors.stderr.red('postmortem:')} ${where}: ${file.error.message}\n`);
  }
  return count;
}

function postmortemsOf(files: readonly CollectionFile[]): Postmortem[] {
  return files.flatMap((file) => (file.postmortem ? [file.postmortem] : []));
}

/** Open items a `--fail-on` condition matches. */
function failing(items: readonly ActionItem[], condition: FailOnCondition): number {
  const open = items.filter((item) => !item.done);
  if (condition === 'overdue') return open.filter((item) => item.overdue).length;
  if (condition === 'unowned') return open.filter((item) => item.owner === null || item.owner.trim() === '').length;
  return open.filter((item) => item.due === null || item.due.trim() === '').length;
}

async function format(items: readonly ActionItem[], options: ActionsCommandOptions, context: CommandContext, emptyMessage: () => string): Promise<string> {
  const { io, colors } = context;
  switch (options.format ?? 'table') {
    case 'json':
      return `${JSON.stringify(items, null, 2)}\n`;
    case 'csv':
      return (await import('../actions/format-csv.js')).formatActionsCsv(items);
    case 'markdown':
      return items.length === 0 ? `${emptyMessage()}\n` : (await import('../actions/format-markdown.js')).formatActionsMarkdown(items);
    default: {
      if (items.length === 0) return `${emptyMessage()}\n`;
      const { formatActionsTable } = await import('../actions/format-table.js');
      const width = io.stdout.isTTY ? (io.stdout.columns ?? 80) : null;
      return formatActionsTable(items, { color: colors.stdout.level > 0 ? colors.stdout : null, width });
    }
  }
}

/** Lists the action items of the postmortems `patterns` name; resolves to the exit code. */
export async function actionsCommand(patterns: string[], options: ActionsCommandOptions, context: CommandContext): Promise<number> {
  const { io, colors } = context;
  const owners = [...(options.owner ?? [])];
  if (options.mine) {
    const name = await gitUserName(io.cwd, io.env);
    if (name === null) {
      throw new PostmortemError('--mine needs your name from `git config user.name`, which is not set: set it (git config --global user.name "Your Name") or use --owner NAME');
    }
    owners.push(name);
  }
  const files = await readCollection(patterns, { cwd: io.cwd, ignore: options.ignore, configFile: options.config ?? null, concurrency: options.concurrency });
  const unreadable = reportUnreadable(files, context);
  const postmortems = postmortemsOf(files);
  const filters: CollectActionsOptions = {
    today: options.today,
    open: options.open,
    done: options.done,
    overdue: options.overdue,
    owners,
    severities: options.severity,
    services: options.service,
  };
  const items = collectActions(postmortems, filters);
  const emptyMessage = (): string => {
    const read = `${postmortems.length} postmortem${postmortems.length === 1 ? '' : 's'}`;
    const all = collectActions(postmortems, { today: options.today }).length;
    if (all === 0) return `No action items found in ${read}.`;
    return `No action items match the filters (${all} action item${all === 1 ? '' : 's'} in ${read}).`;
  };
  io.stdout.write(await format(items, options, context, emptyMessage));

  let exitCode = 0;
  for (const condition of new Set(options.failOn ?? [])) {
    const count = failing(items, condition);
    if (count === 0) continue;
    io.stderr.write(`${colors.stderr.red('postmortem:')} ${count} ${condition} action item${count === 1 ? '' : 's'}\n`);
    exitCode = 1;
  }
  if (unreadable > 0) {
    io.stderr.write(`${colors.stderr.red('postmortem:')} ${unreadable} file${unreadable === 1 ? '' : 's'} could not be read; the list leaves ${unreadable === 1 ? 'it' : 'them'} out\n`);
    return 2;
  }
  return exitCode;
}

/** A task in a file, chosen by FILE:LINE or by the start of its text. */
interface ChosenTask {
  /** As the user or the discovery named it. */
  file: string;
  /** Resolved. */
  path: string;
  line: number;
  /** Its text when chosen by text, to check the file still says the same. */
  text: string | null;
}

/** The same letters, case and runs of white space aside. */
function comparable(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((stats) => stats.isFile(), () => false);
}

const MAX_CANDIDATES_SHOWN = 10;

/**
 * Marks one action item done in its source file: `target` is FILE:LINE, or the start of the
 * task's text, looked for in the postmortems `patterns` name. Resolves to the exit code.
 */
export async function actionsDoneCommand(target: string, patterns: string[], options: ActionsDoneCommandOptions, context: CommandContext): Promise<number> {
  const { io, colors } = context;
  const location = /^(.+):(\d+)$/.exec(target);
  let chosen: ChosenTask | null = null;
  if (location && (await isFile(resolve(io.cwd, location[1] as string)))) {
    chosen = { file: location[1] as string, path: resolve(io.cwd, location[1] as string), line: Number(location[2]), text: null };
  } else {
    const prefix = comparable(target);
    if (prefix === '') throw new PostmortemError('name the action item to tick: FILE:LINE, or the start of its text');
    const files = await readCollection(patterns, { cwd: io.cwd, ignore: options.ignore, configFile: options.config ?? null });
    const unreadable = reportUnreadable(files, context);
    const candidates = files.flatMap((file) =>
      (file.postmortem?.correctiveActions.tasks ?? [])
        .filter((task) => task.line !== undefined && comparable(task.text).startsWith(prefix))
        .map((task) => ({ file: file.file, path: file.path, line: task.line as number, text: task.text })),
    );
    if (candidates.length === 0) {
      const searched = `${files.length - unreadable} file${files.length - unreadable === 1 ? '' : 's'}`;
      const notAFile = location ? `; there is no file ${location[1]}` : '';
      throw new PostmortemError(`no action item starts with "${target.trim()}" (searched ${searched})${notAFile}`);
    }
    if (candidates.length > 1) {
      io.stderr.write(`${colors.stderr.red('postmortem:')} "${target.trim()}" starts ${candidates.length} action items; name one as FILE:LINE (nothing was changed):\n`);
      for (const candidate of candidates.slice(0, MAX_CANDIDATES_SHOWN)) io.stderr.write(`  ${candidate.file}:${candidate.line}: ${cellText(candidate.text)}\n`);
      if (candidates.length > MAX_CANDIDATES_SHOWN) io.stderr.write(`  ... and ${candidates.length - MAX_CANDIDATES_SHOWN} more\n`);
      return 2;
    }
    chosen = candidates[0] as ChosenTask;
  }
  return tickInFile(chosen, context);
}

// fatal: refuse bad bytes; ignoreBOM: keep a byte order mark in the text, so it is written back.
const UTF8_KEEPING_BOM = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

async function tickInFile(chosen: ChosenTask, context: CommandContext): Promise<number> {
  const { io } = context;
  // The reader's checks first, for their one-line reasons: no such file, binary, not UTF-8, too big.
  await readPostmortemFile(chosen.file, { cwd: io.cwd });
  const bytes = await readFile(chosen.path);
  let text: string;
  try {
    text = UTF8_KEEPING_BOM.decode(bytes);
  } catch {
    throw new PostmortemError('changed on disk while it was being read; nothing written, run the command again', { filePath: chosen.file });
  }
  const result = tickActionItem(text, chosen.line, { filePath: chosen.file });
  const where = `${chosen.file}:${chosen.line}`;
  if (chosen.text !== null && result.task.text !== chosen.text) {
    throw new PostmortemError('changed on disk while it was being searched; nothing written, run the command again', { filePath: chosen.file, line: chosen.line });
  }
  if (result.status === 'already-done') {
    io.stdout.write(`${where}: already done: ${cellText(result.task.text)}\n`);
    return 0;
  }
  await rewriteFile(chosen.path, bytes, result.text, { displayPath: chosen.file });
  io.stdout.write(`${where}: marked done: ${cellText(result.task.text)}\n`);
  return 0;
}
