/**
 * Validation of model input (answers files, library callers) against
 * `schema/postmortem.schema.json`, plus the checks a schema cannot express (an end before
 * its start). ajv is imported here and only here, so commands that never validate do not
 * pay for loading it.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { PostmortemError } from './errors.js';
import type { Postmortem } from './postmortem.js';
import { postmortemSchema } from './schema.js';
import { classifyTimelineEntry } from './timeline-milestones.js';
import { dayjs } from './dayjs.js';
import { instantMillis, zonedMinutesBetween } from './time.js';

/** Options for {@link normalizePostmortem}. */
export interface NormalizeOptions {
  /** The file the input came from, named in error messages. */
  filePath?: string | null;
}

/** A problem with one field, before it is joined into the error message. */
interface FieldProblem {
  /** JSON Pointer of the field (`/summary/usersAffectedPercent`), `/` for the whole input. */
  path: string;
  /** What is wrong, worded to follow the path. */
  message: string;
}

let validateModel: ValidateFunction | undefined;

function modelValidator(): ValidateFunction {
  if (!validateModel) {
    // useDefaults fills absent keys from the schema's `default`s before `required` is checked,
    // which is what lets `{ "title": "x" }` through as a complete model.
    const ajv = new Ajv2020({ allErrors: true, useDefaults: true, strict: true });
    validateModel = ajv.compile(structuredClone(postmortemSchema) as Record<string, unknown>);
  }
  return validateModel;
}

/**
 * Checks input in the model's JSON shape (as read from an answers file) and returns a full
 * `Postmortem`, absent keys filled with null or empty arrays. Throws `PostmortemError` naming
 * the file and the field for invalid input.
 */
export function normalizePostmortem(input: unknown, options: NormalizeOptions = {}): Postmortem {
  const filePath = options.filePath ?? null;
  // ajv writes the defaults into the value it checks: work on a copy so callers keep theirs.
  const candidate = datesToStrings(structuredClone(input));
  const validate = modelValidator();
  if (!validate(candidate)) {
    throw invalidInput(schemaProblems(validate.errors ?? []), filePath);
  }
  const postmortem = inModelOrder(candidate as Postmortem);
  const problems = semanticProblems(postmortem);
  if (problems.length > 0) throw invalidInput(problems, filePath);
  const { start, end } = postmortem.summary;
  if (postmortem.summary.durationMinutes === null && start && end) {
    postmortem.summary.durationMinutes = zonedMinutesBetween(start, end, postmortem.timezone);
  }
  return postmortem;
}

/** The same model with keys in the order of the type, so JSON output reads the same whatever order the input had. */
function inModelOrder(input: Postmortem): Postmortem {
  const { summary, correctiveActions } = input;
  const ordered: Postmortem = {
    title: input.title,
    date: input.date,
    severity: input.severity,
    status: input.status,
    authors: input.authors,
    reviewers: input.reviewers,
    reviewedAt: input.reviewedAt,
    timezone: input.timezone,
    services: input.services,
    tags: input.tags,
    summary: {
      text: summary.text,
      start: summary.start,
      end: summary.end,
      durationMinutes: summary.durationMinutes,
      impact: summary.impact,
      usersAffectedPercent: summary.usersAffectedPercent,
      rootCause: summary.rootCause,
    },
    timeline: input.timeline.map(({ time, at, label, text, kind, line }) => ({
      time,
      at,
      label,
      text,
      kind: kind ?? classifyTimelineEntry({ label, text }),
      ...(line === undefined ? {} : { line }),
    })),
    rootCause: input.rootCause,
    resolution: input.resolution,
    correctiveActions: {
      improvements: correctiveActions.improvements,
      tasks: correctiveActions.tasks.map(({ text, owner, due, priority, issue, done, line }) => ({
        text,
        owner,
        due,
        priority,
        issue,
        done,
        ...(line === undefined ? {} : { line }),
      })),
    },
    lessonsLearned: input.lessonsLearned,
    conclusion: input.conclusion,
    otherSections: input.otherSections.map(({ heading, text, line }) => ({ heading, text, ...(line === undefined ? {} : { line }) })),
  };
  if (input.source !== undefined) ordered.source = input.source;
  return ordered;
}

