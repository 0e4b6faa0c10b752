/**
 * The WebSocket transport: connects to `codex app-server --listen ws://…`
 * (or a remote endpoint); one JSON-RPC message per text frame.
 * @module
 */
import type { JSONRPCMessage } from '@cask/protocol';
import WebSocket, { type ClientOptions, type RawData } from 'ws';
import { ServerExitedError } from './errors.js';
import { isRecord } from './json-rpc.js';
import { ExitLatch } from './exit-latch.js';
import { DEFAULT_MAX_LINE_BYTES } from './jsonl.js';
import { isLoopbackHost } from './loopback.js';
import type { ServerExit, Transport, TransportSink } from './transport.js';

/**
 * Options passed through to the `ws` client: the commonly used part of ws's
 * `ClientOptions`, typed here so that our declarations compile without
 * `@types/ws` or Node's types. `agent` is an `http.Agent`/`https.Agent`.
 */
export interface WebSocketClientOptions {
  /** Trusted CA certificates (PEM). */
  ca?: string | Uint8Array | ReadonlyArray<string | Uint8Array>;
  /** Client certificate chain (PEM). */
  cert?: string | Uint8Array | ReadonlyArray<string | Uint8Array>;
  /** Client private key (PEM). */
  key?: string | Uint8Array | ReadonlyArray<string | Uint8Array>;
  /** Passphrase of `key`. */
  passphrase?: string;
  /** Reject servers whose certificate does not verify. Default true. */
  rejectUnauthorized?: boolean;
  /** TLS server name (SNI). */
  servername?: string;
  /** An `http.Agent` or `https.Agent` (proxy support, connection reuse). */
  agent?: object;
  /** More headers for the upgrade request (merged under {@link WebSocketTransportOptions.headers}). */
  headers?: Record<string, string>;
  /** The `Origin` header. */
  origin?: string;
  /** Negotiate permessage-deflate. */
  perMessageDeflate?: boolean;
  /** Follow HTTP redirects of the upgrade request. */
  followRedirects?: boolean;
  /** Most redirects followed. */
  maxRedirects?: number;
  /** IP family of the lookup (4 or 6). */
  family?: number;
  /** Local interface to connect from. */
  localAddress?: string;
}

/** Options of {@link WebSocketTransport}. */
export interface WebSocketTransportOptions {
  /** `ws://host:port` or `wss://…`. */
  url: string;
  /** Sent as `Authorization: Bearer <token>` in the upgrade request. */
  bearerToken?: string;
  /** More headers for the upgrade request. */
  headers?: Record<string, string>;
  /**
   * Allow plain `ws://` to a host that is not loopback. Off by default:
   * without TLS, the traffic (and any bearer token) crosses the network in
   * clear text.
   */
  allowInsecure?: boolean;
  /** Give up connecting after this many ms. Default 10 000. */
  connectTimeoutMs?: number;
  /** Largest accepted message, in bytes; larger ones are skipped and reported. Default 64 MiB. */
  maxMessageBytes?: number;
  /** Passed through to the `ws` client (TLS options, agent, ...). */
  wsOptions?: WebSocketClientOptions;
}

export { isLoopbackHost };

/**
 * Checks a WebSocket URL: must be `ws:`/`wss:`, and `ws:` only to loopback
 * unless `allowInsecure`. Returns the parsed URL.
 * @throws TypeError naming the problem.
 */
export function checkWebSocketUrl(url: string, allowInsecure = false): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new TypeError(`invalid WebSocket URL ${JSON.stringify(url)}`);
  }
  if (u.protocol !== 'ws:' && u.protocol !== 'wss:') {
    throw new TypeError(`WebSocket URL must start with ws:// or wss://, got ${JSON.stringify(url)}`);
  }
  if (u.protocol === 'ws:' && !isLoopbackHost(u.hostname) && !allowInsecure) {
    throw new TypeError(
      `refusing unencrypted ws:// to non-loopback host ${u.hostname}: use wss://, or pass allowInsecure: true if the network is trusted`,
    );
  }
  return u;
}

/** Connects to an app-server WebSocket endpoint. */
export class WebSocketTransport implements Transport {
  readonly kind = 'websocket';
  private socket: WebSocket | undefined;
  private readonly latch = new ExitLatch();
  private closedByClient = false;
  private closing: Promise<ServerExit> | undefined;
  private readonly url: URL;

