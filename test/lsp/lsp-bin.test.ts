/**
 * `postmortem lsp --stdio` driven as an editor drives it: the real bin (the bundle) spawned,
 * JSON-RPC with Content-Length framing over its standard input and output, and the assertions
 * on the protocol messages it sends back.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, packagesLoadedBy, runInProcess } from '../cli/cli-harness.js';
import { LspClient, type PublishedDiagnostics } from './lsp-client.js';

/** A postmortem with problems of four rules, two of them with fixes (0-based lines noted). */
const BAD = `---
title: Checkout API returned errors
date: 2026-03-14
severity: SEV2
status: draft
authors: [Ana Pérez]
timezone: UTC
services: [checkout-api]
---

# Checkout API returned errors

## Summary

**Duration:** 14:05 to 14:50 UTC (45 minutes)

**Impact:** About 40% of checkout requests failed with a 502.

**Root Cause:** A connection pool limit was lowered by a config push.

## Timeline (UTC)

- **14:05 UTC:** Error rate rose above 5%.
- **14:09 GMT:** Detection: the on-call engineer was paged.
- **14:30 UTC:** The config push was rolled back.
- **14:50 UTC:** Resolution: error rate back to normal.

## Root Cause

A config push lowered the connection pool of the checkout API from 200 to 20. It was Sam's fault for not testing the change.

## Resolution

The push was rolled back at 14:30 and the pool refilled.

## Corrective Actions

- [ ] Raise the connection pool back to 200 (owner: Ana Pérez, due: 2026-04-01)

## Lessons Learned

Config pushes need a canary.
`;

/** 0-based lines of BAD. */
const GMT_LINE = 23;
const BLAME_LINE = 29;

let root: string;
let remove: () => Promise<void>;
let client: LspClient | null = null;

beforeAll(async () => {
  ({ path: root, remove } = await makeTempDir());
});
afterAll(async () => remove());
afterEach(() => {
  client?.kill();
  client = null;
});

function codes(published: PublishedDiagnostics): string[] {
  return published.diagnostics.map((diagnostic) => String(diagnostic.code));
}

