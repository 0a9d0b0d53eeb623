/**
 * The built-in Markdown templates and how a `--template` value is resolved: a built-in name,
 * a single `.hbs` file, or a directory with a main template and a `partials/` folder. This
 * module stays free of Handlebars so that `postmortem templates` starts fast.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PostmortemError } from '../model/errors.js';

/** A built-in template. */
export interface TemplateInfo {
  /** Name used with `--template`. */
  name: string;
  /** One line saying what the template looks like. */
  description: string;
}

const BUILT_IN_TEMPLATES: readonly TemplateInfo[] = [
  {
    name: 'classic',
    description: 'Issue Summary with labelled bullets, Timeline, Root Cause and Resolution, Corrective and Preventative Measures, Lessons Learned, Conclusion',
  },
  {
    name: 'narrative',
    description: 'A prose summary opening with when and how long, timeline bullets, root cause and resolution as labelled paragraphs, measures then tasks',
  },
  {
    name: 'google-sre',
    description: 'The Google SRE book layout: Summary, Impact, Root Causes, Resolution, Action Items table, Lessons Learned, Timeline by day',
  },
  {
    name: 'pagerduty',
    description: 'The PagerDuty layout: Overview, What Happened, Contributing Factors, Resolution, Impact, Responders, Timeline and Action Items tables',
  },
];

/** The template used when none is named. */
export const DEFAULT_TEMPLATE = 'classic';

/** The package's `templates/` directory; two levels up from both src/render/ and dist/render/. */
export const builtInTemplatesDirectory: string = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The built-in templates, in the order `postmortem templates` lists them. */
export function listTemplates(): TemplateInfo[] {
  return BUILT_IN_TEMPLATES.map((template) => ({ ...template }));
}

/** A template ready to load: its main file and where its own partials are, if anywhere. */
export interface ResolvedTemplate {
  /** A built-in template, or the user's file or directory. */
  kind: 'built-in' | 'file' | 'directory';
  /** Absolute path of the main template file. */
  templatePath: string;
  /** Absolute path of the user's `partials/` directory, or null. */
  partialsDirectory: string | null;
  /** The template as the user named it, for messages. */
  displayName: string;
}

/** Main template file names looked for, in order, in a template directory. */
export const DIRECTORY_TEMPLATE_FILES = ['postmortem.md.hbs', 'index.md.hbs'] as const;

/**
 * Resolves a `--template` value. A built-in name wins unless the value looks like a path
 * (has a slash or a dot), so a file called `classic` in the working directory needs `./classic`.
 */
export function resolveTemplate(template: string | undefined, cwd: string): ResolvedTemplate {
  const name = template && template.trim() !== '' ? template : DEFAULT_TEMPLATE;
  const builtIn = BUILT_IN_TEMPLATES.find((info) => info.name === name);
  if (builtIn) {
    return {
      kind: 'built-in',
      templatePath: path.join(builtInTemplatesDirectory, `${builtIn.name}.md.hbs`),
      partialsDirectory: null,
      displayName: builtIn.name,
    };
  }
  const absolute = path.resolve(cwd, name);
  if (existsSync(absolute)) {
    const stats = statSync(absolute);
    if (stats.isFile()) return { kind: 'file', templatePath: absolute, partialsDirectory: null, displayName: name };
    if (stats.isDirectory()) {
      const main = DIRECTORY_TEMPLATE_FILES.map((file) => path.join(absolute, file)).find((file) => existsSync(file));
      if (!main) {
        throw new PostmortemError(
          `template directory ${name} has neither ${DIRECTORY_TEMPLATE_FILES.join(' nor ')}`,
          { filePath: name },
        );
      }
      const partials = path.join(absolute, 'partials');
      return {
        kind: 'directory',
        templatePath: main,
        partialsDirectory: existsSync(partials) && statSync(partials).isDirectory() ? partials : null,
        displayName: name,
      };
    }
  }
  const names = BUILT_IN_TEMPLATES.map((info) => info.name).join(', ');
  throw new PostmortemError(`unknown template "${name}": not a built-in template (${names}) nor a template file or directory`);
}
