/**
 * The commander wiring: commands, flags, help text and where commander writes. Each action
 * imports its command module only when it runs, so `--help` (and a typo) never loads the
 * parser, the renderer or their dependencies.
 */
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { FORMATTER_NAMES } from '../lint/formatters/index.js';
import type { CommandContext } from './command-context.js';
import { readPackageInfo } from './package-info.js';
import type { NewCommandOptions } from './commands/new.js';
import { isIsoDate } from '../collection/action-state.js';
import { IMPORT_SOURCE_NAMES } from '../import/types.js';

// For run.ts, which loads the program and the colours with one import() of this module (they
// were two bundle files, always loaded together).
export { createColors } from './colors.js';

/** Filled in by the action that ran; `run()` returns it. */
export interface ProgramResult {
  exitCode: number;
}

/** A repeatable flag without a default, so that a flag not given stays absent (an answer not given is asked). */
function repeatable(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  ${line}`).join('\n')}\n`;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseWholeNumber(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number)) throw new InvalidArgumentError('expected a whole number, 0 or more.');
  return number;
}

/** `--concurrency` means the same for every command that has it (README: "Threads"). */
const CONCURRENCY_HELP = 'how many threads do the work (1: no worker threads), or "auto" to let the command decide (see the README)';

/** `--ignore` for every command that walks directories (README: "Which files are read"). */
const IGNORE_HELP = 'skip files and directories matching this glob when walking directories and globs (repeatable; a file named is always read)';

/** A YYYY-MM-DD date that is a real day (`--today`, `--since`, `--until`). */
function parseIsoDate(value: string): string {
  if (!isIsoDate(value.trim())) throw new InvalidArgumentError('expected a date, YYYY-MM-DD.');
  return value.trim();
}

/** `--fail-on`: repeatable, and a comma-separated list too. */
function parseFailOn(value: string, previous: string[] | undefined): string[] {
  const conditions = value.split(',').map((condition) => condition.trim().toLowerCase()).filter((condition) => condition !== '');
  const unknown = conditions.find((condition) => !['overdue', 'unowned', 'undated'].includes(condition));
  if (unknown !== undefined || conditions.length === 0) throw new InvalidArgumentError('expected overdue, unowned or undated.');
  return [...(previous ?? []), ...conditions];
}

/** `--config` for every command that finds files as `lint` does (README: "Which files are read"). */
const CONFIG_HELP = 'use this config file (.json, .yaml, .yml) instead of the nearest .postmortemrc.* or package.json "postmortem" key';

function parseConcurrency(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  if (value === 'off') return 1;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < 1 || number > 64) throw new InvalidArgumentError('expected a number of threads from 1 to 64, "auto" or "off".');
  return number;
}

/** The commands, in the order `postmortem --help` lists them. */
export const COMMAND_NAMES = ['new', 'render', 'export', 'status', 'lint', 'actions', 'stats', 'timeline', 'lsp', 'templates'] as const;

/**
 * The command that `args` plainly run: the first argument after any `--debug`, when it is a
 * command's name. Anything else (`--help`, `help lint`, a typo, no command) is undefined.
 */
export function commandNamedBy(args: readonly string[]): string | undefined {
  const first = args.find((arg) => arg !== '--debug');
  return (COMMAND_NAMES as readonly string[]).includes(first ?? '') ? first : undefined;
}

/**
 * Builds the `postmortem` program. Output goes to `context.io`; commander's own exits are
 * turned into thrown `CommanderError`s ({@link usageExitCode} maps them to exit codes).
 *
 * Given the arguments, and when they plainly run one command ({@link commandNamedBy}), only that
 * command is added: its parsing, help and errors are the same, and the others' hundred-odd
 * options are not built at every start. Without them (or for `--help`, `help`, a typo), all are.
 */
