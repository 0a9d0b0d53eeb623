// No input under 200 KB takes more than a second of CPU to lint or export. The inputs are the
// shapes that make regular expressions backtrack: one long run of a character (or a short
// pattern) placed where each part of the parser and each lint rule looks, just under 200 KB.
// CPU time of this thread, not wall time: the machine may be busy with other work.
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/export/render-html.js';
import { htmlFragmentText } from '../../src/export/site-search.js';
import { lintText } from '../../src/lint/index.js';
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';
import { isPostmortemError } from '../../src/model/errors.js';

const SIZE = 190_000;
const BUDGET_MS = 1000;

/** Runs that make patterns backtrack: white space, Markdown punctuation, unclosed constructs, half-words the rules look for. */
const FILLERS: Record<string, string> = {
  spaces: ' ', tabs: '\t', newlines: '\n', 'carriage returns': '\r', 'newline and tab': '\n\t', 'space and tab': ' \t',
  dashes: '-', hashes: '#', dots: '.', colons: ':', 'colon space': ': ', pipes: '|', tildes: '~', exclamations: '!', ampersands: '&',
  'open brackets': '[', 'open parentheses': '(', 'close parentheses': ')', 'less-than': '<', backtick: '`', 'double backtick': '``', underscores: '_', stars: '*',
  'link middle': '](', 'empty links': '[]', 'image start': '![](', 'unclosed comment': '<!--postmortem-x-', 'directive words': 'p-', 'word dash digit': '-0-',
  'comma digit': ',0,', digits: '1', 'digit dot': '1.', 'bold label': '**a:** ', 'bullet space': '- ', 'quote marker': '> ', 'insert placeholder': '[insert[',
  'UTC and space': 'UTC ', 'severity letter': 'S\t', 'lasted and newline': 'lasted\n', 'without and space': 'without ', 'deploy to': 'deploy to ', 'bang anchor': '!&',
  'counted units (the attack recheck reports for summary-impact)': 'M OF\t0 ', words: 'a ', percent: '%', at: '@', 'numeric reference': '&#', 'url start': 'http://a', 'email start': 'a@', 'heading marker': '###### ', 'number and unit': '1 ',
  'JWT starts (no-secrets)': 'eyJ-', 'name prefixes (no-secrets)': 'DB_', 'URL credentials (no-secrets)': 'a://b:', 'address groups (no-personal-data)': '1.2.', 'IPv6 groups (no-personal-data)': 'fd00:',
};

/** Where in a postmortem the run goes: each is read by different code. */
const PLACES: Record<string, (run: string) => string> = {
  'a summary paragraph': (run) => `# T\n\n## Summary\n\n${run}x\n`,
  'the title in front matter': (run) => `---\ntitle: "${run.replace(/[\\"\n\r]/g, ' ')}x"\n---\n\n# T\n`,
  'a heading': (run) => `# T\n\n## ${run.replace(/\n/g, ' ')}x\n\ntext\n`,
  'a timeline entry': (run) => `# T\n\n## Timeline\n\n- 10:00 ${run}x\n- 11:00 b\n`,
  'a timeline table cell': (run) => `# T\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 10:00 | ${run.replace(/[\n|]/g, ' ')}x |\n`,
  'an action item': (run) => `# T\n\n## Action Items\n\n- [ ] ${run}x\n`,
  'summary labels': (run) => `# T\n\n## Summary\n\n- **Duration:** ${run}x\n- **Impact:** ${run.slice(0, 1000)}\n`,
  'the end of the file': (run) => `# T\n\n## Summary\n\n${run}`,
  'a root cause section': (run) => `# T\n\n## Root Cause\n\n${run}x\n\n## Resolution\n\nWe ${run.slice(0, 1000)} rolled back.\n`,
  'a fenced Markdown block': (run) => `# T\n\n\`\`\`markdown\n${run}\n\`\`\`\n`,
};

function cpuMilliseconds(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function ignoringPostmortemErrors(work: () => void): () => void {
  return () => {
    try {
      work();
    } catch (error) {
      if (!isPostmortemError(error)) throw error;
    }
  };
}

describe.each(Object.entries(FILLERS))('a run of %s', (_name, filler) => {
  it.each(Object.entries(PLACES))('in %s: lint and export each within a second', (_place, place) => {
    const text = place(filler.repeat(Math.ceil(SIZE / filler.length)).slice(0, SIZE));
    expect(Buffer.byteLength(text)).toBeLessThan(200 * 1024);
    const lint = cpuMilliseconds(ignoringPostmortemErrors(() => lintText(text, { filePath: 'long.md' })));
    let html = '';
    const exported = cpuMilliseconds(ignoringPostmortemErrors(() => (html = renderHtml(parsePostmortem(text, { filePath: 'long.md' })))));
    const searchText = cpuMilliseconds(() => htmlFragmentText(html));
    expect({ lint: lint < BUDGET_MS, export: exported < BUDGET_MS, searchText: searchText < BUDGET_MS }, `lint ${lint} ms, export ${exported} ms, search text ${searchText} ms`).toEqual({ lint: true, export: true, searchText: true });
  });
});
