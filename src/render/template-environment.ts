/**
 * Handlebars environments for templates: Markdown ones here, HTML ones for export (the same
 * loading, with a different {@link TemplateFlavour}). Each is its own `Handlebars.create()`
 * instance with the helpers and built-in partials registered once, when it is made, and a
 * cache of compiled templates: nothing is registered on the global Handlebars object or
 * per render. A user template directory gets an environment of its own, so its partials
 * never leak into another template's.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { PostmortemError } from '../model/errors.js';
import { PRECOMPILED_TEMPLATES } from './precompiled-templates.js';
import { builtInTemplatesDirectory } from './templates.js';

/** A compiled Markdown template: call it with the postmortem. */
export type MarkdownTemplate = Handlebars.TemplateDelegate;

/** A Handlebars instance set up for Markdown templates, with its compiled-template cache. */
export interface TemplateEnvironment {
  /** The instance; never the global Handlebars object. */
  readonly handlebars: typeof Handlebars;
  /** Compiles a template file, or returns it from the cache when the file has not changed. */
  compileFile(filePath: string, displayPath?: string): MarkdownTemplate;
}

type CompileOptions = Parameters<typeof Handlebars.compile>[1];
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** What sets one kind of template apart: its built-in partials, its helpers, how output is escaped. */
export interface TemplateFlavour {
  /** Directory of the built-in partials every environment of this kind starts with. */
  readonly builtInPartialsDirectory: string;
  /** Registers the helpers on a new instance. */
  registerHelpers(handlebars: typeof Handlebars): void;
  /** Handlebars compile options for every template and partial of this kind. */
  readonly compileOptions: CompileOptions;
}

/**
 * Creates an environment of a flavour (MARKDOWN_TEMPLATE_FLAVOUR in render-markdown.ts,
 * HTML_TEMPLATE_FLAVOUR in html-templates.ts: each lives with its helpers, so the HTML export
 * never loads the Markdown helpers) with its helpers, its built-in partials and, optionally,
 * a user's partials.
 */
export function createTemplateEnvironment(flavour: TemplateFlavour, userPartialsDirectory: string | null = null, displayDirectory?: string): TemplateEnvironment {
  const handlebars = Handlebars.create();
  flavour.registerHelpers(handlebars);
  registerPartialsFrom(handlebars, flavour, flavour.builtInPartialsDirectory, null);
  // Registered after the built-ins, so a user partial of the same name replaces the built-in one.
  if (userPartialsDirectory) {
    const registered = registerPartialsFrom(handlebars, flavour, userPartialsDirectory, displayDirectory ?? userPartialsDirectory);
    // Checked once all are registered: a partial may call one whose file sorts after its own.
    for (const partial of registered) checkPartialsExist(handlebars, partial);
  }
  const compiled = new Map<string, { modifiedMs: number; template: MarkdownTemplate }>();
  return {
    handlebars,
    compileFile(filePath, displayPath = filePath) {
      const modifiedMs = statSync(filePath).mtimeMs;
      const cached = compiled.get(filePath);
      if (cached && cached.modifiedMs === modifiedMs) return cached.template;
      const source = compileSource(handlebars, flavour, readFileSync(filePath, 'utf8'), filePath, displayPath);
      checkPartialsExist(handlebars, source);
      compiled.set(filePath, { modifiedMs, template: source.template });
      return source.template;
    },
  };
}

/** A compiled template file, with the partials it calls by name (none known for a precompiled built-in). */
interface CompiledSource {
  template: MarkdownTemplate;
  displayPath: string;
  partials: ReadonlyArray<{ name: string; line: number }>;
}

/**
 * A partial the template calls that is not registered is the user's mistake: reported with
 * the file and line before anything renders (Handlebars would only find it while rendering,
 * after a site build has made its folders, and without a line). `{{#> name}}` blocks have
 * their own fallback and are not checked, nor are dynamic `{{> (lookup ...)}}` names.
 */
function checkPartialsExist(handlebars: typeof Handlebars, source: CompiledSource): void {
  const known = handlebars.partials as Record<string, unknown>;
  const missing = source.partials.find((partial) => !Object.hasOwn(known, partial.name));
  if (missing) {
    throw new PostmortemError(`template error: the partial "${missing.name}" could not be found (there is no ${missing.name}.hbs among the partials)`, {
      filePath: source.displayPath,
      line: missing.line,
    });
  }
}

/** The signature of a partials directory: its files and their modification times. */
export function partialsSignature(directory: string): string {
  return partialFiles(directory)
    .map((file) => `${file}:${statSync(path.join(directory, file)).mtimeMs}`)
    .join('|');
}

function partialFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.hbs'))
    .sort();
}

function registerPartialsFrom(handlebars: typeof Handlebars, flavour: TemplateFlavour, directory: string, displayDirectory: string | null): CompiledSource[] {
  const registered: CompiledSource[] = [];
  for (const file of partialFiles(directory)) {
    const filePath = path.join(directory, file);
    const displayPath = displayDirectory ? path.join(displayDirectory, file) : filePath;
    // `timeline-entry.hbs`, `task.md.hbs` and `card.html.hbs` register as `timeline-entry`, `task` and `card`.
    const name = file.replace(/(?:\.md|\.html)?\.hbs$/, '');
    const source = compileSource(handlebars, flavour, readFileSync(filePath, 'utf8'), filePath, displayPath);
    handlebars.registerPartial(name, source.template);
    registered.push(source);
  }
  return registered;
}

