/**
 * The `new` key of the project config: where postmortems go, which severities there are and
 * which template to offer first. It lives in the same files `postmortem lint` reads
 * (`.postmortemrc.json`, `.postmortemrc.yaml`/`.yml`, or the `postmortem` key of
 * package.json), the nearest one upward from the working directory, searched in the same
 * order. Files are read as data only (JSON, and YAML with the core schema): never run.
 *
 * ```yaml
 * new:
 *   outputDir: docs/postmortems
 *   severities: [SEV0, SEV1, SEV2, SEV3]
 *   template: narrative
 * ```
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, isAbsolute } from 'node:path';
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

/** The files searched in each directory, in the order lint searches them. */
const CONFIG_FILE_NAMES = ['package.json', '.postmortemrc.json', '.postmortemrc.yaml', '.postmortemrc.yml'] as const;

const NEW_KEYS = ['outputDir', 'severities', 'template'];

async function readIfPresent(filePath: string): Promise<string | null> {
  try {
    return await readFile(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null;
    throw new PostmortemError(`cannot read this config file (${code ?? (error as Error).message})`, { filePath }, { cause: error });
  }
}

async function parseConfigText(text: string, filePath: string): Promise<unknown> {
  if (filePath.endsWith('.json')) {
    try {
      return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    } catch (error) {
      throw new PostmortemError(`cannot read this config file: invalid JSON (${(error as Error).message.split('\n')[0]})`, { filePath }, { cause: error });
    }
  }
  const { parseDocument } = await import('yaml');
  const document = parseDocument(text, { schema: 'core', prettyErrors: false });
  const [first] = document.errors;
  if (first) throw new PostmortemError(`cannot read this config file: invalid YAML (${first.message.split('\n')[0]})`, { filePath });
  return document.toJS({ maxAliasCount: 100 }) as unknown;
}

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
  if (severities !== undefined) {
    const list = Array.isArray(severities) ? severities : [];
    if (list.length === 0 || list.some((item) => typeof item !== 'string' || item.trim() === '' || /[\r\n]/.test(item))) {
      fail('"severities" must be a non-empty list of names, such as [SEV1, SEV2, SEV3]');
    }
    const names = (list as string[]).map((item) => item.trim());
    if (new Set(names.map((name) => name.toLowerCase())).size !== names.length) fail('"severities" lists a name twice');
    config.severities = names;
  }
  if (template !== undefined) {
    if (typeof template !== 'string' || template.trim() === '') fail('"template" must be a template name or path');
    config.template = (template as string).trim();
  }
  return config;
}

/**
 * Finds the nearest config upward from `cwd` and returns its `new` section. A package.json
 * only counts when it has a `postmortem` key, as for lint. No config: `{ path: null }`.
 */
export async function loadNewConfig(cwd: string): Promise<NewConfig> {
  let directory = cwd;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const filePath = join(directory, name);
      const text = await readIfPresent(filePath);
      if (text === null) continue;
      const shown = relative(cwd, filePath);
      const displayPath = shown && !isAbsolute(shown) ? shown : filePath;
      if (name === 'package.json') {
        let manifest: unknown;
        try {
          manifest = JSON.parse(text);
        } catch {
          // A broken package.json is npm's business; it just holds no config for us.
          continue;
        }
        if (!isObject(manifest) || manifest['postmortem'] === undefined) continue;
        const section = manifest['postmortem'];
        return checkNewConfig(isObject(section) ? section['new'] : undefined, displayPath);
      }
      const data = text.trim() === '' ? null : await parseConfigText(text, displayPath);
      return checkNewConfig(isObject(data) ? data['new'] : undefined, displayPath);
    }
    const parent = dirname(directory);
    if (parent === directory) return { path: null };
    directory = parent;
  }
}
