/**
 * Facts from the tool's own package.json. Read with `readFileSync` rather than a JSON import so
 * that `--version` stays cheap and works on Node 20 without an experimental-feature warning.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The parts of package.json the CLI shows. */
export interface PackageInfo {
  /** The version `--version` prints. */
  version: string;
  /** Where to report bugs, when package.json says (`bugs.url`, else `homepage`). */
  bugsUrl: string | null;
  /** The repository URL (`repository` or `repository.url`), when package.json names one. */
  repositoryUrl: string | null;
  /** The package's root directory, with a trailing separator. */
  root: string;
}

let cached: PackageInfo | undefined;

/** A string field, or the `url` of an object field (`bugs`, `repository`). */
function urlField(value: unknown): string | null {
  if (typeof value === 'string') return value;
  const url = value && typeof value === 'object' ? (value as { url?: unknown }).url : undefined;
  return typeof url === 'string' ? url : null;
}

/**
 * Reads the package's version and addresses. Every module that calls this sits two levels below
 * the package root: src/cli/, tsc's dist/cli/ and the bundle's dist/bundle/ alike. An unreadable
 * package.json gives version "unknown" rather than an error, since this also runs while an error
 * is being reported.
 */
export function readPackageInfo(): PackageInfo {
  if (cached) return cached;
  const rootUrl = new URL('../../', import.meta.url);
  let manifest: Record<string, unknown> = {};
  try {
    manifest = JSON.parse(readFileSync(new URL('package.json', rootUrl), 'utf8')) as Record<string, unknown>;
  } catch {
    // Leave the fields unknown.
  }
  cached = {
    version: typeof manifest.version === 'string' ? manifest.version : 'unknown',
    bugsUrl: urlField(manifest.bugs) ?? (typeof manifest.homepage === 'string' ? manifest.homepage : null),
    repositoryUrl: urlField(manifest.repository),
    root: fileURLToPath(rootUrl),
  };
  return cached;
}
