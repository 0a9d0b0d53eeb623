/**
 * The postmortem language server (`postmortem lsp`): the lint engine behind the Language Server
 * Protocol, through Microsoft's vscode-languageserver. It lints each open Markdown document as
 * `postmortem lint` lints the file (the same rules, the nearest project config, inline
 * directives), debounced while the user types, and offers the rules' fixes and "disable this
 * rule for this line" as quick fixes, completion and hover in the front matter from the JSON
 * Schema, and the sections and timeline entries as the outline.
 *
 * It never prints and never exits the process: the protocol goes over the streams it is given,
 * and {@link LanguageServer.exited} resolves to the exit code the protocol asks for (0 after
 * `shutdown` then `exit`, 1 for an `exit` without `shutdown` or a client that went away).
 */
import { statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection, DidChangeWatchedFilesNotification, TextDocuments, type CodeAction, type Connection, type Diagnostic, type WatchDog } from 'vscode-languageserver';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { projectSeverities } from '../config/severities.js';
import { isProjectPostmortem } from '../io/find-postmortems.js';
import { createConfigResolver, type ConfigResolver, type FoundConfig } from '../lint/config-files.js';
import { blankFrontMatter, splitLines } from '../lint/engine.js';
import { lintInput } from '../lint/lint-file.js';
import { builtinRules } from '../lint/rules/index.js';
import type { LintResult } from '../lint/types.js';
import { isPostmortemError, type PostmortemError } from '../model/errors.js';
import { DEFAULT_SEVERITIES } from '../model/postmortem.js';
import { parsePostmortem } from '../parse/parse-postmortem.js';
import { codeActionsFor, DIAGNOSTIC_SOURCE, toDiagnostic } from './diagnostics.js';
import { CONFIG_ERROR_CODE, DEFAULT_DEBOUNCE_MS, FIX_ALL_KIND, type LanguageServer, type LanguageServerOptions } from './options.js';
import { documentSymbols } from './document-symbols.js';
import { completeFrontMatter, hoverFrontMatter } from './front-matter-assist.js';

/** The settings a client may pass as `initializationOptions`. */
interface InitializationOptions {
  debounceMs?: unknown;
  config?: unknown;
}

/** What the server keeps of the last lint of an open document. */
interface LintedDocument {
  version: number;
  result: LintResult | null;
  configError: PostmortemError | null;
  /** Set when the document is too large to lint as it is typed. */
  tooLarge?: boolean;
  /** The text with every fix applied, worked out at the first "fix all" asked of this version (editors ask at every cursor move). */
  fixedText?: Promise<string | undefined>;
}

/**
 * The largest document linted as it is typed, in characters. The lint runs on the server's
 * one thread: a 5 MB document took 0.7 s after every pause, answering nothing meanwhile.
 * `postmortem lint` still reads files up to 5 MiB.
 */
const MAX_LIVE_LINT_CHARACTERS = 1024 * 1024;

/** The names of the files whose change means the config may have changed. */
const CONFIG_FILE_PATTERN = /(?:^|[\\/])(?:\.postmortemrc\.(?:json|ya?ml)|package\.json|\.gitignore)$/;

function filePathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** A file's modification stamp, to notice a config edited behind the server's back. */
function stampOf(path: string): string {
  try {
    const stat = statSync(path);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return 'missing';
  }
}

/**
 * Starts a language server on `input` and `output`. Lints documents whose language is
 * Markdown (or whose name ends in .md / .markdown).
 */
