/**
 * SARIF 2.1.0, the format GitHub code scanning reads (`github/codeql-action/upload-sarif`):
 * one run whose driver lists every rule (with its documentation address) and one result per
 * problem, located by a path relative to the working directory (`%SRCROOT%`), which in CI is
 * the repository root, so code scanning can place it on the file in the repository.
 */
import { pathToFileURL } from 'node:url';
// Types only (@types/sarif, the OASIS 2.1.0 schema as TypeScript): the log below is checked against them when compiled.
import type { ArtifactLocation, Log, ReportingDescriptor, Result } from 'sarif';
import { displayPath, type Formatter, type RuleMetadata } from './formatter.js';

/** The SARIF version written. */
export const SARIF_VERSION = '2.1.0';

/** The schema address SARIF 2.1.0 files name. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Descriptions of the ids the engine reports under, which are not rules. */
const ENGINE_RULES: readonly RuleMetadata[] = [
  { id: 'read-error', description: 'The file can be read as a UTF-8 text postmortem', tags: ['engine'], severity: 'error' },
  { id: 'inline-config', description: 'Inline postmortem-disable comments name known directives and rules', tags: ['engine'], severity: 'warn' },
];

function level(severity: RuleMetadata['severity']): 'error' | 'warning' | 'none' {
  return severity === 'error' ? 'error' : severity === 'warn' ? 'warning' : 'none';
}

/** A path as a SARIF artifact URI: relative and percent-encoded inside cwd, a file URL outside it. */
function artifactUri(filePath: string, cwd: string): ArtifactLocation {
  const path = displayPath(filePath, cwd);
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map((segment) => encodeURIComponent(segment)).join('/'), uriBaseId: '%SRCROOT%' };
}

/** Formats results as a SARIF 2.1.0 log for GitHub code scanning. */
export const formatSarif: Formatter = (results, options) => {
  const known = new Map<string, RuleMetadata>();
  for (const rule of [...(options.rules ?? []), ...ENGINE_RULES]) if (!known.has(rule.id)) known.set(rule.id, rule);
  // A message from a rule the caller did not describe still needs a descriptor for ruleIndex.
  for (const result of results) {
    for (const message of result.messages) {
      if (!known.has(message.ruleId)) known.set(message.ruleId, { id: message.ruleId, description: message.ruleId, tags: [], severity: message.severity === 2 ? 'error' : 'warn' });
    }
  }
  const descriptors = [...known.values()];
  const indexOf = new Map(descriptors.map((rule, index) => [rule.id, index]));
  const rules = descriptors.map((rule): ReportingDescriptor => {
    const helpUri = options.ruleDocsUrl?.(rule.id) ?? null;
    return {
      id: rule.id,
      shortDescription: { text: rule.description },
      fullDescription: { text: rule.description },
      ...(helpUri ? { helpUri, help: { text: `${rule.description}. See ${helpUri}`, markdown: `${rule.description}. See [the ${rule.id} rule's documentation](${helpUri}).` } } : { help: { text: rule.description } }),
      defaultConfiguration: { enabled: rule.severity !== 'off', level: level(rule.severity) },
      properties: { tags: [...rule.tags], ...(rule.fixable ? { fixable: true } : {}) },
    };
  });
  const sarifResults = results.flatMap((result) =>
    result.messages.map((message): Result => ({
      ruleId: message.ruleId,
      ruleIndex: indexOf.get(message.ruleId) as number,
      level: message.severity === 2 ? 'error' : 'warning',
      message: { text: message.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactUri(result.filePath, options.cwd),
            region: {
              startLine: message.line,
              startColumn: message.column,
              ...(message.endLine !== undefined ? { endLine: message.endLine } : {}),
              ...(message.endColumn !== undefined ? { endColumn: message.endColumn } : {}),
            },
          },
        },
      ],
    })),
  );
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: 'postmortem',
            ...(options.toolInformationUri ? { informationUri: options.toolInformationUri } : {}),
            ...(options.toolVersion ? { version: options.toolVersion, semanticVersion: options.toolVersion } : {}),
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(options.cwd.endsWith('/') ? options.cwd : `${options.cwd}/`).href } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

export default formatSarif;
