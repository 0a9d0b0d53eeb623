/**
 * The project's list of severities: one list, read by `postmortem new` (what it offers and
 * accepts) and by the `front-matter` lint rule (what a file may say), so that `new` never
 * writes a file its own lint rejects.
 *
 * Its place is the top-level `severities` key of the project config. Two older places are
 * still read, for configs written before: `new.severities`, and the `severities` option of
 * the `front-matter` rule. When more than one place gives a list they must agree; otherwise
 * the config is refused, naming the file, rather than one list quietly winning.
 */
import { DEFAULT_SEVERITIES } from '../model/postmortem.js';
import { PostmortemError } from '../model/errors.js';

export { DEFAULT_SEVERITIES };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `severities` option of the `front-matter` rule, as `rules` writes it (`[severity, { severities }]`). */
function ruleOptionList(rules: unknown): unknown {
  if (!isObject(rules)) return undefined;
  const setting = rules['front-matter'];
  return Array.isArray(setting) && isObject(setting[1]) ? setting[1]['severities'] : undefined;
}

/**
 * Checks a severity list: a non-empty list of one-line names, no name twice (ignoring case).
 * Returns the names trimmed; throws `PostmortemError` naming `filePath`, with `where` saying
 * which key it is.
 */
export function checkSeverityList(value: unknown, where: string, filePath: string | null): string[] {
  const list = Array.isArray(value) ? value : [];
  if (list.length === 0 || list.some((item) => typeof item !== 'string' || item.trim() === '' || /[\r\n]/.test(item))) {
    throw new PostmortemError(`${where} must be a non-empty list of names, such as [SEV1, SEV2, SEV3]`, { filePath });
  }
  const names = (list as string[]).map((item) => item.trim());
  if (new Set(names.map((name) => name.toLowerCase())).size !== names.length) throw new PostmortemError(`${where} lists a name twice`, { filePath });
  return names;
}

/**
 * The severities a project config gives (the parsed file: the `postmortem` key of a
 * package.json, or a whole `.postmortemrc.*`), or null when it gives none. Throws
 * `PostmortemError` naming `filePath` for a list that is not one, or for two lists that differ.
 */
export function projectSeverities(config: unknown, filePath: string | null): string[] | null {
  if (!isObject(config)) return null;
  const places: Array<{ where: string; value: unknown }> = [
    { where: '"severities"', value: config['severities'] },
    { where: '"new.severities"', value: isObject(config['new']) ? config['new']['severities'] : undefined },
    { where: 'the "severities" option of rule "front-matter"', value: ruleOptionList(config['rules']) },
  ];
  let chosen: { where: string; names: string[] } | null = null;
  for (const place of places) {
    if (place.value === undefined) continue;
    const names = checkSeverityList(place.value, place.where, filePath);
    if (!chosen) {
      chosen = { where: place.where, names };
    } else if (chosen.names.join('\n') !== names.join('\n')) {
      throw new PostmortemError(
        `${chosen.where} (${chosen.names.join(', ')}) and ${place.where} (${names.join(', ')}) differ: postmortem new and lint use one list, so keep it once, as the top-level "severities"`,
        { filePath },
      );
    }
  }
  return chosen ? chosen.names : null;
}
