/**
 * `postmortem export`: Markdown postmortems -> JSON (the model), standalone HTML pages, PDF,
 * or a static site. The parser, the HTML export (markdown-it, sanitize-html, Handlebars) and
 * the browser for PDF are imported only by the formats that need them: a large site parses on
 * worker threads, which it starts before this thread loads anything heavy.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { PostmortemError } from '../../model/errors.js';
import type { Postmortem } from '../../model/postmortem.js';
import type { RedactOptions } from '../../redact/redact-text.js';
import type { CommandContext } from '../command-context.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { refuseInputsAsOutputs, templateInputs, writeCommandOutput, type OutputOptions } from '../write-output.js';
import { terminalText } from '../terminal-text.js';

/** The formats `export --format` accepts. */
export const EXPORT_FORMATS = ['json', 'html', 'pdf'] as const;

/** One of {@link EXPORT_FORMATS}. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Options of `postmortem export`. */
export interface ExportCommandOptions extends OutputOptions {
  /** Default `json`, or `html` with `--site`. */
  format?: ExportFormat;
  /** HTML template file or directory. */
  template?: string;
  /** Build a static site in this directory. */
  site?: string;
  /** `--ignore` patterns for a site build, repeatable. */
  ignore?: string[];
  /** Threads doing the work of a site build (see `SiteOptions.concurrency`): a number, or `auto` (the default). */
  concurrency?: number | 'auto';
  /** With `--site`: the day overdue action items are measured against (YYYY-MM-DD); default today. */
  today?: string;
  /** False (`--no-cache`): a site build parses and renders every page, reusing none. */
  cache?: boolean;
  /** Replace secrets and personal data in the output (as `no-secrets` and `no-personal-data` find them); the sources are not touched. */
  redact?: boolean;
}

/** A usage mistake in the export flags: one line, exit 2. */
function usage(message: string): PostmortemError {
  return new PostmortemError(`export: ${message} (run 'postmortem export --help' for usage)`);
}

/**
 * What `--redact` redacts: secrets and personal data, with the options the `no-secrets` and
 * `no-personal-data` rules have in the lint config found from the current directory, or their
 * defaults. Null without `--redact`.
 */
async function redactionOptions(options: ExportCommandOptions, cwd: string): Promise<RedactOptions | null> {
  if (options.redact !== true) return null;
  const { configuredRedaction } = await import('../redaction-options.js');
  return configuredRedaction(cwd);
}

async function parseFiles(files: readonly string[], cwd: string, redact: RedactOptions | null): Promise<Postmortem[]> {
  const [{ parsePostmortem }, { readPostmortemFile }, redaction] = await Promise.all([
    import('../../parse/parse-postmortem.js'),
    import('../../parse/read-file.js'),
    redact ? import('../../redact/redact-text.js') : null,
  ]);
  const models: Postmortem[] = [];
  for (const filePath of files) {
    let text = await readPostmortemFile(filePath, { cwd });
    if (redaction && redact) text = (await redaction.redactText(text, redact)).text;
    models.push(parsePostmortem(text, { filePath }));
  }
  return models;
}

/**
 * Where each exported file goes. One input and `-o FILE` writes that file; `-o DIR` (an
 * existing directory, a name ending in `/`, or any `-o` with several inputs) writes
 * `DIR/<name>.<extension>` for each input.
 */
function outputPaths(files: readonly string[], output: string, extension: string, cwd: string): string[] {
  const absolute = path.resolve(cwd, output);
  const isDirectory = files.length > 1 || /[\\/]$/.test(output) || (existsSync(absolute) && statSync(absolute).isDirectory());
  if (!isDirectory) return [output];
  const targets = files.map((file) => path.join(output, `${path.basename(file).replace(/\.(?:md|markdown)$/i, '')}.${extension}`));
  const seen = new Map<string, string>();
  files.forEach((file, index) => {
    const target = targets[index] as string;
    const earlier = seen.get(target);
    if (earlier !== undefined) throw usage(`${earlier} and ${file} would both be written to ${target}; export them to different directories`);
    seen.set(target, file);
  });
  return targets;
}

/**
 * Refuses, unless `--force`, when any target already exists, before anything is written:
 * one page of several must not be written and the next one refused. (The atomic writer
 * still refuses a file that appears meanwhile.)
 */
function refuseExistingTargets(targets: readonly string[], options: ExportCommandOptions, cwd: string): void {
  if (options.force === true) return;
  const existing = targets.find((target) => existsSync(path.resolve(cwd, target)));
  if (existing) throw new PostmortemError('already exists; use --force to overwrite it', { filePath: existing });
}

async function exportJson(files: readonly string[], options: ExportCommandOptions, context: CommandContext): Promise<number> {
  const models = await parseFiles(files, context.io.cwd, await redactionOptions(options, context.io.cwd));
  const value = files.length === 1 ? models[0] : models;
  await writeCommandOutput(`${JSON.stringify(value, null, 2)}\n`, options, context.io, files);
  return 0;
}

