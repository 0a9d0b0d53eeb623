/**
 * The renderer and the parser agree: for every built-in template, parsing a rendered model
 * gives back the same model. `summary.text` (templates add an opening sentence),
 * `otherSections` (slots move them) and source positions are left out of the comparison.
 * docs/format.md is the contract both sides follow; where the parser does not yet read what
 * it describes, the gap is listed in test/render/round-trip-support.ts with a minimal
 * example, stepped around here, and checked below with `it.fails`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../src/parse/parse-postmortem.js';
import { renderMarkdown } from '../src/render/render-markdown.js';
import { listTemplates } from '../src/render/templates.js';
import { postmortemArbitrary } from './render/postmortem-arbitrary.js';
import { avoidKnownParserGaps, comparable, KNOWN_PARSER_GAPS, PROSE_READING } from './render/round-trip-support.js';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
const seedsDirectory = path.resolve(repositoryRoot, '../shared/seeds');
const seeds = existsSync(seedsDirectory) ? readdirSync(seedsDirectory).filter((file) => file.endsWith('.txt')).sort() : [];
const templates = listTemplates().map((template) => template.name);

describe.each(templates)('round trip through the %s template', (template) => {
  it('parses a rendered model back to the same model', () => {
    fc.assert(
      fc.property(postmortemArbitrary, (generated) => {
        const postmortem = avoidKnownParserGaps(generated, template);
        const markdown = renderMarkdown(postmortem, { template });
        expect(comparable(parsePostmortem(markdown)), markdown).toEqual(comparable(postmortem));
      }),
      { numRuns: 300 },
    );
  });

  it.skipIf(seeds.length === 0).each(seeds.length > 0 ? seeds : ['(skipped: ../shared/seeds is not beside this checkout)'])('keeps what the parser reads from seed %s', (file) => {
    const parsed = parsePostmortem(readFileSync(path.join(seedsDirectory, file), 'utf8'), { filePath: file });
    const original = avoidKnownParserGaps(parsed, template);
    const markdown = renderMarkdown(original, { template });
    expect(comparable(parsePostmortem(markdown)), markdown).toEqual(comparable(original));
  });
});

describe.skipIf(KNOWN_PARSER_GAPS.length === 0)('known parser gaps (each test fails until the parser reads the example as docs/format.md says)', () => {
  it.fails.each(KNOWN_PARSER_GAPS.map((gap) => [gap.description, gap] as const))('%s', (_description, gap) => {
    gap.expected(parsePostmortem(gap.markdown));
  });
});

it(PROSE_READING.description, () => {
  PROSE_READING.expected(parsePostmortem(PROSE_READING.markdown));
});
