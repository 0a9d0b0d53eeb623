/**
 * What every command promises on hostile input, as assertions the hardening tests share: an
 * exit code of 0, 1 or 2, never a stack trace, one line per problem on standard error (exactly
 * one for a command about one file that exits 2), source files left as they were (or, for
 * `lint --fix`, still valid UTF-8 text), and no script in exported HTML.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { expect } from 'vitest';
import type { CliResult } from '../cli/cli-harness.js';

/** A command run on one input file, `file` relative to the working directory. */
export interface CommandCase {
  name: string;
  args: (file: string) => string[];
  /** A command about one file: exit 2 prints exactly one line. Collection commands print one line per unreadable file and a count. */
  singleFile: boolean;
  /** The command may rewrite the input file (lint --fix). */
  rewrites?: boolean;
  /** Where it writes HTML, relative to the working directory, to check for script. */
  html?: string;
}

/** The commands that read postmortem files, each on one file. */
export const FILE_COMMANDS: readonly CommandCase[] = [
  { name: 'lint', args: (file) => ['lint', '--concurrency', '1', '--', file], singleFile: false },
  { name: 'lint --fix', args: (file) => ['lint', '--fix', '--concurrency', '1', '--', file], singleFile: false, rewrites: true },
  { name: 'export (JSON)', args: (file) => ['export', '--', file], singleFile: true },
  { name: 'export --format html', args: (file) => ['export', '--format', 'html', '-o', 'out/page.html', '--force', '--', file], singleFile: true, html: 'out/page.html' },
  { name: 'export --site', args: (file) => ['export', '--site', 'site', '--concurrency', '1', '--', file], singleFile: false, html: 'site' },
  { name: 'stats', args: (file) => ['stats', '--concurrency', '1', '--', file], singleFile: false },
  { name: 'actions', args: (file) => ['actions', '--concurrency', '1', '--', file], singleFile: false },
  { name: 'status', args: (file) => ['status', '--', file], singleFile: true },
];

const STACK_LINE = /^\s+at\s/m;
const EXPECTED_EXIT_CODES = [0, 1, 2];

/** Checks what a run printed and returned against the promises above. */
export function expectPromisesKept(result: CliResult, command: CommandCase): void {
  expect(EXPECTED_EXIT_CODES, `exit code of ${command.name}; stderr: ${result.stderr}`).toContain(result.exitCode);
  expect(result.stderr, `${command.name} printed a stack trace`).not.toMatch(STACK_LINE);
  expect(result.stderr, `${command.name} reported an internal error`).not.toContain('internal error');
  const lines = result.stderr.split('\n').filter((line) => line !== '');
  for (const line of lines) expect(line).toMatch(/^postmortem: /);
  if (result.exitCode === 2) {
    expect(lines.length, `${command.name} exit 2 printed nothing on stderr`).toBeGreaterThan(0);
    if (command.singleFile) expect(lines, `${command.name} printed more than one line`).toHaveLength(1);
  }
}

/** Every .html file at `path` (a file or a directory tree). */
function htmlFiles(path: string): string[] {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return [];
  if (stats.isFile()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => join(path, name));
}

/** URL attributes, and the schemes that run script when followed or loaded. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcdoc']);
const SCRIPT_URL = /^(?:javascript|vbscript|data:text\/html)/i;

/**
 * What in an HTML page would run script, as a browser parses it: a script element (but the
 * site's own search.js and its JSON data blocks), an event handler attribute, a javascript:
 * URL (control characters and spaces in it are dropped, as browsers do), an iframe or object.
 */
export function scriptsIn(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'script' && attributes.src !== 'search.js' && attributes.type !== 'application/json') found.push(`<script ${JSON.stringify(attributes)}>`);
      if (['iframe', 'object', 'embed', 'frame', 'base'].includes(name)) found.push(`<${name}>`);
      if (name === 'meta' && /refresh/i.test(attributes['http-equiv'] ?? '')) found.push('<meta http-equiv=refresh>');
      for (const [attribute, value] of Object.entries(attributes)) {
        if (attribute.startsWith('on')) found.push(`${attribute}="${value}"`);
        if (URL_ATTRIBUTES.has(attribute) && SCRIPT_URL.test(value.replace(/[\u0000-\u0020]/g, ''))) found.push(`${attribute}="${value}"`);
      }
    },
  }, { decodeEntities: true, lowerCaseAttributeNames: true });
  parser.write(html);
  parser.end();
  return found;
}

/** Checks the HTML a command wrote under `cwd` holds no script but the site's own. */
export function expectNoScriptInHtml(cwd: string, command: CommandCase): void {
  if (!command.html) return;
  for (const file of htmlFiles(join(cwd, command.html))) {
    expect(scriptsIn(readFileSync(file, 'utf8')), `script in ${file}`).toEqual([]);
  }
}

/** Checks a source file is as it was, or (for a command that rewrites it) still UTF-8 text. */
export function expectSourceWhole(path: string, before: Buffer, command: CommandCase): void {
  const after = readFileSync(path);
  if (!command.rewrites) {
    expect(after.equals(before), `${command.name} changed its input file`).toBe(true);
    return;
  }
  if (after.equals(before)) return;
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(after)).not.toThrow();
}
