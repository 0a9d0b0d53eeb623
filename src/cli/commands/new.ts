/**
 * `postmortem new`: the interview that writes a postmortem. On a terminal it asks what flags
 * and an `--answers` file have not said, saving every answer to a draft as it goes; without
 * one it takes flags, the answers file and defaults, and names every missing answer.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { importTimelineOptions, type ImportSourceCommandOptions } from '../import-source-options.js';
import { isPostmortemError, PostmortemError } from '../../model/errors.js';
import { dayjs } from '../../model/dayjs.js';
import { readPostmortemFile } from '../../parse/read-file.js';
import { renderMarkdown } from '../../render/render-markdown.js';
import { DEFAULT_TEMPLATE, listTemplates, resolveTemplate } from '../../render/templates.js';
import { readAnswersText } from '../answers-file.js';
import type { CommandContext } from '../command-context.js';
import { gitUserName } from '../git-user-name.js';
import type { CliIo, OutputStream } from '../io.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import {
  ANSWER_FILE_KEYS,
  ANSWER_FLAGS,
  ANSWER_KEYS,
  answersFromFlags,
  answersFromModel,
  countAnswers,
  mergeAnswers,
  modelFieldsOfAnswersFile,
  type AnswerFlags,
  type AnswerKey,
  type NewAnswers,
} from '../new/answers.js';
import type { AnswerProblem } from '../new/build-postmortem.js';
import { DRAFT_FILE_NAME, DraftStore, type Draft } from '../new/draft-store.js';
import { runInterview, type InterviewSettings } from '../new/interview.js';
import { lintWrittenPostmortem } from '../new/lint-written.js';
import { loadNewConfig } from '../new/new-config.js';
import { DEFAULT_OUTPUT_DIRECTORY, type PathKind } from '../new/output-path.js';
import { PromptCancelledError, type Prompter } from '../new/prompter.js';
import { presetSecretWarnings, withSecretCheck } from '../new/secret-check.js';
import { configuredRedaction } from '../redaction-options.js';
import type { SecretScanOptions } from '../../redact/secrets.js';
import { checkTimezone, DEFAULT_SEVERITIES } from '../new/validate-answers.js';

/** Options of `postmortem new`: the answers as flags, and how to run. */
export interface NewCommandOptions extends AnswerFlags, ImportSourceCommandOptions {
  /** Overwrite an existing output file. */
  force?: boolean;
  /** Take every default and skip the preview. */
  yes?: boolean;
  /** A JSON or YAML file in the model's shape. */
  answers?: string;
  /** Resume the draft without asking. */
  resume?: boolean;
  /** Throw the draft away and start over. */
  discardDraft?: boolean;
  /** `--timeline-from SOURCE...`: records to import timeline entries from (as `postmortem timeline import` reads them). */
  timelineFrom?: string[];
}

/** What the command takes from its surroundings; tests replace these. */
export interface NewCommandDependencies {
  /** Asks the questions; by default inquirer on the terminal, when there is one. */
  prompter?: Prompter;
  /** The current time (today's date, the draft's timestamp). */
  now?: () => Date;
  /** The system timezone, offered as the default. */
  systemTimezone?: () => string | null;
  /** The name to offer as the author (`git config user.name`). */
  defaultAuthor?: () => Promise<string | null>;
}

/** Exit code after Ctrl-C, as shells report a process ended by SIGINT (128 + 2). */
export const EXIT_INTERRUPTED = 130;

/** The stream that is a terminal to draw prompts on, or null when neither is (or `CI` is set). */
function promptOutput(io: CliIo): OutputStream | null {
  const ci = io.env['CI'];
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return null;
  if (!(io.stdin as { isTTY?: boolean } | undefined)?.isTTY) return null;
  if (io.stdout.isTTY) return io.stdout;
  if (io.stderr.isTTY) return io.stderr;
  return null;
}

function systemTimezone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

function pathKind(cwd: string): (filePath: string) => PathKind {
  return (filePath) => {
    try {
      return statSync(resolve(cwd, filePath)).isDirectory() ? 'directory' : 'file';
    } catch {
      return null;
    }
  };
}

/** The answers an `--answers` file gives. */
async function readAnswersFile(filePath: string, cwd: string): Promise<NewAnswers> {
  const text = await readPostmortemFile(filePath, { cwd });
  const { raw, postmortem } = readAnswersText(text, filePath, modelFieldsOfAnswersFile);
  return answersFromModel(raw, postmortem);
}

/** Names an answer the way it was (or can be) given: the flag, or the answers file and key. */
function answerName(key: AnswerKey, fromFile: ReadonlySet<AnswerKey>, answersPath: string | undefined): string {
  return fromFile.has(key) && answersPath ? `${answersPath}: ${ANSWER_FILE_KEYS[key]}` : ANSWER_FLAGS[key];
}

