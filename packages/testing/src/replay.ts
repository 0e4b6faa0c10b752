/**
 * Replay of a recorded transcript: the fake plays the server's side of a
 * conversation recorded from the real server, so a bug report (a transcript)
 * becomes a test.
 * @module
 */
import { classifyMessage, validateMessage, type ClassifiedMessage, type Direction } from '@cask/validators';
import { FakeScriptError } from './errors.js';
import type { JsonObject, JsonValue } from './script.js';
import type { FakeEngine, FakeWire } from './wire.js';

/** One line of a transcript (`cask validate` format). */
export interface TranscriptEntry {
  dir: Direction;
  msg: unknown;
}

/** Options of a replay. */
export interface ReplayOptions {
  /** Validate against the experimental schema bundle. */
  experimental?: boolean;
  /**
   * How closely the client's messages must match the recorded ones:
   * `method` (kind and method), or `keys` (also the same top-level `params`
   * / `result` members; the default).
   */
  match?: 'method' | 'keys';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses a JSONL transcript; a bad line throws {@link FakeScriptError} naming it. */
export function parseTranscript(text: string): TranscriptEntry[] {
  const out: TranscriptEntry[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new FakeScriptError(`line ${i + 1}`, `not JSON (${e instanceof Error ? e.message : String(e)})`);
    }
    if (!isObject(v) || (v['dir'] !== 'c2s' && v['dir'] !== 's2c') || !isObject(v['msg']))
      throw new FakeScriptError(`line ${i + 1}`, 'expected {"dir":"c2s"|"s2c","msg":{...}}');
    out.push({ dir: v['dir'], msg: v['msg'] });
  });
  return out;
}

interface Recorded {
  line: number;
  dir: Direction;
  msg: JsonObject;
  c: ClassifiedMessage;
}

function describe(c: ClassifiedMessage): string {
  return c.kind === 'request' || c.kind === 'notification'
    ? `${c.kind} ${c.method}`
    : `${c.kind} to id ${JSON.stringify(c.id)}`;
}

function keysOf(c: ClassifiedMessage): string[] {
  const body = c.kind === 'response' ? c.result : c.kind === 'error' ? undefined : c.params;
  return isObject(body) ? Object.keys(body).sort() : [];
}

/** The replay engine behind `replayTranscript` and `cask-fake-server --replay`. */
export class ReplayEngine implements FakeEngine {
  private readonly entries: Recorded[] = [];
  private readonly failureList: string[] = [];
  private readonly queue: ClassifiedMessage[] = [];
  private readonly idMap = new Map<string, JsonValue>();
  private readonly serverRequestMethods = new Map<string, string>();
  private readonly clientRequestMethods = new Map<string, string>();
  private cursor = 0;
  private done!: () => void;
  private readonly finished = new Promise<void>((r) => (this.done = r));
  private ended = false;

  constructor(
    transcript: string | readonly TranscriptEntry[],
    private readonly wire: FakeWire,
    private readonly options: ReplayOptions = {},
  ) {
    const entries = typeof transcript === 'string' ? parseTranscript(transcript) : transcript;
    entries.forEach((e, i) => {
      const c = classifyMessage(e.msg);
      if (c.kind === 'invalid' || !isObject(e.msg))
        throw new FakeScriptError(`entry ${i + 1}`, c.kind === 'invalid' ? c.reason : 'not an object');
      // classifyMessage accepted it as an object message.
      this.entries.push({ line: i + 1, dir: e.dir, msg: e.msg as JsonObject, c });
    });
    if (this.entries.length === 0) throw new FakeScriptError('transcript', 'the transcript is empty');
    queueMicrotask(() => {
      this.pump();
    });
  }

  get failures(): readonly string[] {
    return this.failureList;
  }

  /** Resolves when the whole transcript has been played. */
  idle(): Promise<void> {
    return this.finished;
  }

  closed(): void {
    this.ended = true;
    const at = this.entries[this.cursor];
    if (at) this.failureList.push(`the client closed the connection at entry ${at.line} of ${this.entries.length}`);
    this.done();
  }

  receive(message: unknown): void {
    const c = classifyMessage(message);
    const method =
      c.kind === 'response' || c.kind === 'error' ? this.serverRequestMethods.get(JSON.stringify(c.id)) : undefined;
    const v = validateMessage(message, 'c2s', {
      experimental: this.options.experimental ?? false,
      ...(method ? { method } : {}),
    });
    if (!v.ok) this.failureList.push(`client sent an invalid message: ${v.message}`);
    if (c.kind === 'invalid') return;
    if (this.cursor >= this.entries.length) {
      this.failureList.push(`client sent ${describe(c)} after the transcript ended`);
      if (c.kind === 'request')
        this.wire.send({ id: c.id, error: { code: -32603, message: 'replay: the transcript has ended' } });
      return;
    }
    this.queue.push(c);
    this.pump();
  }

  private pump(): void {
    for (;;) {
      const e = this.entries[this.cursor];
      if (this.ended || !e) break;
      if (e.dir === 's2c') {
        if (!this.sendRecorded(e)) return;
      } else if (!this.takeClientMessage(e)) return;
      this.cursor++;
    }
    if (this.cursor >= this.entries.length) this.done();
  }

  /** Sends a recorded server message; false when it answers a request the client has not sent yet. */
  private sendRecorded(e: Recorded): boolean {
    const { c } = e;
    let msg = e.msg;
    let method: string | undefined;
    if (c.kind === 'response' || c.kind === 'error') {
      const key = JSON.stringify(c.id);
      const actual = this.idMap.get(key);
      if (actual === undefined) return false;
      method = this.clientRequestMethods.get(key);
      msg = { ...msg, id: actual };
    } else if (c.kind === 'request') {
      this.serverRequestMethods.set(JSON.stringify(c.id), c.method);
    }
    const v = validateMessage(msg, 's2c', {
      experimental: this.options.experimental ?? false,
      ...(method ? { method } : {}),
    });
    if (!v.ok) {
      this.failureList.push(`entry ${e.line}: recorded server message is invalid (not sent): ${v.message}`);
      return true;
    }
    this.wire.send(msg);
    return true;
  }

  /** Matches the next expected client message; false when none has arrived yet. */
  private takeClientMessage(e: Recorded): boolean {
    if (this.queue.length === 0) return false;
    const want = e.c;
    const same = (c: ClassifiedMessage) =>
      c.kind === want.kind &&
      (c.kind === 'request' || c.kind === 'notification'
        ? 'method' in want && c.method === want.method
        : 'id' in want && JSON.stringify(c.id) === JSON.stringify(want.id));
    const index = this.queue.findIndex(same);
    const [got] = this.queue.splice(Math.max(index, 0), 1);
    if (!got) return false;
    if (index < 0) this.failureList.push(`entry ${e.line}: expected client ${describe(want)}, got ${describe(got)}`);
    else if ((this.options.match ?? 'keys') === 'keys') {
      const a = keysOf(want).join(',');
      const b = keysOf(got).join(',');
      if (a !== b)
        this.failureList.push(`entry ${e.line}: client ${describe(got)} carries members [${b}], the recording [${a}]`);
    }
    if (want.kind === 'request' && got.kind === 'request') {
      const key = JSON.stringify(want.id);
      this.idMap.set(key, got.id);
      this.clientRequestMethods.set(key, want.method);
    }
    return true;
  }
}
