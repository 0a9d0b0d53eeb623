#!/usr/bin/env node
// Renders each examples/answers/<name>.yaml to examples/<name>.md with the template that
// examples/examples.json names, through the built CLI's `render` command (run `npm run build`
// first; the `examples` npm script does), so the examples are what a user would get.
// test/render/examples.test.ts checks the committed files match.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from '../dist/bundle/run.js';

const repository = fileURLToPath(new URL('..', import.meta.url));
const examples = JSON.parse(readFileSync(`${repository}examples/examples.json`, 'utf8'));
const io = { stdout: process.stdout, stderr: process.stderr, cwd: repository, env: process.env };

for (const { name, template } of examples) {
  const exitCode = await run(['render', `examples/answers/${name}.yaml`, '--template', template, '-o', `examples/${name}.md`, '--force'], io);
  if (exitCode !== 0) process.exit(exitCode);
  process.stdout.write(`examples/${name}.md (${template})\n`);
}
