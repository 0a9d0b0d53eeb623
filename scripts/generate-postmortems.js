// Generates realistic incident postmortems (about 5 KB each) for the lint benchmark: front
// matter or none, a summary with a window and an impact figure, a timeline of a dozen or more
// entries, root cause, resolution, corrective measures as a checklist or a table, lessons;
// the front matter, when there is one, names the service and a tag (the cause), for `stats`.
// Deterministic for a seed, so runs are comparable. The text is made up here from word
// lists; a few documents get the flaws real ones have (a TODO, a vague action item, blame).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A small seeded PRNG (mulberry32): the same seed gives the same corpus (the Slack export of the import benchmark uses it too). */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = ['checkout API', 'search indexer', 'login service', 'payment gateway', 'image resizer', 'notification queue', 'billing export', 'mobile sync', 'order history', 'recommendations feed', 'inventory cache', 'webhook relay'];
const SYMPTOMS = ['returned HTTP 500 errors', 'timed out for most requests', 'served stale data', 'dropped incoming messages', 'rejected valid sessions', 'slowed to a crawl', 'failed health checks in two regions', 'double-charged a small number of customers'];
const CAUSES = [
  ['a configuration push', 'set the connection pool size to zero for the primary database'],
  ['a certificate renewal job', 'installed an intermediate certificate that older clients did not trust'],
  ['a schema migration', 'locked the orders table for longer than the request timeout'],
  ['a dependency upgrade', 'changed the default retry policy from exponential backoff to immediate retries'],
  ['a DNS change', 'pointed the internal service name at a decommissioned load balancer'],
  ['a cache eviction bug', 'evicted every key at once when memory passed the high-water mark'],
  ['a feature flag rollout', 'enabled an unfinished code path for every tenant instead of one'],
  ['a disk filling up', 'stopped the write-ahead log from rotating on the queue brokers'],
];
const TEAMS = ['platform', 'payments', 'identity', 'storage', 'mobile', 'search', 'data', 'SRE'];
const PEOPLE = ['Dana Lee', 'Sam Ortiz', 'Priya Raman', 'Tomás Silva', 'Mei Chen', 'Jonas Berg', 'Aisha Bello', 'Lukas Novak', 'Ines Duarte', 'Kwame Mensah'];
const ZONES = [['UTC', 0], ['UTC', 0], ['UTC', 0], ['GMT', 0], ['UTC-4', -4], ['PST', -8], ['CET', 1]];
const VERBS = ['Add', 'Alert on', 'Document', 'Automate', 'Test', 'Rate-limit', 'Review', 'Remove', 'Split', 'Backfill'];
const OBJECTS = ['connection pool limits in the deploy checklist', 'queue depth above 10,000 messages', 'the rollback procedure for config pushes', 'certificate chain validation in staging', 'a canary stage for schema migrations', 'retries from the mobile client', 'the legacy load balancer from DNS', 'the cache warm-up into batches', 'the missed webhook events for affected tenants', 'an end-to-end probe for checkout'];
const FILLER = [
  'The on-call engineer confirmed the symptoms from the dashboards before paging anyone else.',
  'Traffic from the two largest regions made up most of the failed requests.',
  'Error budgets for the quarter were already under pressure after an earlier incident.',
  'Customer support opened a status page entry and kept it updated every thirty minutes.',
  'Metrics from the load balancers showed the failures before the application logs did.',
  'The change had passed review and the automated tests, which did not cover this path.',
  'A similar failure had been seen in staging a week earlier but was attributed to test data.',
  'Once the cause was understood the fix itself took only a few minutes to apply.',
  'Several teams joined the incident channel, which made coordination slower at first.',
  'Retries from clients amplified the load on the already struggling backend.',
];

function pick(next, list) {
  return list[Math.floor(next() * list.length)];
}

function pad(number) {
  return String(number).padStart(2, '0');
}

function clock(minutes) {
  const day = ((minutes % 1440) + 1440) % 1440;
  return `${pad(Math.floor(day / 60))}:${pad(day % 60)}`;
}

/** `search indexer` -> `search-indexer`, for service names and tags in front matter. */
function slug(text) {
  return text.replace(/^an? /, '').replace(/\s+/g, '-').toLowerCase();
}

function paragraph(next, sentences) {
  return Array.from({ length: sentences }, () => pick(next, FILLER)).join(' ');
}

