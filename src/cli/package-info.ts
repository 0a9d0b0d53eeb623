/**
 * Facts from the tool's own package.json. Read with `readFileSync` rather than a JSON import so
 * that `--version` stays cheap and works on Node 20 without an experimental-feature warning.
 */
import { readFileSync } from 'node:fs';

/** The parts of package.json the CLI shows. */
export interface PackageInfo {
  /** The version `--version` prints. */
  version: string;
  /** Where to report bugs, when package.json says (`bugs.url`, else `homepage`). */
  bugsUrl: string | null;
}

let cached: PackageInfo | undefined;

/** Reads the package's version and bug-report address (dist/cli/ and src/cli/ are both two levels below the root). */
export function readPackageInfo(): PackageInfo {
  if (cached) return cached;
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: unknown;
    bugs?: unknown;
    homepage?: unknown;
  };
  const bugs = manifest.bugs;
  const bugsUrl =
    typeof bugs === 'string' ? bugs
    : bugs && typeof bugs === 'object' && typeof (bugs as { url?: unknown }).url === 'string' ? (bugs as { url: string }).url
    : typeof manifest.homepage === 'string' ? manifest.homepage
    : null;
  cached = { version: typeof manifest.version === 'string' ? manifest.version : '0.0.0', bugsUrl };
  return cached;
}
