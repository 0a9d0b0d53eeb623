// lint --fix through the real bin changes only what the fixes replace: a UTF-8 byte order mark
// and CRLF line ends stay, and a short password in a message is never shown whole.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, useTempDir } from './e2e-harness.js';

let cwd: string;
useTempDir((path) => (cwd = path));

describe('lint --fix and the bytes of the file', () => {
  it('keeps a byte order mark and CRLF line ends while redacting', async () => {
    const password = ['Zq7', 'Lm4', 'Wx9', 'Rt2'].join('');
    const text = ['---', 'title: Deploy key leaked', '---', '# Deploy key leaked', '', '## Timeline', '', `- 14:05 UTC: Pushed with https://deploy:${password}@ci.acme-corp.io/hook`, ''].join('\r\n');
    await writeFile(join(cwd, 'pm.md'), `\uFEFF${text}`);
    const result = bin(['lint', 'pm.md', '--fix', '--rule', 'no-secrets:error'], cwd);
    expect(result.stderr).toBe('');
    const fixed = await readFile(join(cwd, 'pm.md'));
    expect([...fixed.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(fixed.toString('utf8')).toBe(`\uFEFF${text.replace(password, '[REDACTED]')}`);
  });

  it('shows at most half of a short password', async () => {
    await writeFile(join(cwd, 'pm.md'), ['# Short', '', '## Timeline', '', '- 14:05 UTC: Used https://deploy:q7x!@ci.acme-corp.io/hook', ''].join('\n'));
    const result = bin(['lint', 'pm.md', '--rule', 'no-secrets:error'], cwd);
    expect(result.stdout).toContain('(password in a URL) "q7…"');
    expect(result.stdout).not.toContain('q7x!');
  });
});
