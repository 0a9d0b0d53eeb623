/**
 * The `new` key of the project config: where postmortems go, which severities there are and
 * which template to offer first. It lives in the project config file `postmortem lint`
 * reads its `rules` from (`.postmortemrc.json`, `.postmortemrc.yaml`/`.yml`, or the
 * `postmortem` key of package.json), the nearest one upward from the working directory,
 * found and read as data by src/config/project-config.ts.
 *
 * ```yaml
 * new:
 *   outputDir: docs/postmortems
 *   severities: [SEV0, SEV1, SEV2, SEV3]
 *   template: narrative
 * ```
 */
import { findProjectConfig } from '../../config/project-config.js';
import { checkSeverityList, projectSeverities } from '../../config/severities.js';
import { PostmortemError } from '../../model/errors.js';

/** What the config says about `postmortem new`; absent keys keep the built-in defaults. */
export interface NewConfig {
  /** The config file, as shown in messages, or null when there is none. */
  path: string | null;
  /** Directory new postmortems are written to (default `postmortems`). */
  outputDir?: string;
  /** The severities to choose from (default SEV1-SEV4). */
  severities?: string[];
  /** The template offered first (default `classic`). */
  template?: string;
}

const NEW_KEYS = ['outputDir', 'severities', 'template'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the `new` section; throws `PostmortemError` naming the file for anything else than the documented keys and types. */
export function checkNewConfig(value: unknown, filePath: string): NewConfig {
  const config: NewConfig = { path: filePath };
  if (value === undefined || value === null) return config;
  const fail = (message: string): never => {
    throw new PostmortemError(`"new": ${message}`, { filePath });
  };
  if (!isObject(value)) return fail('must be an object with outputDir, severities or template');
  for (const key of Object.keys(value)) {
    if (!NEW_KEYS.includes(key)) fail(`unknown key "${key}"; the keys are ${NEW_KEYS.join(', ')}`);
  }
  const { outputDir, severities, template } = value;
  if (outputDir !== undefined) {
    if (typeof outputDir !== 'string' || outputDir.trim() === '') fail('"outputDir" must be a directory path');
    config.outputDir = (outputDir as string).trim();
  }
  if (severities !== undefined) config.severities = checkSeverityList(severities, '"new": "severities"', filePath);
  if (template !== undefined) {
    if (typeof template !== 'string' || template.trim() === '') fail('"template" must be a template name or path');
    config.template = (template as string).trim();
  }
  return config;
}

/**
 * Finds the nearest project config upward from `cwd` and returns its `new` section. A
 * package.json only counts when it has a `postmortem` key, as for lint. No config: `{ path: null }`.
 */
export async function loadNewConfig(cwd: string): Promise<NewConfig> {
  const found = await findProjectConfig(cwd);
  if (!found) return { path: null };
  const config = checkNewConfig(isObject(found.data) ? found.data['new'] : undefined, found.displayPath);
  // The one list lint's front-matter rule also checks against: top-level, or where older configs put it.
  const severities = projectSeverities(found.data, found.displayPath);
  if (severities) config.severities = severities;
  return config;
}
