/** `postmortem export --format html|pdf` and `--site` through the CLI: in-process, and the real bin for the worker threads. */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runBin, runInProcess, useTempDir } from '../cli/cli-harness.js';

const POSTMORTEM = `---
title: Checkout outage
date: 2026-03-14
severity: SEV2
---
# Checkout outage

## Timeline (UTC)

- 14:00 Alert fired
- 14:30 Rolled back
- 15:00 Service restored
`;

let cwd: string;
useTempDir((path) => (cwd = path));
beforeEach(async () => {
  await writeFile(join(cwd, 'one.md'), POSTMORTEM);
  await writeFile(join(cwd, 'two.md'), POSTMORTEM.replace(/Checkout outage/g, 'Second outage'));
});

describe('postmortem export --format html', () => {
  it('prints one page to standard output', async () => {
    const result = await runInProcess(['export', 'one.md', '--format', 'html'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^<!doctype html>\n<html lang="en">[\s\S]*<h1>Checkout outage<\/h1>[\s\S]*<\/html>\n$/);
  });

  it('writes to -o FILE, and one page per file into -o DIR', async () => {
    expect((await runInProcess(['export', 'one.md', '--format', 'html', '-o', 'out/one-page.html'], { cwd })).exitCode).toBe(0);
    expect(await readFile(join(cwd, 'out', 'one-page.html'), 'utf8')).toContain('<h1>Checkout outage</h1>');
    const result = await runInProcess(['export', 'one.md', 'two.md', '--format', 'html', '-o', 'pages'], { cwd });
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect((await readdir(join(cwd, 'pages'))).sort()).toEqual(['one.html', 'two.html']);
    expect(await readFile(join(cwd, 'pages', 'two.html'), 'utf8')).toContain('<h1>Second outage</h1>');
  });

  it('refuses to overwrite without --force', async () => {
    await writeFile(join(cwd, 'one.html'), 'keep me');
    const refused = await runInProcess(['export', 'one.md', '--format', 'html', '-o', 'one.html'], { cwd });
    expect(refused).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: one.html: already exists; use --force to overwrite it\n' });
    expect((await runInProcess(['export', 'one.md', '--format', 'html', '-o', 'one.html', '--force'], { cwd })).exitCode).toBe(0);
    expect(await readFile(join(cwd, 'one.html'), 'utf8')).toContain('<!doctype html>');
  });

  it('writes no page when any target exists without --force', async () => {
    await mkdir(join(cwd, 'pages'));
    await writeFile(join(cwd, 'pages', 'two.html'), 'keep me');
    const refused = await runInProcess(['export', 'one.md', 'two.md', '--format', 'html', '-o', 'pages/'], { cwd });
    expect(refused).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: pages/two.html: already exists; use --force to overwrite it\n' });
    expect(await readdir(join(cwd, 'pages'))).toEqual(['two.html']);
    expect(await readFile(join(cwd, 'pages', 'two.html'), 'utf8')).toBe('keep me');
    expect((await runInProcess(['export', 'one.md', 'two.md', '--format', 'html', '-o', 'pages/', '--force'], { cwd })).exitCode).toBe(0);
    expect((await readdir(join(cwd, 'pages'))).sort()).toEqual(['one.html', 'two.html']);
  });

  it('needs a directory for several pages, and refuses two files of the same name into one', async () => {
    const several = await runInProcess(['export', 'one.md', 'two.md', '--format', 'html'], { cwd });
    expect(several.exitCode).toBe(2);
    expect(several.stderr).toBe("postmortem: export: several HTML pages need a directory: add -o DIR (run 'postmortem export --help' for usage)\n");
    await mkdir(join(cwd, 'sub'));
    await writeFile(join(cwd, 'sub', 'one.md'), POSTMORTEM);
    const clash = await runInProcess(['export', 'one.md', 'sub/one.md', '--format', 'html', '-o', 'pages/'], { cwd });
    expect(clash.exitCode).toBe(2);
    expect(clash.stderr).toContain('one.md and sub/one.md would both be written to pages/one.html');
  });

  it('uses an HTML template given with --template, and refuses --template with JSON', async () => {
    await writeFile(join(cwd, 'page.hbs'), '<p>{{title}}</p>');
    expect((await runInProcess(['export', 'one.md', '--format', 'html', '-t', 'page.hbs'], { cwd })).stdout).toBe('<p>Checkout outage</p>');
    const json = await runInProcess(['export', 'one.md', '-t', 'page.hbs'], { cwd });
    expect(json.exitCode).toBe(2);
    expect(json.stderr).toContain('--template applies to --format html and pdf');
  });

  it('draws the chart on the clock of each instant across a daylight-saving change, in the real bin', async () => {
    // Clocks in New York went from 2:00 AM EST to 3:00 AM EDT on March 9, 2025: 1:30 AM and
    // 3:30 AM are an hour apart, and the chart once drew the second as 2:30 AM.
    await writeFile(join(cwd, 'dst.md'), `---
title: Spring forward
date: 2025-03-09
timezone: America/New_York
---
# Spring forward

## Summary

- **Duration:** 1:30 AM to 3:30 AM

## Timeline

- 1:30 AM: Alert fired
- 3:30 AM: Service restored
`);
    const result = runBin(['export', 'dst.md', '--format', 'html', '-o', '-'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const chart = result.stdout.slice(result.stdout.indexOf('<svg class="tl-chart"'), result.stdout.indexOf('</svg>'));
    expect([...chart.matchAll(/<tspan class="tl-time">([^<]+)<\/tspan>/g)].map((match) => match[1])).toEqual(['1:30 AM', '3:30 AM']);
    const ticks = [...chart.matchAll(/<text x="[\d.]+" y="\d+" text-anchor="middle">([^<]+)<\/text>/g)].map((match) => match[1]);
    expect(ticks).toEqual(['1:30 AM', '1:40 AM', '1:50 AM', '3:00 AM', '3:10 AM', '3:20 AM', '3:30 AM']);
    expect(chart).toContain('Impact · 1 h 0 min');
    const list = result.stdout.slice(result.stdout.indexOf('<ol class="tl-list">'));
    expect([...list.matchAll(/<time datetime="[^"]+">([^<]+)<\/time>/g)].map((match) => match[1]).slice(0, 2)).toEqual(['1:30 AM', '3:30 AM']);
  });
});

describe('postmortem export --format pdf', () => {
  it('needs -o', async () => {
    const result = await runInProcess(['export', 'one.md', '--format', 'pdf'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--format pdf writes files: name one with -o FILE, or a directory with -o DIR');
  });

  it('says how to install Chromium when there is none, exit 2, writing nothing', async () => {
    const result = await runInProcess(['export', 'one.md', '--format', 'pdf', '-o', 'one.pdf'], { cwd, env: { PATH: '/nonexistent', POSTMORTEM_CHROMIUM: join(cwd, 'no-chromium') } });
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `postmortem: POSTMORTEM_CHROMIUM=${join(cwd, 'no-chromium')} is not an executable file; install Chromium (on Debian or Ubuntu: apt-get install chromium) or set POSTMORTEM_CHROMIUM=/path/to/chromium\n`,
    });
    expect(existsSync(join(cwd, 'one.pdf'))).toBe(false);
  });

  it('refuses an existing PDF before starting a browser', async () => {
    await writeFile(join(cwd, 'one.pdf'), 'keep');
    const result = await runInProcess(['export', 'one.md', '--format', 'pdf', '-o', 'one.pdf'], { cwd, env: { POSTMORTEM_CHROMIUM: '/nonexistent' } });
    expect(result.stderr).toBe('postmortem: one.pdf: already exists; use --force to overwrite it\n');
  });
});

describe('postmortem export --site', () => {
  it('builds the site and says what it did; warns about files it could not read', async () => {
    await writeFile(join(cwd, 'broken.md'), Buffer.from([0x00, 0x01]));
    const result = await runInProcess(['export', '.', '--site', 'site'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('site/index.html: 2 pages, 1 could not be read (8 written, 0 unchanged)\n');
    expect(result.stderr).toBe('postmortem: warning: broken.md: looks like a binary file (NUL byte at offset 0), not text (listed on the index, no page)\n');
    expect((await readdir(join(cwd, 'site'))).sort()).toEqual(['.postmortem-site-data.json', '.postmortem-site.json', 'actions.html', 'dashboard.html', 'index.html', 'one.html', 'postmortem.css', 'search.html', 'search.js', 'two.html']);
  });

  it('warns about a file that fails at a known line as file:line: message', async () => {
    await writeFile(join(cwd, 'bad.md'), '---\ntitle: ok\nauthors: [unclosed\n---\n# Body\n');
    const result = await runInProcess(['export', '.', '--site', 'site'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/^postmortem: warning: bad\.md:\d+: (?!line )[^\n]+ \(listed on the index, no page\)\n$/);
  });

  it('refuses --format json and -o with --site', async () => {
    expect((await runInProcess(['export', '.', '--site', 'site', '--format', 'json'], { cwd })).stderr).toContain('--site builds HTML; drop --format json');
    expect((await runInProcess(['export', '.', '--site', 'site', '-o', 'x'], { cwd })).stderr).toContain('--site names the output directory; drop -o');
  });

  it('parses a large site on worker threads in the real bin, with the same pages and failures as on one thread', async () => {
    await mkdir(join(cwd, 'many'));
    for (let index = 0; index < 320; index += 1) {
      const day = String((index % 28) + 1).padStart(2, '0');
      await writeFile(join(cwd, 'many', `${String(index).padStart(3, '0')}.md`), POSTMORTEM.replace('2026-03-14', `2026-02-${day}`).replace(/Checkout outage/g, `Outage ${index}`));
    }
    // A file a worker cannot read: it must come back as a failure on the index, not stop the build.
    await writeFile(join(cwd, 'many', '999-binary.md'), Buffer.from([0x00, 0x01, 0x02]));
    const warning = 'postmortem: warning: 999-binary.md: looks like a binary file (NUL byte at offset 0), not text (listed on the index, no page)\n';
    // The search too is built on a worker thread (320 documents), but with --concurrency 1 and in-process.
    const result = runBin(['export', 'many', '--site', 'site-bin', '--today', '2026-03-01'], { cwd });
    expect(result.stderr).toBe(warning);
    expect(result.stdout).toBe('site-bin/index.html: 320 pages, 1 could not be read (326 written, 0 unchanged)\n');
    const threeThreads = runBin(['export', 'many', '--site', 'site-three', '--concurrency', '3', '--today', '2026-03-01'], { cwd });
    expect(threeThreads.stderr).toBe(warning);
    const oneThread = runBin(['export', 'many', '--site', 'site-one', '--concurrency', '1', '--today', '2026-03-01'], { cwd });
    expect(oneThread.stderr).toBe(warning);
    expect((await runInProcess(['export', 'many', '--site', 'site-here', '--today', '2026-03-01'], { cwd })).exitCode).toBe(0);
    for (const page of ['000.html', '001.html', '319.html', 'index.html', 'search.html', 'dashboard.html', 'actions.html', '.postmortem-site-data.json']) {
      const expected = await readFile(join(cwd, 'site-here', page), 'utf8');
      for (const site of ['site-bin', 'site-three', 'site-one']) expect(await readFile(join(cwd, site, page), 'utf8'), `${site}/${page}`).toBe(expected);
    }
    expect(await readFile(join(cwd, 'site-bin', 'index.html'), 'utf8')).toContain('999-binary.md');

    // A broken template stops the staged build with one line naming it, and stops the worker,
    // before anything is created or written (--concurrency 2: a worker even on one core).
    await writeFile(join(cwd, 'broken.hbs'), '<p>{{#nope}}x{{/nope}}</p>\n');
    const broken = runBin(['export', 'many', '--site', 'site-broken', '--template', 'broken.hbs', '--concurrency', '2'], { cwd });
    expect(broken.exitCode).toBe(2);
    expect(broken.stderr).toBe('postmortem: broken.hbs:1: template error: unknown helper "nope"\n');
    expect(existsSync(join(cwd, 'site-broken'))).toBe(false);

    // A refusal found after the worker has started (a file in the site postmortem did not
    // write) stops it too, before any page is written.
    await mkdir(join(cwd, 'site-foreign'));
    await writeFile(join(cwd, 'site-foreign', 'index.html'), '<p>hand-made</p>\n');
    const refused = runBin(['export', 'many', '--site', 'site-foreign', '--concurrency', '2'], { cwd });
    expect(refused).toEqual({ exitCode: 2, stdout: '', stderr: 'postmortem: site-foreign/index.html: exists and was not written by postmortem; use --force to overwrite it\n' });
    expect(await readdir(join(cwd, 'site-foreign'))).toEqual(['index.html']);
  });

  it('refuses a --concurrency that is not a number of threads, or without --site, exit 2', async () => {
    const result = await runInProcess(['export', 'one.md', '--site', 'site', '--concurrency', 'many'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('expected a number of threads');
    const withoutSite = await runInProcess(['export', 'one.md', '--concurrency', '2'], { cwd });
    expect(withoutSite.exitCode).toBe(2);
    expect(withoutSite.stderr).toContain('--concurrency applies to --site');
  });
});
