/**
 * Shared setup for the contract tests: the real `codex app-server`, a
 * scripted model stand-in, a temp CODEX_HOME, and a transcript of every
 * message both ways.
 */
import {
  codexBinaryPath,
  createCodexHome,
  startModelStandIn,
  type CodexHome,
  type ModelStandIn,
  type StandInScript,
} from '@cask/testkit';
import type { JSONRPCMessage } from '@cask/protocol';
import { isKnownMethod, validateMessage } from '@cask/validators';
import { AppServerClient, type AppServerClientOptions, type ClientEvent, type Direction } from '../../src/index.js';

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

/**
 * Starts stand-in + CODEX_HOME + real server; the client is initialized.
 *
 * @param release - which installed codex release to run (`codex-release.json`: the pin or a compatibility
 * release); the pinned one when omitted
 */
export async function startHarness(
  script: StandInScript,
  extra: Partial<AppServerClientOptions> = {},
  release?: string,
): Promise<Harness> {
  const standIn = await startModelStandIn(script);
  const home = createCodexHome({ modelBaseUrl: standIn.url });
  const transcript: TranscriptEntry[] = [];
  const stderr: string[] = [];
  let client: AppServerClient;
  try {
    client = await AppServerClient.start({
      codexPath: codexBinaryPath(release === undefined ? {} : { release }),
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

/**
 * Server notifications that a tested codex release really sends in these tests but that
 * `@cask/protocol`'s method map does not cover yet (both are stable upstream).
 * Messages with these methods are reported by {@link transcriptGaps} instead
 * of failing; {@link staleGaps} fails the tests as soon as the protocol knows
 * one of them, so this list cannot outlive the gap. LEAD: add the types and
 * empty this list.
 */
export const PROTOCOL_GAP_NOTIFICATIONS: readonly string[] = [];

/** Gap entries the validators now know (they must be removed from the list). */
export function staleGaps(): string[] {
  return PROTOCOL_GAP_NOTIFICATIONS.filter((m) => isKnownMethod('serverNotification', m));
}

/** The transcript's messages whose method is in {@link PROTOCOL_GAP_NOTIFICATIONS}. */
export function transcriptGaps(transcript: TranscriptEntry[]): string[] {
  return transcript
    .map(({ msg }) => (msg as { method?: unknown }).method)
    .filter((m): m is string => typeof m === 'string' && PROTOCOL_GAP_NOTIFICATIONS.includes(m));
}

/**
 * Validates every message of a transcript with `@cask/validators`'
 * `validateMessage` (envelope + params, and results matched to their request
 * by id within each direction). Returns one line per failing message.
 */
export function transcriptFailures(transcript: TranscriptEntry[], experimental = false): string[] {
  const failures: string[] = [];
  const requestMethods: Record<Direction, Map<string, string>> = { c2s: new Map(), s2c: new Map() };
  transcript.forEach(({ dir, msg }, i) => {
    const m = msg as unknown as Record<string, unknown>;
    if (dir === 's2c' && !('id' in m) && PROTOCOL_GAP_NOTIFICATIONS.includes(m['method'] as string)) return;
    const id = 'id' in m ? JSON.stringify(m['id']) : undefined;
    if (typeof m['method'] === 'string' && id !== undefined) requestMethods[dir].set(id, m['method']);
    // A response answers a request that travelled the other way.
    const answered =
      id !== undefined && !('method' in m) ? requestMethods[dir === 'c2s' ? 's2c' : 'c2s'].get(id) : undefined;
    const outcome = validateMessage(msg, dir, { experimental, ...(answered ? { method: answered } : {}) });
    if (!outcome.ok) failures.push(`#${i} ${dir}: ${outcome.message}\n    ${JSON.stringify(msg).slice(0, 300)}`);
  });
  return failures;
}
