import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import { afterAll, describe, expect, it } from 'vitest';
import { PostmortemError } from '../../src/model/errors.js';
import { emptyPostmortem, type Postmortem } from '../../src/model/postmortem.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { certificateExpiryPostmortem } from './fixture-postmortem.js';

const projectDirectory = mkdtempSync(path.join(tmpdir(), 'postmortem-templates-'));
afterAll(() => rmSync(projectDirectory, { recursive: true, force: true }));

let directoryCount = 0;
/** A fresh directory under the throwaway project, holding the given files. */
function templateProject(files: Record<string, string>): string {
  const directory = path.join(projectDirectory, `project-${++directoryCount}`);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    writeFileSync(path.join(directory, name), content);
  }
  return directory;
}

function renderError(postmortem: Postmortem, template: string, cwd: string): PostmortemError {
  try {
    renderMarkdown(postmortem, { template, cwd });
  } catch (error) {
    expect(error).toBeInstanceOf(PostmortemError);
    return error as PostmortemError;
  }
  throw new Error('expected rendering to fail');
}

describe('user templates', () => {
  it('renders a single template file, resolved from cwd, with the helpers', () => {
    const cwd = templateProject({
      'short.md.hbs': '{{frontMatter}}\n\n# {{title}}\n\nLasted {{duration summary.durationMinutes}} from {{clock summary.start}} {{timezoneLabel}}.\n',
    });
    expect(renderMarkdown(certificateExpiryPostmortem(), { template: 'short.md.hbs', cwd })).toMatch(
      /---\n\n# Payments gateway rejected card payments after its TLS certificate expired\n\nLasted 1 h 35 min from 2:00 AM UTC-4\.\n$/,
    );
  });

  it('renders a directory\'s postmortem.md.hbs with the partials in its partials/ folder', () => {
    const cwd = templateProject({
      'team/postmortem.md.hbs': '{{> header}}\n{{#each correctiveActions.tasks}}\n{{> task-line}}\n{{/each}}\n',
      'team/partials/header.hbs': '# {{title}}\n\n',
      'team/partials/task-line.md.hbs': '* {{text}}{{taskAnnotation this}}\n',
    });
    const markdown = renderMarkdown(certificateExpiryPostmortem(), { template: 'team', cwd });
    expect(markdown.split('\n')).toEqual([
      '# Payments gateway rejected card payments after its TLS certificate expired',
      '',
      '* Point the renewal job at the new CA hostname (owner: Sam Ortiz, due: 2026-03-15, priority: P1, issue: PAY-311)',
      '* Alert when any certificate expires within 14 days | all regions (owner: Dana Lee, due: 2026-03-28, priority: P2)',
      '* Write a runbook for issuing a certificate by hand',
      '',
    ]);
  });

  it('falls back to index.md.hbs, and can use the built-in partials', () => {
    const cwd = templateProject({
      'tpl/index.md.hbs': '{{#section "Timeline"}}\n{{> timeline-list}}\n{{/section}}\n',
    });
    expect(renderMarkdown(certificateExpiryPostmortem(), { template: './tpl', cwd })).toContain(
      '## Timeline\n\n- Detection Method: The checkout error-rate alert, not the certificate monitor.\n- 2:00 AM: ',
    );
  });

  it('lets a user partial replace a built-in one of the same name, in that directory only', () => {
    const cwd = templateProject({
      'custom/postmortem.md.hbs': '{{#each timeline}}\n{{> timeline-entry}}\n{{/each}}\n',
      'custom/partials/timeline-entry.hbs': '1. {{text}}\n',
    });
    const postmortem = certificateExpiryPostmortem();
    expect(renderMarkdown(postmortem, { template: 'custom', cwd })).toMatch(/^1\. The checkout error-rate alert/);
    expect(renderMarkdown(postmortem, { template: 'classic' })).toContain('- 2:00 AM: The certificate expired');
  });

  it('sees an edited template file on the next render', () => {
    const cwd = templateProject({ 'changing.md.hbs': 'first {{title}}\n' });
    const postmortem: Postmortem = { ...emptyPostmortem(), title: 'T' };
    expect(renderMarkdown(postmortem, { template: 'changing.md.hbs', cwd })).toBe('first T\n');
    writeFileSync(path.join(cwd, 'changing.md.hbs'), 'second version {{title}}\n');
    expect(renderMarkdown(postmortem, { template: 'changing.md.hbs', cwd })).toBe('second version T\n');
  });

  it('refuses an unknown name, listing the built-in templates', () => {
    const error = renderError(emptyPostmortem(), 'fancy', projectDirectory);
    expect(error.message).toBe(
      'unknown template "fancy": not a built-in template (classic, narrative, google-sre, pagerduty) nor a template file or directory',
    );
  });

  it('refuses a directory without a main template', () => {
    const cwd = templateProject({ 'empty/partials/a.hbs': 'x' });
    expect(renderError(emptyPostmortem(), 'empty', cwd).format()).toBe('empty: template directory empty has neither postmortem.md.hbs nor index.md.hbs');
  });

  it('names the file and line of a Handlebars syntax error', () => {
    const cwd = templateProject({ 'broken.md.hbs': '# {{title}}\n\n{{#if summary.text}}\n{{summary.text}\n{{/if}}\n' });
    const error = renderError(emptyPostmortem(), 'broken.md.hbs', cwd);
    expect(error.filePath).toBe('broken.md.hbs');
    expect(error.line).toBe(4);
    expect(error.format()).toMatch(/^broken\.md\.hbs:4: template syntax error: Parse error on line 4: Expecting /);
    expect(error.format()).not.toContain('\n');
  });

  it('names the file and line of a block that is closed by the wrong tag', () => {
    const cwd = templateProject({ 'mismatch.md.hbs': 'a\n{{#if title}}\n{{/each}}\n' });
    const error = renderError(emptyPostmortem(), 'mismatch.md.hbs', cwd);
    expect(error.format()).toMatch(/^mismatch\.md\.hbs:2: template syntax error: if doesn't match each/);
  });

  it('names the partial file that has a syntax error', () => {
    const cwd = templateProject({ 'p/postmortem.md.hbs': '{{> bad}}\n', 'p/partials/bad.hbs': 'ok\n{{#each}}\n' });
    const error = renderError(emptyPostmortem(), 'p', cwd);
    expect(error.filePath).toBe(path.join('p', 'partials', 'bad.hbs'));
  });

  it('reports a missing partial or helper as a template error naming the file and the line', () => {
    const cwd = templateProject({ 'a.md.hbs': '{{> nowhere}}\n', 'b.md.hbs': '# {{title}}\n\n{{shout title}}\n', 'c.md.hbs': 'x\n{{#repeat 3}}y{{/repeat}}\n' });
    expect(renderError(emptyPostmortem(), 'a.md.hbs', cwd).format()).toBe('a.md.hbs:1: template error: the partial "nowhere" could not be found (there is no nowhere.hbs among the partials)');
    expect(renderError({ ...emptyPostmortem(), title: 'x' }, 'b.md.hbs', cwd).format()).toBe('b.md.hbs:3: template error: unknown helper "shout"');
    expect(renderError(emptyPostmortem(), 'c.md.hbs', cwd).format()).toBe('c.md.hbs:2: template error: unknown helper "repeat"');
  });

  it('finds a missing partial in a partial file, with its line, and lets a partial call one whose file sorts after it', () => {
    const cwd = templateProject({
      'team/postmortem.md.hbs': '# {{title}}\n{{> alpha}}\n',
      'team/partials/alpha.hbs': 'A {{> zulu}}\n',
      'team/partials/zulu.hbs': 'Z\n',
      'broken/postmortem.md.hbs': '{{> alpha}}\n',
      'broken/partials/alpha.hbs': 'first line\n{{#if title}}{{> gone}}{{/if}}\n',
      'blocks.md.hbs': '{{#> maybe}}fallback{{/maybe}}\n',
      'inline.md.hbs': '{{#*inline "heading"}}# {{title}}{{/inline}}\n{{> heading}}\n',
    });
    expect(renderMarkdown({ ...emptyPostmortem(), title: 'x' }, { template: 'team', cwd })).toBe('# x\nA Z\n');
    expect(renderError(emptyPostmortem(), 'broken', cwd).format()).toBe(
      `${path.join('broken', 'partials', 'alpha.hbs')}:2: template error: the partial "gone" could not be found (there is no gone.hbs among the partials)`,
    );
    // A partial block carries its own fallback: not a mistake.
    expect(renderMarkdown(emptyPostmortem(), { template: 'blocks.md.hbs', cwd })).toBe('fallback\n');
    // An inline partial is defined in the template that calls it.
    expect(renderMarkdown({ ...emptyPostmortem(), title: 'x' }, { template: 'inline.md.hbs', cwd })).toBe('# x\n');
  });

  it('keeps Handlebars\' prototype access protection on', () => {
    const cwd = templateProject({
      'proto.md.hbs': '[{{title.constructor}}][{{constructor.name}}][{{#with title}}{{__proto__}}{{/with}}][{{lookup this "__proto__"}}]\n',
    });
    const output = renderMarkdown({ ...emptyPostmortem(), title: 'x' }, { template: 'proto.md.hbs', cwd });
    expect(output).toBe('[][][][]\n');
  });
});

describe('the Handlebars instance', () => {
  it('is not the global one: a helper registered globally does not reach templates', () => {
    Handlebars.registerHelper('title', () => 'from the global instance');
    try {
      expect(renderMarkdown({ ...emptyPostmortem(), title: 'Own title' }, { template: 'classic' })).toBe('---\ntitle: "Own title"\n---\n\n# Own title\n');
    } finally {
      Handlebars.unregisterHelper('title');
    }
  });

  it('does not register its helpers or partials on the global one', () => {
    renderMarkdown(certificateExpiryPostmortem(), { template: 'classic' });
    expect(Handlebars.helpers.section).toBeUndefined();
    expect(Handlebars.helpers.frontMatter).toBeUndefined();
    expect(Handlebars.partials['timeline-entry']).toBeUndefined();
  });
});