/** Applies LSP text edits (non-overlapping, any order) to a text. */
function applyEdits(text: string, edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
  const lines = text.split('\n');
  const offset = (position: { line: number; character: number }): number => lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

async function openDocument(name: string, text: string, options: { init?: Record<string, unknown>; write?: boolean } = {}): Promise<{ uri: string; first: PublishedDiagnostics }> {
  const path = join(root, name);
  if (options.write !== false) await writeFile(path, text);
  const uri = pathToFileURL(path).href;
  client = LspClient.start(root);
  await client.initialize(root, { debounceMs: 0, ...options.init });
  const first = client.nextDiagnostics(uri);
  await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  return { uri, first: await first };
}

describe('postmortem lsp --stdio', () => {
  it('answers initialize with what it can do, and exits 0 after shutdown and exit', async () => {
    client = LspClient.start(root);
    const result = await client.initialize(root);
    expect(result.serverInfo.name).toBe('postmortem');
    expect(result.capabilities).toMatchObject({
      textDocumentSync: { openClose: true, change: 2 },
      hoverProvider: true,
      documentSymbolProvider: true,
      completionProvider: { triggerCharacters: [':', ' '] },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.postmortem'] },
    });
    // The client said it can watch files: the server asks to hear about config files.
    await expect.poll(() => client?.serverRequests.map((request) => request.method)).toContain('client/registerCapability');
    const registration = JSON.stringify(client.serverRequests.find((request) => request.method === 'client/registerCapability')?.params);
    expect(registration).toContain('.postmortemrc');
    expect(await client.shutdown()).toBe(0);
  });

  it('exits 1 on exit without shutdown, as the protocol says', async () => {
    client = LspClient.start(root);
    await client.initialize(root);
    await client.notify('exit', null);
    expect(await client.exited).toBe(1);
  });

  it('publishes the lint problems of an opened document, with rule ids linking to their docs', async () => {
    const { first } = await openDocument('bad.md', BAD);
    expect(first.version).toBe(1);
    expect(codes(first).sort()).toEqual(['blameless-language', 'timeline-timezone']);
    const gmt = first.diagnostics.find((diagnostic) => diagnostic.code === 'timeline-timezone');
    expect(gmt).toMatchObject({ severity: 2, source: 'postmortem', range: { start: { line: GMT_LINE, character: 10 }, end: { line: GMT_LINE, character: 13 } } });
    expect(gmt?.message).toContain('"14:09 GMT"');
    // Without a repository in package.json the link is the page shipped with the package; it exists.
    expect(gmt?.codeDescription?.href).toMatch(/docs\/rules\/timeline-timezone\.md$/);
    expect(existsSync(fileURLToPath(gmt?.codeDescription?.href as string))).toBe(true);
    expect(await client?.shutdown()).toBe(0);
  });

  it('lints again after a change, and offers the rule fix and a directive that works', async () => {
    const { uri } = await openDocument('change.md', BAD);
    const live = client as LspClient;

    // An incremental change: the blaming sentence is rewritten.
    const blameStart = BAD.split('\n')[BLAME_LINE]?.indexOf(' It was') as number;
    const second = live.nextDiagnostics(uri, (params) => params.version === 2);
    await live.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: BLAME_LINE, character: blameStart }, end: { line: BLAME_LINE, character: (BAD.split('\n')[BLAME_LINE] as string).length } }, text: ' The change skipped the load test.' }],
    });
    expect(codes(await second)).toEqual(['timeline-timezone']);
    let text = BAD.split('\n').map((line, index) => (index === BLAME_LINE ? `${line.slice(0, blameStart)} The change skipped the load test.` : line)).join('\n');

    const actions = await live.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: GMT_LINE, character: 0 }, end: { line: GMT_LINE, character: 0 } },
      context: { diagnostics: [] },
    });
    const titles = actions.map((action: { title: string }) => action.title);
    expect(titles).toContain('Disable timeline-timezone for this line');
    const fix = actions.find((action: { isPreferred?: boolean }) => action.isPreferred);
    expect(fix.kind).toBe('quickfix');
    expect(fix.diagnostics[0].code).toBe('timeline-timezone');
    expect(fix.edit.changes[uri]).toEqual([{ range: { start: { line: GMT_LINE, character: 10 }, end: { line: GMT_LINE, character: 13 } }, newText: 'UTC' }]);
    expect(applyEdits(text, fix.edit.changes[uri]).split('\n')[GMT_LINE]).toBe('- **14:09 UTC:** Detection: the on-call engineer was paged.');

    // The directive the server writes is one the lint engine obeys: applied, the problem goes.
    const disable = actions.find((action: { title: string }) => action.title === 'Disable timeline-timezone for this line');
    text = applyEdits(text, disable.edit.changes[uri]);
    expect(text.split('\n')[GMT_LINE]).toBe('- **14:09 GMT:** Detection: the on-call engineer was paged. <!-- postmortem-disable-line timeline-timezone -->');
    const third = live.nextDiagnostics(uri, (params) => params.version === 3);
    await live.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    expect((await third).diagnostics).toEqual([]);
    expect(await live.shutdown()).toBe(0);
  });

  it('offers to fix everything at once (source.fixAll)', async () => {
    const text = BAD.replace('- [ ] Raise', '- [] Raise');
    const { uri, first } = await openDocument('fix-all.md', text);
    expect(codes(first)).toContain('action-items-specific');
    const actions = await client?.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(actions).toHaveLength(1);
    const fixed = applyEdits(text, actions[0].edit.changes[uri]);
    expect(fixed).toContain('- **14:09 UTC:**');
    expect(fixed).toContain('- [ ] Raise');
    expect(fixed).toContain("Sam's fault");
    const ask = () =>
      client?.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    // Asked again of the same version (editors ask at every cursor move): the same edit.
    expect(await ask()).toEqual(actions);
    // A new version is fixed anew, not from what the last one gave.
    const changed = text.replace('Raise', 'Lift');
    const second = (client as LspClient).nextDiagnostics(uri, (params) => params.version === 2);
    await client?.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: changed }] });
    await second;
    const again = await ask();
    expect(applyEdits(changed, again[0].edit.changes[uri])).toContain('- [ ] Lift');
  });

  it('waits for a pause in typing (the debounce) and lints only the last version', async () => {
    const { uri } = await openDocument('debounce.md', BAD, { init: { debounceMs: 400 } });
    const live = client as LspClient;
    const before = live.published.length;
    const lines = BAD.split('\n');
    for (const version of [2, 3, 4]) {
      lines[BLAME_LINE] = `Version ${version} of the sentence.`;
      await live.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: lines.join('\n') }] });
    }
    const last = await live.nextDiagnostics(uri);
    expect(last.version).toBe(4);
    expect(live.published.slice(before).map((params) => params.version)).toEqual([4]);
    expect(codes(last)).toEqual(['timeline-timezone']);
  });

  it('completes front matter keys and values from the schema and the project config', async () => {
    await writeFile(join(root, '.postmortemrc.json'), JSON.stringify({ severities: ['P1', 'P2', 'P3'] }));
    try {
      const text = BAD.replace('severity: SEV2', 'severity: ').replace('timezone: UTC', 'timezone: Europe/Be').replace('services: [checkout-api]', 'services: [checkout-api]\nrev');
      const { uri } = await openDocument('complete.md', text);
      const at = (line: number, character: number): Promise<Array<{ label: string; insertText: string; kind: number }>> =>
        client?.request('textDocument/completion', { textDocument: { uri }, position: { line, character } }) as Promise<Array<{ label: string; insertText: string; kind: number }>>;
      expect((await at(3, 10)).map((item) => item.label)).toEqual(['P1', 'P2', 'P3']);
      expect((await at(4, 8)).map((item) => item.label)).toEqual(['draft', 'in-review', 'final']);
      const zones = (await at(6, 19)).map((item) => item.label);
      expect(zones).toContain('Europe/Berlin');
      expect(zones).not.toContain('America/New_York');
      const keys = await at(8, 3);
      expect(keys.map((item) => item.label)).toEqual(['reviewers', 'reviewedAt']);
      expect(keys[0]).toMatchObject({ insertText: 'reviewers: []', kind: 10 });
      // Outside the front matter nothing is offered.
      expect(await at(12, 0)).toEqual([]);
    } finally {
      await writeFile(join(root, '.postmortemrc.json'), '{}');
    }
  });

  it('shows the schema description on hover over a front matter key, and the zone offset over a timezone', async () => {
    const { uri } = await openDocument('hover.md', BAD.replace('timezone: UTC', 'timezone: Asia/Kolkata'));
    const hover = await client?.request('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 2 } });
    expect(hover.contents.value).toBe('**status**: Review status.');
    expect(hover.range).toEqual({ start: { line: 4, character: 0 }, end: { line: 4, character: 6 } });
    const zone = await client?.request('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 14 } });
    expect(zone.contents.value).toBe('**Asia/Kolkata**: UTC+05:30 now');
    expect(await client?.request('textDocument/hover', { textDocument: { uri }, position: { line: 20, character: 3 } })).toBeNull();
  });

  it('gives the sections and timeline entries as document symbols', async () => {
    const { uri } = await openDocument('symbols.md', BAD);
    const symbols = await client?.request('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((symbol: { name: string }) => symbol.name)).toEqual(['Summary', 'Timeline (UTC)', 'Root Cause', 'Resolution', 'Corrective Actions', 'Lessons Learned']);
    const timeline = symbols[1];
    expect(timeline.range.start.line).toBe(20);
    expect(timeline.children.map((entry: { name: string }) => entry.name)).toEqual(['14:05 UTC', '14:09 GMT Detection', '14:30 UTC', '14:50 UTC Resolution']);
    expect(timeline.children[1].range.start.line).toBe(GMT_LINE);
    expect(symbols[4].children.map((task: { name: string }) => task.name)).toEqual(['Raise the connection pool back to 200']);
  });

  it('picks up a config change: on the watched-files notification, and on the next lint without one', async () => {
    const dir = join(root, 'config-change');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dir, { recursive: true });
    const config = join(dir, '.postmortemrc.json');
    await writeFile(config, JSON.stringify({ rules: {} }));
    const { uri, first } = await openDocument('config-change/doc.md', BAD);
    const live = client as LspClient;
    expect(codes(first).sort()).toEqual(['blameless-language', 'timeline-timezone']);

    await writeFile(config, JSON.stringify({ rules: { 'blameless-language': 'off' } }));
    const republished = live.nextDiagnostics(uri);
    await live.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
    expect(codes(await republished)).toEqual(['timeline-timezone']);

    // An editor that watches nothing: the changed file is noticed on the next lint.
    await writeFile(config, JSON.stringify({ rules: { 'timeline-timezone': 'error ' } }).replace('error ', 'error'));
    const next = live.nextDiagnostics(uri, (params) => params.version === 2);
    await live.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${BAD}\n` }] });
    const after = await next;
    expect(after.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]).sort()).toEqual([['blameless-language', 2], ['timeline-timezone', 1]]);

    // An invalid config is said on the document, naming the file.
    await writeFile(config, JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    const broken = live.nextDiagnostics(uri);
    await live.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
    const [problem] = (await broken).diagnostics;
    expect(problem).toMatchObject({ code: 'config', severity: 1 });
    expect(problem?.message).toMatch(/config-change\/\.postmortemrc\.json.*no-such-rule/);
    expect(await live.shutdown()).toBe(0);
  });

  it('lints the project\'s postmortems only: not a README beside postmortems/, an ignored draft, or a git diff view', async () => {
    const { mkdir } = await import('node:fs/promises');
    const workspace = join(root, 'scoped');
    await mkdir(join(workspace, 'postmortems', 'drafts'), { recursive: true });
    await writeFile(join(workspace, '.postmortemrc.json'), JSON.stringify({ ignores: ['postmortems/drafts/**'] }));
    client = LspClient.start(workspace);
    await client.initialize(workspace);
    const live = client;
    const open = async (uri: string) => {
      const published = live.nextDiagnostics(uri);
      await live.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: BAD } });
      return codes(await published);
    };
    const file = (path: string) => pathToFileURL(join(workspace, path)).href;
    for (const path of ['postmortems/checkout.md', 'README.md', 'postmortems/drafts/next.md']) await writeFile(join(workspace, path), BAD);
    expect((await open(file('postmortems/checkout.md'))).sort()).toEqual(['blameless-language', 'timeline-timezone']);
    expect(await open(file('README.md'))).toEqual([]);
    expect(await open(file('postmortems/drafts/next.md'))).toEqual([]);
    expect(await open(`git:${file('postmortems/checkout.md').slice('file:'.length)}?ref=HEAD`)).toEqual([]);
    // Opened on its own, from outside the workspace, a file is linted as lint FILE reads it.
    expect((await open(pathToFileURL(join(root, 'outside.md')).href)).sort()).toEqual(['blameless-language', 'timeline-timezone']);
    expect(await live.shutdown()).toBe(0);
  });

  it('says a document over a million characters is too large to lint as you type, instead of blocking on it', async () => {
    client = LspClient.start(root);
    await client.initialize(root);
    const uri = pathToFileURL(join(root, 'huge.md')).href;
    const published = client.nextDiagnostics(uri);
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: BAD + '- 15:00 UTC: more\n'.repeat(70_000) } });
    const { diagnostics } = await published;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 3, message: expect.stringMatching(/too large to lint as you type: run postmortem lint on it$/) });
    expect(await client.shutdown()).toBe(0);
  });

  it('takes the debounce and a config file from the command line', async () => {
    await writeFile(join(root, 'strict.json'), JSON.stringify({ rules: { 'blameless-language': 'error', 'timeline-timezone': 'off' } }));
    const path = join(root, 'flags.md');
    await writeFile(path, BAD);
    const uri = pathToFileURL(path).href;
    client = LspClient.start(root, ['--debounce', '400', '--config', 'strict.json']);
    await client.initialize(root);
    const opened = client.nextDiagnostics(uri);
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: BAD } });
    expect((await opened).diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([['blameless-language', 1]]);
    const before = client.published.length;
    for (const version of [2, 3]) await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: `${BAD}${'\n'.repeat(version)}` }] });
    expect((await client.nextDiagnostics(uri)).version).toBe(3);
    expect(client.published.slice(before).map((params) => params.version)).toEqual([3]);
    expect(await client.shutdown()).toBe(0);
  });

  it('clears the diagnostics of a closed document', async () => {
    const { uri } = await openDocument('closed.md', BAD);
    const cleared = client?.nextDiagnostics(uri);
    await client?.notify('textDocument/didClose', { textDocument: { uri } });
    expect((await cleared)?.diagnostics).toEqual([]);
  });
});

describe('postmortem lsp outside an editor', () => {
  it('refuses to run without standard input, in one line with exit 2', async () => {
    const result = await runInProcess(['lsp'], { cwd: root });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^postmortem: the language server needs standard input and output streams .*\n$/);
  });

  it('refuses a debounce that is not a whole number', async () => {
    const result = await runInProcess(['lsp', '--stdio', '--debounce', 'soon'], { cwd: root });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("option '--debounce <ms>' argument 'soon' is invalid");
  });

  it('is not loaded by --help or lint', () => {
    for (const args of [['--help'], ['lint', '--help']]) {
      const loaded = packagesLoadedBy(args, { cwd: root, log: join(root, `imports-${args.join('')}.log`) });
      expect(loaded.exitCode).toBe(0);
      for (const name of ['vscode-languageserver', 'vscode-jsonrpc', 'vscode-languageserver-protocol']) expect(loaded.packages.has(name), `${args.join(' ')}: ${name}`).toBe(false);
    }
    // The same recording sees them when the server runs (its input closes at once: exit 1, no shutdown).
    const server = packagesLoadedBy(['lsp', '--stdio'], { cwd: root, log: join(root, 'imports-lsp.log') });
    expect(server.exitCode).toBe(1);
    expect(server.packages.has('vscode-languageserver')).toBe(true);
  });
});
