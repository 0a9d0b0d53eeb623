/**
 * The public library API of `postmortem`. The CLI is a thin layer over these functions;
 * nothing exported here prints, prompts or exits.
 */
export * from './model/postmortem.js';
export { PostmortemError, isPostmortemError, type ErrorLocation } from './model/errors.js';
export { parseZone, toIsoInstant, formatDuration, formatClock, minutesBetween, type Zone, type ClockTime } from './model/time.js';
export { parsePostmortem, type ParseOptions } from './parse/parse-postmortem.js';
export { placeTimeline } from './parse/timeline.js';
export { renderMarkdown, type RenderOptions } from './render/render-markdown.js';
export { listTemplates, type TemplateInfo } from './render/templates.js';
export { normalizePostmortem, type NormalizeOptions } from './model/validate.js';
export { postmortemSchema, postmortemSchemaPath } from './model/schema.js';
export { readPostmortemFile, MAX_INPUT_FILE_BYTES, type ReadFileOptions } from './parse/read-file.js';
export { renderHtml, type HtmlRenderOptions } from './export/render-html.js';
export { buildSite, type SiteOptions, type SiteReport, type SitePage, type SiteIndexEntry, type SiteFailure } from './export/site.js';
export { renderPdf, type PdfOptions } from './export/render-pdf.js';
export { findChromium, CHROMIUM_ENV } from './export/chromium.js';
export { findPostmortems, MARKDOWN_EXTENSIONS, DEFAULT_POSTMORTEM_DIRECTORY, type FindPostmortemsOptions, type FoundPostmortem } from './io/find-postmortems.js';
export { findLintFiles, DEFAULT_LINT_DIRECTORY, type FindLintFilesOptions } from './io/find-postmortems.js';
export {
  lintText,
  lintFile,
  lintFiles,
  lintFileStream,
  createConfigResolver,
  checkLintConfig,
  configureRules,
  mergeLintConfigs,
  readInlineConfig,
  applyFixes,
  loadFormatter,
  builtinRules,
  defineRule,
  FORMATTER_NAMES,
  CONFIG_FILE_NAMES,
  FRONT_MATTER_RULE_ID,
  READ_ERROR_ID,
  INLINE_CONFIG_ID,
  type LintTextOptions,
  type LintFileOptions,
  type LintFilesOptions,
  type LintFileStreamOptions,
  type IndexedLintResult,
  type LintConfig,
  type RuleSetting,
  type SeveritySetting,
  type ConfiguredRule,
  type ConfigResolver,
  type ConfigResolverOptions,
  type FoundConfig,
  type InlineConfig,
  type InlineDirective,
  type FormatterName,
  type Formatter,
  type FormatterOptions,
  type RuleMetadata,
  type TextStyle,
  type Rule,
  type RuleContext,
  type ProblemReport,
  type Fix,
  type Severity,
  type NumericSeverity,
  type LintMessage,
  type LintResult,
} from './lint/index.js';
export { collectActions, compareActionItems } from './collection/collect-actions.js';
export type { ActionItem, ActionItemSource, CollectActionsOptions } from './collection/types.js';
export { tickActionItem, type TickActionItemOptions, type TickActionItemResult } from './collection/tick-action.js';