async function exportHtml(files: readonly string[], options: ExportCommandOptions, context: CommandContext): Promise<number> {
  const { io } = context;
  const toStandardOutput = options.output === undefined || options.output === '-';
  if (toStandardOutput && files.length > 1) throw usage('several HTML pages need a directory: add -o DIR');
  const targets = toStandardOutput ? null : outputPaths(files, options.output as string, 'html', io.cwd);
  if (targets) {
    refuseInputsAsOutputs(targets, [...files, ...templateInputs(options.template, io.cwd)], io.cwd);
    refuseExistingTargets(targets, options, io.cwd);
  }
  const models = await parseFiles(files, io.cwd, await redactionOptions(options, io.cwd));
  const { renderHtml } = await import('../../export/render-html.js');
  const pages = models.map((model) => renderHtml(model, { cwd: io.cwd, ...(options.template ? { template: options.template } : {}) }));
  if (!targets) {
    io.stdout.write(pages[0] as string);
    return 0;
  }
  for (const [index, target] of targets.entries()) {
    await writeFileAtomic(target, pages[index] as string, { cwd: io.cwd, overwrite: options.force === true });
  }
  return 0;
}

async function exportPdf(files: readonly string[], options: ExportCommandOptions, context: CommandContext): Promise<number> {
  const { io } = context;
  if (options.output === undefined || options.output === '-') throw usage('--format pdf writes files: name one with -o FILE, or a directory with -o DIR');
  const targets = outputPaths(files, options.output, 'pdf', io.cwd);
  // Refused before a browser starts: printing takes seconds, a refusal should not.
  refuseInputsAsOutputs(targets, [...files, ...templateInputs(options.template, io.cwd)], io.cwd);
  refuseExistingTargets(targets, options, io.cwd);
  const models = await parseFiles(files, io.cwd, await redactionOptions(options, io.cwd));
  const [{ renderHtml }, { renderPdf }] = await Promise.all([import('../../export/render-html.js'), import('../../export/render-pdf.js')]);
  const pages = models.map((model) => renderHtml(model, { cwd: io.cwd, ...(options.template ? { template: options.template } : {}) }));
  const pdfs = await renderPdf(pages, { env: io.env });
  for (const [index, target] of targets.entries()) {
    await writeFileAtomic(target, pdfs[index] as Uint8Array, { cwd: io.cwd, overwrite: options.force === true });
  }
  return 0;
}

async function exportSite(inputs: readonly string[], options: ExportCommandOptions, context: CommandContext): Promise<number> {
  const { io, colors } = context;
  if (options.format !== undefined && options.format !== 'html') throw usage(`--site builds HTML; drop --format ${options.format}`);
  if (options.output !== undefined) throw usage('--site names the output directory; drop -o');
  const { buildSite } = await import('../../export/site.js');
  const report = await buildSite(inputs, options.site as string, {
    cwd: io.cwd,
    force: options.force === true,
    ...(options.template ? { template: options.template } : {}),
    ignore: options.ignore ?? [],
    concurrency: options.concurrency ?? 'auto',
    ...(options.cache === false ? { cache: false } : {}),
    ...(options.today !== undefined ? { today: options.today } : {}),
    redact: await redactionOptions(options, io.cwd),
  });
  for (const failure of report.failures) {
    const where = failure.line !== undefined ? `${failure.source}:${failure.line}` : failure.source;
    io.stderr.write(`${colors.stderr.yellow('postmortem: warning:')} ${terminalText(`${where}: ${failure.reason}`)} (listed on the index, no page)\n`);
  }
  const shown = path.relative(io.cwd, report.outputDirectory) || '.';
  for (const page of report.orphaned) {
    io.stderr.write(`${colors.stderr.yellow('postmortem: warning:')} ${terminalText(path.join(shown, page))}: no source makes this page any more, but it was changed since postmortem wrote it; left in place\n`);
  }
  // --no-cache asked for the full rebuild; any other reason is news.
  if (report.fullRebuild !== null && options.cache !== false) io.stdout.write(`${shown}: every page rebuilt: ${report.fullRebuild}\n`);
  for (const page of report.removed) io.stdout.write(`${path.join(shown, page)}: removed (no source makes this page any more)\n`);
  const failed = report.failures.length > 0 ? `, ${report.failures.length} could not be read` : '';
  const removed = report.removed.length > 0 ? `, ${report.removed.length} removed` : '';
  io.stdout.write(`${path.join(shown, 'index.html')}: ${report.pages.length} ${report.pages.length === 1 ? 'page' : 'pages'}${failed} (${report.written} written, ${report.unchanged} unchanged${removed})\n`);
  return 0;
}

/**
 * Exports the files in the chosen format and returns the exit code. JSON: one object for
 * one file, an array in argument order for several. HTML and PDF: one document per file.
 * With `--site`: a static site from files and directories; files that cannot be parsed are
 * listed on the index and as warnings, and do not fail the command.
 */
export async function exportCommand(files: string[], options: ExportCommandOptions, context: CommandContext): Promise<number> {
  if (options.site !== undefined) return exportSite(files, options, context);
  if (typeof options.concurrency === 'number') throw usage('--concurrency applies to --site');
  if ((options.ignore ?? []).length > 0) throw usage('--ignore applies to --site (files named are always read)');
  if (options.cache === false) throw usage('--no-cache applies to --site');
  if (options.today !== undefined) throw usage('--today applies to --site');
  const format = options.format ?? 'json';
  if (format === 'json') {
    if (options.template !== undefined) throw usage('--template applies to --format html and pdf');
    return exportJson(files, options, context);
  }
  return format === 'html' ? exportHtml(files, options, context) : exportPdf(files, options, context);
}
