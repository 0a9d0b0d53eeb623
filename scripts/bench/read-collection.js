#!/usr/bin/env node
// Stand-in for `postmortem stats` and `postmortem actions` in the collection benchmark
// (scripts/bench/collection.js) while the bin has neither: `node scripts/bench/read-collection.js
// DIR [--concurrency N|auto]` reads DIR with the library's readCollection (dist/index.js, so
// run `npm run build` first) and prints every task as JSON with its file, line and
// postmortem, roughly what `actions --format json` prints. It is the library's unbundled
// build, so it loads more modules at start-up (on each worker too) than the bin's bundle would.
const library = await import(new URL('../../dist/index.js', import.meta.url).href);

const argv = process.argv.slice(2);
const flag = argv.indexOf('--concurrency');
const concurrencyText = flag === -1 ? 'auto' : argv[flag + 1];
const concurrency = concurrencyText === 'auto' ? 'auto' : Number(concurrencyText);
const patterns = argv.filter((_, index) => index !== flag && index !== flag + 1);

const items = [];
for await (const { file, postmortem } of library.readCollectionStream(patterns, { cwd: process.cwd(), concurrency })) {
  if (!postmortem) continue;
  const { title, date, severity, status, services } = postmortem;
  for (const task of postmortem.correctiveActions.tasks) items.push({ file, line: task.line ?? null, ...task, postmortem: { file, title, date, severity, status, services } });
}
process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