  /** @throws TypeError for an invalid or insecure URL (see {@link checkWebSocketUrl}). */
  constructor(private readonly options: WebSocketTransportOptions) {
    this.url = checkWebSocketUrl(options.url, options.allowInsecure);
  }

  connect(sink: TransportSink): Promise<void> {
    if (this.socket) return Promise.reject(new Error('WebSocketTransport.connect called twice'));
    this.latch.attach(sink);
    const o = this.options;
    const max = o.maxMessageBytes ?? DEFAULT_MAX_LINE_BYTES;
    const headers: Record<string, string> = { ...o.headers };
    if (o.bearerToken) headers['Authorization'] = `Bearer ${o.bearerToken}`;
    // Cast: WebSocketClientOptions mirrors part of ws's ClientOptions; `agent` is typed `object` there to keep Node's types out of our declarations, and ws checks it at run time.
    const passThrough = (o.wsOptions ?? {}) as ClientOptions;
    const socket = new WebSocket(this.url, {
      ...passThrough,
      headers: { ...o.wsOptions?.headers, ...headers },
      handshakeTimeout: o.connectTimeoutMs ?? 10_000,
      // Hard limit well above the soft one, so an oversized message is skipped and reported rather than fatal.
      maxPayload: Math.max(max * 2, max + 1024 * 1024),
    });
    this.socket = socket;
    socket.on('message', (data: RawData, isBinary: boolean) => {
      if (this.latch.exit) return;
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      if (buf.length > max) {
        sink.malformed({
          subject: 'message too long',
          message: `a message of ${buf.length} bytes exceeds maxMessageBytes (${max}); it was skipped`,
          raw: `${buf.toString('utf8', 0, 200)}…`,
        });
        return;
      }
      const text = buf.toString('utf8');
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (err) {
        sink.malformed({
          subject: 'unparsable message',
          message: `not JSON${isBinary ? ' (binary frame)' : ''}: ${err instanceof Error ? err.message : String(err)}`,
          raw: text.slice(0, 800),
        });
        return;
      }
      if (!isRecord(parsed)) {
        sink.malformed({
          subject: 'not a JSON object',
          message: 'expected a JSON-RPC message object',
          raw: text.slice(0, 800),
        });
        return;
      }
      sink.message(parsed);
    });
    return new Promise<void>((resolve, reject) => {
      let opened = false;
      let failure: string | undefined;
      socket.once('open', () => {
        opened = true;
        resolve();
      });
      socket.on('unexpected-response', (_req, res) => {
        failure = `server answered the upgrade with HTTP ${res.statusCode} ${res.statusMessage ?? ''}`.trim();
        res.resume();
        socket.terminate();
      });
      socket.on('error', (err) => {
        failure ??= err.message;
      });
      socket.on('close', (code, reason) => {
        const why = reason.length ? reason.toString('utf8') : failure;
        // A close this client started is clean, whatever code the peer's answer (or its absence) produced.
        const exit = this.closedByClient
          ? this.finish(
              1000,
              code === 1000 ? 'closed by the client' : `closed by the client (socket close code ${code})`,
            )
          : this.finish(code, why);
        if (!opened) reject(new ServerExitedError(`connecting to ${this.url.href}`, exit));
      });
    });
  }

  send(message: JSONRPCMessage, serialized?: string): void {
    if (!this.socket || this.latch.exit || this.socket.readyState !== WebSocket.OPEN) return;
    this.socket.send(serialized ?? JSON.stringify(message));
  }

  close({ timeoutMs }: { timeoutMs: number }): Promise<ServerExit> {
    this.closing ??= (async () => {
      const socket = this.socket;
      if (this.latch.exit || !socket) return this.latch.exit ?? this.finish(null, 'never connected');
      this.closedByClient = true;
      socket.close(1000, 'client shutdown');
      const exit = await this.latch.wait(timeoutMs);
      if (exit) return exit;
      socket.terminate();
      return (
        (await this.latch.wait(1_000)) ?? this.finish(1000, 'closed by the client (terminated after the close timeout)')
      );
    })();
    return this.closing;
  }

  private finish(code: number | null, reason?: string): ServerExit {
    return this.latch.set({ code, signal: null, stderrTail: [], ...(reason ? { reason } : {}) });
  }
}