function invalidInput(problems: FieldProblem[], filePath: string | null): PostmortemError {
  const message = problems.map((problem) => `${problem.path} ${problem.message}`).join('; ');
  return new PostmortemError(message, { filePath, field: problems[0]?.path ?? null });
}

/**
 * YAML readers that follow YAML 1.1 turn `date: 2026-03-14` into a Date; the model wants the
 * text, and asking users to quote dates would be a needless trap.
 */
function datesToStrings(value: unknown): unknown {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if (Array.isArray(value)) return value.map(datesToStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, datesToStrings(item)]));
  }
  return value;
}

function schemaProblems(errors: ErrorObject[]): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const problem = describeSchemaError(error);
    const key = `${problem.path} ${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}

function describeSchemaError(error: ErrorObject): FieldProblem {
  const path = error.instancePath || '/';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { path: joinPointer(error.instancePath, String(params.additionalProperty)), message: 'is not a postmortem field' };
    case 'required':
      return { path: joinPointer(error.instancePath, String(params.missingProperty)), message: 'is required' };
    case 'type': {
      const types = Array.isArray(params.type) ? (params.type as string[]) : String(params.type).split(',');
      return { path, message: `must be ${orList(types.map(typeName))}` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((value) => (value === null ? 'null' : JSON.stringify(value)));
      return { path, message: `must be one of ${orList(allowed)}` };
    }
    case 'pattern':
      if (error.schemaPath.includes('nullableDate')) return { path, message: 'must be a date written YYYY-MM-DD' };
      if (error.schemaPath.includes('nullableInstant')) {
        return { path, message: 'must be an ISO 8601 date and time (2026-03-14T02:00:00-04:00)' };
      }
      return { path, message: error.message ?? 'is not valid' };
    default:
      return { path, message: error.message ?? 'is not valid' };
  }
}

function joinPointer(base: string, key: string): string {
  return `${base}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function typeName(type: string): string {
  return type === 'object' ? 'an object' : type === 'array' ? 'a list' : type === 'integer' ? 'a whole number' : type === 'null' ? 'null' : `a ${type}`;
}

function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** What the schema cannot say: real calendar dates, and a window that does not run backwards. */
function semanticProblems(postmortem: Postmortem): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (postmortem.date !== null && !dayjs(postmortem.date, 'YYYY-MM-DD', true).isValid()) {
    problems.push({ path: '/date', message: 'is not a calendar date' });
  }
  const instants: Array<[string, string | null]> = [
    ['/summary/start', postmortem.summary.start],
    ['/summary/end', postmortem.summary.end],
    ...postmortem.timeline.map((entry, index): [string, string | null] => [`/timeline/${index}/at`, entry.at]),
  ];
  for (const [path, value] of instants) {
    if (value !== null && Number.isNaN(instantMillis(value))) problems.push({ path, message: 'is not a real date and time' });
  }
  if (problems.length > 0) return problems;
  const { start, end, durationMinutes } = postmortem.summary;
  if (start && end) {
    // Times without an offset are wall-clock times in the timezone: across a daylight-saving change the window is shorter or longer than the clock difference.
    const minutes = zonedMinutesBetween(start, end, postmortem.timezone);
    if (minutes < 0) {
      problems.push({ path: '/summary/end', message: 'is before /summary/start' });
    } else if (durationMinutes !== null && Math.abs(durationMinutes - minutes) > 1) {
      problems.push({
        path: '/summary/durationMinutes',
        message: `is ${durationMinutes} but /summary/start to /summary/end is ${minutes} minutes`,
      });
    }
  }
  return problems;
}
