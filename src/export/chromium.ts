/**
 * Finding and starting the system's Chromium, for PDF export and the browser tests. Never a
 * browser downloaded by a package: the one the system's package manager installed (Debian's
 * `chromium`), or the one `POSTMORTEM_CHROMIUM` names. playwright-core is imported only here,
 * and only when a browser is started, so nothing else pays for loading it.
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { PostmortemError } from '../model/errors.js';

/** The environment variable that names a Chromium (or Chrome) executable to use. */
export const CHROMIUM_ENV = 'POSTMORTEM_CHROMIUM';

/** Where distributions install Chromium or Chrome, tried in order after `POSTMORTEM_CHROMIUM`. */
const KNOWN_LOCATIONS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome', '/snap/bin/chromium'];

/** Names looked up on `PATH` when none of the known locations exists. */
const COMMAND_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/**
 * Flags for a headless Chromium that talks to nobody: no GPU, and none of the background
 * traffic (updates, sync, field trials) a browser makes on its own. The sandbox stays on
 * except as root (containers and CI), where Chromium cannot start it: see {@link chromiumArgs}.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-dev-shm-usage',
];

/**
 * The launch flags for this process: {@link CHROMIUM_ARGS}, plus `--no-sandbox` only when
 * running as root, since the pages printed hold text from untrusted files.
 */
export function chromiumArgs(isRoot: boolean = process.getuid?.() === 0): string[] {
  return isRoot ? ['--no-sandbox', ...CHROMIUM_ARGS] : [...CHROMIUM_ARGS];
}

/** What to tell someone who has no Chromium. */
export const CHROMIUM_INSTALL_HINT = `install Chromium (on Debian or Ubuntu: apt-get install chromium) or set ${CHROMIUM_ENV}=/path/to/chromium`;

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The Chromium to use: `POSTMORTEM_CHROMIUM` when set (it must exist), else the first known
 * location or `PATH` entry that has one. Throws `PostmortemError` (exit 2) saying how to
 * install one when there is none.
 */
export function findChromium(env: Record<string, string | undefined> = process.env): string {
  const named = env[CHROMIUM_ENV];
  if (named !== undefined && named.trim() !== '') {
    if (isExecutableFile(named)) return named;
    throw new PostmortemError(`${CHROMIUM_ENV}=${named} is not an executable file; ${CHROMIUM_INSTALL_HINT}`);
  }
  for (const file of KNOWN_LOCATIONS) if (isExecutableFile(file)) return file;
  for (const directory of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of COMMAND_NAMES) {
      const file = path.join(directory, name);
      if (isExecutableFile(file)) return file;
    }
  }
  throw new PostmortemError(`no Chromium found to print PDF: ${CHROMIUM_INSTALL_HINT}`);
}

/** Starts the system Chromium headless with {@link chromiumArgs}. Throws `PostmortemError` when it will not start. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ executablePath, args: chromiumArgs(), headless: true, timeout: 60_000 });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new PostmortemError(`could not start Chromium at ${executablePath}: ${detail}`, {}, { cause: error });
  }
}
