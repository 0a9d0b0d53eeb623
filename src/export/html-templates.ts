/**
 * Rendering the HTML templates (which ones a `--template` value means is html-template-files.ts).
 * Loading, partials and caching are the Markdown templates' own machinery
 * (`createTemplateEnvironment`), with a flavour that escapes `{{ }}` output as HTML.
 */
import path from 'node:path';
import type Handlebars from 'handlebars';
import { PostmortemError } from '../model/errors.js';
import { createTemplateEnvironment, partialsSignature, templateError, type TemplateEnvironment, type TemplateFlavour } from '../render/template-environment.js';
import { builtInHtmlTemplatesDirectory, SITE_STYLESHEET_MARK, type HtmlTemplateName, type ResolvedHtmlTemplates } from './html-template-files.js';

/**
 * HTML templates escape what `{{ }}` writes. `preventIndent` keeps Handlebars from indenting
 * the lines of an indented partial's output, which would change the text of a `<pre>` block.
 */
export const HTML_TEMPLATE_FLAVOUR: TemplateFlavour = {
  builtInPartialsDirectory: path.join(builtInHtmlTemplatesDirectory, 'partials'),
  // The page view carries everything a template needs; no helpers keeps overriding simple.
  registerHelpers: () => undefined,
  compileOptions: { noEscape: false, preventIndent: true },
};

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
    builtInEnvironment ??= createTemplateEnvironment(HTML_TEMPLATE_FLAVOUR);
    return builtInEnvironment;
  }
  // Re-created only when the directory's partials change, so a long-lived process sees edits.
  const signature = partialsSignature(partials);
  const cached = directoryEnvironments.get(partials);
  if (cached && cached.signature === signature) return cached.environment;
  const environment = createTemplateEnvironment(HTML_TEMPLATE_FLAVOUR, partials, displayPath(partials, cwd));
  directoryEnvironments.set(partials, { signature, environment });
  return environment;
}

/** One of the HTML templates, compiled: call it with a view for the HTML. */
export type HtmlTemplateRenderer = (view: object) => string;

/**
 * Compiles one of the HTML templates (from the cache when its files have not changed), for
 * rendering any number of views: a site build compiles the page template once rather than
 * checking its files again for every page. A failure in the user's template (a missing
 * partial, a syntax error) is a `PostmortemError` naming their file; in ours, a bug.
 */
export function compileHtmlTemplate(templates: ResolvedHtmlTemplates, name: HtmlTemplateName, cwd: string): HtmlTemplateRenderer {
  const templatePath = templates[name];
  const shown = displayPath(templatePath, cwd);
  const compiled: Handlebars.TemplateDelegate = environmentFor(templates, cwd).compileFile(templatePath, shown);
  return (view) => {
    try {
      return compiled(view);
    } catch (error) {
      if (templates.kind === 'built-in' || error instanceof PostmortemError) throw error;
      throw templateError(error, shown, 'error');
    }
  };
}

/** Renders one of the HTML templates with a view (see compileHtmlTemplate). */
export function renderHtmlTemplate(templates: ResolvedHtmlTemplates, name: HtmlTemplateName, view: object, cwd: string): string {
  return compileHtmlTemplate(templates, name, cwd)(view);
}

/**
 * The stylesheet of a site, made from the `style` partial (a user's, when their template
 * directory has one), under a first line that marks it as postmortem's. The partial is
 * called as it was registered (ready compiled for the built-in one), with no page's data.
 */
export function renderHtmlStylesheet(templates: ResolvedHtmlTemplates, cwd: string): string {
  const stylesheet = (environmentFor(templates, cwd).handlebars.partials as Record<string, Handlebars.TemplateDelegate | undefined>).style;
  if (!stylesheet) throw new Error('no style partial is registered; the built-in one is missing from templates/html/partials/');
  try {
    return `${SITE_STYLESHEET_MARK}\n${stylesheet({})}`;
  } catch (error) {
    if (templates.kind === 'built-in' || error instanceof PostmortemError) throw error;
    throw templateError(error, templates.partialsDirectory ? displayPath(path.join(templates.partialsDirectory, 'style.hbs'), cwd) : 'style.hbs', 'error');
  }
}
