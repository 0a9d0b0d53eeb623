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
/**
 * A collection's figures (`postmortem stats`): `incidentMetrics` gives one incident's times
 * in minutes from impact start (null when the document does not say), `collectionStats` adds
 * a collection up (counts, median and 90th percentile of each time, action items,
 * recurrences), `percentile` is the numpy-default percentile they use.
 */
export { incidentMetrics, type IncidentMetricsInput } from './collection/incident-metrics.js';
export { collectionStats, timeDistribution, STATS_GROUP_BY, DEFAULT_RECURRENCE_DAYS } from './collection/collection-stats.js';
export { percentile, median } from './collection/percentile.js';
export {
  INCIDENT_TIME_NAMES,
  type IncidentTimeName,
  type IncidentMetrics,
  type TimeDistribution,
  type CountRow,
  type StatsGroupBy,
  type StatsGroup,
  type IncidentSummary,
  type Recurrence,
  type CollectionStats,
  type CollectionStatsOptions,
} from './collection/types.js';
export {
  incidentMilestones,
  timelineEntryKind,
  classifyTimelineEntry,
  timelineShows,
  TIMELINE_ENTRY_KINDS,
  type IncidentMilestones,
  type MilestoneMoment,
  type ShownMilestone,
} from './model/timeline-milestones.js';
export { isOverdue, dueDateOf, localToday, isIsoDate } from './collection/action-state.js';
export { findPostmortems, MARKDOWN_EXTENSIONS, DEFAULT_POSTMORTEM_DIRECTORY, type FindPostmortemsOptions, type FoundPostmortem } from './io/find-postmortems.js';
export { findLintFiles, DEFAULT_LINT_DIRECTORY, type FindLintFilesOptions } from './io/find-postmortems.js';
export {
  lintText,
  lintTextAsync,
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
export {
  readCollection,
  readCollectionStream,
  readCollectionFile,
  collectionPostmortem,
  collectionWorkerCount,
  type ReadCollectionOptions,
  type ReadCollectionFileOptions,
  type CollectionFile,
  type CollectionPostmortem,
} from './collection/read-collection.js';
export { editFrontMatter, frontMatterKeys, type FrontMatterEdit, type FrontMatterEditOptions, type FrontMatterKey, type FrontMatterValueKind } from './edit/front-matter-editor.js';
export { changeStatus, reviewerNameProblem, type StatusChange, type StatusChangeOptions } from './review/status-change.js';
export { checkStatusGate, type GateProblem, type GateRequirement, type StatusGateInput } from './review/status-gate.js';
export { checkStatusSetting, DEFAULT_STATUS_GATES, GATED_STATUSES, STATUS_GATE_KEYS, STATUS_KEY, type GatedStatus, type StatusGate, type StatusGates } from './config/status-setting.js';
export { collectActions, compareActionItems } from './collection/collect-actions.js';
export type { ActionItem, ActionItemSource, CollectActionsOptions } from './collection/types.js';
export { tickActionItem, type TickActionItemOptions, type TickActionItemResult } from './collection/tick-action.js';
export { redactText, type RedactOptions, type RedactedText } from './redact/redact-text.js';
export { findSecrets, type SecretFinding, type SecretScanOptions } from './redact/secrets.js';
export { findPersonalData, DEFAULT_ALLOW as DEFAULT_PERSONAL_DATA_ALLOW, type PersonalDataFinding, type PersonalDataKind, type PersonalDataOptions } from './redact/personal-data.js';
export { DEFAULT_REPLACEMENT, type SensitiveFinding } from './redact/findings.js';
/**
 * Timeline import (issue 12): `importTimeline(paths, options)` reads the records a team
 * already has (a Slack export, a CSV or JSON-lines file, ...) into `ImportedEvent`s in the
 * window, sorted, exact duplicates dropped; `detectSource` says which source a file or folder
 * is from its first 64 KiB; `timelineSourceReaders` lists the readers (each a
 * `TimelineSourceReader`), `timelineSourceReader(name)` gives one.
 */
export { importTimeline, type ImportTimelineOptions } from './import/import-timeline.js';
export { detectSource, DETECT_HEAD_BYTES, type DetectSourceOptions } from './import/detect-source.js';
export { timelineSourceReaders, timelineSourceReader } from './import/sources/index.js';
export { IMPORT_SOURCE_NAMES, type ImportSourceName, type ImportedEvent, type ImportReadOptions, type TimelineSourceReader } from './import/types.js';
/**
 * Timeline import: `importedTimelineEntries` turns imported events into timeline entries in a
 * zone, `mergeTimeline` merges them into a postmortem's text as `postmortem timeline import
 * --into` does (every original line kept), `renderTimelineMarkdown` renders only a timeline
 * through a template's own timeline partial, and `readWindowTime`/`defaultImportWindow` give
 * the window of time an import keeps.
 */
export { importedTimelineEntries, timelineEntryText, writeEventTime, type ImportedTimelineOptions, type TimeFormat, type WrittenTime } from './import/to-timeline.js';
export { mergeTimeline, type MergeTimelineOptions, type MergeTimelineResult } from './import/merge-timeline.js';
export { readWindowTime, defaultImportWindow, DEFAULT_WINDOW_MARGIN_MINUTES, type ImportWindow, type WindowTimeOptions } from './import/import-window.js';
export { renderTimelineMarkdown } from './render/render-markdown.js';
/**
 * The language server behind `postmortem lsp`: lint diagnostics as you type, quick fixes,
 * front matter completion and hover, and the outline, over the Language Server Protocol on the
 * streams given. Resolves to the running server (its `exited` promise gives the exit code).
 */
import type { LanguageServer, LanguageServerOptions } from './lsp/options.js';
export async function startLanguageServer(options: LanguageServerOptions): Promise<LanguageServer> {
  // Loaded when a server starts: importing the library does not load vscode-languageserver.
  const server = await import('./lsp/server.js');
  return server.startLanguageServer(options);
}
export { DEFAULT_DEBOUNCE_MS, FIX_ALL_KIND, type LanguageServer, type LanguageServerOptions } from './lsp/options.js';
