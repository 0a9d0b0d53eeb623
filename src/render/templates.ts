/** The built-in Markdown templates. Stub: being written. */

/** A built-in template. */
export interface TemplateInfo {
  /** Name used with `--template`. */
  name: string;
  /** One line saying what the template looks like. */
  description: string;
}

/** The built-in templates, in the order `postmortem templates` lists them. */
export function listTemplates(): TemplateInfo[] {
  return [];
}
