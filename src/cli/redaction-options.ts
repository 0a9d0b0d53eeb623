/**
 * The options of the `no-secrets` and `no-personal-data` rules in the lint config found from a
 * folder (their `replacement`, `allow` and `patterns`), or their defaults, whatever their
 * severity: what `export --redact` redacts with, and what `postmortem new` checks answers with.
 */
import path from 'node:path';
import type { PersonalDataOptions } from '../redact/personal-data.js';
import type { SecretScanOptions } from '../redact/secrets.js';

/** The scans' options, as the lint config gives them. */
export interface ConfiguredRedaction {
  secrets: SecretScanOptions;
  personalData: PersonalDataOptions;
}

/** The two rules' options for a postmortem in `cwd` (a config error is a `PostmortemError` naming the file). */
export async function configuredRedaction(cwd: string): Promise<ConfiguredRedaction> {
  const [{ createConfigResolver }, { configureRules }, { builtinRules }] = await Promise.all([import('../lint/config-files.js'), import('../lint/config.js'), import('../lint/rules/index.js')]);
  const found = await createConfigResolver({ cwd, rules: builtinRules }).configFor(path.join(cwd, 'postmortem.md'));
  const configured = configureRules(found.config, builtinRules, found.displayPath);
  const optionsOf = (id: string): Record<string, unknown> => configured.get(id)?.options ?? {};
  return { secrets: optionsOf('no-secrets'), personalData: optionsOf('no-personal-data') };
}
