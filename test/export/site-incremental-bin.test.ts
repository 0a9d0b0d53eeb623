/** Re-runs of `postmortem export --site` through the real bin: what it says it did, what it loads, and --no-cache. */
import { readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { packagesLoadedBy, runBin, runInProcess, useTempDir } from '../cli/cli-harness.js';

const postmortem = (title: string, date: string): string => `---
title: ${title}
date: ${date}
severity: SEV2
---
# ${title}

## Timeline (UTC)

- 14:00 Alert fired
- 15:00 Service restored
`;

let cwd: string;
useTempDir((path) => (cwd = path));
beforeEach(async () => {
  await mkdir(join(cwd, 'postmortems', 'team'), { recursive: true });
  await writeFile(join(cwd, 'postmortems', 'a.md'), postmortem('Outage A', '2026-01-01'));
  await writeFile(join(cwd, 'postmortems', 'b.md'), postmortem('Outage B', '2026-02-01'));
  await writeFile(join(cwd, 'postmortems', 'team', 'c.md'), postmortem('Outage C', '2026-03-01'));
});

/** Every file under `directory` with its modification time and inode. */
function stamps(directory: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const stats = statSync(file);
    result[relative(directory, file)] = `${stats.mtimeMs}:${stats.ino}`;
  }
  return result;
}

function changedFiles(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((file) => before[file] !== after[file]).sort();
}

/** Every page of a site with its content (not the manifest, whose stamps differ from site to site). */
async function pagesOf(directory: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const file of Object.keys(stamps(directory)).sort()) if (file !== '.postmortem-site.json') result[file] = await readFile(join(directory, file), 'utf8');
  return result;
}

const RENDERER = ['handlebars', 'markdown-it', 'sanitize-html'];

describe('postmortem export --site, run again', () => {
  it('over unchanged files writes nothing, says so, and never loads the renderer; --no-cache renders every page again', async () => {
    expect(runBin(['export', 'postmortems', '--site', 'site'], { cwd }).stdout).toBe('site/index.html: 3 pages (9 written, 0 unchanged)\n');
    const before = stamps(join(cwd, 'site'));
    expect(runBin(['export', 'postmortems', '--site', 'site'], { cwd })).toEqual({ exitCode: 0, stdout: 'site/index.html: 3 pages (0 written, 9 unchanged)\n', stderr: '' });
    expect(changedFiles(before, stamps(join(cwd, 'site')))).toEqual([]);

    const reused = packagesLoadedBy(['export', 'postmortems', '--site', 'site'], { cwd, log: join(cwd, 'reused.log') });
    expect(reused.exitCode).toBe(0);
    expect(RENDERER.filter((name) => reused.packages.has(name))).toEqual([]);
    // The same check sees the renderer when the pages are rendered, so it can fail.
    const rendered = packagesLoadedBy(['export', 'postmortems', '--site', 'site', '--no-cache'], { cwd, log: join(cwd, 'rendered.log') });
    expect(rendered.exitCode).toBe(0);
    expect(RENDERER.filter((name) => rendered.packages.has(name))).toEqual(RENDERER);

    // Rendered again, the pages came out the same, so nothing was written.
    expect(runBin(['export', 'postmortems', '--site', 'site', '--no-cache'], { cwd })).toEqual({ exitCode: 0, stdout: 'site/index.html: 3 pages (0 written, 9 unchanged)\n', stderr: '' });
    expect(changedFiles(before, stamps(join(cwd, 'site')))).toEqual([]);
  });

  it('rewrites only the edited source\'s page, the index and the search page, on the parsing thread too, and ends as a build from scratch', async () => {
    runBin(['export', 'postmortems', '--site', 'site'], { cwd });
    const before = stamps(join(cwd, 'site'));
    await writeFile(join(cwd, 'postmortems', 'b.md'), postmortem('Outage B, corrected', '2026-02-01'));
    // --concurrency 2 parses on a worker thread even for one file.
    expect(runBin(['export', 'postmortems', '--site', 'site', '--concurrency', '2'], { cwd }).stdout).toBe('site/index.html: 3 pages (3 written, 6 unchanged)\n');
    expect(changedFiles(before, stamps(join(cwd, 'site')))).toEqual(['.postmortem-site-data.json', '.postmortem-site.json', 'b.html', 'index.html', 'search.html']);
    runBin(['export', 'postmortems', '--site', 'scratch'], { cwd });
    expect(await pagesOf(join(cwd, 'site'))).toEqual(await pagesOf(join(cwd, 'scratch')));
    expect(await readFile(join(cwd, 'site', 'index.html'), 'utf8')).toContain('Outage B, corrected');
  });

  it('removes the page of a deleted source and says so; warns about one edited since and leaves it', async () => {
    runBin(['export', 'postmortems', '--site', 'site'], { cwd });
    await rm(join(cwd, 'postmortems', 'team'), { recursive: true });
    await writeFile(join(cwd, 'site', 'b.html'), `${await readFile(join(cwd, 'site', 'b.html'), 'utf8')}<!-- kept by hand -->\n`);
    await rm(join(cwd, 'postmortems', 'b.md'));
    expect(runBin(['export', 'postmortems', '--site', 'site'], { cwd })).toEqual({
      exitCode: 0,
      stdout: 'site/team/c.html: removed (no source makes this page any more)\nsite/index.html: 1 page (4 written, 3 unchanged, 1 removed)\n',
      stderr: 'postmortem: warning: site/b.html: no source makes this page any more, but it was changed since postmortem wrote it; left in place\n',
    });
    expect(Object.keys(stamps(join(cwd, 'site'))).sort()).toEqual(['.postmortem-site-data.json', '.postmortem-site.json', 'a.html', 'actions.html', 'b.html', 'dashboard.html', 'index.html', 'postmortem.css', 'search.html', 'search.js']);
  });

  it('says why it rebuilt every page: changed templates, a corrupt manifest', async () => {
    await mkdir(join(cwd, 'theme', 'partials'), { recursive: true });
    await writeFile(join(cwd, 'theme', 'partials', 'footer.hbs'), '<footer>one</footer>\n');
    runBin(['export', 'postmortems', '--site', 'site', '--template', 'theme'], { cwd });
    await writeFile(join(cwd, 'theme', 'partials', 'footer.hbs'), '<footer>two</footer>\n');
    expect(runBin(['export', 'postmortems', '--site', 'site', '--template', 'theme'], { cwd }).stdout).toBe('site: every page rebuilt: the templates changed\nsite/index.html: 3 pages (3 written, 6 unchanged)\n');
    expect(await readFile(join(cwd, 'site', 'team', 'c.html'), 'utf8')).toContain('<footer>two</footer>');

    await writeFile(join(cwd, 'site', '.postmortem-site.json'), '{"generator":"postmortem","format":1,');
    expect(runBin(['export', 'postmortems', '--site', 'site', '--template', 'theme'], { cwd }).stdout).toBe('site: every page rebuilt: .postmortem-site.json is not valid JSON\nsite/index.html: 3 pages (0 written, 9 unchanged)\n');
    expect(runBin(['export', 'postmortems', '--site', 'site', '--template', 'theme'], { cwd }).stdout).toBe('site/index.html: 3 pages (0 written, 9 unchanged)\n');
  });

  it('refuses --no-cache without --site, exit 2', async () => {
    const result = await runInProcess(['export', 'postmortems/a.md', '--no-cache'], { cwd });
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: "postmortem: export: --no-cache applies to --site (run 'postmortem export --help' for usage)\n" });
  });
});
