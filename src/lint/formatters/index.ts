/**
 * The report formats `postmortem lint --format` offers. Each formatter is its own module,
 * imported only when asked for.
 */
import type { Formatter } from './formatter.js';

/** The formatter names, the default first. */
export const FORMATTER_NAMES = ['stylish', 'json', 'sarif', 'github'] as const;

/** One of {@link FORMATTER_NAMES}. */
export type FormatterName = (typeof FORMATTER_NAMES)[number];

/** Loads the formatter called `name`. */
export async function loadFormatter(name: FormatterName): Promise<Formatter> {
  switch (name) {
    case 'stylish':
      return (await import('./stylish.js')).formatStylish;
    case 'json':
      return (await import('./json.js')).formatJson;
    case 'sarif':
      return (await import('./sarif.js')).formatSarif;
    case 'github':
      return (await import('./github.js')).formatGithub;
  }
}

export type { Formatter, FormatterOptions, RuleMetadata, TextStyle } from './formatter.js';
