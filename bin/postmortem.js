#!/usr/bin/env node
// The installed command: everything else is in dist/bundle/run.js (src/cli/run.ts, bundled by scripts/bundle.js).
import { run } from '../dist/bundle/run.js';

// A closed pipe (`postmortem export a.md | head -1`) is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // Made when first read: creating process.stdin costs about a millisecond, and only `new`, `lsp`
  // and reading `-` use it.
  get stdin() {
    return process.stdin;
  },
  cwd: process.cwd(),
  env: process.env,
});
