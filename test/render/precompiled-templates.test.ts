// The built-in templates compiled ahead of time (scripts/precompile-templates.js, run by
// `npm run build` before the tests): the bundle the bin runs must render exactly what the
// templates compiled on the fly render, and an edited template must never be served stale.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runBin } from '../cli/cli-harness.js';
import { certificateExpiryPostmortem } from './fixture-postmortem.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const templatesDirectory = path.join(root, 'templates');
const examplesDirectory = path.join(root, 'examples');

interface Entry {
  sha256: string;
  options: string;
  spec: unknown;
}

async function builtTable(): Promise<Record<string, Entry>> {
  const module = (await import(path.join(root, 'dist', 'render', 'precompiled-templates.js'))) as { PRECOMPILED_TEMPLATES: Record<string, Entry> };
  return module.PRECOMPILED_TEMPLATES;
}

describe('precompiled built-in templates', () => {
  afterEach(() => {
    vi.doUnmock('../../src/render/precompiled-templates.js');
    vi.resetModules();
  });

  it('the build compiles every template file, from its current text', async () => {
    const table = await builtTable();
    const files = readdirSync(templatesDirectory, { recursive: true }).map(String).filter((file) => file.endsWith('.hbs')).map((file) => file.split(path.sep).join('/')).sort();
    expect(Object.keys(table).sort()).toEqual(files);
    for (const file of files) {
      expect(table[file]?.sha256, file).toBe(createHash('sha256').update(readFileSync(path.join(templatesDirectory, file), 'utf8')).digest('hex'));
    }
  });

  it('the built library takes built-in templates from the table; the sources, with an empty table, compile them', async () => {
    const file = path.join(templatesDirectory, 'html', 'postmortem.html.hbs');
    const built = (await import(path.join(root, 'dist', 'export', 'html-templates.js'))) as typeof import('../../src/export/html-templates.js');
    const { createTemplateEnvironment: builtEnvironment } = (await import(path.join(root, 'dist', 'render', 'template-environment.js'))) as typeof import('../../src/render/template-environment.js');
    const { HTML_TEMPLATE_FLAVOUR } = await import('../../src/export/html-templates.js');
    const { createTemplateEnvironment } = await import('../../src/render/template-environment.js');
    // Handlebars.template() marks the function it makes as a top-level template; compile()'s lazy wrapper is not marked.
    const isTop = (template: unknown): boolean => (template as { isTop?: boolean }).isTop === true;
    expect(isTop(builtEnvironment(built.HTML_TEMPLATE_FLAVOUR).compileFile(file))).toBe(true);
    expect(isTop(createTemplateEnvironment(HTML_TEMPLATE_FLAVOUR).compileFile(file))).toBe(false);
  });

  it('the bin (precompiled) renders what the library compiling on the fly renders: HTML and Markdown', async () => {
    const { parsePostmortem } = await import('../../src/parse/parse-postmortem.js');
    const { renderHtml } = await import('../../src/export/render-html.js');
    const { runInProcess } = await import('../cli/cli-harness.js');
    for (const name of ['certificate-expiry', 'queue-backlog']) {
      const file = path.join(examplesDirectory, `${name}.md`);
      const fromBin = runBin(['export', file, '--format', 'html', '-o', '-'], { cwd: examplesDirectory });
      expect(fromBin.stderr).toBe('');
      expect(fromBin.stdout).toBe(renderHtml(parsePostmortem(readFileSync(file, 'utf8'), { filePath: file }), { cwd: examplesDirectory }));
    }
    for (const template of ['classic', 'narrative', 'google-sre', 'pagerduty']) {
      const args = ['render', 'answers/dns-change.yaml', '--template', template];
      const fromBin = runBin(args, { cwd: examplesDirectory });
      const inProcess = await runInProcess(args, { cwd: examplesDirectory });
      expect(fromBin.stdout.length).toBeGreaterThan(200);
      expect(fromBin.stdout).toBe(inProcess.stdout);
    }
  });

  it('uses an entry only for the text, options and compiler it was made from', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'postmortem-precompiled-'));
    try {
      const { builtInTemplatesDirectory } = await import('../../src/render/templates.js');
      const file = path.join(builtInTemplatesDirectory, 'classic.md.hbs');
      const source = readFileSync(file, 'utf8');
      const Handlebars = (await import('handlebars')).default;
      // A stand-in spec that says where it came from, under the real file's name.
      const marker = (text: string): unknown => new Function(`return ${Handlebars.precompile(text, { noEscape: true })}`)();
      const entry = (sha256: string, options = '{"noEscape":true}'): Entry => ({ sha256, options, spec: marker('PRECOMPILED') });
      const sha = createHash('sha256').update(source).digest('hex');
      const render = async (table: Record<string, Entry>): Promise<string> => {
        vi.resetModules();
        vi.doMock('../../src/render/precompiled-templates.js', () => ({ PRECOMPILED_TEMPLATES: table }));
        const { createTemplateEnvironment } = await import('../../src/render/template-environment.js');
        const { MARKDOWN_TEMPLATE_FLAVOUR } = await import('../../src/render/render-markdown.js');
        return createTemplateEnvironment(MARKDOWN_TEMPLATE_FLAVOUR).compileFile(file)(certificateExpiryPostmortem());
      };
      expect(await render({ 'classic.md.hbs': entry(sha) })).toBe('PRECOMPILED');
      // The file changed since the build, or other options, or another compiler: compiled from the file.
      for (const stale of [entry('0'.repeat(64)), entry(sha, '{"noEscape":false}'), { ...entry(sha), spec: { ...(entry(sha).spec as object), compiler: [7, '>= 4.0.0'] } }]) {
        expect(await render({ 'classic.md.hbs': stale })).toContain('# ');
      }
      // A user's file with the same name is never taken for the built-in one.
      mkdirSync(path.join(directory, 'partials'));
      const own = path.join(directory, 'classic.md.hbs');
      writeFileSync(own, source);
      vi.resetModules();
      vi.doMock('../../src/render/precompiled-templates.js', () => ({ PRECOMPILED_TEMPLATES: { 'classic.md.hbs': entry(sha) } }));
      const { createTemplateEnvironment } = await import('../../src/render/template-environment.js');
      const { MARKDOWN_TEMPLATE_FLAVOUR } = await import('../../src/render/render-markdown.js');
      expect(createTemplateEnvironment(MARKDOWN_TEMPLATE_FLAVOUR).compileFile(own)(certificateExpiryPostmortem())).toContain('# ');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
