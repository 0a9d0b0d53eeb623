/** Postmortem -> Markdown (YAML front matter + body) through a Handlebars template. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PostmortemError } from '../model/errors.js';
import type { Postmortem } from '../model/postmortem.js';
import { registerTemplateHelpers } from './helpers/index.js';
import { createTemplateEnvironment, partialsSignature, templateError, type TemplateEnvironment, type TemplateFlavour } from './template-environment.js';
import { builtInTemplatesDirectory, resolveTemplate, type ResolvedTemplate } from './templates.js';

/** Markdown templates: the Markdown helpers and `templates/partials/`. */
export const MARKDOWN_TEMPLATE_FLAVOUR: TemplateFlavour = {
  builtInPartialsDirectory: path.join(builtInTemplatesDirectory, 'partials'),
  registerHelpers: registerTemplateHelpers,
  // Markdown is not HTML: escaping `&` or `<` in user text would corrupt it.
  compileOptions: { noEscape: true },
};

/** Options for {@link renderMarkdown}. */
export interface RenderOptions {
  /** A built-in template name (`classic`, `narrative`, `google-sre`, `pagerduty`) or a path to a template file or directory. Default `classic`. */
  template?: string;
  /** Directory a relative template path is resolved from. Default `process.cwd()`. */
  cwd?: string;
}

let builtInEnvironment: TemplateEnvironment | undefined;
const directoryEnvironments = new Map<string, { signature: string; environment: TemplateEnvironment }>();

function environmentFor(template: ResolvedTemplate, displayDirectory: string): TemplateEnvironment {
  if (!template.partialsDirectory) {
    builtInEnvironment ??= createTemplateEnvironment(MARKDOWN_TEMPLATE_FLAVOUR);
    return builtInEnvironment;
  }
  // Re-created only when the directory's partials change, so a long-lived process sees edits.
  const signature = partialsSignature(template.partialsDirectory);
  const cached = directoryEnvironments.get(template.partialsDirectory);
  if (cached && cached.signature === signature) return cached.environment;
  const environment = createTemplateEnvironment(MARKDOWN_TEMPLATE_FLAVOUR, template.partialsDirectory, path.join(displayDirectory, 'partials'));
  directoryEnvironments.set(template.partialsDirectory, { signature, environment });
  return environment;
}

/** A path as the user would recognise it: relative to the working directory when inside it. */
function displayPath(filePath: string, cwd: string): string {
  const relative = path.relative(cwd, filePath);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : filePath;
}

/** Renders a postmortem to Markdown with YAML front matter. Throws `PostmortemError` for a bad template. */
export function renderMarkdown(postmortem: Postmortem, options: RenderOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const template = resolveTemplate(options.template, cwd);
  const templateDisplayPath = displayPath(template.templatePath, cwd);
  const environment = environmentFor(template, path.dirname(templateDisplayPath));
  const compiled = environment.compileFile(template.templatePath, templateDisplayPath);
  let output: string;
  try {
    output = compiled(postmortem);
  } catch (error) {
    // A missing partial or helper in the user's template is their mistake; in ours it is a bug.
    if (template.kind === 'built-in' || error instanceof PostmortemError) throw error;
    throw templateError(error, templateDisplayPath, 'error');
  }
  return tidyDocument(output);
}

/**
 * Blank lines a template leaves at the very start (no front matter) or end are dropped, and
 * the file ends with exactly one newline. Nothing inside is touched: it holds user text.
 */
function tidyDocument(markdown: string): string {
  return `${markdown.replace(/^(?:[ \t]*\n)+/, '').trimEnd()}\n`;
}

/** A partial call in a template's syntax tree (the parts of Handlebars' PartialStatement used here). */
interface PartialCall {
  type: 'PartialStatement';
  name: { type: string; original?: unknown };
}

/** The first call of a timeline partial (`{{> timeline-list dayHeadings=true}}`) in a template, with its arguments, wherever it is. */
function timelinePartialCall(node: unknown): PartialCall | null {
  if (!node || typeof node !== 'object') return null;
  const current = node as Partial<PartialCall>;
  if (current.type === 'PartialStatement' && typeof current.name?.original === 'string' && /^timeline-/.test(current.name.original)) return current as PartialCall;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      const found = timelinePartialCall(child);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Renders only the timeline of a postmortem, as its template writes it: the template's own
 * call of its timeline partial (`{{> timeline-list}}`, `{{> timeline-table}}`, with the
 * arguments it passes, such as google-sre's `dayHeadings=true`) is rendered on its own, so a
 * timeline printed for pasting reads exactly like one in a rendered document. Throws
 * `PostmortemError` when the template calls no timeline partial.
 */
export function renderTimelineMarkdown(postmortem: Postmortem, options: RenderOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const template = resolveTemplate(options.template, cwd);
  const templateDisplayPath = displayPath(template.templatePath, cwd);
  const environment = environmentFor(template, path.dirname(templateDisplayPath));
  // Parsing the source only to find the call; its partials are the environment's, compiled once.
  let program: hbs.AST.Program;
  try {
    program = environment.handlebars.parse(readFileSync(template.templatePath, 'utf8'));
  } catch (error) {
    throw templateError(error, templateDisplayPath, 'syntax error');
  }
  const call = timelinePartialCall(program);
  if (!call) throw new PostmortemError('the template writes no timeline partial ({{> timeline-list}} or {{> timeline-table}})', { filePath: templateDisplayPath });
  const only = { type: 'Program', body: [call], strip: {}, blockParams: [] } as unknown as hbs.AST.Program;
  let output: string;
  try {
    output = environment.handlebars.compile(only, MARKDOWN_TEMPLATE_FLAVOUR.compileOptions)(postmortem);
  } catch (error) {
    if (template.kind === 'built-in' || error instanceof PostmortemError) throw error;
    throw templateError(error, templateDisplayPath, 'error');
  }
  return `${output.replace(/^(?:[ \t]*\n)+/, '').trimEnd()}\n`;
}