/**
 * The built-in template at `filePath` compiled ahead of time (precompiled-templates.ts), when
 * it was compiled from exactly `source`, with the flavour's options, by this Handlebars.
 */
function precompiledTemplate(flavour: TemplateFlavour, source: string, filePath: string): TemplateSpecification | null {
  const relative = path.relative(builtInTemplatesDirectory, filePath).split(path.sep).join('/');
  const entry = Object.hasOwn(PRECOMPILED_TEMPLATES, relative) ? PRECOMPILED_TEMPLATES[relative] : undefined;
  if (!entry || entry.options !== JSON.stringify(flavour.compileOptions)) return null;
  const revision = (Handlebars as unknown as { COMPILER_REVISION?: unknown }).COMPILER_REVISION;
  if (!Array.isArray(entry.spec.compiler) || entry.spec.compiler[0] !== revision) return null;
  if (createHash('sha256').update(source).digest('hex') !== entry.sha256) return null;
  return entry.spec as TemplateSpecification;
}

/**
 * A built-in template comes ready compiled when it can (see precompiledTemplate). Anything
 * else is parsed eagerly (Handlebars otherwise parses on first use) so that a syntax error is
 * reported as the user's mistake, with the file and line, before anything is rendered.
 */
function compileSource(handlebars: typeof Handlebars, flavour: TemplateFlavour, source: string, filePath: string, displayPath: string): CompiledSource {
  const precompiled = precompiledTemplate(flavour, source, filePath);
  if (precompiled) return { template: handlebars.template(precompiled), displayPath, partials: [] };
  let program: ReturnType<typeof Handlebars.parse>;
  try {
    program = handlebars.parse(source);
  } catch (error) {
    throw templateError(error, displayPath, 'syntax error');
  }
  const { unknownHelper, partials } = templateNames(handlebars, program);
  if (unknownHelper) throw new PostmortemError(`template error: unknown helper "${unknownHelper.name}"`, { filePath: displayPath, line: unknownHelper.line });
  return { template: handlebars.compile(program, flavour.compileOptions), displayPath, partials };
}

const BUILT_IN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);

/** What one walk of a template's syntax tree finds. */
interface TemplateNames {
  /** The first helper it calls that the environment does not have, with its line. */
  unknownHelper: { name: string; line: number } | null;
  /** The partials it calls by a plain name (`{{> timeline-entry}}`) and does not define inline, with their lines. */
  partials: Array<{ name: string; line: number }>;
}

/**
 * The names a template calls that can be checked before it renders (Handlebars itself only
 * finds a missing helper or partial while rendering, and then without a line), in one walk.
 * A helper call is a name with arguments (`{{formatDate date}}`) or a block (`{{#helper}}`);
 * a bare `{{name}}` is a field lookup and is not checked. Partials are only collected here:
 * a template's partials may be registered after it is compiled (checkPartialsExist).
 */
function templateNames(handlebars: typeof Handlebars, program: hbs.AST.Program): TemplateNames {
  const helpers = handlebars.helpers as Record<string, unknown>;
  let unknownHelper: TemplateNames['unknownHelper'] = null;
  const partials: TemplateNames['partials'] = [];
  // `{{#*inline "name"}}...{{/inline}}` defines a partial inside the template itself.
  const inline = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const current = node as {
      type?: string;
      path?: { type?: string; original?: unknown };
      name?: { type?: string; original?: unknown };
      params?: Array<{ value?: unknown }>;
      hash?: { pairs?: unknown[] };
      loc?: { start: { line: number } };
    };
    const line = current.loc?.start.line ?? 1;
    const isCall = current.type === 'BlockStatement' || current.type === 'SubExpression' || (current.type === 'MustacheStatement' && ((current.params?.length ?? 0) > 0 || (current.hash?.pairs?.length ?? 0) > 0));
    if (!unknownHelper && isCall && current.path?.type === 'PathExpression' && typeof current.path.original === 'string') {
      const name = current.path.original;
      if (!BUILT_IN_HELPERS.has(name) && !(name in helpers) && !name.includes('.') && !name.startsWith('@')) unknownHelper = { name, line };
    }
    if (current.type === 'PartialStatement' && current.name?.type === 'PathExpression' && typeof current.name.original === 'string' && !current.name.original.startsWith('@')) {
      partials.push({ name: current.name.original, line });
    }
    if (current.type === 'DecoratorBlock' && current.path?.original === 'inline' && typeof current.params?.[0]?.value === 'string') inline.add(current.params[0].value);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object' && value !== current.loc) visit(value);
    }
  };
  visit(program);
  return { unknownHelper, partials: partials.filter((call) => !inline.has(call.name)) };
}

/**
 * A PostmortemError for a Handlebars failure in a user's template: the file, the line when
 * Handlebars says it ("Parse error on line 3", or a block mismatch's location), and the
 * first line of what Handlebars reported.
 */
export function templateError(error: unknown, displayPath: string, what: string): PostmortemError {
  const message = error instanceof Error ? error.message : String(error);
  const located = error as { lineNumber?: unknown };
  const line = typeof located.lineNumber === 'number' ? located.lineNumber : Number(/on line (\d+)/.exec(message)?.[1] ?? NaN);
  const expecting = /\n(Expecting [^\n]*)/.exec(message)?.[1];
  const firstLine = message.split('\n')[0]?.replace(/:$/, '') ?? message;
  const detail = expecting ? `${firstLine}: ${expecting}` : firstLine;
  return new PostmortemError(
    `template ${what}: ${detail}`,
    { filePath: displayPath, line: Number.isNaN(line) ? null : line },
    { cause: error },
  );
}
