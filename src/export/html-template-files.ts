/**
 * Which HTML templates a `--template` value stands for: the built-in ones in
 * `templates/html/`, a file replacing the page template, or a directory of templates and
 * partials. Only paths here, no Handlebars, so a site build can resolve (and check) them
 * before it loads the code that renders. html-templates.ts renders them.
 *
 * A `--template` value is either a file, which replaces the page template, or a directory
 * holding any of `postmortem.html.hbs` (the page), `index.html.hbs` (the site index) and
 * `partials/` (each file replaces the built-in partial of the same name, such as
 * `partials/style.hbs` for the stylesheet). What the directory leaves out stays built in.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { PostmortemError } from '../model/errors.js';
import { builtInTemplatesDirectory } from '../render/templates.js';

/** The `<meta name="generator">` value of every exported page; the site builder recognises its own files by it. */
export const HTML_GENERATOR = 'postmortem';

/** The stylesheet every page of a site links to, at the site's root (a page exported alone has it inline). */
export const SITE_STYLESHEET = 'postmortem.css';

/** The first line of the site's stylesheet, by which the site builder recognises it as its own. */
export const SITE_STYLESHEET_MARK = `/* generator: ${HTML_GENERATOR} */`;

/** The site's one script (search and the index's filters), at its root; its first line is {@link SITE_SCRIPT_MARK}. */
export const SITE_SCRIPT = 'search.js';

/** The first line of the site's script, by which the site builder recognises it as its own. */
export const SITE_SCRIPT_MARK = SITE_STYLESHEET_MARK;

/** The package's `templates/html/` directory. */
export const builtInHtmlTemplatesDirectory: string = path.join(builtInTemplatesDirectory, 'html');

/**
 * File names of the templates, built in or in a user's template directory: the page of a
 * postmortem, and the site's index, search page, dashboard and action items.
 */
export const HTML_TEMPLATE_FILES = {
  page: 'postmortem.html.hbs',
  index: 'index.html.hbs',
  search: 'search.html.hbs',
  dashboard: 'dashboard.html.hbs',
  actions: 'actions.html.hbs',
} as const;

/** Which of the templates is meant. */
export type HtmlTemplateName = keyof typeof HTML_TEMPLATE_FILES;

const TEMPLATE_NAMES = Object.keys(HTML_TEMPLATE_FILES) as HtmlTemplateName[];

/** The HTML templates a `--template` value stands for. */
export type ResolvedHtmlTemplates = {
  /** Whether any template is the user's, whose errors are reported as theirs. */
  kind: 'built-in' | 'file' | 'directory';
  /** The user's partials directory, or null. */
  partialsDirectory: string | null;
} & {
  /** Absolute path of each template (`page`, `index`, `search`, ...). */
  [name in HtmlTemplateName]: string;
};

/** Every template, by name, from `choose`. */
function templatesBy(choose: (name: HtmlTemplateName) => string): Record<HtmlTemplateName, string> {
  return Object.fromEntries(TEMPLATE_NAMES.map((name) => [name, choose(name)])) as Record<HtmlTemplateName, string>;
}

/** Resolves `--template` for HTML: none for the built-ins, a file for the page, or a directory. */
export function resolveHtmlTemplates(template: string | undefined, cwd: string): ResolvedHtmlTemplates {
  const builtIn = (name: HtmlTemplateName): string => path.join(builtInHtmlTemplatesDirectory, HTML_TEMPLATE_FILES[name]);
  if (template === undefined || template.trim() === '') {
    return { kind: 'built-in', ...templatesBy(builtIn), partialsDirectory: null };
  }
  const absolute = path.resolve(cwd, template);
  const stats = existsSync(absolute) ? statSync(absolute) : null;
  if (stats?.isFile()) return { kind: 'file', ...templatesBy((name) => (name === 'page' ? absolute : builtIn(name))), partialsDirectory: null };
  if (stats?.isDirectory()) {
    const own = (name: HtmlTemplateName): string | null => {
      const file = path.join(absolute, HTML_TEMPLATE_FILES[name]);
      return existsSync(file) ? file : null;
    };
    const partials = path.join(absolute, 'partials');
    const partialsDirectory = existsSync(partials) && statSync(partials).isDirectory() ? partials : null;
    const owned = templatesBy((name) => own(name) ?? '');
    if (TEMPLATE_NAMES.every((name) => owned[name] === '') && !partialsDirectory) {
      throw new PostmortemError(
        `HTML template directory has none of ${TEMPLATE_NAMES.map((name) => HTML_TEMPLATE_FILES[name]).join(', ')} or partials/`,
        { filePath: template },
      );
    }
    return { kind: 'directory', ...templatesBy((name) => owned[name] || builtIn(name)), partialsDirectory };
  }
  throw new PostmortemError('no such HTML template file or directory', { filePath: template });
}