/** One line for everything missing or wrong; the flags to give, in interview order. */
function problemsError(problems: readonly AnswerProblem[], fromFile: ReadonlySet<AnswerKey>, answersPath: string | undefined, interactive: boolean): PostmortemError {
  const order = (problem: AnswerProblem): number => ANSWER_KEYS.indexOf(problem.key);
  const sorted = [...problems].sort((a, b) => order(a) - order(b));
  const missing = [...new Set(sorted.filter((problem) => problem.message === null).map((problem) => ANSWER_FLAGS[problem.key]))];
  const invalid = sorted.filter((problem) => problem.message !== null).map((problem) => `${answerName(problem.key, fromFile, answersPath)}: ${problem.message}`);
  const parts = [...invalid];
  if (missing.length > 0) {
    const where = interactive ? '' : ' (no terminal to ask them; give them as flags or in an --answers file)';
    parts.push(`missing answers${where}: ${missing.join(', ')}`);
  }
  return new PostmortemError(parts.join('; '));
}

function describeDraft(draft: Draft): string {
  const saved = draft.savedAt ? dayjs(draft.savedAt).format('YYYY-MM-DD HH:mm') : 'earlier';
  const title = draft.answers.title ? ` "${draft.answers.title}"` : '';
  return `a draft${title} from ${saved} (${countAnswers(draft.answers)} of ${ANSWER_KEYS.length} questions answered)`;
}

/** Decides between the draft and a fresh start. Returns the draft's answers, or null to start over. */
async function chooseDraft(store: DraftStore, options: NewCommandOptions, prompter: Prompter | null): Promise<NewAnswers | null> {
  if (options.resume && options.discardDraft) throw new PostmortemError('--resume and --discard-draft cannot be used together');
  if (options.discardDraft) {
    await store.remove();
    return null;
  }
  const draft = await store.load();
  if (!draft) {
    if (options.resume) throw new PostmortemError(`there is no draft to resume here (${DRAFT_FILE_NAME})`);
    return null;
  }
  if (options.resume || options.yes) return draft.answers;
  if (!prompter) {
    throw new PostmortemError(`there is ${describeDraft(draft)}; use --resume to finish it or --discard-draft to start over`, { filePath: DRAFT_FILE_NAME });
  }
  const choice = await prompter.select({
    message: `There is ${describeDraft(draft)}.`,
    choices: [
      { value: 'resume', name: 'Resume it' },
      { value: 'discard', name: 'Start over (the draft is thrown away)' },
    ],
    default: 'resume',
  });
  if (choice === 'resume') return draft.answers;
  await store.remove();
  return null;
}

/**
 * Runs `postmortem new`. Returns the exit code: 0 written (lint findings are shown, not
 * failed on: the postmortem is a draft to edit), or stopped by choice; 130 after Ctrl-C.
 */
