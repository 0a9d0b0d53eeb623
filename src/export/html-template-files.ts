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

/** The package's `templates/html/` directory. */
export const builtInHtmlTemplatesDirectory: string = path.join(builtInTemplatesDirectory, 'html');

/** File names of the page and index templates, built in or in a user's template directory. */
export const HTML_TEMPLATE_FILES = { page: 'postmortem.html.hbs', index: 'index.html.hbs' } as const;

/** Which of the two templates is meant. */
export type HtmlTemplateName = keyof typeof HTML_TEMPLATE_FILES;

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