export function startLanguageServer(options: LanguageServerOptions): LanguageServer {
  let resolveExit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  const timers = new Map<string, NodeJS.Timeout>();
  const linted = new Map<string, LintedDocument>();
  const justOpened = new Set<string>();
  const docsUrl = options.ruleDocsUrl ?? ((): null => null);
  let debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  let cwd = options.cwd;
  let configFile = options.configFile ?? null;
  let resolver: ConfigResolver | null = null;
  /** The stamp of each config file as it was when the current resolver read it. */
  const configStamps = new Map<string, string>();
  let parentWatch: NodeJS.Timeout | null = null;
  let finished = false;
  let connection: Connection | null = null;

  const finish = (code: number): void => {
    if (finished) return;
    finished = true;
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    if (parentWatch) clearInterval(parentWatch);
    resolveExit(code);
    // After the exit code is settled: disposing ends the reader and writer.
    setImmediate(() => connection?.dispose());
  };

  const watchDog: WatchDog = {
    shutdownReceived: false,
    initialize(params) {
      // An editor that dies without saying goodbye leaves no server behind (as vscode-languageserver's own watchdog does).
      const parent = params.processId;
      if (typeof parent !== 'number' || parent <= 0) return;
      parentWatch = setInterval(() => {
        try {
          process.kill(parent, 0);
        } catch {
          finish(watchDog.shutdownReceived ? 0 : 1);
        }
      }, 3000);
      parentWatch.unref();
    },
    exit(code) {
      finish(code);
    },
  };

  connection = createConnection(
    (logger) => createProtocolConnection(new StreamMessageReader(options.input), new StreamMessageWriter(options.output), logger),
    watchDog,
  );
  const documents = new TextDocuments(TextDocument);
  const conn = connection;

  const isMarkdown = (document: TextDocument): boolean => document.languageId === 'markdown' || /\.(?:md|markdown)$/i.test(document.uri);

  const configs = (): ConfigResolver => {
    resolver ??= createConfigResolver({ cwd, configFile, rules: builtinRules });
    return resolver;
  };

  /** Forgets every config read, so the next lint reads them again. */
  const forgetConfigs = (): void => {
    resolver = null;
    configStamps.clear();
    lintable.clear();
  };

  /**
   * Whether a document is linted: an untitled one, a file outside the workspace (opened on its
   * own, as `postmortem lint FILE` reads it), and a file in it that is one of the project's
   * postmortems (under postmortems/ when there is one; not ignored), so a README or a changelog
   * beside them is left alone. Not a git diff, a notebook cell or another virtual document.
   */
  const lintable = new Map<string, Promise<boolean>>();
  const isLintable = (uri: string): Promise<boolean> => {
    if (uri.startsWith('untitled:')) return Promise.resolve(true);
    const filePath = filePathOf(uri);
    if (filePath === null) return Promise.resolve(false);
    const fromRoot = relative(cwd, filePath);
    if (fromRoot.startsWith('..') || isAbsolute(fromRoot)) return Promise.resolve(true);
    let known = lintable.get(uri);
    if (!known) {
      known = isProjectPostmortem(filePath, { cwd, configFile }).catch(() => true);
      lintable.set(uri, known);
    }
    return known;
  };

  /** The config for a document; a config file changed since it was read is read again. */
  const configFor = async (uri: string): Promise<FoundConfig | null> => {
    const filePath = filePathOf(uri);
    // An untitled document takes the config of the workspace.
    const lookup = filePath ?? join(cwd, 'untitled.md');
    let found = await configs().configFor(lookup);
    if (found.path !== null) {
      const stamp = stampOf(found.path);
      const known = configStamps.get(found.path);
      if (known === undefined) {
        configStamps.set(found.path, stamp);
      } else if (known !== stamp) {
        forgetConfigs();
        found = await configs().configFor(lookup);
        if (found.path !== null) configStamps.set(found.path, stampOf(found.path));
      }
    }
    return found;
  };

  const lintDocument = async (document: TextDocument): Promise<LintedDocument> => {
    if (!(await isLintable(document.uri))) return { version: document.version, result: null, configError: null };
    let config: FoundConfig | null = null;
    try {
      config = await configFor(document.uri);
    } catch (error) {
      if (!isPostmortemError(error)) throw error;
      return { version: document.version, result: null, configError: error };
    }
    // The text as it is now: a change may have come in while the config was read.
    const current = documents.get(document.uri) ?? document;
    if (current.getText().length > MAX_LIVE_LINT_CHARACTERS) return { version: current.version, result: null, configError: null, tooLarge: true };
    const filePath = filePathOf(current.uri) ?? current.uri;
    try {
      return { version: current.version, result: await lintInput(filePath, { text: current.getText() }, { config: config?.config }), configError: null };
    } catch (error) {
      // An invalid rule setting is found when the rules are configured, on the first lint.
      if (!isPostmortemError(error)) throw error;
      return { version: current.version, result: null, configError: error };
    }
  };

  const diagnosticsOf = (document: TextDocument, state: LintedDocument): Diagnostic[] => {
    if (state.configError) {
      return [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 1,
        code: CONFIG_ERROR_CODE,
        source: DIAGNOSTIC_SOURCE,
        message: `The project config cannot be used, so this file is not linted: ${state.configError.format()}`,
      }];
    }
    if (state.tooLarge) {
      return [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 3,
        source: DIAGNOSTIC_SOURCE,
        message: `This document is over ${MAX_LIVE_LINT_CHARACTERS.toLocaleString('en-US')} characters, too large to lint as you type: run postmortem lint on it`,
      }];
    }
    const lines = splitLines(document.getText());
    return (state.result?.messages ?? []).map((message) => toDiagnostic(message, lines, docsUrl));
  };

  const lintAndPublish = async (uri: string): Promise<void> => {
    timers.delete(uri);
    const document = documents.get(uri);
    if (!document || finished) return;
    try {
      const state = await lintDocument(document);
      const current = documents.get(uri);
      // Closed meanwhile, or the result is for a version already replaced (its own lint is on the way).
      if (!current || finished || current.version !== state.version) return;
      linted.set(uri, state);
      await conn.sendDiagnostics({ uri, version: state.version, diagnostics: diagnosticsOf(current, state) });
    } catch (error) {
      conn.console.error(`postmortem: could not lint ${uri}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const schedule = (uri: string, delay: number): void => {
    const pending = timers.get(uri);
    if (pending) clearTimeout(pending);
    if (delay <= 0) {
      timers.delete(uri);
      void lintAndPublish(uri);
      return;
    }
    timers.set(uri, setTimeout(() => void lintAndPublish(uri), delay));
  };

  const relintAll = (): void => {
    for (const document of documents.all()) if (isMarkdown(document)) schedule(document.uri, 0);
  };

  /** The last lint of a document if it is of the current text, else a fresh one. */
  const currentLint = async (document: TextDocument): Promise<LintedDocument> => {
    const known = linted.get(document.uri);
    if (known && known.version === document.version) return known;
    const state = await lintDocument(document);
    linted.set(document.uri, state);
    return state;
  };

  let watchRegistration = false;
  conn.onInitialize((params) => {
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof init.debounceMs === 'number' && Number.isFinite(init.debounceMs) && init.debounceMs >= 0) debounceMs = init.debounceMs;
    if (typeof init.config === 'string' && init.config.trim() !== '') configFile = init.config;
    const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? null;
    const rootPath = root === null ? null : filePathOf(root);
    if (rootPath !== null) cwd = rootPath;
    else if (typeof params.rootPath === 'string' && isAbsolute(params.rootPath)) cwd = params.rootPath;
    watchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: 2 /* incremental */ },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        completionProvider: { triggerCharacters: [':', ' '] },
        hoverProvider: true,
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'postmortem' },
    };
  });

  conn.onInitialized(() => {
    if (!watchRegistration) return;
    void conn.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/.postmortemrc.{json,yaml,yml}' }, { globPattern: '**/package.json' }, { globPattern: '**/.gitignore' }],
    }).catch(() => undefined);
  });

  conn.onDidChangeWatchedFiles((params) => {
    if (!params.changes.some((change) => CONFIG_FILE_PATTERN.test(filePathOf(change.uri) ?? change.uri))) return;
    forgetConfigs();
    relintAll();
  });

  documents.onDidOpen((event) => {
    if (isMarkdown(event.document)) justOpened.add(event.document.uri);
  });
  documents.onDidChangeContent((event) => {
    const { uri } = event.document;
    if (!isMarkdown(event.document)) return;
    // A document just opened is linted at once; one being typed in waits for a pause.
    const opened = justOpened.delete(uri);
    schedule(uri, opened ? 0 : debounceMs);
  });
  documents.onDidClose((event) => {
    const { uri } = event.document;
    const pending = timers.get(uri);
    if (pending) clearTimeout(pending);
    timers.delete(uri);
    linted.delete(uri);
    justOpened.delete(uri);
    if (isMarkdown(event.document)) void conn.sendDiagnostics({ uri, diagnostics: [] });
  });

  conn.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !isMarkdown(document)) return [];
    const state = await currentLint(document);
    if (!state.result) return [];
    const only = params.context.only;
    const wants = (kind: string): boolean => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
    const text = document.getText();
    const actions: CodeAction[] = wants('quickfix')
      ? codeActionsFor(state.result.messages, params.range, { uri: document.uri, lines: splitLines(text), offsets: document, eol: text.includes('\r\n') ? '\r\n' : '\n' }, docsUrl)
      : [];
    if (wants(FIX_ALL_KIND) && state.result.messages.some((message) => message.fix)) {
      state.fixedText ??= (async () => {
        const config = await configFor(document.uri).catch(() => null);
        return (await lintInput(filePathOf(document.uri) ?? document.uri, { text }, { config: config?.config, fix: true })).output;
      })();
      const output = await state.fixedText;
      if (output !== undefined) {
        const edit = { range: { start: { line: 0, character: 0 }, end: document.positionAt(text.length) }, newText: output };
        actions.push({ title: 'Fix all postmortem problems that have a fix', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: [edit] } } });
      }
    }
    return actions;
  });

  conn.onCompletion(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !isMarkdown(document)) return [];
    const lines = splitLines(document.getText());
    let severities: readonly string[] = DEFAULT_SEVERITIES;
    try {
      const found = await configFor(document.uri);
      severities = projectSeverities(found?.config, null) ?? DEFAULT_SEVERITIES;
    } catch {
      // An unusable config is reported as a diagnostic; completion offers the defaults.
    }
    const items = completeFrontMatter(lines, params.position.line, params.position.character, { severities }) ?? [];
    return items.map((item) => ({
      label: item.label,
      kind: item.kind === 'key' ? 10 /* Property */ : 12 /* Value */,
      insertText: item.insertText,
      ...(item.detail ? { detail: item.detail } : {}),
      ...(item.documentation ? { documentation: item.documentation } : {}),
    }));
  });

  conn.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !isMarkdown(document)) return null;
    const hover = hoverFrontMatter(splitLines(document.getText()), params.position.line, params.position.character);
    if (!hover) return null;
    return {
      contents: { kind: 'markdown', value: hover.contents },
      range: { start: { line: hover.line, character: hover.start }, end: { line: hover.line, character: hover.end } },
    };
  });

  conn.onDocumentSymbol((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !isMarkdown(document)) return [];
    const text = document.getText();
    const filePath = filePathOf(document.uri);
    let doc;
    try {
      doc = parsePostmortem(text, { filePath });
    } catch (error) {
      if (!isPostmortemError(error)) throw error;
      // Front matter being typed need not take the outline away.
      doc = parsePostmortem(blankFrontMatter(text), { filePath });
    }
    return documentSymbols(doc, splitLines(text));
  });

  documents.listen(conn);
  conn.listen();

  const inputEnded = (): void => finish(watchDog.shutdownReceived ? 0 : 1);
  options.input.on('end', inputEnded);
  options.input.on('close', inputEnded);
  void exited.then(() => {
    options.input.removeListener('end', inputEnded);
    options.input.removeListener('close', inputEnded);
  });
  return { exited };
}

