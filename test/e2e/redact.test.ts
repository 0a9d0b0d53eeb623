// `export --redact` and `lint --fix` redaction through the real bin: secrets and personal data
// are gone from JSON, HTML, PDF and site output, and the source file is not touched.
import { readFileSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSecrets } from '../redact/fake-secrets.js';
import { bin, systemChromium, useTempDir } from './e2e-harness.js';

let cwd: string;
useTempDir((path) => (cwd = path));

const chromium = systemChromium();

const token = fakeSecrets()[0]!.value;
const email = 'dana.jones@acme-corp.io';
const address = '10.20.30.40';
const SOURCE = [
  '---',
  `title: Token leak reported by ${email}`,
  'date: 2026-03-14',
  'severity: SEV2',
  'timezone: UTC',
  '---',
  '# Token leak',
  '',
  '## Summary',
  '',
  `The CI log printed ${token}; ${email} noticed it. Duration: 09:00 to 09:40 UTC.`,
  '',
  '## Timeline',
  '',
  `- 09:00 UTC: The build on ${address} printed the token.`,
  '- 09:40 UTC: The token was revoked.',
  '',
].join('\n');

/** Every file under `directory`, recursively, as text. */
function allText(directory: string): string {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

const leaks = (text: string): string[] => [token, email, address].filter((value) => text.includes(value));

describe('export --redact', () => {
  it('redacts JSON and HTML output, and leaves the source as it was', async () => {
    await writeFile(join(cwd, 'leak.md'), SOURCE);
    const plain = bin(['export', 'leak.md'], cwd);
    expect(leaks(plain.stdout)).toEqual([token, email, address]);

    const json = bin(['export', 'leak.md', '--redact'], cwd);
    expect(json.stderr).toBe('');
    expect(json.exitCode).toBe(0);
    expect(leaks(json.stdout)).toEqual([]);
    expect((JSON.parse(json.stdout) as { title: string }).title).toBe('Token leak reported by [REDACTED]');

    const html = bin(['export', 'leak.md', '--format', 'html', '-o', 'leak.html', '--redact'], cwd);
    expect(html.exitCode).toBe(0);
    const page = await readFile(join(cwd, 'leak.html'), 'utf8');
    expect(leaks(page)).toEqual([]);
    expect(page).toContain('[REDACTED]');
    expect(await readFile(join(cwd, 'leak.md'), 'utf8')).toBe(SOURCE);
  });

  it('redacts every page, the index, the search data and the collection pages of a site; a later build without --redact rebuilds them', async () => {
    await writeFile(join(cwd, 'leak.md'), SOURCE);
    const redacted = bin(['export', '.', '--site', 'site', '--redact'], cwd);
    expect(redacted.stderr).toBe('');
    expect(redacted.exitCode).toBe(0);
    const site = allText(join(cwd, 'site'));
    expect(leaks(site)).toEqual([]);
    expect(site).toContain('[REDACTED]');
    expect(await readFile(join(cwd, 'leak.md'), 'utf8')).toBe(SOURCE);
    // The redacted pages are not reused for a build without --redact, nor the other way round.
    expect(bin(['export', '.', '--site', 'site'], cwd).exitCode).toBe(0);
    expect(leaks(allText(join(cwd, 'site')))).toEqual([token, email, address]);
    expect(bin(['export', '.', '--site', 'site', '--redact'], cwd).exitCode).toBe(0);
    expect(leaks(allText(join(cwd, 'site')))).toEqual([]);
  });

  it.skipIf(!chromium)('redacts PDF output (the document title shows it)', async () => {
    await writeFile(join(cwd, 'leak.md'), SOURCE);
    for (const [name, flags] of [['plain.pdf', []], ['redacted.pdf', ['--redact']]] as const) {
      const result = bin(['export', 'leak.md', '--format', 'pdf', '-o', name, ...flags], cwd);
      expect(result.stderr).toBe('');
    }
    const title = (file: string): string => /\/Title\s*\(([^)]*)\)/.exec(readFileSync(join(cwd, file), 'latin1'))?.[1] ?? '';
    expect(title('plain.pdf')).toContain(email);
    expect(title('redacted.pdf')).toBe('Token leak reported by [REDACTED]');
    expect(await readFile(join(cwd, 'leak.md'), 'utf8')).toBe(SOURCE);
  });
});

describe('lint --fix redaction', () => {
  it('replaces the values, keeps everything else byte for byte, and lints clean of both rules afterwards', async () => {
    await writeFile(join(cwd, 'leak.md'), SOURCE);
    const before = bin(['lint', 'leak.md', '--format', 'json'], cwd);
    const ruleIds = (stdout: string): string[] => (JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string }> }>)[0]!.messages.map((message) => message.ruleId).filter((id) => id === 'no-secrets' || id === 'no-personal-data');
    expect(ruleIds(before.stdout)).toEqual(['no-personal-data', 'no-secrets', 'no-personal-data', 'no-personal-data']);
    expect(before.stdout).not.toContain(token.slice(0, 5));
    bin(['lint', 'leak.md', '--fix'], cwd);
    const fixed = await readFile(join(cwd, 'leak.md'), 'utf8');
    expect(fixed).toBe(SOURCE.replace(email, '[REDACTED]').replace(token, '[REDACTED]').replace(email, '[REDACTED]').replace(address, '[REDACTED]'));
    expect(ruleIds(bin(['lint', 'leak.md', '--format', 'json'], cwd).stdout)).toEqual([]);
  });
});
