/** Postmortem -> Markdown through Handlebars. Stub: being written. */
import type { Postmortem } from '../model/postmortem.js';

/** Options for {@link renderMarkdown}. */
export interface RenderOptions {
  /** A built-in template name (`classic`, `narrative`, `google-sre`, `pagerduty`) or a path to a template file or directory. Default `classic`. */
  template?: string;
  /** Directory a relative template path is resolved from. Default `process.cwd()`. */
  cwd?: string;
}

/** Renders a postmortem to Markdown with YAML front matter. Throws `PostmortemError` for a bad template. */
export function renderMarkdown(postmortem: Postmortem, options: RenderOptions = {}): string {
  void postmortem;
  void options;
  throw new Error('renderMarkdown: not implemented yet');
}
