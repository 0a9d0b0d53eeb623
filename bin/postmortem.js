#!/usr/bin/env node
// The installed command: everything else is in dist/cli/run.js (built from src/cli/run.ts).
import { run } from '../dist/cli/run.js';

// A closed pipe (`postmortem export a.md | head -1`) is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
});
