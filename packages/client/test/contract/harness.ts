/**
 * Shared setup for the contract tests: the real `codex app-server`, a
 * scripted model stand-in, a temp CODEX_HOME, and a transcript of every
 * message both ways.
 */
import { codexBinaryPath, createCodexHome, startModelStandIn, type CodexHome, type ModelStandIn, type StandInScript } from '@cask/testkit';
import type { JSONRPCMessage } from '@cask/protocol';
import { AppServerClient, loadValidators, type AppServerClientOptions, type ClientEvent, type Direction, type ProtocolValidators } from '../../src/index.js';

/** One recorded wire message. */
export interface TranscriptEntry {
  dir: Direction;
  msg: JSONRPCMessage;
}

/** A running real server with its stand-in and transcript. */
export interface Harness {
  client: AppServerClient;
  standIn: ModelStandIn;
  home: CodexHome;
  transcript: TranscriptEntry[];
  stderr: string[];
  close(): Promise<void>;
}

/** Starts stand-in + CODEX_HOME + real server; the client is initialized. */
export async function startHarness(
  script: StandInScript,
  extra: Partial<AppServerClientOptions> = {},
): Promise<Harness> {
  const standIn = await startModelStandIn(script);
  const home = createCodexHome({ modelBaseUrl: standIn.url });
  const transcript: TranscriptEntry[] = [];
  const stderr: string[] = [];
  let client: AppServerClient;
  try {
    client = await AppServerClient.start({
      codexPath: codexBinaryPath(),
      env: home.env,
      cwd: home.workspace,
      clientInfo: { name: 'cask_contract_tests', title: 'cask contract tests', version: '0.1.0' },
      onMessage: (dir, msg) => transcript.push({ dir, msg }),
      onStderr: (line) => stderr.push(line),
      requestTimeoutMs: 20_000,
      ...extra,
    });
  } catch (err) {
    await standIn.close();
    home.cleanup();
    throw err;
  }
  return {
    client,
    standIn,
    home,
    transcript,
    stderr,
    async close() {
      await client.shutdown();
      await standIn.close();
      home.cleanup();
    },
  };
}

/**
 * Reads `events()` until `done(event)` is true; returns everything read
 * (including the final event). Rejects with the events seen so far when the
 * timeout passes or the stream ends first.
 */
export async function collectUntil(
  stream: AsyncIterableIterator<ClientEvent>,
  done: (event: ClientEvent) => boolean,
  timeoutMs = 20_000,
): Promise<ClientEvent[]> {
  const seen: ClientEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${timeoutMs} ms; events so far:\n${summarize(seen)}`)),
      timeoutMs,
    );
  });
  const reader = (async () => {
    for (;;) {
      const r = await stream.next();
      if (r.done) throw new Error(`event stream ended early; events so far:\n${summarize(seen)}`);
      seen.push(r.value);
      if (done(r.value)) return seen;
    }
  })();
  try {
    return await Promise.race([reader, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function summarize(events: ClientEvent[]): string {
  return events.map((e) => `  ${e.kind}${'method' in e ? ` ${e.method}` : ''}`).join('\n');
}

let validatorsPromise: Promise<ProtocolValidators | undefined> | undefined;

/** `@cask/validators` when it is built; `undefined` otherwise (then the transcript check is reported as skipped). */
export function validatorsIfAvailable(): Promise<ProtocolValidators | undefined> {
  validatorsPromise ??= loadValidators().catch(() => undefined);
  return validatorsPromise;
}

/**
 * Validates every message of a transcript with the per-kind validators:
 * requests and their results by method (responses are matched to requests by
 * id within each direction), notifications by method. Returns one line per
 * failing message.
 */
export function transcriptFailures(
  transcript: TranscriptEntry[],
  validators: ProtocolValidators,
  experimental = false,
): string[] {
  const failures: string[] = [];
  const opts = { experimental };
  const clientRequestMethods = new Map<string, string>();
  const serverRequestMethods = new Map<string, string>();
  transcript.forEach(({ dir, msg }, i) => {
    const m = msg as unknown as Record<string, unknown>;
    const id = 'id' in m ? JSON.stringify(m['id']) : undefined;
    const method = typeof m['method'] === 'string' ? m['method'] : undefined;
    let outcome: { ok: boolean; message?: string } = { ok: true };
    let what = '';
    if (method !== undefined && id !== undefined) {
      what = `${dir} request ${method}`;
      if (dir === 'c2s') {
        clientRequestMethods.set(id, method);
        outcome = validators.validateClientRequest(method, m['params'], opts);
      } else {
        serverRequestMethods.set(id, method);
        outcome = validators.validateServerRequest(method, m['params'], opts);
      }
    } else if (method !== undefined) {
      what = `${dir} notification ${method}`;
      outcome =
        dir === 's2c'
          ? validators.validateServerNotification(method, m['params'], opts)
          : validators.validateClientRequest(method, m['params'], opts);
      if (dir === 'c2s' && method === 'initialized') outcome = { ok: true };
    } else if (id !== undefined && 'result' in m) {
      const origin = dir === 's2c' ? clientRequestMethods.get(id) : serverRequestMethods.get(id);
      what = `${dir} result of ${origin ?? `unknown request ${id}`}`;
      if (!origin) outcome = { ok: false, message: 'response to an unknown request id' };
      else
        outcome =
          dir === 's2c'
            ? validators.validateServerResult(origin, m['result'], opts)
            : validators.validateClientResult(origin, m['result'], opts);
    } else if (id !== undefined && 'error' in m) {
      what = `${dir} error response`;
    }
    if (!outcome.ok) failures.push(`#${i} ${what}: ${outcome.message ?? 'invalid'}\n    ${JSON.stringify(msg).slice(0, 400)}`);
  });
  return failures;
}
