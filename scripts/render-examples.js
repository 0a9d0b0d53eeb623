#!/usr/bin/env node
// Renders each examples/answers/<name>.yaml to examples/<name>.md with the template that
// examples/examples.json names, using the built library (run `npm run build` first; the
// `examples` npm script does). test/render/examples.test.ts checks the committed files match.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { normalizePostmortem, renderMarkdown } from '../dist/index.js';

const examplesDirectory = fileURLToPath(new URL('../examples/', import.meta.url));
const examples = JSON.parse(readFileSync(`${examplesDirectory}examples.json`, 'utf8'));

for (const { name, template } of examples) {
  const answersPath = `examples/answers/${name}.yaml`;
  // The core schema, as the CLI reads answers files: dates stay strings.
  const answers = parse(readFileSync(`${examplesDirectory}answers/${name}.yaml`, 'utf8'), { schema: 'core' });
  const markdown = renderMarkdown(normalizePostmortem(answers, { filePath: answersPath }), { template });
  writeFileSync(`${examplesDirectory}${name}.md`, markdown);
  process.stdout.write(`examples/${name}.md (${template})\n`);
}
