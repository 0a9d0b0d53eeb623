/**
 * The lint library: what src/index.ts exports for linting, gathered in one place. The CLI
 * (`postmortem lint`) is a thin layer over these.
 */
export { lintText, lintTextAsync, fatalResult, FRONT_MATTER_RULE_ID, READ_ERROR_ID, INLINE_CONFIG_ID, MAX_FIX_PASSES, type LintTextOptions } from './engine.js';
export { lintFile, type LintFileOptions } from './lint-file.js';
export { lintFiles, lintFileStream, MIN_FILES_FOR_WORKERS, type LintFilesOptions, type LintFileStreamOptions, type IndexedLintResult } from './lint-files.js';
export { checkLintConfig, configureRules, mergeLintConfigs, parseRuleFlag, readSeverity, type LintConfig, type RuleSetting, type SeveritySetting, type ConfiguredRule } from './config.js';
export { createConfigResolver, CONFIG_FILE_NAMES, PACKAGE_JSON_KEY, type ConfigResolver, type ConfigResolverOptions, type FoundConfig } from './config-files.js';
export { readInlineConfig, type InlineConfig, type InlineDirective, type DirectiveKind, type DirectiveProblem } from './directives.js';
export { applyFixes, type AppliedFixes } from './fix.js';
export { loadFormatter, FORMATTER_NAMES, type FormatterName, type Formatter, type FormatterOptions, type RuleMetadata, type TextStyle } from './formatters/index.js';
export { builtinRules } from './rules/index.js';
export { defineRule, type Rule, type RuleContext, type ProblemReport, type Fix, type Severity, type NumericSeverity, type LintMessage, type LintResult } from './types.js';
