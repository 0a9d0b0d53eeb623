#!/usr/bin/env node
// How well the parser understands real postmortems: parses every file under ../shared/corpus
// (or the folders given) with the built library and prints, per file and overall, what it found.
// With --combined, also how combined "Root Cause and Resolution" sections were split, one line
// per section (this reads the parser's internal modules in dist/parse, not only the public API).
// Usage: npm run build && node scripts/corpus-report.js [folder...] [--files] [--combined]
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parsePostmortem } from '../dist/index.js';

const args = process.argv.slice(2);
const showFiles = args.includes('--files');
const showCombined = args.includes('--combined');
const folders = args.filter((arg) => !arg.startsWith('--'));
const roots = (folders.length > 0 ? folders : [join(import.meta.dirname, '..', '..', 'shared', 'corpus')]).map((folder) => resolve(folder));
// Postmortems are Markdown; the seeds are plain .txt files.
const entries = roots.flatMap((root) => readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.(?:md|txt)$/.test(name))
  .sort()
  .map((name) => ({ root, name })));
const files = entries.map((entry) => entry.name);

const rows = [];
const failures = [];
for (const { root, name } of entries) {
  try {
    const model = parsePostmortem(readFileSync(join(root, name), 'utf8'), { filePath: name });
    rows.push({
      name,
      template: name.startsWith('templates'),
      summary: Boolean(model.summary.text || model.summary.impact),
      timeline: model.timeline.length,
      timed: model.timeline.filter((entry) => entry.time).length,
      placed: model.timeline.filter((entry) => entry.at).length,
      rootCause: Boolean(model.rootCause),
      resolution: Boolean(model.resolution),
      measures: model.correctiveActions.improvements.length + model.correctiveActions.tasks.length,
      duration: model.summary.durationMinutes,
      percent: model.summary.usersAffectedPercent,
      timezone: model.timezone,
      date: model.date,
    });
  } catch (error) {
    failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

if (showFiles) {
  console.log(['file', 'summary', 'entries', 'timed', 'placed', 'rootCause', 'resolution', 'measures', 'minutes', '%', 'timezone', 'date'].join('\t'));
  for (const row of rows) {
    console.log([row.name, row.summary, row.timeline, row.timed, row.placed, row.rootCause, row.resolution, row.measures, row.duration, row.percent, row.timezone, row.date].join('\t'));
  }
  console.log('');
}

const postmortems = rows.filter((row) => !row.template);
const share = (test) => `${postmortems.filter(test).length}/${postmortems.length} (${Math.round((100 * postmortems.filter(test).length) / postmortems.length)}%)`;
console.log(`files read: ${files.length} under ${roots.map((root) => relative(process.cwd(), root) || '.').join(', ')}; parse failures: ${failures.length}`);
for (const failure of failures) console.log(`  failed: ${failure}`);
console.log(`postmortems (templates left out): ${postmortems.length}`);
console.log(`  non-empty summary:        ${share((row) => row.summary)}`);
console.log(`  timeline entries:         ${share((row) => row.timeline > 0)}`);
console.log(`  root cause:               ${share((row) => row.rootCause)}`);
console.log(`  summary+timeline+cause:   ${share((row) => row.summary && row.timeline > 0 && row.rootCause)}`);
console.log(`  resolution:               ${share((row) => row.resolution)}`);
console.log(`  corrective measures:      ${share((row) => row.measures > 0)}`);
console.log(`  duration worked out:      ${share((row) => row.duration !== null)}`);
console.log(`  share of users affected:  ${share((row) => row.percent !== null)}`);
console.log(`  timezone:                 ${share((row) => row.timezone !== null)}`);
console.log(`  incident date:            ${share((row) => row.date !== null)}`);
console.log(`  every timed entry placed: ${share((row) => row.timed > 0 && row.placed === row.timed)}`);

if (showCombined) {
  const { splitFrontMatter } = await import('../dist/parse/front-matter.js');
  const { analyzeLines } = await import('../dist/parse/markdown-lines.js');
  const { splitSections } = await import('../dist/parse/sections.js');
  const { splitRootCauseAndResolution } = await import('../dist/parse/root-cause-resolution.js');
  /** file -> how each of its combined sections was split: 'label' (it has labels), 'paragraph', 'whole' or 'empty' */
  const byFile = new Map();
  console.log('\ncombined Root Cause and Resolution sections (file, line, split by, resolution from line):');
  for (const { root, name } of entries) {
    const text = readFileSync(join(root, name), 'utf8').replace(/^\uFEFF/, '');
    let front;
    try {
      front = splitFrontMatter(text, name);
    } catch {
      continue;
    }
    const sections = splitSections(analyzeLines(front.body, front.bodyLineOffset)).filter((section) => section.kind === 'rootCauseAndResolution');
    for (const section of sections) {
      const split = splitRootCauseAndResolution(section);
      const how = split.labelled ? 'label' : split.splitBy === 'paragraph' ? 'paragraph' : split.rootCause ? 'whole' : 'empty';
      const file = relative(process.cwd(), join(root, name));
      byFile.set(file, [...(byFile.get(file) ?? []), how]);
      console.log(`  ${file}:${section.headingLine?.number ?? 1}  ${how.padEnd(9)}  ${split.resolutionLine ?? '-'}`);
    }
  }
  const count = (test) => [...byFile.values()].filter(test).length;
  const sectionCount = [...byFile.values()].reduce((sum, hows) => sum + hows.length, 0);
  const unlabelled = (hows) => !hows.includes('label') && !hows.every((how) => how === 'empty');
  console.log(`files with a combined section:      ${byFile.size} (${sectionCount} sections)`);
  console.log(`  with labels or sub-headings:      ${count((hows) => hows.includes('label'))}`);
  console.log(`  empty (its labels were headings):  ${count((hows) => hows.every((how) => how === 'empty'))}`);
  console.log(`  without labels:                   ${count(unlabelled)}`);
  console.log(`    resolution split off:           ${count((hows) => unlabelled(hows) && hows.includes('paragraph'))}`);
  console.log(`    all kept as root cause:         ${count((hows) => unlabelled(hows) && !hows.includes('paragraph'))}`);
}
