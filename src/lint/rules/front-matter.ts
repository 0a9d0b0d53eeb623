/**
 * front-matter: the front matter parses, and the fields the tool knows have valid values.
 * Only YAML is read; front matter in another language is reported and never evaluated.
 * Unknown fields are left alone: teams add their own.
 *
 * Front matter that does not parse at all (bad YAML, another language, no closing line) is
 * reported by the engine under this rule's id, since the parser throws before any rule runs:
 * the engine then lints the body alone and this rule sees no front matter.
 */
import { DEFAULT_SEVERITIES, POSTMORTEM_STATUSES } from '../../model/postmortem.js';
import { parseZone } from '../../model/time.js';
import { normalizeStatus } from '../../parse/parse-postmortem.js';
import { defineRule } from '../types.js';
import { checkKnownOptions, checkStringList, firstError } from './support/options.js';

/** Options of front-matter. */
export interface FrontMatterOptions {
  /** The severities a postmortem may have; default the project config's `severities`, else SEV1-SEV4. */
  severities: string[];
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** Whether YYYY-MM-DD names a day that exists. */
function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

const show = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value));

export default defineRule<FrontMatterOptions>({
  id: 'front-matter',
  description: 'Front matter is YAML that parses, and its known fields (date, severity, status, start, end, timezone) have valid values',
  tags: ['structure', 'metadata'],
  severity: 'error',
  // The project config's top-level `severities` (shared with `postmortem new`) replaces this default.
  defaultOptions: { severities: [...DEFAULT_SEVERITIES] },
  validateOptions: (options) => firstError(checkKnownOptions(options, ['severities']), checkStringList(options, 'severities')),
  check({ doc, lines, options, report }) {
    const data = doc.source?.frontMatter ?? null;
    if (data === null) return;
    const blockEnd = doc.source?.frontMatterLines ?? 0;
    const lineOf = (key: string): number => {
      for (let line = 2; line < blockEnd; line++) if (new RegExp(`^${key}\\s*:`).test(lines[line - 1] ?? '')) return line;
      return 1;
    };
    const problem = (key: string, message: string): void => report({ message, line: lineOf(key), column: 1 });

    if (data.date !== undefined && !(typeof data.date === 'string' && isRealDate(data.date))) {
      problem('date', `date ${show(data.date)} is not a date: write the day the incident started as YYYY-MM-DD, for example "date: 2026-03-14"`);
    }
    if (data.severity !== undefined && !(typeof data.severity === 'string' && options.severities.includes(data.severity))) {
      const close = options.severities.find((severity) => severity.toLowerCase().replace(/[\s-]/g, '') === String(data.severity).toLowerCase().replace(/[\s-]/g, ''));
      problem('severity', `severity ${show(data.severity)} is not one of ${options.severities.join(', ')}: ${close ? `write "${close}"` : 'use one of them, or set the list as "severities" in the project config'}`);
    }
    if (data.status !== undefined && !(typeof data.status === 'string' && (POSTMORTEM_STATUSES as readonly string[]).includes(data.status))) {
      const meant = normalizeStatus(data.status);
      problem('status', `status ${show(data.status)} is not one of ${POSTMORTEM_STATUSES.join(', ')}: ${meant ? `write "${meant}"` : 'use one of them'}`);
    }
    const instants: Record<'start' | 'end', number | null> = { start: null, end: null };
    for (const key of ['start', 'end'] as const) {
      const value = data[key];
      if (value === undefined) continue;
      if (typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) {
        instants[key] = Date.parse(/(?:Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`);
      } else {
        problem(key, `${key} ${show(value)} is not an ISO 8601 date and time: write it like "${key}: 2026-03-14T02:00:00-04:00" (with the offset)`);
      }
    }
    if (instants.start !== null && instants.end !== null && instants.end <= instants.start) {
      problem('end', `end ${show(data.end)} is not after start ${show(data.start)}: impact ends after it starts; check the dates and offsets`);
    }
    if (data.timezone !== undefined && !(typeof data.timezone === 'string' && parseZone(data.timezone))) {
      problem('timezone', `timezone ${show(data.timezone)} is not a timezone the tool knows: write UTC, UTC-4, an IANA name such as America/New_York, or an abbreviation such as PST`);
    }
  },
});
