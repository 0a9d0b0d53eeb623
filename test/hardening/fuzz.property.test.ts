// Property: for generated postmortems (front matter with odd keys, values and YAML features;
// sections the parser looks for, in any order; timelines, tables, task lists; inline HTML,
// links, code, emphasis, control characters and script), linting and exporting never throw
// anything but a PostmortemError, the CLI exits 0, 1 or 2 with one line on stderr for exit 2,
// and the exported HTML runs no script.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/export/render-html.js';
import { lintText } from '../../src/lint/index.js';
import { isPostmortemError } from '../../src/model/errors.js';
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';
import { runInProcess, useTempDir } from '../cli/cli-harness.js';
import { expectNoScriptInHtml, expectPromisesKept, FILE_COMMANDS, scriptsIn } from './hardening-harness.js';

let cwd: string;
useTempDir((path) => (cwd = path));

const KEYS = ['title', 'date', 'severity', 'status', 'authors', 'reviewers', 'reviewedAt', 'timezone', 'services', 'tags', 'start', 'end', '__proto__', 'constructor', 'toString', 'x-custom', 'summary', 'timeline'];
const SCALARS = ['SEV1', 'sev 2', 'P0', 'final', 'draft', '2026-02-30', '2026-03-14', '14:02', 'UTC+14', 'Europe/Paris', 'yes', 'null', '~', '12', '-1e999', '"quoted"', "'single'", '|', '>', '&anchor x', '*alias', '!!binary aGk=', '!!js/function "f"', '[a, b]', '{a: 1}', '"\\u0000"', '"<script>alert(1)</script>"', '" "'];
/** Pieces of inline text, hostile and ordinary. */
const INLINE = [
  'checkout', 'the API', '5xx errors', '60% of users', '$12,000', 'lasted 45 minutes', 'from 10:00 to 10:45 UTC', 'TODO', '[insert owner]', "Sam's fault",
  '**bold**', '_em_', '`code`', '``a`b``', '[link](https://example.com)', '[x](javascript:alert(1))', '![img](x.png)', '<b>html</b>', '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>', '<a href="jav&#x09;ascript:alert(1)">a</a>', '<svg onload=alert(1)>', '<!-- postmortem-disable word-count -->', '<!-- postmortem-', '-->',
  '\u0000', '\u001b[31m', '\u202e', '\r', '\t', '   ', '((((', '))))', '[[[[', '](', '****', '____', '#', '|', '\\', '&amp;', '&#0;', '😀', 'é', '\ufeff',
];
const HEADINGS = ['Summary', 'Overview', 'Impact', 'Timeline', 'Timeline (UTC)', 'Root Cause', 'Root Cause and Resolution', 'Resolution', 'Action Items', 'Lessons Learned', 'Detection', 'Responders', 'Random', ''];

const inline = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...INLINE) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), { maxLength: 8 }).map((parts) => parts.join(' '));
const clock = fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.constantFrom('', ' AM', ' PM', ' UTC', 'Z')).map(([hour, minute, suffix]) => `${hour}:${String(minute).padStart(2, '0')}${suffix}`);

const frontMatter = fc.option(
  fc
    .array(fc.tuple(fc.constantFrom(...KEYS), fc.oneof(fc.constantFrom(...SCALARS), inline.map((text) => JSON.stringify(text)))), { maxLength: 8 })
    .map((pairs) => `---\n${pairs.map(([key, value]) => `${key}: ${value}`).join('\n')}\n---\n`),
  { nil: '' },
);

const block = fc.oneof(
  inline,
  fc.array(fc.tuple(clock, inline), { maxLength: 6 }).map((entries) => entries.map(([time, text]) => `- ${time} ${text}`).join('\n')),
  fc.array(fc.tuple(clock, inline), { maxLength: 5 }).map((rows) => `| Time | Event |\n| --- | --- |\n${rows.map(([time, text]) => `| ${time} | ${text.replace(/\|/g, '/')} |`).join('\n')}`),
  fc.array(fc.tuple(fc.boolean(), inline), { maxLength: 5 }).map((tasks) => tasks.map(([done, text]) => `- [${done ? 'x' : ' '}] ${text}`).join('\n')),
  fc.array(inline, { maxLength: 4 }).map((items) => items.map((item, depth) => `${'  '.repeat(depth)}- ${item}`).join('\n')),
  inline.map((text) => `> ${text}`),
  inline.map((text) => `\`\`\`\n${text}\n\`\`\``),
  fc.tuple(fc.constantFrom('Duration', 'Impact', 'Root cause', 'Severity', 'Date'), inline).map(([label, text]) => `**${label}:** ${text}`),
);

const section = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom(...HEADINGS), fc.array(block, { maxLength: 3 })).map(
  ([level, heading, blocks]) => `${'#'.repeat(level)} ${heading}\n\n${blocks.join('\n\n')}\n`,
);

const lineEnding = fc.constantFrom('\n', '\r\n', '\r');

const postmortem = fc.tuple(frontMatter, fc.option(inline, { nil: null }), fc.array(section, { maxLength: 6 }), lineEnding).map(
  ([front, title, sections, ending]) => `${front}${title === null ? '' : `# ${title}\n\n`}${sections.join('\n')}`.replace(/\n/g, ending),
);

/** Runs `work`; anything it throws but a PostmortemError fails the property. */
function onlyPostmortemErrors(work: () => void): void {
  try {
    work();
  } catch (error) {
    if (!isPostmortemError(error)) throw error;
    expect(error.format()).not.toMatch(/\n/);
  }
}

describe('generated postmortems', () => {
  it('lint and the HTML export never throw an unexpected error, and the HTML runs no script', () => {
    fc.assert(
      fc.property(postmortem, (text) => {
        onlyPostmortemErrors(() => {
          const result = lintText(text, { filePath: 'fuzz.md' });
          for (const message of result.messages) {
            expect(message.line).toBeGreaterThanOrEqual(1);
            expect(message.message).not.toBe('');
          }
        });
        onlyPostmortemErrors(() => {
          const html = renderHtml(parsePostmortem(text, { filePath: 'fuzz.md' }), { cwd });
          expect(scriptsIn(html)).toEqual([]);
        });
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('the commands exit 0, 1 or 2 with one line for exit 2, and write no script', async () => {
    await fc.assert(
      fc.asyncProperty(postmortem, fc.constantFrom(...FILE_COMMANDS), async (text, command) => {
        writeFileSync(join(cwd, 'fuzz.md'), text);
        const result = await runInProcess(command.args('fuzz.md'), { cwd });
        expectPromisesKept(result, command);
        expectNoScriptInHtml(cwd, command);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('the script check itself', () => {
  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="jav&#x09;ascript:alert(1)">a</a>',
    '<a href=" javascript:alert(1)">a</a>',
    '<svg><a xlink:href="javascript:alert(1)">a</a></svg>',
    '<iframe src="x.html"></iframe>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  ])('finds %s', (html) => {
    expect(scriptsIn(html)).not.toEqual([]);
  });

  it.each(['<p>&lt;img src=x onerror=alert(1)&gt;</p>', '<script src="search.js" defer></script>', '<script type="application/json">{"a":1}</script>', '<a href="https://example.com/?q=javascript:">a</a>'])(
    'lets %s pass',
    (html) => {
      expect(scriptsIn(html)).toEqual([]);
    },
  );
});
