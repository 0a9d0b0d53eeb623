import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normalizePostmortem } from '../../src/model/validate.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { listTemplates } from '../../src/render/templates.js';

const examplesDirectory = fileURLToPath(new URL('../../examples/', import.meta.url));
const examples = JSON.parse(readFileSync(`${examplesDirectory}examples.json`, 'utf8')) as Array<{ name: string; template: string }>;

function freshRender(name: string, template: string): string {
  const answers: unknown = parse(readFileSync(`${examplesDirectory}answers/${name}.yaml`, 'utf8'), { schema: 'core' });
  return renderMarkdown(normalizePostmortem(answers, { filePath: `examples/answers/${name}.yaml` }), { template });
}

describe('examples/', () => {
  it.each(examples.map(({ name, template }) => [name, template] as const))('%s.md is what its answers file renders to with %s (run `npm run examples` after a change)', (name, template) => {
    expect(readFileSync(`${examplesDirectory}${name}.md`, 'utf8')).toBe(freshRender(name, template));
  });

  it('lists every answers file, and shows every built-in template', () => {
    const answersFiles = readdirSync(`${examplesDirectory}answers`).filter((file) => file.endsWith('.yaml'));
    expect(answersFiles.map((file) => file.replace(/\.yaml$/, '')).sort()).toEqual(examples.map((example) => example.name).sort());
    expect(new Set(examples.map((example) => example.template))).toEqual(new Set(listTemplates().map((template) => template.name)));
  });
});
