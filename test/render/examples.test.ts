import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listTemplates } from '../../src/render/templates.js';
import { runInProcess } from '../cli/cli-harness.js';

const examplesDirectory = fileURLToPath(new URL('../../examples/', import.meta.url));
const examples = JSON.parse(readFileSync(`${examplesDirectory}examples.json`, 'utf8')) as Array<{ name: string; template: string }>;

/** What `postmortem render` prints for an example's answers file, as scripts/render-examples.js runs it. */
async function freshRender(name: string, template: string): Promise<string> {
  const result = await runInProcess(['render', `answers/${name}.yaml`, '--template', template], { cwd: examplesDirectory });
  expect(result.stderr).toBe('');
  return result.stdout;
}

describe('examples/', () => {
  it.each(examples.map(({ name, template }) => [name, template] as const))('%s.md is what its answers file renders to with %s (run `npm run examples` after a change)', async (name, template) => {
    expect(readFileSync(`${examplesDirectory}${name}.md`, 'utf8')).toBe(await freshRender(name, template));
  });

  it('lists every answers file, and shows every built-in template', () => {
    const answersFiles = readdirSync(`${examplesDirectory}answers`).filter((file) => file.endsWith('.yaml'));
    expect(answersFiles.map((file) => file.replace(/\.yaml$/, '')).sort()).toEqual(examples.map((example) => example.name).sort());
    expect(new Set(examples.map((example) => example.template))).toEqual(new Set(listTemplates().map((template) => template.name)));
  });
});
