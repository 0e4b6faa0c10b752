/**
 * The in-memory transport: a typed pair of endpoints in one process, for
 * embedding an app-server written in TypeScript (a test double, a proxy).
 * Messages are passed as objects (no JSON serialisation) and delivered in
 * order on a later microtask, so neither side re-enters the other.
 * @module
 */
import type { JSONRPCMessage } from '@cask/protocol';
import { isRecord } from './json-rpc.js';
import type { ServerExit, Transport, TransportSink } from './transport.js';

/** The server's end of an in-memory pair. */
export interface InMemoryServerEndpoint {
  /**
   * Registers the receiver of the client's messages (requests,
   * notifications, answers to server requests). Messages sent before a
   * receiver exists are held and delivered once it is registered.
   */
  onMessage(receiver: (message: JSONRPCMessage) => void): void;
  /**
   * Sends one message to the client. The object is handed over as is: do
   * not mutate it afterwards. Returns false when the connection is closed.
   */
  send(message: JSONRPCMessage): boolean;
  /** Called once when the client closes the connection. */
  onClose(listener: () => void): void;
  /** Ends the connection from the server side, like a server exit (default code 0). */
  close(exit?: Partial<ServerExit>): void;
  /** Whether the connection has ended. */
  readonly closed: boolean;
}

/** Both ends of an in-memory connection. */
export interface InMemoryPair {
  /** Give this to `AppServerClient.start({ transport })`. */
  transport: Transport;
  /** Drive this from your TypeScript server. */
  server: InMemoryServerEndpoint;
}

/**
 * Creates a connected in-memory pair.
 *
 * @example
 * ```ts
 * const { transport, server } = createInMemoryPair();
 * server.onMessage((m) => {
 *   if ('method' in m && m.method === 'initialize' && 'id' in m) server.send({ id: m.id, result: { userAgent: 'ts/1' } } as never);
 * });
 * const client = await AppServerClient.start({ transport, clientInfo: { name: 'x', version: '1' } });
 * ```
 */
export function createInMemoryPair(): InMemoryPair {
  let sink: TransportSink | undefined;
  let exit: ServerExit | undefined;
  let receiver: ((m: JSONRPCMessage) => void) | undefined;
  const closeListeners: Array<() => void> = [];
  const toServer: JSONRPCMessage[] = [];
  const toClient: JSONRPCMessage[] = [];
  let clientFlushScheduled = false;
  let serverFlushScheduled = false;

  const flushToClient = () => {
    clientFlushScheduled = false;
    // Messages sent while this batch is delivered go to the next one (a new microtask).
    const batch = toClient.splice(0);
    for (const m of batch) {
      if (exit || !sink) break;
      deliver(sink, m);
    }
  };
  const flushToServer = () => {
    serverFlushScheduled = false;
    if (!receiver) return;
    const batch = toServer.splice(0);
    for (const m of batch) {
      if (exit) break;
      receiver(m);
    }
  };
  const end = (e: ServerExit): ServerExit => {
    if (exit) return exit;
    exit = e;
    // Deliver what is already on its way first, like a pipe would.
    if (toClient.length && sink) {
      const pending = toClient.splice(0);
      for (const m of pending) deliver(sink, m);
    }
    sink?.closed(e);
    for (const l of closeListeners.splice(0)) l();
    return e;
  };

  const server: InMemoryServerEndpoint = {
    onMessage(fn) {
      receiver = fn;
      if (toServer.length && !serverFlushScheduled) {
        serverFlushScheduled = true;
        queueMicrotask(flushToServer);
      }
    },
    send(message) {
      if (exit) return false;
      toClient.push(message);
      if (!clientFlushScheduled && sink) {
        clientFlushScheduled = true;
        queueMicrotask(flushToClient);
      }
      return true;
    },
    onClose(listener) {
      if (exit) listener();
      else closeListeners.push(listener);
    },
    close(e) {
      queueMicrotask(() => {
        end({
          code: e?.code ?? 0,
          signal: e?.signal ?? null,
          stderrTail: e?.stderrTail ?? [],
          ...(e?.reason ? { reason: e.reason } : {}),
        });
      });
    },
    get closed() {
      return exit !== undefined;
    },
  };

  const transport: Transport = {
    kind: 'in-memory',
    connect(s) {
      sink = s;
      if (toClient.length && !clientFlushScheduled) {
        clientFlushScheduled = true;
        queueMicrotask(flushToClient);
      }
      return Promise.resolve();
    },
    send(message) {
      if (exit) return;
      toServer.push(message);
      if (!serverFlushScheduled && receiver) {
        serverFlushScheduled = true;
        queueMicrotask(flushToServer);
      }
    },
    close() {
      return Promise.resolve(end(exit ?? { code: 0, signal: null, stderrTail: [], reason: 'closed by the client' }));
    },
  };
  return { transport, server };
}

/** Hands one server message to the client; anything but a JSON-RPC object is reported as malformed, never thrown. */
function deliver(sink: TransportSink, m: unknown): void {
  if (isRecord(m)) {
    sink.message(m);
    return;
  }
  sink.malformed({
    subject: 'not a JSON object',
    message: `the in-memory server sent ${m === null ? 'null' : Array.isArray(m) ? 'an array' : typeof m}, not a JSON-RPC message object`,
    raw: typeof m === 'bigint' ? String(m) : m,
  });
}
