/**
 * An editor's side of the Language Server Protocol, for tests: spawns the real
 * `bin/postmortem.js lsp --stdio` (the bundle) and talks JSON-RPC with Content-Length framing
 * over its standard input and output through vscode-jsonrpc, as VS Code's client does.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { binPath } from '../cli/cli-harness.js';

/** A `textDocument/publishDiagnostics` notification's parameters, as received. */
export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Array<{
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity?: number;
    code?: string | number;
    codeDescription?: { href: string };
    source?: string;
    message: string;
  }>;
}

/** A running server and the client connected to it. */
export class LspClient {
  readonly published: PublishedDiagnostics[] = [];
  /** Requests the server sent the client (`client/registerCapability`, ...), by method. */
  readonly serverRequests: Array<{ method: string; params: unknown }> = [];
  private waiters: Array<{ test: (params: PublishedDiagnostics) => boolean; resolve: (params: PublishedDiagnostics) => void }> = [];
  readonly exited: Promise<number | null>;
  stderr = '';

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
  ) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      this.published.push(params);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.test(params)) return true;
        waiter.resolve(params);
        return false;
      });
    });
    connection.onRequest((method: string, params: unknown) => {
      this.serverRequests.push({ method, params });
      return null;
    });
    connection.listen();
  }

  /** Spawns `postmortem lsp --stdio ...args` in `cwd`. */
  static start(cwd: string, args: string[] = []): LspClient {
    const child = spawn(process.execPath, [binPath, 'lsp', '--stdio', ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    return new LspClient(child, connection);
  }

  /** `initialize` then `initialized`, with the capabilities an editor such as VS Code announces. */
  async initialize(rootPath: string, initializationOptions: Record<string, unknown> = {}): Promise<any> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(rootPath).href,
      workspaceFolders: [{ uri: pathToFileURL(rootPath).href, name: 'workspace' }],
      capabilities: {
        workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true }, codeAction: {}, completion: {}, hover: {}, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
      },
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  request(method: string, params: unknown): Promise<any> {
    return this.connection.sendRequest(method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** The next diagnostics published for `uri` that pass `test` (already received ones do not count). */
  nextDiagnostics(uri: string, test: (params: PublishedDiagnostics) => boolean = () => true): Promise<PublishedDiagnostics> {
    return new Promise((resolve) => this.waiters.push({ test: (params) => params.uri === uri && test(params), resolve }));
  }

  /** `shutdown` then `exit`; resolves to the process's exit code. */
  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** Ends the process if a test left it running. */
  kill(): void {
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}
