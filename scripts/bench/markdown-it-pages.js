#!/usr/bin/env node
// The bare baseline of the export benchmark: `node scripts/bench/markdown-it-pages.js CORPUS OUT`
// reads every `*.md` in CORPUS, renders it with markdown-it (as it comes: no front matter,
// model, template or sanitiser) and writes OUT/<name>.html, all in one process. What a site
// build costs beyond this is the tool's own work; what this costs is a floor for any
// one-process Markdown-to-HTML site. Benchmark code only: nothing in src/ uses it.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';

const [corpus, output] = process.argv.slice(2);
if (!corpus || !output) {
  console.error('usage: node scripts/bench/markdown-it-pages.js CORPUS OUT');
  process.exit(2);
}
const markdown = new MarkdownIt();
mkdirSync(output, { recursive: true });
const names = readdirSync(corpus).filter((name) => name.endsWith('.md')).sort();
for (const name of names) {
  const body = markdown.render(readFileSync(join(corpus, name), 'utf8'));
  writeFileSync(join(output, name.replace(/\.md$/, '.html')), `<!doctype html>\n<html lang="en">\n<meta charset="utf-8">\n<title>${name}</title>\n${body}</html>\n`);
}
