import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { templateHelpers } from '../../src/render/helpers/index.js';
import { builtInTemplatesDirectory, listTemplates } from '../../src/render/templates.js';

const docs = readFileSync(fileURLToPath(new URL('../../docs/templates.md', import.meta.url)), 'utf8');
const partialNames = readdirSync(path.join(builtInTemplatesDirectory, 'partials')).map((file) => file.replace(/\.hbs$/, ''));

describe('the template registry', () => {
  it.each(listTemplates().map((template) => template.name))('built-in %s has a template file and a docs section', (name) => {
    expect(existsSync(path.join(builtInTemplatesDirectory, `${name}.md.hbs`))).toBe(true);
    expect(docs).toContain(`### \`${name}\``);
  });

  it.each(Object.entries(templateHelpers))('helper %s is documented with its usage', (name, { usage, description }) => {
    expect(usage).toMatch(new RegExp(`[{(]#?${name}\\b`));
    expect(description.length).toBeGreaterThan(10);
    expect(docs).toMatch(new RegExp(`[{(]#?${name}\\b`));
  });

  it.each(partialNames)('built-in partial %s is documented', (name) => {
    expect(docs).toContain(`{{> ${name}}}`);
  });
});
