/**
 * `SpawnedWebSocketTransport`: spawns `codex app-server --listen
 * ws://127.0.0.1:0`, learns the address the server reports on stderr,
 * connects to it over WebSocket, and owns the child process (it is stopped
 * when the client shuts down, and its exit ends the connection).
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import type { JSONRPCMessage } from '@cask/protocol';
import { ServerExitedError } from './errors.js';
import { ExitLatch, waitForWake } from './exit-latch.js';
import { StderrTail } from './stderr-tail.js';
import { resolveCodexBinary, type ResolvedCodexBinary } from './stdio.js';
import type { ServerExit, Transport, TransportSink } from './transport.js';
import { WebSocketTransport, type WebSocketTransportOptions } from './websocket.js';

/** Options of {@link SpawnedWebSocketTransport}. */
export interface SpawnedWebSocketOptions {
  /** The `codex` executable. Default: see `resolveCodexBinary`. */
  codexPath?: string;
  /** Arguments before `--listen`. Default `['app-server']`. */
  args?: string[];
  /** Where the server listens. Default `ws://127.0.0.1:0` (a free loopback port). */
  listen?: string;
  /** Variables added to (or, with `inheritEnv: false`, replacing) the server's environment. */
  env?: Record<string, string | undefined>;
  /** Start from `process.env`. Default `true`. */
  inheritEnv?: boolean;
  /** Working directory of the server process. */
  cwd?: string;
  /** Called with every line the server writes to stderr. */
  onStderr?: (line: string) => void;
  /** How long to wait for the server to report its address, in ms. Default 15 000. */
  startTimeoutMs?: number;
  /** Passed to the {@link WebSocketTransport} (bearer token, headers, limits). */
  websocket?: Omit<WebSocketTransportOptions, 'url'>;
}

const LISTENING = /listening on:?\s+(wss?:\/\/\S+)/i;

/** The WebSocket address in one line of the server's stderr, if the line announces one. */
export function listeningAddress(line: string): string | undefined {
  return LISTENING.exec(stripVTControlCharacters(line))?.[1];
}

/**
 * A transport that starts its own app-server in WebSocket mode.
 *
 * @example
 * ```ts
 * const client = await AppServerClient.start({
 *   transport: new SpawnedWebSocketTransport(),
 *   clientInfo: { name: 'demo', version: '1.0.0' },
 * });
 * console.log(client.transport.url); // ws://127.0.0.1:PORT
 * await client.shutdown();          // closes the socket (code 1000) and stops the server
 * ```
 */
export class SpawnedWebSocketTransport implements Transport {
  readonly kind = 'websocket';
  /** The executable that is (or will be) spawned and how it was found. */
  readonly binary: ResolvedCodexBinary;
  /** The address the server reported, once known. */
  url: string | undefined;
  private child: ChildProcess | undefined;
  private socket: WebSocketTransport | undefined;
  private readonly stderr: StderrTail;
  private readonly latch = new ExitLatch();
  private processExit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly processWaiters: Array<() => void> = [];
  private closing: Promise<ServerExit> | undefined;

  constructor(private readonly options: SpawnedWebSocketOptions = {}) {
    this.binary = resolveCodexBinary(options.codexPath);
    this.stderr = new StderrTail(undefined, undefined, undefined, (line) => {
      this.url ??= listeningAddress(line);
      if (this.url !== undefined) this.onAddress?.(this.url);
      options.onStderr?.(line);
    });
  }

  private onAddress: ((url: string) => void) | undefined;

  /** The server's process id. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  stderrTail(): string[] {
    return this.stderr.tail();
  }

  async connect(sink: TransportSink): Promise<void> {
    if (this.child) throw new Error('SpawnedWebSocketTransport.connect called twice');
    this.latch.attach(sink);
    const o = this.options;
    const env: NodeJS.ProcessEnv = { ...(o.inheritEnv === false ? {} : process.env), ...o.env };
    const child = spawn(this.binary.path, [...(o.args ?? ['app-server']), '--listen', o.listen ?? 'ws://127.0.0.1:0'], {
      cwd: o.cwd,
      env,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    this.child = child;
    child.stdin.on('error', () => undefined);
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderr.push(chunk);
    });
    child.on('exit', (code, signal) => {
      this.processExit = { code, signal };
      // The server is gone: whatever the socket still says, the connection has ended.
      this.latch.set({ code, signal, stderrTail: this.stderr.tail(), reason: 'the app-server process exited' });
      for (const w of this.processWaiters.splice(0)) w();
    });
    const url = await new Promise<string>((resolve, reject) => {
      const fail = (reason: string): void => {
        clearTimeout(timer);
        const exit = this.latch.set({ code: null, signal: null, stderrTail: this.stderr.tail(), reason });
        reject(new ServerExitedError('starting codex app-server --listen', exit));
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        fail(`the server did not report a listening address within ${o.startTimeoutMs ?? 15_000} ms`);
      }, o.startTimeoutMs ?? 15_000);
      this.onAddress = (address) => {
        this.onAddress = undefined;
        clearTimeout(timer);
        resolve(address);
      };
      if (this.url !== undefined) this.onAddress(this.url);
      child.once('error', (err) => {
        fail(`failed to start ${this.binary.path}: ${err.message}`);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        const exit = this.latch.exit ?? { code, signal, stderrTail: this.stderr.tail() };
        reject(new ServerExitedError('starting codex app-server --listen', exit));
      });
    });
    const socket = new WebSocketTransport({ ...o.websocket, url });
    this.socket = socket;
    await socket.connect({
      message: (m) => {
        if (!this.latch.exit) sink.message(m);
      },
      malformed: (p) => {
        if (!this.latch.exit) sink.malformed(p);
      },
      closed: (exit) => {
        if (this.closing || this.processExit) {
          this.latch.set({ ...exit, stderrTail: this.stderr.tail() });
          return;
        }
        // The socket dropped: if the process is dying, report how it ended rather than the bare 1006.
        void this.waitProcess(200).then(() => {
          const p = this.processExit;
          this.latch.set(
            p
              ? {
                  code: p.code,
                  signal: p.signal,
                  stderrTail: this.stderr.tail(),
                  reason: exit.reason ?? 'the app-server process exited',
                }
              : { ...exit, stderrTail: this.stderr.tail() },
          );
        });
      },
    });
  }

  send(message: JSONRPCMessage, serialized?: string): void {
    if (!this.latch.exit) this.socket?.send(message, serialized);
  }

  /** Closes the socket (reported as a clean close, code 1000), then stops the server process. */
  close({ timeoutMs }: { timeoutMs: number }): Promise<ServerExit> {
    this.closing ??= (async () => {
      const half = Math.max(1, Math.floor(timeoutMs / 2));
      const socketExit = this.socket ? await this.socket.close({ timeoutMs: half }) : undefined;
      const exit = this.latch.set(
        socketExit
          ? { ...socketExit, stderrTail: this.stderr.tail() }
          : { code: null, signal: null, stderrTail: this.stderr.tail(), reason: 'never connected' },
      );
      const child = this.child;
      if (child && !this.processExit) {
        child.stdin?.end();
        child.kill('SIGTERM');
        if (!(await this.waitProcess(half))) {
          child.kill('SIGKILL');
          await this.waitProcess(1_000);
        }
      }
      return exit;
    })();
    return this.closing;
  }

  private waitProcess(ms: number): Promise<boolean> {
    if (this.processExit) return Promise.resolve(true);
    return waitForWake(this.processWaiters, ms);
  }
}