export function createProgram(context: CommandContext, result: ProgramResult, args?: readonly string[]): Command {
  const only = args === undefined ? undefined : commandNamedBy(args);
  const adds = (name: (typeof COMMAND_NAMES)[number]): boolean => only === undefined || only === name;
  const { io, colors } = context;
  const program = new Command('postmortem');
  // Configured before adding commands: subcommands copy these settings when created.
  program
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      getOutHelpWidth: () => (io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80),
      getErrHelpWidth: () => (io.stderr.isTTY && io.stderr.columns ? io.stderr.columns : 80),
      getOutHasColors: () => colors.stdout.level > 0,
      getErrHasColors: () => colors.stderr.level > 0,
      outputError: (text, write) => write(`${colors.stderr.red('postmortem:')} ${text.replace(/^error: /, '')}`),
    })
    .configureHelp({
      styleTitle: (text) => colors.stdout.bold(text),
      styleCommandText: (text) => colors.stdout.cyan(text),
      styleSubcommandText: (text) => colors.stdout.cyan(text),
      styleOptionText: (text) => colors.stdout.green(text),
    })
    .showSuggestionAfterError(true)
    .showHelpAfterError("(run 'postmortem --help' for usage)");

  program
    .description('Write, check and publish incident postmortems.')
    .version(readPackageInfo().version, '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'show help')
    .option('--debug', 'print stack traces for errors (use when reporting a bug)')
    .addHelpText(
      'after',
      examples([
        'postmortem new',
        'postmortem render answers.yaml -o postmortems/2026-03-14-checkout.md',
        'postmortem export postmortems/*.md -o postmortems.json',
        'postmortem lint postmortems/',
        'postmortem status postmortems/2026-03-14-checkout.md final --reviewer "Dana Lee"',
        'postmortem actions --overdue',
        'postmortem stats --since 2026-01-01',
        'postmortem timeline import slack-export/ --into postmortems/2026-03-14-checkout.md',
        'postmortem templates',
        'postmortem lsp --stdio                 # started by your editor',
        'postmortem render --help',
      ]),
    );

  if (adds('new')) {
    program
      .command('new')
      .description('write a new postmortem by answering questions (or from flags and an answers file)')
      .option('--title <text>', 'title of the postmortem')
      .option('--date <YYYY-MM-DD>', 'date of the incident (default: today)')
      .option('--severity <level>', 'severity: SEV1, SEV2, SEV3 or SEV4 (or the list in config)')
      .option('--authors <names>', 'authors, comma-separated (default: git config user.name)')
      .option('--services <names>', 'the affected services, comma-separated: checkout-api, payments')
      .option('--tags <names>', 'contributing factors as tags, comma-separated: config-change, missing-alert')
      .option('--timezone <zone>', 'timezone of the times given: UTC, UTC-4, Europe/Berlin (default: the system\'s)')
      .option('--start <time>', 'when impact started: 14:05, 2:05 PM, or 2026-03-14 14:05')
      .option('--end <time>', 'when impact ended (after the start; add the date when it is another day)')
      .option('--impact <text>', 'what users saw')
      .option('--users-affected <percent>', 'share of users affected, 0-100: 60, 60%, about 60%')
      .option('--root-cause <sentence>', 'the root cause in one sentence (for the summary)')
      .option('--root-cause-detail <markdown>', 'the root cause in full')
      .option('--resolution <markdown>', 'how the incident was resolved')
      .option('--timeline <time|text|label>', 'a timeline entry, repeatable; the label is optional, a time of - means none', repeatable)
      .option('--improvement <text>', 'an improvement or fix, repeatable', repeatable)
      .option('--task <what|owner|due|priority|issue>', 'a task, repeatable; owner, due date (YYYY-MM-DD, Dec 18, next friday, in 2 weeks), priority and tracker issue (#123, OPS-42, a URL) are optional', repeatable)
      .option('--lessons <markdown>', 'lessons learned')
      .option('-t, --template <name-or-path>', 'built-in template (see `postmortem templates`) or a template path (default: classic)')
      .option('-o, --output <file>', 'where to write it (default: postmortems/<date>-<title>.md)')
      .option('-f, --force', 'overwrite the output file if it exists')
      .option('-y, --yes', 'take every default and skip the preview')
      .option('--answers <file>', 'answers as a JSON or YAML file in the model\'s shape; flags win over it')
      .option('--resume', 'resume the draft of an interview without asking')
      .option('--discard-draft', 'throw the draft away and start over')
      .option('--timeline-from <source...>', 'offer the events of these exported records (Slack, PagerDuty, Alertmanager, git, CSV or JSON lines; see `postmortem timeline import`) as timeline entries, in the window around the impact; without a terminal all are kept')
      .addOption(new Option('--from <name>', 'with --timeline-from: the kind of every source, instead of detecting it').choices(IMPORT_SOURCE_NAMES))
      .option('--channel <name>', 'with --timeline-from: only this Slack channel (repeatable)', repeatable)
      .option('--include-threads', 'with --timeline-from: keep Slack thread replies')
      .option('--time-field <name>', 'with --timeline-from: the CSV or JSON-lines column holding the time')
      .option('--text-field <name>', 'with --timeline-from: the CSV or JSON-lines column holding the text')
      .option('--label-field <name>', 'with --timeline-from: the CSV or JSON-lines column holding a label')
      .option('--repo <path>', 'with --timeline-from and --from git: the repository to read')
      .showHelpAfterError("(run 'postmortem new --help' for usage)")
      .addHelpText(
        'after',
        examples([
          'postmortem new',
          'postmortem new --title "Checkout API returned 502s" --severity SEV2',
          'postmortem new --services checkout-api,payments --tags config-change',
          'postmortem new --answers answers.yaml --yes',
          'postmortem new --resume',
          'postmortem new --timeline-from slack-export/ pagerduty-log.json --channel incidents',
        ]),
      )
      .action(async (options: NewCommandOptions) => {
        const { newCommand } = await import('./commands/new.js');
        result.exitCode = await newCommand(options, context);
      });
  }

  if (adds('render')) {
    program
      .command('render')
      .description('render an answers file (JSON or YAML) to a Markdown postmortem')
      .argument('<answers>', 'answers file: .json, .yaml or .yml (other names: detected from the content)')
      .option('-t, --template <name-or-path>', 'built-in template name (see `postmortem templates`), or the path of a template file or directory')
      .option('-o, --output <file>', 'write to this file instead of standard output (`-` means standard output)')
      .option('-f, --force', 'overwrite the output file if it exists')
      .showHelpAfterError("(run 'postmortem render --help' for usage)")
      .addHelpText(
        'after',
        examples([
          'postmortem render answers.yaml',
          'postmortem render answers.json --template google-sre -o postmortem.md',
          'postmortem render answers.yaml -o postmortem.md --force',
        ]),
      )
      .action(async (answers: string, options: { template?: string; output?: string; force?: boolean }) => {
        const { renderCommand } = await import('./commands/render.js');
        result.exitCode = await renderCommand(answers, options, context);
      });
  }

  if (adds('export')) {
    program
      .command('export')
      .description('export Markdown postmortems as JSON, HTML pages, PDF, or a static site')
      .argument('<file...>', 'Markdown postmortem files (directories and globs too, with --site)')
      .addOption(new Option('--format <format>', 'output format (default: json; html with --site)').choices(['json', 'html', 'pdf']))
      .option('-o, --output <file-or-dir>', 'write to this file, or into this directory (one file per postmortem); `-` means standard output')
      .option('-f, --force', 'overwrite output files that exist (with --site: files postmortem did not write)')
      .option('-t, --template <path>', 'HTML template file (the page) or directory (postmortem.html.hbs, index.html.hbs, search.html.hbs, dashboard.html.hbs, actions.html.hbs, partials/)')
      .option('--site <dir>', 'build a static site in this directory from files, directories and globs: a page per postmortem, index.html with filters, dashboard.html, actions.html and search.html')
      .option('--ignore <glob>', `with --site: ${IGNORE_HELP}`, repeatable)
      .option('--concurrency <threads>', `with --site: ${CONCURRENCY_HELP}`, parseConcurrency, 'auto')
      .option('--no-cache', 'with --site, parse and render every page again, even those whose source has not changed')
      .option('--today <YYYY-MM-DD>', 'with --site: the day the dashboard and the action items count overdue tasks against (default: today, local time)', parseIsoDate)
      .option('--redact', 'replace secrets and personal data (what the no-secrets and no-personal-data rules find) with [REDACTED] in the output; the source files are not changed')
      .showHelpAfterError("(run 'postmortem export --help' for usage)")
      .addHelpText(
        'after',
        examples([
          'postmortem export postmortem.md',
          'postmortem export 2026-*.md --format json -o postmortems.json',
          "postmortem export postmortem.md | jq '.timeline'",
          'postmortem export postmortem.md --format html -o postmortem.html',
          'postmortem export postmortems/*.md --format pdf -o pdf/',
          'postmortem export postmortems/ --site site/',
          'postmortem export postmortems/ --site site/ --today 2026-06-30',
          'postmortem export postmortems/ --site public-site/ --redact',
        ]),
      )
      .action(async (files: string[], options: import('./commands/export.js').ExportCommandOptions) => {
        const { exportCommand } = await import('./commands/export.js');
        result.exitCode = await exportCommand(files, options, context);
      });
  }

  if (adds('status')) {
    program
      .command('status')
      .description('print or change where a postmortem is in its review: draft, in-review or final')
      .argument('<file>', 'the Markdown postmortem')
      .addArgument(new Argument('[status]', 'the status to move it to; without it, print the status and what final still needs').choices(['draft', 'in-review', 'final']))
      .option('--reviewer <name>', 'record a review by this person: added to reviewers, with reviewedAt (repeatable)', repeatable)
      .option('--today <YYYY-MM-DD>', 'the date a review is recorded with (default: today)')
      .option('-c, --config <file>', 'use this config file (.json, .yaml, .yml) instead of the nearest .postmortemrc.* or package.json "postmortem" key')
      .showHelpAfterError("(run 'postmortem status --help' for usage)")
      .addHelpText(
        'after',
        `${examples([
          'postmortem status postmortems/2026-03-14-checkout.md',
          'postmortem status postmortems/2026-03-14-checkout.md in-review',
          'postmortem status postmortems/2026-03-14-checkout.md final --reviewer "Dana Lee"',
          'postmortem status postmortems/2026-03-14-checkout.md --reviewer "Sam Ortiz"   # record a review only',
          'postmortem status postmortems/2026-03-14-checkout.md draft                   # back to draft',
        ])}
  Moving to final needs no lint errors, an owner and a due date on every task, and a reviewer
  (the project config's "status" key changes this). Only the front matter's status, reviewers
  and reviewedAt change; every other byte of the file stays as it was.
  Exit status: 0 printed or changed, 1 the requirements are not met (the file is unchanged),
  2 the command could not run (no such file, front matter it cannot edit, an invalid config).
  `,
      )
      .action(async (file: string, status: string | undefined, options: import('./commands/status.js').StatusCommandOptions) => {
        const { statusCommand } = await import('./commands/status.js');
        result.exitCode = await statusCommand(file, status, options, context);
      });
  }

  if (adds('lint')) {
    program
      .command('lint')
      .description('check postmortems for missing sections, inconsistent facts and vague action items')
      .argument('[paths...]', 'files, directories (searched for *.md) or globs; default: postmortems/ if it exists, else *.md')
      .option('-c, --config <file>', CONFIG_HELP)
      .addOption(new Option('-f, --format <name>', 'report format').choices(FORMATTER_NAMES).default('stylish'))
      .option('-o, --output <file>', 'write the report to this file instead of standard output (never one of the linted files)')
      .option('--force', 'overwrite the --output file if it exists')
      .option('--quiet', 'report errors only, not warnings')
      .option('--max-warnings <count>', 'exit 1 when there are more warnings than this', parseWholeNumber)
      .option('--fix', 'apply the fixes rules offer and write the files; report what is left')
      .addOption(new Option('--fix-dry-run', 'work out fixes but write nothing; report what would be left').conflicts('fix'))
      .option('--no-inline-config', 'ignore <!-- postmortem-disable ... --> comments in the files')
      .addOption(new Option('--rule <id:severity>', 'set a rule for this run, over the config (repeatable): timeline-order:warn, word-count:off').argParser(collect).default([], ''))
      .option('--ignore <glob>', IGNORE_HELP, repeatable)
      .option('--concurrency <threads>', CONCURRENCY_HELP, parseConcurrency, 'auto')
      .showHelpAfterError("(run 'postmortem lint --help' for usage)")
      .addHelpText(
        'after',
        `${examples([
          'postmortem lint',
          'postmortem lint postmortems/2026-03-14-checkout.md',
          "postmortem lint 'docs/incidents/**/*.md' --max-warnings 0",
          'postmortem lint --fix',
          'postmortem lint --format sarif --output postmortem-lint.sarif --force',
          'postmortem lint --format github        # annotations in GitHub Actions',
          'postmortem lint --rule word-count:warn --quiet',
        ])}
  Exit status: 0 no errors (warnings allowed), 1 errors or more warnings than --max-warnings,
  2 the lint could not run (no such file, no files matched, invalid config).
  `,
      )
      .action(async (paths: string[], options: import('./commands/lint.js').LintCommandOptions) => {
        const { lintCommand } = await import('./commands/lint.js');
        result.exitCode = await lintCommand(paths, options, context);
      });
  }

  if (adds('actions')) {
    const actions = program
      .command('actions')
      .description('list the action items of every postmortem, filtered (overdue, by owner, ...); tick one done')
      // `postmortem actions --help` is the listing's help (the options people look for); the
      // listing is the default subcommand, so `postmortem actions [paths...]` runs it.
      .helpOption(false)
      .helpCommand(false)
      .showHelpAfterError("(run 'postmortem actions --help' for usage)")
      .addHelpText(
        'after',
        `${examples(['postmortem actions --overdue', 'postmortem actions done postmortems/2026-03-14-checkout.md:57'])}
  Options of the listing: postmortem actions --help. Of done: postmortem actions done --help.
  `,
      );

    actions
      .command('list', { isDefault: true })
      .description('list the action items (tasks) of the postmortems found; `list` is the default and can be left out')
      .helpOption('-h, --help', 'show help')
      .argument('[paths...]', 'files, directories (searched for *.md) or globs; default: postmortems/ if it exists, else *.md')
      .addOption(new Option('--open', 'only tasks not done').conflicts('done'))
      .option('--done', 'only tasks done')
      .addOption(new Option('--overdue', 'only overdue tasks: open, with a due date before today').conflicts('done'))
      .option('--today <YYYY-MM-DD>', 'the day --overdue and the STATE column measure against (default: today, local time)', parseIsoDate)
      .option('--owner <name>', 'only tasks of this owner, case-insensitive (repeatable: any of them)', repeatable)
      .option('--mine', 'only your tasks: the owner is your `git config user.name`')
      .option('--severity <level>', 'only tasks of postmortems of this severity (repeatable: any of them)', repeatable)
      .option('--service <name>', 'only tasks of postmortems naming this service (repeatable: any of them)', repeatable)
      .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'csv', 'markdown']).default('table'))
      .option('--fail-on <condition>', 'exit 1 when a listed open task is overdue, unowned (no owner) or undated (no due date); repeatable or comma-separated', parseFailOn)
      .option('-c, --config <file>', `${CONFIG_HELP} (for its "ignores")`)
      .option('--ignore <glob>', IGNORE_HELP, repeatable)
      .option('--concurrency <threads>', CONCURRENCY_HELP, parseConcurrency, 'auto')
      .showHelpAfterError("(run 'postmortem actions --help' for usage)")
      .addHelpText(
        'after',
        `${examples([
          'postmortem actions',
          'postmortem actions postmortems/ --open --owner "Dana Lee"',
          'postmortem actions --overdue --fail-on overdue      # a weekly CI job',
          'postmortem actions --mine --open',
          'postmortem actions --severity SEV1 --service checkout-api --format markdown',
          'postmortem actions --format csv > actions.csv',
          'postmortem actions done postmortems/2026-03-14-checkout.md:57',
          'postmortem actions done "raise the pool"',
          'postmortem actions list done/        # a folder named "done" (see the README)',
        ])}
  Tick a task with \`postmortem actions done <FILE:LINE | TEXT> [paths...]\` (\`postmortem actions done --help\`).

  Exit status: 0 listed, 1 a --fail-on condition matched, 2 a file could not be read (the
  others are still listed), or bad usage.
  `,
      )
      .action(async (paths: string[], options: import('./commands/actions.js').ActionsCommandOptions) => {
        const { actionsCommand } = await import('./commands/actions.js');
        result.exitCode = await actionsCommand(paths, options, context);
      });

    actions
      .command('done')
      .description('mark one action item done in its source file: FILE:LINE, or the start of its text')
      .helpOption('-h, --help', 'show help')
      .argument('<task>', 'FILE:LINE (the line `postmortem actions` shows), or the start of the task\'s text (case-insensitive)')
      .argument('[paths...]', 'where to look for a task named by its text; default: postmortems/ if it exists, else *.md')
      .option('-c, --config <file>', `${CONFIG_HELP} (for its "ignores")`)
      .option('--ignore <glob>', IGNORE_HELP, repeatable)
      .showHelpAfterError("(run 'postmortem actions done --help' for usage)")
      .addHelpText(
        'after',
        `${examples([
          'postmortem actions done postmortems/2026-03-14-checkout.md:57',
          'postmortem actions done "Raise the connection pool"',
          'postmortem actions done "raise the pool" docs/incidents/',
        ])}
  A checklist item's [ ] becomes [x]; a list item without a checkbox gets one; a table row's
  Done or Status cell gets the column's word for done. Nothing else in the file changes.

  Exit status: 0 marked done (or already done), 2 no such task, several tasks match, the task
  cannot be ticked, or the file changed on disk meanwhile (nothing is written then).
  `,
      )
      .action(async (task: string, paths: string[], options: import('./commands/actions.js').ActionsDoneCommandOptions) => {
        const { actionsDoneCommand } = await import('./commands/actions.js');
        result.exitCode = await actionsDoneCommand(task, paths, options, context);
      });
  }

  if (adds('stats')) {
    program
      .command('stats')
      .description('add up a collection of postmortems: incidents by month, severity, service and tag, times to detect and resolve, action items, recurrences')
      .argument('[paths...]', 'files, directories (searched for *.md) or globs; default: postmortems/ if it exists, else *.md')
      .addOption(new Option('-f, --format <format>', 'text (a report), json (the figures and the files left out) or csv (one row per incident)').choices(['text', 'json', 'csv']).default('text'))
      .option('--since <YYYY-MM-DD>', 'only incidents dated on or after this day (undated ones are then left out)', parseIsoDate)
      .option('--until <YYYY-MM-DD>', 'only incidents dated on or before this day (undated ones are then left out)', parseIsoDate)
      .addOption(new Option('--group-by <group>', 'how the incidents table groups them').choices(['month', 'quarter', 'severity', 'service']).default('month'))
      .option('--today <YYYY-MM-DD>', 'the day overdue action items are counted against (default: today)', parseIsoDate)
      .option('-c, --config <file>', 'read `ignores` from this config file instead of the nearest .postmortemrc.* or package.json "postmortem" key')
      .option('--ignore <glob>', IGNORE_HELP, repeatable)
      .option('--concurrency <threads>', CONCURRENCY_HELP, parseConcurrency, 'auto')
      .showHelpAfterError("(run 'postmortem stats --help' for usage)")
      .addHelpText(
        'after',
        `${examples([
          'postmortem stats',
          'postmortem stats postmortems/ --since 2026-01-01 --until 2026-06-30',
          'postmortem stats --group-by severity',
          'postmortem stats --format json | jq \'.times.timeToResolve\'',
          'postmortem stats --format csv > incidents.csv',
        ])}
  Times are whole minutes from impact start; a time a document does not give is counted as
  unknown, never as 0. See "How the metrics are defined" in the README.
  Exit status: 0 done, 2 a file could not be read (left out of the figures) or bad usage.
  `,
      )
      .action(async (paths: string[], options: import('./commands/stats.js').StatsCommandOptions) => {
        const { statsCommand } = await import('./commands/stats.js');
        result.exitCode = await statsCommand(paths, options, context);
      });
  }

  if (adds('timeline')) {
    const timeline = program
      .command('timeline')
      .description('work on a postmortem\'s timeline: import it from chat, pager, alert and deploy records')
      .helpCommand(false)
      .showHelpAfterError("(run 'postmortem timeline --help' for usage)")
      .addHelpText('after', examples(['postmortem timeline import slack-export/ --channel incidents --into postmortems/2026-03-14-checkout.md', 'postmortem timeline import --help']));

    timeline
      .command('import')
      .description('read the events of exported records (Slack, PagerDuty, Alertmanager, git, CSV or JSON lines) and print them as a timeline, or merge them into a postmortem\'s')
      .argument('[source...]', 'exported files or folders: a Slack export folder or day file, a PagerDuty log_entries JSON, Alertmanager webhook JSON (lines), a CSV or JSON-lines file; none with --from git')
      .addOption(new Option('--from <name>', 'the kind of every source, instead of detecting it from the content').choices(IMPORT_SOURCE_NAMES))
      .option('--since <time>', 'only events at or after this time: 2026-03-14T14:05:00Z, 2026-03-14 14:05 or 14:05 (in --timezone, on the postmortem\'s date), or a date (default with --into: the impact start minus 2 hours)')
      .option('--until <time>', 'only events at or before this time, written as --since; a date means its end (default with --into: the impact end plus 2 hours)')
      .option('--grep <regex>', 'only events whose text matches this regular expression (JavaScript syntax, case-sensitive)')
      .option('--timezone <zone>', 'the zone times are written in and zoneless source times are read in: UTC, UTC-4, Europe/Berlin (default: the --into file\'s, else UTC)')
      .option('--channel <name>', 'Slack: only this channel, without # (repeatable; default: every channel)', repeatable)
      .option('--include-threads', 'Slack: keep thread replies (left out by default)')
      .option('--time-field <name>', 'CSV and JSON lines: the column or key holding the time (default: time, timestamp, date, at or ts)')
      .option('--text-field <name>', 'CSV and JSON lines: the column or key holding the text (default: text, message, event, description or summary)')
      .option('--label-field <name>', 'CSV and JSON lines: the column or key holding a label such as Detection (default: a column named label)')
      .option('--repo <path>', 'git: the repository to read (default: the working directory)')
      .addOption(new Option('--into <file>', 'merge the entries into this postmortem\'s timeline, in time order, written like its entries; nothing the file holds is changed').conflicts('output'))
      .option('-o, --output <file>', 'write the printed timeline to this file (`-`: standard output, the default)')
      .option('-f, --force', 'overwrite the -o file if it exists')
      .option('--dry-run', 'with --into: print the change as a unified diff and write nothing')
      .option('-t, --template <name-or-path>', 'without --into: the template whose timeline is printed, a list (classic, narrative, google-sre) or a table (pagerduty); default classic')
      .showHelpAfterError("(run 'postmortem timeline import --help' for usage)")
      .addHelpText(
        'after',
        `${examples([
          'postmortem timeline import slack-export/ --channel incidents --since "2026-03-14 13:00" --until "2026-03-14 17:00"',
          'postmortem timeline import pagerduty-log.json alerts.jsonl --into postmortems/2026-03-14-checkout.md --dry-run',
          'postmortem timeline import pagerduty-log.json alerts.jsonl --into postmortems/2026-03-14-checkout.md',
          'postmortem timeline import --from git --repo ../checkout-api --into postmortems/2026-03-14-checkout.md',
          'postmortem timeline import events.csv --time-field when --text-field what --grep "deploy|rollback" --template pagerduty',
        ])}
  With --into, the window defaults to the file's impact start minus 2 hours to its end plus 2
  hours, and times are written in its timezone, its clock and its style; an entry already in the
  timeline (the same minute and the same text) is not added again, so importing twice adds
  nothing. The file is replaced atomically, only if it did not change meanwhile.
  Exit status: 0 done (also when there is nothing to add), 2 bad input: an unreadable or unknown
  source, a bad option (nothing is written then).
  `,
      )
      .action(async (sources: string[], options: import('./commands/timeline-import.js').TimelineImportCommandOptions) => {
        const { timelineImportCommand } = await import('./commands/timeline-import.js');
        result.exitCode = await timelineImportCommand(sources, options, context);
      });
  }

  if (adds('lsp')) {
    program
      .command('lsp')
      .description('run the language server for editors: lint as you type, quick fixes, front matter completion and hover, the outline')
      .option('--stdio', 'talk over standard input and output (the default and only transport; editors pass it)')
      .option('--debounce <ms>', 'milliseconds to wait after the last change before linting (default 150; the editor\'s initializationOptions.debounceMs wins)', parseWholeNumber)
      .option('-c, --config <file>', 'use this config file for every document instead of the nearest .postmortemrc.* or package.json "postmortem" key')
      .showHelpAfterError("(run 'postmortem lsp --help' for usage)")
      .addHelpText(
        'after',
        `${examples(['postmortem lsp --stdio', 'postmortem lsp --stdio --debounce 300', 'postmortem lsp --stdio --config docs/.postmortemrc.yaml'])}
  Started by an editor, not by hand: see "In your editor (language server)" in the README for
  VS Code, Neovim and Helix. It lints open Markdown files with the same rules, config and inline
  directives as \`postmortem lint\`, and picks up config changes without a restart.
  Exit status: 0 after the editor's shutdown and exit, 1 when the editor went away without them.
  `,
      )
      .action(async (options: import('./commands/lsp.js').LspCommandOptions) => {
        const { lspCommand } = await import('./commands/lsp.js');
        result.exitCode = await lspCommand(options, context);
      });
  }

  if (adds('templates')) {
    program
      .command('templates')
      .description('list the built-in templates (for --template of new and render)')
      .showHelpAfterError("(run 'postmortem templates --help' for usage)")
      .addHelpText('after', examples(['postmortem templates']))
      .action(async () => {
        const { templatesCommand } = await import('./commands/templates.js');
        result.exitCode = await templatesCommand(context);
      });
  }

  return program;
}

/**
 * The exit code for something commander threw, or null when it is not commander's:
 * 0 after `--help` or `--version`, 2 for every usage error (commander would use 1, which
 * this tool keeps for "ran and found problems").
 */
export function usageExitCode(error: unknown): number | null {
  if (!(error instanceof CommanderError)) return null;
  // Help and version exit 0; `help` printed because no command was given exits 1 in commander.
  return error.exitCode === 0 ? 0 : 2;
}
