/**
 * A fast-check generator of realistic postmortem models for the round-trip test: one-line
 * fields from a word list, multi-paragraph Markdown for long fields, a timeline in order whose
 * `time` strings are written from `at` in the document's timezone, and a duration that agrees
 * with the start and end. Every value is one a person could have written in a postmortem, so
 * a round-trip failure is a real disagreement between renderer and parser.
 */
import fc from 'fast-check';
import type { CorrectiveTask, OtherSection, Postmortem, PostmortemStatus, TimelineEntry } from '../../src/model/postmortem.js';
import { formatClock, minutesBetween, parseZone, toIsoInstant, wallClockInZone } from '../../src/model/time.js';

// Sentences are built from parts people write in postmortems, so the parser's reading of
// prose (durations, percentages, impact sentences) meets realistic text, not word salad.
const SUBJECTS = [
  'The primary database', 'A read replica', 'The checkout service', 'The queue worker', 'The load balancer',
  'The cache cluster', 'The on-call engineer', 'The deploy pipeline', 'The config service', 'Our monitoring',
  'The payments team', 'The search index', 'The API gateway', 'The scheduler',
];
const PREDICATES = [
  'restarted', 'drained the backlog', 'rejected new connections', 'ran out of connections', 'served stale data',
  'returned errors', 'paused the rollout', 'rolled back the release', 'scaled out', 'lost its leader',
  'filled its disk', 'raised an alert', 'retried every request', 'stopped processing jobs', 'recovered',
];
const TAILS = [
  '', '', '', ' after the migration', ' during the deploy', ' in the east region', ' while traffic grew',
  ' because of a bad config', ' with `max_connections` set too low', ' as the [runbook](https://example.com/runbook) says',
  ' on **every** node', ' _briefly_', ' using `ps aux | grep worker`', ' behind the p99 alert',
  ': the status page said so', ' (see the incident channel)',
];
const ACTIONS = ['Add', 'Alert on', 'Document', 'Automate', 'Test', 'Review', 'Limit', 'Monitor', 'Rehearse', 'Remove'];
const OBJECTS = [
  'replica lag', 'certificate expiry', 'queue depth', 'the failover runbook', 'connection pool size',
  'config changes', 'migration locks', 'the cache warm-up', 'manual deploy steps', 'retry budgets',
];
const ACTION_TAILS = ['', '', ' in staging', ' for every region', ' before each release', ' with `kubectl rollout undo`', ' per `service | region` pair'];
const NAMES = ['Dana Lee', 'Sam Ortiz', 'Priya Natarajan', 'Tomás Quiroga', 'Mei Chen', 'Jonas Berg', 'Ade Okafor'];
const ENTRY_LABELS = ['Detection', 'Escalation', 'Mitigation', 'Detection Method', 'Actions Taken', 'Misleading Paths', 'Communication'];
const TIMEZONES = ['UTC', 'GMT', 'UTC-4', 'UTC+05:30', 'America/New_York', 'Europe/Berlin', 'PST', 'CET'];
const OTHER_HEADINGS = ['Glossary', 'Supporting Information', 'Appendix', 'Acknowledgements'];

const clause = fc
  .tuple(fc.constantFrom(...SUBJECTS), fc.constantFrom(...PREDICATES), fc.constantFrom(...TAILS))
  .map(([subject, predicate, tail]) => `${subject} ${predicate}${tail}`);

/** An instruction without a final full stop: a task or an improvement. */
const phrase = fc
  .tuple(fc.constantFrom(...ACTIONS), fc.constantFrom(...OBJECTS), fc.constantFrom(...ACTION_TAILS))
  .map(([action, object, tail]) => `${action} ${object}${tail}`);

/** A sentence ending in a full stop, on one line. */
export const sentenceArbitrary = clause.map((text) => `${text}.`);

const paragraph = fc.array(sentenceArbitrary, { minLength: 1, maxLength: 4 }).map((sentences) => sentences.join(' '));
const bulletList = fc.array(clause, { minLength: 2, maxLength: 4 }).map((items) => items.map((item) => `- ${item}`).join('\n'));

/** Multi-paragraph Markdown: paragraphs, now and then a bullet list, mostly opening with prose. */
export const longTextArbitrary = fc
  .tuple(
    fc.oneof({ weight: 5, arbitrary: paragraph }, { weight: 1, arbitrary: bulletList }),
    fc.array(fc.oneof({ weight: 3, arbitrary: paragraph }, { weight: 1, arbitrary: bulletList }), { maxLength: 2 }),
  )
  .map(([first, rest]) => [first, ...rest].join('\n\n'));

