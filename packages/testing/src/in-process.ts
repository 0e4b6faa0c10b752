/**
 * The fake app-server in process, over `@cask/client`'s in-memory pair.
 * @module
 */
import { createInMemoryPair, type Transport } from '@cask/client';
import type { JSONRPCMessage } from '@cask/protocol';
import { FakeServerAssertionError } from './errors.js';
import { ReplayEngine, type ReplayOptions, type TranscriptEntry } from './replay.js';
import { ScriptedEngine } from './scripted.js';
import type { FakeScript, JsonObject } from './script.js';
import type { FakeEngine, FakeWire } from './wire.js';

/** A running in-process fake server. */
export interface FakeServer {
  /** Give this to `AppServerClient.start({ transport })`. */
  readonly transport: Transport;
  /** Every message the client sent, in order. */
  readonly received: readonly unknown[];
  /** Every message the fake sent, in order (malformed lines as `{ malformed }`). */
  readonly sent: readonly JsonObject[];
  /** Everything that went wrong so far (invalid messages, unmet expectations, replay mismatches). */
  readonly failures: readonly string[];
  /** Throws {@link FakeServerAssertionError} listing every failure, if any. */
  assertNoFailures(): void;
  /** Resolves when every started turn (or the whole replay) has run to its end. */
  idle(): Promise<void>;
  /** Ends the connection from the server side (like a server exit with `code`, default 0). */
  close(code?: number): void;
}

/** Anything with a `build()` returning a script (the {@link fakeScript} builder). */
export interface ScriptSource {
  build(): FakeScript;
}

function wire(server: ReturnType<typeof createInMemoryPair>['server'], sent: JsonObject[]): FakeWire {
  return {
    send(message) {
      sent.push(message);
      // The engine validated the message against the schema before handing it over.
      server.send(message as unknown as JSONRPCMessage);
    },
    sendMalformed(line) {
      const m = { malformed: line };
      sent.push(m);
      // Deliberately no JSON-RPC message: this is the fault being injected.
      server.send(m as unknown as JSONRPCMessage);
    },
    exit(code) {
      server.close({ code, reason: 'the fake app-server exited (scripted)' });
    },
  };
}

function start(make: (w: FakeWire) => FakeEngine & { idle(): Promise<void> }): FakeServer {
  const { transport, server } = createInMemoryPair();
  const received: unknown[] = [];
  const sent: JsonObject[] = [];
  const engine = make(wire(server, sent));
  server.onMessage((m) => {
    received.push(m);
    engine.receive(m);
  });
  server.onClose(() => {
    engine.closed();
  });
  return {
    transport,
    received,
    sent,
    get failures() {
      return engine.failures;
    },
    assertNoFailures() {
      if (engine.failures.length) throw new FakeServerAssertionError([...engine.failures]);
    },
    idle: () => engine.idle(),
    close(code = 0) {
      server.close({ code });
    },
  };
}

/**
 * Starts a scripted fake app-server in process. The script is checked first:
 * a bad step throws {@link FakeScriptError} naming it.
 *
 * @example
 * ```ts
 * const fake = startFakeServer(fakeScript().turn((t) => t.agentMessage('Hello there.')));
 * const client = await AppServerClient.start({ transport: fake.transport, clientInfo: { name: 'my_ui', version: '1.0.0' } });
 * ```
 */
export function startFakeServer(script: FakeScript | ScriptSource): FakeServer {
  const s = 'build' in script ? script.build() : script;
  return start((w) => new ScriptedEngine(s, w));
}

/**
 * Starts a fake that replays a recorded transcript (the `cask validate`
 * JSONL format, or its parsed entries): it answers the client's requests
 * with the recorded responses (ids remapped), sends the recorded
 * notifications and server requests, and records a failure when the client's
 * messages differ from the recorded ones (method, kind, schema).
 */
export function replayTranscript(
  transcript: string | readonly TranscriptEntry[],
  options: ReplayOptions = {},
): FakeServer {
  return start((w) => new ReplayEngine(transcript, w, options));
}