/** One postmortem's Markdown. */
export function generatePostmortem(seed) {
  const next = random(seed * 7919 + 17);
  const service = pick(next, SERVICES);
  const symptom = pick(next, SYMPTOMS);
  const [trigger, effect] = pick(next, CAUSES);
  const [zone] = pick(next, ZONES);
  const team = pick(next, TEAMS);
  const month = 1 + Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28);
  const date = `202${Math.floor(next() * 6)}-${pad(month)}-${pad(day)}`;
  const start = 60 * (1 + Math.floor(next() * 20)) + Math.floor(next() * 60);
  const duration = 25 + Math.floor(next() * 200);
  const end = start + duration;
  const percent = 3 + Math.floor(next() * 80);
  const flawed = next() < 0.2;
  const out = [];

  if (next() < 0.5) {
    out.push('---', `title: ${service[0].toUpperCase()}${service.slice(1)} ${symptom}`, `date: ${date}`, `severity: SEV${1 + Math.floor(next() * 3)}`, `status: ${pick(next, ['draft', 'in-review', 'final'])}`, `authors: [${pick(next, PEOPLE)}, ${pick(next, PEOPLE)}]`, `timezone: ${zone}`, `services: [${slug(service)}]`, `tags: [${slug(trigger)}]`, '---', '');
  }
  out.push(`# Postmortem: the ${service} ${symptom} on ${date}`, '');
  out.push('## Issue Summary', '');
  out.push(`**Duration:** ${clock(start)} to ${clock(end)} ${zone} on ${date} (${Math.floor(duration / 60)} hours ${duration % 60} minutes)`, '');
  out.push(`**Impact:** The ${service} ${symptom}. About ${percent}% of users who tried to use it in that window were affected, roughly ${(percent * 1370).toLocaleString('en-US')} requests in all.`, '');
  out.push(`**Root Cause:** ${trigger[0].toUpperCase()}${trigger.slice(1)} ${effect}.`, '');
  out.push(paragraph(next, 3), '');

  out.push(`## Timeline (${zone})`, '');
  const entries = 12 + Math.floor(next() * 8);
  const step = Math.max(2, Math.floor(duration / entries));
  const labels = { 0: 'Detection', 2: 'Escalation', [entries - 1]: 'Resolution' };
  for (let index = 0; index < entries; index += 1) {
    const time = clock(index === entries - 1 ? end : start + index * step);
    const label = labels[index];
    const what = index === 0
      ? `An alert fired: error rate on the ${service} above 5% for five minutes.`
      : index === 2
        ? `The ${team} on-call was paged and joined the incident channel.`
        : index === entries - 1
          ? `Error rate back to normal; the incident was declared resolved.`
          : pick(next, [
            `Engineers checked recent deploys of the ${service} and found nothing unusual.`,
            `Dashboards showed saturation on the primary database connections.`,
            `A rollback of the most recent change was started.`,
            `Traffic was shifted away from the most affected region.`,
            `The incident commander asked support to post a status update.`,
            `Logs pointed to ${trigger} made shortly before the first alert.`,
            `A fix was prepared, reviewed and deployed to a canary host.`,
            `The canary looked healthy; the fix was rolled out everywhere.`,
          ]);
    out.push(`- **${time} ${zone}:** ${label ? `${label}: ` : ''}${what}`);
  }
  out.push('');

  out.push('## Root Cause', '');
  out.push(`The incident was caused by ${trigger} that ${effect}. ${paragraph(next, 3)}`, '');
  out.push(paragraph(next, 4), '');

  out.push('## Resolution and Recovery', '');
  out.push(`We rolled back ${trigger} at ${clock(start + Math.floor(duration * 0.7))} ${zone} and watched the error rate for twenty minutes before closing the incident. ${paragraph(next, 2)}`, '');
  out.push(paragraph(next, 3), '');

  out.push('## Corrective and Preventative Measures', '');
  const tasks = 4 + Math.floor(next() * 4);
  if (next() < 0.5) {
    for (let index = 0; index < tasks; index += 1) {
      const done = next() < 0.3 ? 'x' : ' ';
      out.push(`- [${done}] ${pick(next, VERBS)} ${pick(next, OBJECTS)} (owner: ${pick(next, PEOPLE)}, due: ${date.slice(0, 4)}-${pad(1 + ((month + 1) % 12))}-${pad(day)})`);
    }
  } else {
    out.push('| Task | Owner | Due | Priority |', '|---|---|---|---|');
    for (let index = 0; index < tasks; index += 1) out.push(`| ${pick(next, VERBS)} ${pick(next, OBJECTS)} | ${pick(next, PEOPLE)} | ${date.slice(0, 4)}-${pad(1 + ((month + 1) % 12))}-${pad(day)} | P${1 + Math.floor(next() * 3)} |`);
  }
  if (flawed) out.push('- Be more careful with config pushes', '- TODO: decide who owns the runbook');
  out.push('');

  out.push('## Lessons Learned', '', '**What went well**', '');
  for (let index = 0; index < 3; index += 1) out.push(`- ${pick(next, FILLER)}`);
  out.push('', '**What went wrong**', '');
  for (let index = 0; index < 3; index += 1) out.push(`- ${pick(next, FILLER)}`);
  if (flawed) out.push(`- It was ${pick(next, PEOPLE)}'s fault for not testing the change.`);
  out.push('', '**Where we got lucky**', '', `- ${paragraph(next, 2)}`, '');
  return `${out.join('\n')}\n`;
}

/** Writes `count` postmortems into `directory` (created if missing); resolves to their total size in bytes. */
export async function writePostmortems(directory, count) {
  await mkdir(directory, { recursive: true });
  let bytes = 0;
  for (let index = 0; index < count; index += 1) {
    const text = generatePostmortem(index + 1);
    bytes += Buffer.byteLength(text);
    await writeFile(join(directory, `${String(index + 1).padStart(5, '0')}-postmortem.md`), text);
  }
  return bytes;
}
