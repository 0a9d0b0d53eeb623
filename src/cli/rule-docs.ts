/**
 * Where a lint rule's documentation is, for links in reports (`lint --format sarif`, the
 * stylish and github formatters) and in the editor (the language server's diagnostics).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readPackageInfo } from './package-info.js';

/**
 * The address of the docs/rules/ folder: the repository's page when package.json names a
 * GitHub repository, else the pages shipped beside this package. Ends with a slash.
 */
export function ruleDocsBase(): string {
  const { repositoryUrl, root } = readPackageInfo();
  const github = repositoryUrl === null ? null : /github\.com[/:]([^/]+)\/([^/#]+?)(?:\.git)?(?:#.*)?$/.exec(repositoryUrl);
  if (github) return `https://github.com/${github[1]}/${github[2]}/blob/HEAD/docs/rules/`;
  return pathToFileURL(join(root, 'docs', 'rules') + '/').href;
}

/** The address of one rule's page, or null for an id that is not one of `ruleIds`. */
export function ruleDocsUrlFor(ruleIds: readonly string[]): (ruleId: string) => string | null {
  const base = ruleDocsBase();
  const known = new Set(ruleIds);
  return (ruleId) => (known.has(ruleId) ? `${base}${ruleId}.md` : null);
}
