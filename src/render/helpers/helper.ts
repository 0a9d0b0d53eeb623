/**
 * The shape of a template helper: a Handlebars helper function plus the one line that
 * docs/templates.md shows for it, so the list of helpers and their documentation are kept
 * side by side (a test checks every helper is documented).
 */
import type { HelperDelegate, HelperOptions } from 'handlebars';
import type { Postmortem } from '../../model/postmortem.js';

/** A helper templates can call, with what it is for. */
export interface TemplateHelper {
  /** How to call it, e.g. `{{clock summary.start}}`. */
  usage: string;
  /** One line saying what it writes. */
  description: string;
  /** The Handlebars helper. */
  helper: HelperDelegate;
}

/** Helpers keyed by the name templates call them by. */
export type TemplateHelpers = Record<string, TemplateHelper>;

/** The options object Handlebars passes last to every helper. */
export function helperOptions(args: unknown[]): HelperOptions {
  return args[args.length - 1] as HelperOptions;
}

/** The positional arguments of a helper call, without the trailing options object. */
export function helperArguments(args: unknown[]): unknown[] {
  return args.slice(0, -1);
}

/**
 * The postmortem being rendered. Helpers that need the document (its timezone, its other
 * sections) read it from `@root` so they work inside `{{#each}}` and partials too.
 */
export function renderedPostmortem(options: HelperOptions): Postmortem {
  return (options.data as { root: Postmortem }).root;
}

/** Text of a value that may be null, a number or missing; empty for anything else. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}
