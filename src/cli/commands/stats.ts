/**
 * `postmortem stats`: read the postmortems the same file discovery as `lint` finds, add them
 * up (src/collection/collection-stats.ts) and print a report, JSON or CSV. A file that cannot
 * be read gets one line on standard error, is left out of the figures, and makes the exit
 * code 2 once the report is out: the figures are true for the files that were read.
 */
import { readCollection, type CollectionFile } from '../../collection/read-collection.js';
import { collectionStats } from '../../collection/collection-stats.js';
import { formatStatsCsv, formatStatsText } from '../../collection/format-stats.js';
import type { StatsGroupBy } from '../../collection/types.js';
import { PostmortemError } from '../../model/errors.js';
import type { Postmortem } from '../../model/postmortem.js';
import type { CommandContext } from '../command-context.js';
import { EXIT_FAILURE } from '../run.js';

/** The formats of `postmortem stats --format`. */
export const STATS_FORMATS = ['text', 'json', 'csv'] as const;

/** Options of `postmortem stats`, as commander parses them. */
export interface StatsCommandOptions {
  format: (typeof STATS_FORMATS)[number];
  since?: string;
  until?: string;
  groupBy: StatsGroupBy;
  today?: string;
  /** `--ignore` patterns, repeatable. */
  ignore?: string[];
  config?: string;
  /** `--concurrency`: threads reading and parsing the files (README: "Threads"). */
  concurrency?: number | 'auto';
}

/** A file left out of the figures, as the JSON report lists it. */
export interface SkippedFile {
  file: string;
  line: number | null;
  message: string;
}

/** Prints the statistics of the postmortems `patterns` name; resolves to the exit code. */
export async function statsCommand(patterns: string[], options: StatsCommandOptions, context: CommandContext): Promise<number> {
  const { io, colors } = context;
  if (options.since !== undefined && options.until !== undefined && options.since > options.until) {
    throw new PostmortemError(`--since ${options.since} is after --until ${options.until}: no day is in both`);
  }
  const files: CollectionFile[] = await readCollection(patterns, { cwd: io.cwd, ignore: options.ignore, configFile: options.config ?? null, concurrency: options.concurrency });
  const postmortems: Postmortem[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of files) {
    if (file.postmortem) {
      postmortems.push(file.postmortem);
    } else if (file.error) {
      skipped.push({ file: file.file, line: file.error.line, message: file.error.message });
      const where = file.error.line === null ? file.file : `${file.file}:${file.error.line}`;
      io.stderr.write(`${where}: ${file.error.message}\n`);
    }
  }

  const stats = collectionStats(postmortems, { today: options.today, since: options.since, until: options.until, groupBy: options.groupBy });
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify({ ...stats, skipped }, null, 2)}\n`);
  } else if (options.format === 'csv') {
    io.stdout.write(formatStatsCsv(stats));
  } else {
    const bold = colors.stdout.level > 0 ? (text: string) => colors.stdout.bold(text) : undefined;
    io.stdout.write(formatStatsText(stats, { heading: bold, read: postmortems.length, skipped: skipped.length }));
  }
  return skipped.length > 0 ? EXIT_FAILURE : 0;
}
