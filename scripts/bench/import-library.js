// The library side of the import benchmark (scripts/bench/import.js), run in its own process so
// that its peak RSS is its own: `node scripts/bench/import-library.js PATH [SINCE UNTIL]` imports
// PATH with importTimeline from dist/ (npm run build first), in the window when one is given,
// and prints how many events it kept.
import { importTimeline } from '../../dist/index.js';

const [path, since, until] = process.argv.slice(2);
if (!path) throw new Error('usage: import-library.js PATH [SINCE UNTIL]');
const events = await importTimeline([path], {
  cwd: process.cwd(),
  since: since ? Date.parse(since) : null,
  until: until ? Date.parse(until) : null,
});
console.log(JSON.stringify({ events: events.length }));
