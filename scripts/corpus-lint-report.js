#!/usr/bin/env node
// What the lint rules find in real postmortems: lints every file under ../shared/corpus (or
// the folder given) with the built library and prints, per rule, how many problems and in
// how many files, split into real postmortems and templates; with --files, each file's counts.
// Usage: npm run build && node scripts/corpus-lint-report.js [folder] [--files]
import { join, relative, resolve, sep } from 'node:path';
import { builtinRules, lintFiles } from '../dist/index.js';

const args = process.argv.slice(2);
const showFiles = args.includes('--files');
const root = resolve(args.find((arg) => !arg.startsWith('--')) ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus'));

const results = await lintFiles([root], { cwd: root });
const isTemplate = (filePath) => relative(root, filePath).split(sep)[0] === 'templates';

/** ruleId -> { problems, files, templateProblems, templateFiles, errors, warnings } */
const byRule = new Map();
for (const rule of builtinRules) byRule.set(rule.id, { problems: 0, files: 0, templateProblems: 0, templateFiles: 0, errors: 0, warnings: 0 });
for (const result of results) {
  const template = isTemplate(result.filePath);
  const seen = new Set();
  for (const message of result.messages) {
    const row = byRule.get(message.ruleId) ?? { problems: 0, files: 0, templateProblems: 0, templateFiles: 0, errors: 0, warnings: 0 };
    byRule.set(message.ruleId, row);
    if (template) row.templateProblems += 1;
    else row.problems += 1;
    if (message.severity === 2) row.errors += 1;
    else row.warnings += 1;
    if (!seen.has(message.ruleId)) {
      seen.add(message.ruleId);
      if (template) row.templateFiles += 1;
      else row.files += 1;
    }
  }
}

const postmortems = results.filter((result) => !isTemplate(result.filePath));
const templates = results.length - postmortems.length;
console.log(`${results.length} files under ${root} (${postmortems.length} postmortems, ${templates} templates)\n`);
const width = Math.max(...[...byRule.keys()].map((id) => id.length), 'rule'.length);
console.log(`${'rule'.padEnd(width)}  problems  files  (of ${String(postmortems.length).padStart(2)})  templates: problems  files  errors  warnings`);
for (const [ruleId, row] of byRule) {
  console.log(
    `${ruleId.padEnd(width)}  ${String(row.problems).padStart(8)}  ${String(row.files).padStart(5)}          ${String(row.templateProblems).padStart(20)}  ${String(row.templateFiles).padStart(5)}  ${String(row.errors).padStart(6)}  ${String(row.warnings).padStart(8)}`,
  );
}
const clean = postmortems.filter((result) => result.messages.length === 0).length;
const withErrors = postmortems.filter((result) => result.errorCount > 0).length;
console.log(`\npostmortems with no problem: ${clean}; with errors: ${withErrors}; fatal (unreadable): ${results.filter((result) => result.fatalErrorCount).length}`);

if (showFiles) {
  console.log('');
  for (const result of results) {
    const rules = [...new Set(result.messages.map((message) => message.ruleId))].join(', ');
    console.log(`${relative(root, result.filePath).padEnd(64)} ${String(result.errorCount).padStart(3)} errors ${String(result.warningCount).padStart(3)} warnings  ${rules}`);
  }
}
