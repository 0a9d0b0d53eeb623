#!/usr/bin/env node
// How well the parser understands real postmortems: parses every file under ../shared/corpus
// (or the folder given) with the built library and prints, per file and overall, what it found.
// Usage: npm run build && node scripts/corpus-report.js [folder] [--files]
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parsePostmortem } from '../dist/index.js';

const args = process.argv.slice(2);
const showFiles = args.includes('--files');
const root = resolve(args.find((arg) => !arg.startsWith('--')) ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus'));
const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).sort();

const rows = [];
const failures = [];
for (const name of files) {
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
console.log(`files read: ${files.length} under ${relative(process.cwd(), root) || '.'}; parse failures: ${failures.length}`);
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