export async function newCommand(options: NewCommandOptions, context: CommandContext, dependencies: NewCommandDependencies = {}): Promise<number> {
  const { io } = context;
  const now = dependencies.now ?? (() => new Date());
  const terminal = promptOutput(io);
  let prompter: Prompter | null = dependencies.prompter ?? null;
  if (!prompter && terminal) {
    // Loaded here only: inquirer is the heaviest thing `new` needs, and no other command needs it.
    const { createPrompter } = await import('../prompts.js');
    prompter = createPrompter(io, { output: terminal as unknown as NodeJS.WritableStream });
  }
  const say = (text: string): void => {
    if (prompter) prompter.note(text);
    else io.stdout.write(`${text}\n`);
  };

  const sources = options.timelineFrom ?? [];
  // Checked before the first question: a source that is missing or of no known kind stops the command now, not at the timeline.
  if (sources.length > 0 && options.from === undefined) {
    const { detectSource } = await import('../../import/detect-source.js');
    for (const source of sources) await detectSource(source, { cwd: io.cwd });
  } else if (sources.length > 0) {
    const { stat } = await import('node:fs/promises');
    for (const source of sources) {
      if (!(await stat(resolve(io.cwd, source)).catch(() => null))) throw new PostmortemError('no such file or folder', { filePath: source });
    }
  }
  const config = await loadNewConfig(io.cwd);
  // Every answer is checked for secrets before it is kept (or saved in the draft), with the
  // no-secrets rule's options from the lint config (a published test key it allows is not asked
  // about). A lint config with a mistake does not stop new (its lint at the end says so too): the
  // rule's defaults are used.
  let secretOptions: SecretScanOptions = {};
  try {
    secretOptions = (await configuredRedaction(io.cwd)).secrets;
  } catch (error) {
    if (!isPostmortemError(error)) throw error;
    io.stderr.write(`${context.colors.stderr.yellow('postmortem: warning:')} ${error.format()}; answers are checked for secrets with no-secrets' default options\n`);
  }
  if (prompter) prompter = withSecretCheck(prompter, secretOptions);
  const fileAnswers = options.answers === undefined ? {} : await readAnswersFile(options.answers, io.cwd);
  const flagAnswers = answersFromFlags(options);
  const presets = mergeAnswers(fileAnswers, flagAnswers);
  const fromFile = new Set(ANSWER_KEYS.filter((key) => fileAnswers[key] !== undefined && flagAnswers[key] === undefined));
  const presetKeys = new Set(ANSWER_KEYS.filter((key) => presets[key] !== undefined));
  for (const warning of await presetSecretWarnings(presets as Record<string, unknown>, presetKeys, (key) => answerName(key as AnswerKey, fromFile, options.answers), secretOptions)) {
    io.stderr.write(`${context.colors.stderr.yellow('postmortem: warning:')} ${warning}\n`);
  }

  const store = new DraftStore(io.cwd, now);
  let resumed: NewAnswers | null;
  try {
    resumed = await chooseDraft(store, options, prompter);
  } catch (error) {
    if (!(error instanceof PromptCancelledError)) throw error;
    io.stderr.write(`\nStopped. The draft in ${DRAFT_FILE_NAME} is untouched.\n`);
    return EXIT_INTERRUPTED;
  }
  const answers = mergeAnswers(resumed ?? {}, presets);
  const interactive = prompter !== null;
  const keepsDraft = interactive || resumed !== null;

  const today = dayjs(now()).format('YYYY-MM-DD');
  const zone = (dependencies.systemTimezone ?? systemTimezone)();
  const checkedZone = zone ? checkTimezone(zone) : null;
  const defaultAuthor = answers.authors === undefined ? await (dependencies.defaultAuthor ?? (() => gitUserName(io.cwd, io.env)))() : null;
  const settings: InterviewSettings = {
    today,
    severities: config.severities ?? DEFAULT_SEVERITIES,
    defaultTimezone: checkedZone?.ok ? checkedZone.value : null,
    defaultAuthors: defaultAuthor,
    outputDirectory: config.outputDir ?? DEFAULT_OUTPUT_DIRECTORY,
    defaultTemplate: config.template ?? DEFAULT_TEMPLATE,
    templates: listTemplates(),
    force: options.force === true,
    kindOf: pathKind(io.cwd),
    checkTemplate: (text) => {
      try {
        resolveTemplate(text.trim(), io.cwd);
        return { ok: true, value: text.trim() };
      } catch (error) {
        if (error instanceof PostmortemError) return { ok: false, message: error.format() };
        throw error;
      }
    },
    render: (postmortem, template) => renderMarkdown(postmortem, { template, cwd: io.cwd }),
  };
  if (sources.length > 0) {
    settings.importTimeline = async ({ timezone, since, until }) => {
      const { importTimeline } = await import('../../import/import-timeline.js');
      // importTimeline keeps to the window (both ends included) and sorts.
      return importTimeline(sources, importTimelineOptions(options, { since, until, assumeZone: timezone }, io, context.colors));
    };
  }

  let draftSaved = resumed !== null;
  const save = async (latest: NewAnswers): Promise<void> => {
    await store.save(latest);
    draftSaved = true;
  };
  if (resumed) say(`Resuming ${DRAFT_FILE_NAME}: questions answered before are not asked again.`);
  let outcome;
  try {
    outcome = await runInterview({
      answers,
      presetKeys,
      prompter,
      acceptDefaults: options.yes === true,
      settings,
      save: interactive ? save : async () => undefined,
    });
  } catch (error) {
    if (error instanceof PromptCancelledError) {
      const saved = draftSaved;
      io.stderr.write(
        saved
          ? `\nStopped. Your answers are saved in ${DRAFT_FILE_NAME}; run \`postmortem new\` here to pick up where you left off.\n`
          : '\nStopped. Nothing was answered, so there is nothing to keep.\n',
      );
      return EXIT_INTERRUPTED;
    }
    throw error;
  }

  if (outcome.kind === 'problems') throw problemsError(outcome.problems, fromFile, options.answers, interactive);
  if (outcome.kind === 'stopped') {
    say(`Not written. Your answers are kept in ${DRAFT_FILE_NAME}; run \`postmortem new\` here to continue.`);
    return 0;
  }

  const markdown = outcome.markdown ?? settings.render(outcome.postmortem, outcome.template);
  if (interactive) await save(outcome.answers);
  try {
    await writeFileAtomic(outcome.output, markdown, { cwd: io.cwd, overwrite: options.force === true });
  } catch (error) {
    if (error instanceof PostmortemError && keepsDraft) {
      throw new PostmortemError(`${error.message} (your answers are kept in ${DRAFT_FILE_NAME})`, { filePath: error.filePath }, { cause: error });
    }
    throw error;
  }
  if (keepsDraft) await store.remove();
  say(`Wrote ${outcome.output}`);
  const colors = prompter ? (terminal === io.stderr ? context.colors.stderr : context.colors.stdout) : context.colors.stdout;
  const lint = await lintWrittenPostmortem(markdown, resolve(io.cwd, outcome.output), {
    cwd: io.cwd,
    displayPath: outcome.output,
    color: colors.level > 0 ? colors : null,
  });
  say(lint.text);
  return 0;
}