const title = fc
  .tuple(fc.constantFrom('', '', '', 'Postmortem: ', 'Incident report: ', 'Outage: '), clause)
  .map(([prefix, text]) => (prefix ? `${prefix}${text.charAt(0).toLowerCase()}${text.slice(1)}` : text));
const isoDate = fc
  .date({ min: new Date('2022-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const clock = fc.record({ hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }), second: fc.constant(0) });
const nullable = <T>(arbitrary: fc.Arbitrary<T>, freq = 2): fc.Arbitrary<T | null> => fc.option(arbitrary, { nil: null, freq });

const task: fc.Arbitrary<CorrectiveTask> = fc.record({
  text: phrase,
  owner: nullable(fc.constantFrom(...NAMES), 3),
  due: nullable(fc.oneof({ weight: 4, arbitrary: isoDate }, { weight: 1, arbitrary: fc.constantFrom('next sprint', 'end of Q3') }), 3),
  priority: nullable(fc.constantFrom('P1', 'P2', 'P3', 'high', 'low'), 3),
  issue: nullable(fc.constantFrom('#123', 'OPS-42', 'https://tracker.example.com/issues/7'), 2),
  done: fc.boolean(),
});

const otherSection: fc.Arbitrary<OtherSection> = fc.record({ heading: fc.constantFrom(...OTHER_HEADINGS), text: longTextArbitrary });

/** How the times of one document are written; people keep to one style. */
type TimeStyle = '12h' | '24h' | 'dated';

interface TimelinePlan {
  /** Minutes from the first entry to each entry, ascending. */
  offsets: number[];
  /** Per entry: timed, or an untimed labelled line. */
  timed: boolean[];
  labels: Array<string | null>;
  texts: string[];
}

const timelinePlan: fc.Arbitrary<TimelinePlan> = fc.integer({ min: 0, max: 8 }).chain((count) =>
  fc.record({
    offsets: fc.array(fc.integer({ min: 1, max: 150 }), { minLength: count, maxLength: count }).map((steps) => {
      let total = 0;
      return steps.map((step, index) => (index === 0 ? 0 : (total += step)));
    }),
    labels: fc.array(nullable(fc.constantFrom(...ENTRY_LABELS), 2), { minLength: count, maxLength: count }),
    texts: fc.array(sentenceArbitrary, { minLength: count, maxLength: count }),
    untimed: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: count, maxLength: count }),
  }).map(({ offsets, labels, texts, untimed }) => ({
    offsets,
    // About one entry in ten is an untimed labelled line such as "Detection Method: ...".
    timed: untimed.map((roll) => roll !== 0),
    labels,
    texts,
  })),
);

function timeText(wall: { date: string; hour: number; minute: number }, style: TimeStyle): string {
  if (style === 'dated') return `${wall.date} ${formatClock(wall, '24h')}`;
  return formatClock(wall, style);
}

function buildTimeline(
  plan: TimelinePlan,
  firstMillis: number,
  date: string | null,
  timezone: string | null,
  style: TimeStyle,
): TimelineEntry[] {
  const zone = parseZone(timezone);
  return plan.offsets.map((offset, index) => {
    const label = plan.labels[index] ?? null;
    const text = plan.texts[index] as string;
    if (!plan.timed[index]) return { time: null, at: null, label: label ?? 'Detection Method', text };
    const millis = firstMillis + offset * 60_000;
    // The wall clock in the document's zone: `firstMillis` was made from it.
    const iso = new Date(millis).toISOString().replace('.000Z', 'Z');
    const wall = timezone && zone ? (wallClockInZone(iso, timezone) as NonNullable<ReturnType<typeof wallClockInZone>>) : localWall(millis);
    return {
      time: timeText(wall, date ? style : style === 'dated' ? '24h' : style),
      at: date ? toIsoInstant(wall.date, wall, zone) : null,
      label,
      text,
    };
  });
}

/** Wall clock of a time with no zone: the millis were made by reading the local time as UTC. */
function localWall(millis: number): { date: string; hour: number; minute: number; second: number } {
  const value = new Date(millis);
  return { date: value.toISOString().slice(0, 10), hour: value.getUTCHours(), minute: value.getUTCMinutes(), second: 0 };
}

function millisOf(date: string, wall: { hour: number; minute: number; second: number }, timezone: string | null): number {
  const iso = toIsoInstant(date, wall, parseZone(timezone));
  return /(?:Z|[+-]\d{2}:?\d{2})$/.test(iso) ? Date.parse(iso) : Date.parse(`${iso}Z`);
}

/** Realistic postmortem models. */
export const postmortemArbitrary: fc.Arbitrary<Postmortem> = fc
  .record({
    title: nullable(title, 5),
    date: nullable(isoDate, 6),
    severity: nullable(fc.constantFrom('SEV1', 'SEV2', 'SEV3', 'SEV4'), 3),
    status: nullable(fc.constantFrom<PostmortemStatus>('draft', 'in-review', 'final'), 3),
    authors: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 3 }),
    reviewers: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 2 }),
    reviewedAt: nullable(isoDate, 3),
    timezone: nullable(fc.constantFrom(...TIMEZONES), 6),
    services: fc.uniqueArray(fc.constantFrom('checkout-api', 'Payments', 'search', 'auth service'), { maxLength: 3 }),
    tags: fc.uniqueArray(fc.constantFrom('config-change', 'capacity', 'expired certificate', 'dependency'), { maxLength: 3 }),
    hasWindow: fc.boolean(),
    startClock: clock,
    durationMinutes: fc.integer({ min: 5, max: 1800 }),
    statedDuration: fc.boolean(),
    timelineStart: fc.integer({ min: -90, max: 60 }),
    timeStyle: fc.constantFrom<TimeStyle>('12h', '24h', 'dated'),
    summaryText: nullable(paragraph, 3),
    impact: nullable(fc.oneof({ weight: 5, arbitrary: sentenceArbitrary }, { weight: 1, arbitrary: longTextArbitrary }), 3),
    usersAffectedPercent: nullable(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(12.5, 0.5, 99.9)), 2),
    summaryRootCause: nullable(sentenceArbitrary, 3),
    plan: timelinePlan,
    rootCause: nullable(longTextArbitrary, 4),
    resolution: nullable(longTextArbitrary, 4),
    improvements: fc.array(phrase.map((text) => `${text}.`), { maxLength: 4 }),
    tasks: fc.array(task, { maxLength: 4 }),
    lessonsLearned: nullable(longTextArbitrary, 3),
    conclusion: nullable(longTextArbitrary, 3),
    otherSections: fc.array(otherSection, { maxLength: 1 }),
  })
  .map((values) => {
    const { date, timezone } = values;
    const zone = parseZone(timezone);
    const startMillis = date ? millisOf(date, values.startClock, timezone) : Date.UTC(2000, 0, 1, values.startClock.hour, values.startClock.minute);
    let start: string | null = null;
    let end: string | null = null;
    let durationMinutes: number | null = values.statedDuration ? values.durationMinutes : null;
    if (date && values.hasWindow) {
      start = toIsoInstant(date, values.startClock, zone);
      const endIso = new Date(startMillis + values.durationMinutes * 60_000).toISOString().replace('.000Z', 'Z');
      const endWall = zone ? wallClockInZone(endIso, timezone) : localWall(startMillis + values.durationMinutes * 60_000);
      const wall = endWall as NonNullable<typeof endWall>;
      end = toIsoInstant(wall.date, wall, zone);
      durationMinutes = minutesBetween(start, end);
    }
    const timeline = buildTimeline(values.plan, startMillis + values.timelineStart * 60_000, date, timezone, values.timeStyle);
    const postmortem: Postmortem = {
      title: values.title,
      date,
      severity: values.severity,
      status: values.status,
      authors: values.authors,
      reviewers: values.reviewers,
      reviewedAt: values.reviewedAt,
      timezone,
      services: values.services,
      tags: values.tags,
      summary: {
        text: values.summaryText,
        start,
        end,
        durationMinutes,
        impact: values.impact,
        usersAffectedPercent: values.usersAffectedPercent,
        rootCause: values.summaryRootCause,
      },
      timeline,
      rootCause: values.rootCause,
      resolution: values.resolution,
      correctiveActions: { improvements: values.improvements, tasks: values.tasks },
      lessonsLearned: values.lessonsLearned,
      conclusion: values.conclusion,
      otherSections: values.otherSections,
    };
    return postmortem;
  });
