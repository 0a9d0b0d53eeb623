/**
 * The built-in templates, compiled ahead of time. This source has none: `npm run build`
 * (scripts/precompile-templates.js) compiles every file in `templates/` with the compile
 * options of its kind and writes the table into dist/render/precompiled-templates.js, which
 * the bundle takes in place of this file. Compiling a page template and its partials costs
 * a command about 50 ms the first time it renders.
 *
 * template-environment.ts uses an entry only when the file still has the text it was
 * compiled from, with the same options and the same Handlebars compiler: an edited template
 * is compiled when it is loaded, as a user's template is.
 */

/** One template compiled ahead of time. */
export interface PrecompiledTemplate {
  /** SHA-256 (hex) of the file's text it was compiled from. */
  sha256: string;
  /** The Handlebars compile options it was compiled with, as JSON. */
  options: string;
  /** What `Handlebars.precompile` made of it. */
  spec: { compiler?: unknown };
}

/** Keyed by the file's path inside `templates/`, `/`-separated: `html/partials/style.hbs`. */
export const PRECOMPILED_TEMPLATES: Readonly<Record<string, PrecompiledTemplate>> = {};
