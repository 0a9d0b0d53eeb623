/**
 * The HTML templates: the built-in ones in `templates/html/`, and how `--template` overrides
 * them. Loading, partials and caching are the Markdown templates' own machinery
 * (`createTemplateEnvironment`), with a flavour that escapes `{{ }}` output as HTML.
 *
 * A `--template` value is either a file, which replaces the page template, or a directory
 * holding any of `postmortem.html.hbs` (the page), `index.html.hbs` (the site index) and
 * `partials/` (each file replaces the built-in partial of the same name, such as
 * `partials/style.hbs` for the stylesheet). What the directory leaves out stays built in.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type Handlebars from 'handlebars';
import { PostmortemError } from '../model/errors.js';
import { createTemplateEnvironment, partialsSignature, templateError, type TemplateEnvironment, type TemplateFlavour } from '../render/template-environment.js';
import { builtInTemplatesDirectory } from '../render/templates.js';

/** The package's `templates/html/` directory. */
export const builtInHtmlTemplatesDirectory: string = path.join(builtInTemplatesDirectory, 'html');

/** File names of the page and index templates, built in or in a user's template directory. */
export const HTML_TEMPLATE_FILES = { page: 'postmortem.html.hbs', index: 'index.html.hbs' } as const;

/** Which of the two templates is meant. */
export type HtmlTemplateName = keyof typeof HTML_TEMPLATE_FILES;

/**
 * HTML templates escape what `{{ }}` writes. `preventIndent` keeps Handlebars from indenting
 * the lines of an indented partial's output, which would change the text of a `<pre>` block.
 */
const HTML_TEMPLATE_FLAVOUR: TemplateFlavour = {
  builtInPartialsDirectory: path.join(builtInHtmlTemplatesDirectory, 'partials'),
  // The page view carries everything a template needs; no helpers keeps overriding simple.
  registerHelpers: () => undefined,
  compileOptions: { noEscape: false, preventIndent: true },
};

/** The HTML templates a `--template` value stands for. */
export interface ResolvedHtmlTemplates {
  /** Whether any template is the user's, whose errors are reported as theirs. */
  kind: 'built-in' | 'file' | 'directory';
  /** Absolute path of the page template. */
  page: string;
  /** Absolute path of the index template. */
  index: string;
  /** The user's partials directory, or null. */
  partialsDirectory: string | null;
}

/** Resolves `--template` for HTML: none for the built-ins, a file for the page, or a directory. */
export function resolveHtmlTemplates(template: string | undefined, cwd: string): ResolvedHtmlTemplates {
  const builtIn = (name: HtmlTemplateName): string => path.join(builtInHtmlTemplatesDirectory, HTML_TEMPLATE_FILES[name]);
  if (template === undefined || template.trim() === '') {
    return { kind: 'built-in', page: builtIn('page'), index: builtIn('index'), partialsDirectory: null };
  }
  const absolute = path.resolve(cwd, template);
  const stats = existsSync(absolute) ? statSync(absolute) : null;
  if (stats?.isFile()) return { kind: 'file', page: absolute, index: builtIn('index'), partialsDirectory: null };
  if (stats?.isDirectory()) {
    const own = (name: HtmlTemplateName): string | null => {
      const file = path.join(absolute, HTML_TEMPLATE_FILES[name]);
      return existsSync(file) ? file : null;
    };
    const partials = path.join(absolute, 'partials');
    const partialsDirectory = existsSync(partials) && statSync(partials).isDirectory() ? partials : null;
    const page = own('page');
    const index = own('index');
    if (!page && !index && !partialsDirectory) {
      throw new PostmortemError(
        `HTML template directory has none of ${HTML_TEMPLATE_FILES.page}, ${HTML_TEMPLATE_FILES.index} or partials/`,
        { filePath: template },
      );
    }
    return { kind: 'directory', page: page ?? builtIn('page'), index: index ?? builtIn('index'), partialsDirectory };
  }
  throw new PostmortemError('no such HTML template file or directory', { filePath: template });
}

let builtInEnvironment: TemplateEnvironment | undefined;
const directoryEnvironments = new Map<string, { signature: string; environment: TemplateEnvironment }>();

/** A path as the user would recognise it: relative to the working directory when inside it. */
function displayPath(filePath: string, cwd: string): string {
  const relative = path.relative(cwd, filePath);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : filePath;
}

function environmentFor(templates: ResolvedHtmlTemplates, cwd: string): TemplateEnvironment {
  const partials = templates.partialsDirectory;
  if (!partials) {
    builtInEnvironment ??= createTemplateEnvironment(null, undefined, HTML_TEMPLATE_FLAVOUR);
    return builtInEnvironment;
  }
  // Re-created only when the directory's partials change, so a long-lived process sees edits.
  const signature = partialsSignature(partials);
  const cached = directoryEnvironments.get(partials);
  if (cached && cached.signature === signature) return cached.environment;
  const environment = createTemplateEnvironment(partials, displayPath(partials, cwd), HTML_TEMPLATE_FLAVOUR);
  directoryEnvironments.set(partials, { signature, environment });
  return environment;
}

/**
 * Renders one of the HTML templates with a view. A failure in the user's template (a
 * missing partial, a syntax error) is a `PostmortemError` naming their file; in ours, a bug.
 */
export function renderHtmlTemplate(templates: ResolvedHtmlTemplates, name: HtmlTemplateName, view: object, cwd: string): string {
  const templatePath = templates[name];
  const shown = displayPath(templatePath, cwd);
  const environment = environmentFor(templates, cwd);
  const compiled: Handlebars.TemplateDelegate = environment.compileFile(templatePath, shown);
  try {
    return compiled(view);
  } catch (error) {
    if (templates.kind === 'built-in' || error instanceof PostmortemError) throw error;
    throw templateError(error, shown, 'error');
  }
}
