/**
 * The scripted fake app-server engine: answers the handshake, thread and
 * turn requests, runs each turn's steps, sends server requests and checks
 * the client's answers, and validates every message both ways.
 * @module
 */
import {
  classifyMessage,
  isClientRequestMethod,
  listMethods,
  validateMessage,
  type ClassifiedMessage,
} from '@cask/validators';
import { CODEX_RELEASE } from '@cask/protocol';
import { FAKE_HOME, threadObject, threadStartResult, turnObject, type TurnStatus } from './defaults.js';
import { checkAnswer } from './match.js';
import {
  agentMessageParts,
  errorNotification,
  itemCompleted,
  itemDelta,
  itemParts,
  itemStarted,
  substitute,
  tokenUsage,
  type OutNotification,
  type TurnContext,
} from './render.js';
import type {
  ClientAnswer,
  FakeScript,
  FakeStep,
  FakeTurn,
  JsonObject,
  JsonValue,
  ServerRequestStep,
} from './script.js';
import { checkScript } from './check.js';
import type { FakeEngine, FakeWire } from './wire.js';

/** JSON-RPC code the real server uses for unknown methods and bad params (-32600, "Invalid request"). */
export const INVALID_REQUEST = -32600;
/** JSON-RPC code the fake uses for a known method the script gives no answer for. */
export const METHOD_NOT_SCRIPTED = -32601;

interface ThreadState {
  id: string;
  cwd: string;
  createdAt: number;
  preview: string;
  turns: JsonObject[];
}

interface ActiveTurn {
  ctx: TurnContext;
  interrupted: boolean;
  wakeInterrupt?: () => void;
}

class TurnEnded extends Error {}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The engine behind `startFakeServer` and `cask-fake-server --script`. */
export class ScriptedEngine implements FakeEngine {
  private readonly failureList: string[] = [];
  private readonly opts: { experimental: boolean };
  private initialized = false;
  private nextServerRequestId = 0;
  private nextTurn = 0;
  private threadCount = 0;
  /** Items started on this connection, shared by its turns so default item ids stay unique. */
  private readonly counter = { items: 0 };
  private readonly threads = new Map<string, ThreadState>();
  private readonly pendingAnswers = new Map<string, { method: string; resolve: (a: ClientAnswer) => void }>();
  private readonly answeredMethods = new Map<string, string>();
  private active: ActiveTurn | undefined;
  private exited = false;
  /** Resolves when every turn started so far has ended. */
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly script: FakeScript,
    private readonly wire: FakeWire,
  ) {
    checkScript(script);
    this.opts = { experimental: script.experimental ?? false };
  }

  get failures(): readonly string[] {
    return this.failureList;
  }

  /** Resolves once every turn started so far has finished running its steps. */
  idle(): Promise<void> {
    return this.running;
  }

  closed(): void {
    this.exited = true;
    for (const [, p] of this.pendingAnswers) p.resolve({ error: { code: 0, message: 'connection closed' } });
    this.pendingAnswers.clear();
    this.active?.wakeInterrupt?.();
  }

  receive(message: unknown): void {
    const c = classifyMessage(message);
    const answered =
      c.kind === 'response' || c.kind === 'error' ? this.answeredMethods.get(JSON.stringify(c.id)) : undefined;
    const v = validateMessage(message, 'c2s', { ...this.opts, ...(answered ? { method: answered } : {}) });
    if (!v.ok) this.fail(`client sent an invalid message: ${v.message}`);
    if (c.kind === 'invalid') return;
    if (c.kind === 'request') this.onRequest(c, v.ok ? undefined : v.message);
    else if (c.kind === 'notification') this.onNotification(c.method);
    else this.onAnswer(c);
  }

  // ------------------------------------------------------------------ client → fake

  private onNotification(method: string): void {
    if (method === 'initialized' && this.script.afterInitialized) {
      const steps = this.script.afterInitialized;
      const ctx = this.context('', '');
      this.track(
        this.runSteps(steps, ctx, 'afterInitialized').catch((e: unknown) => {
          this.stepFailed(e);
        }),
      );
    }
  }

  private onAnswer(c: Extract<ClassifiedMessage, { kind: 'response' | 'error' }>): void {
    const key = JSON.stringify(c.id);
    const pending = this.pendingAnswers.get(key);
    if (!pending) {
      this.fail(`client answered server request id ${key}, which is not pending`);
      return;
    }
    this.pendingAnswers.delete(key);
    pending.resolve(c.kind === 'response' ? { result: c.result } : { error: c.error });
  }

  private onRequest(c: Extract<ClassifiedMessage, { kind: 'request' }>, invalid: string | undefined): void {
    const { id, method } = c;
    const params = isObject(c.params) ? c.params : {};
    if (!isClientRequestMethod(method, this.opts)) {
      const known = listMethods('clientRequest', this.opts)
        .map((m) => `\`${m}\``)
        .join(', ');
      this.error(id, INVALID_REQUEST, `Invalid request: unknown variant \`${method}\`, expected one of ${known}`);
      return;
    }
    if (invalid !== undefined) {
      this.error(id, INVALID_REQUEST, `Invalid request: ${invalid}`);
      return;
    }
    if (method === 'initialize') {
      if (this.initialized) {
        this.error(id, INVALID_REQUEST, 'Already initialized');
        return;
      }
      this.initialized = true;
      this.respond(id, method, {
        userAgent: this.script.userAgent ?? `cask_fake_server/${CODEX_RELEASE} (fake)`,
        codexHome: FAKE_HOME,
        platformFamily: 'unix',
        platformOs: 'linux',
      });
      return;
    }
    if (!this.initialized) {
      this.error(id, INVALID_REQUEST, 'Not initialized');
      return;
    }
    const name: string = method;
    switch (name) {
      case 'thread/start': {
        this.threadStart(id, params);
        return;
      }
      case 'turn/start': {
        this.turnStart(id, params);
        return;
      }
      case 'turn/interrupt': {
        this.turnInterrupt(id, params);
        return;
      }
      case 'thread/read': {
        this.threadRead(id, params);
        return;
      }
    }
    const canned = this.script.responses?.[method];
    if (!canned) {
      this.error(
        id,
        METHOD_NOT_SCRIPTED,
        `the fake app-server has no answer scripted for ${method} (add it to script.responses)`,
      );
      return;
    }
    if ('drop' in canned) return;
    const reply = () => {
      if ('result' in canned) this.respond(id, method, canned.result);
      else this.error(id, canned.error.code, canned.error.message, canned.error.data);
    };
    if (canned.delayMs) setTimeout(reply, canned.delayMs);
    else reply();
  }

  private threadStart(id: JsonValue, params: Record<string, unknown>): void {
    this.threadCount++;
    const threadId = `thread_fake_${this.threadCount}`;
    const cwd = typeof params['cwd'] === 'string' ? params['cwd'] : `${FAKE_HOME}/workspace`;
    const thread: ThreadState = { id: threadId, cwd, createdAt: Math.floor(Date.now() / 1000), preview: '', turns: [] };
    this.threads.set(threadId, thread);
    const approvalPolicy = (params['approvalPolicy'] ?? 'on-request') as JsonValue; // a validated request: a policy value
    this.respond(id, 'thread/start', threadStartResult(this.threadJson(thread, false), cwd, approvalPolicy));
    this.notify('thread/started', { thread: this.threadJson(thread, false) });
  }

  private threadRead(id: JsonValue, params: Record<string, unknown>): void {
    const thread = this.threads.get(String(params['threadId']));
    if (!thread) {
      this.error(id, INVALID_REQUEST, `thread not found: ${String(params['threadId'])}`);
      return;
    }
    this.respond(id, 'thread/read', { thread: this.threadJson(thread, params['includeTurns'] === true) });
  }

  private threadJson(t: ThreadState, withTurns: boolean): JsonObject {
    return threadObject(t.id, t.cwd, t.createdAt, t.preview, withTurns ? t.turns : []);
  }

  private turnStart(id: JsonValue, params: Record<string, unknown>): void {
    const thread = this.threads.get(String(params['threadId']));
    if (!thread) {
      this.error(id, INVALID_REQUEST, `thread not found: ${String(params['threadId'])}`);
      return;
    }
    if (this.active) {
      this.error(id, INVALID_REQUEST, 'a turn is already in progress on this thread');
      return;
    }
    const index = this.nextTurn++;
    const turn: FakeTurn = this.script.turns?.[index] ?? { steps: [] };
    const turnId = `turn_fake_${index + 1}`;
    const ctx = this.context(thread.id, turnId);
    const active: ActiveTurn = { ctx, interrupted: false };
    this.active = active;
    const startedAt = Math.floor(Date.now() / 1000);
    const items: JsonObject[] = [];
    const input = Array.isArray(params['input']) ? (params['input'] as JsonValue[]) : []; // validated turn/start input
    if (!turn.dropResponse)
      this.respond(id, 'turn/start', {
        turn: turnObject(turnId, 'inProgress', [], 'notLoaded', {
          startedAt: null,
          completedAt: null,
          durationMs: null,
        }),
      });
    const run = async () => {
      this.notify('thread/status/changed', { threadId: thread.id, status: { type: 'active', activeFlags: [] } });
      this.notify('turn/started', {
        threadId: thread.id,
        turn: turnObject(turnId, 'inProgress', [], 'notLoaded', { startedAt, completedAt: null, durationMs: null }),
      });
      const user = { type: 'userMessage', id: `user_${index + 1}`, clientId: null, content: input };
      this.sendNotification(itemStarted(user, ctx));
      const done = itemCompleted(user, ctx);
      this.sendNotification(done);
      items.push(user);
      const firstText = input.find((i): i is JsonObject => isObject(i) && i['type'] === 'text');
      if (thread.preview === '' && typeof firstText?.['text'] === 'string') thread.preview = firstText['text'];
      let status: TurnStatus = 'completed';
      let error: JsonValue = null;
      try {
        await this.runSteps(turn.steps, ctx, `turns[${index}]`, items, active);
        if (active.interrupted) status = 'interrupted';
      } catch (e) {
        if (e instanceof TurnFailed) {
          status = 'failed';
          error = { message: e.message, codexErrorInfo: null, additionalDetails: null };
        } else if (e instanceof TurnEnded) {
          status = active.interrupted ? 'interrupted' : 'completed';
        } else throw e;
      } finally {
        this.active = undefined;
      }
      if (this.exited) return;
      const completedAt = Math.floor(Date.now() / 1000);
      const times = { startedAt, completedAt, durationMs: (completedAt - startedAt) * 1000 };
      thread.turns.push(turnObject(turnId, status, items, 'full', times, error));
      this.notify('thread/status/changed', { threadId: thread.id, status: { type: 'idle' } });
      this.notify('turn/completed', {
        threadId: thread.id,
        turn: turnObject(turnId, status, [], 'notLoaded', times, error),
      });
    };
    this.track(
      run().catch((e: unknown) => {
        this.stepFailed(e);
      }),
    );
  }

  private turnInterrupt(id: JsonValue, params: Record<string, unknown>): void {
    const active = this.active;
    if (!active || active.ctx.turnId !== params['turnId']) {
      this.error(id, INVALID_REQUEST, `no active turn ${String(params['turnId'])} to interrupt`);
      return;
    }
    active.interrupted = true;
    this.respond(id, 'turn/interrupt', {});
    active.wakeInterrupt?.();
  }

  // ------------------------------------------------------------------ steps

  private context(threadId: string, turnId: string): TurnContext {
    return {
      threadId,
      turnId,
      itemId: '',
      counter: this.counter,
      usage: { input: 0, output: 0, cached: 0, reasoning: 0 },
      now: () => Date.now(),
    };
  }

  private async runSteps(
    steps: readonly FakeStep[],
    ctx: TurnContext,
    where: string,
    items: JsonObject[] = [],
    active?: ActiveTurn,
  ): Promise<void> {
    for (const [i, step] of steps.entries()) {
      if (this.exited) throw new TurnEnded();
      if (active?.interrupted) throw new TurnEnded();
      const at = `${where}.steps[${i}] (${step.type})`;
      switch (step.type) {
        case 'agentMessage': {
          const parts = agentMessageParts(step, ctx);
          this.sendNotification(itemStarted(parts.started, ctx), at);
          for (const d of parts.deltas) this.sendNotification(itemDelta(d, ctx), at);
          this.sendNotification(itemCompleted(parts.completed, ctx), at);
          items.push(parts.completed);
          break;
        }
        case 'item': {
          const parts = itemParts(step, ctx);
          this.sendNotification(itemStarted(parts.started, ctx), at);
          for (const r of step.requests ?? []) await this.serverRequest(r, ctx, at);
          for (const d of step.deltas ?? []) this.sendNotification(itemDelta(d, ctx), at);
          this.sendNotification(itemCompleted(parts.completed, ctx), at);
          items.push(parts.completed);
          break;
        }
        case 'notification':
          this.sendNotification(
            { method: step.method, params: step.params === undefined ? undefined : substitute(step.params, ctx) },
            at,
          );
          break;
        case 'tokenUsage':
          this.sendNotification(tokenUsage(step, ctx), at);
          break;
        case 'serverRequest':
          await this.serverRequest(step, ctx, at);
          break;
        case 'error':
          this.sendNotification(errorNotification(step.message, step.willRetry ?? false, ctx), at);
          if (!step.willRetry) throw new TurnFailed(step.message);
          break;
        case 'waitForInterrupt': {
          if (!active) break;
          await new Promise<void>((resolve) => {
            active.wakeInterrupt = resolve;
            if (step.timeoutMs !== undefined) setTimeout(resolve, step.timeoutMs);
          });
          active.wakeInterrupt = undefined;
          break;
        }
        case 'delay':
          await sleep(step.ms);
          break;
        case 'malformed':
          this.wire.sendMalformed(step.line);
          break;
        case 'exit':
          this.exited = true;
          this.wire.exit(step.code ?? 1);
          throw new TurnEnded();
        case 'flood': {
          const itemId = ctx.itemId || 'msg_flood';
          for (let n = 0; n < step.count; n++) {
            this.notify('item/agentMessage/delta', {
              threadId: ctx.threadId,
              turnId: ctx.turnId,
              itemId,
              delta: step.delta ?? 'x',
            });
          }
          break;
        }
      }
    }
  }

  private async serverRequest(step: ServerRequestStep, ctx: TurnContext, at: string): Promise<void> {
    const id = this.nextServerRequestId++;
    const params = substitute(step.params, ctx);
    const key = JSON.stringify(id);
    this.answeredMethods.set(key, step.method);
    const answer = new Promise<ClientAnswer | undefined>((resolve) => {
      this.pendingAnswers.set(key, { method: step.method, resolve });
      setTimeout(() => {
        resolve(undefined);
      }, step.timeoutMs ?? 10_000);
    });
    if (!this.send({ id, method: step.method, params }, `${at} ${step.method}`)) return;
    const got = await answer;
    this.pendingAnswers.delete(key);
    if (this.exited) return;
    if (!got) {
      this.fail(`${at} ${step.method}: no answer from the client within ${step.timeoutMs ?? 10_000} ms`);
      return;
    }
    if (step.expect) {
      const wrong = checkAnswer(got, step.expect);
      if (wrong) this.fail(`${at} ${step.method}: ${wrong}`);
    }
    if (isObject(params) && typeof params['threadId'] === 'string') {
      this.notify('serverRequest/resolved', { threadId: params['threadId'], requestId: id });
    }
  }

  // ------------------------------------------------------------------ fake → client

  private track(p: Promise<void>): void {
    this.running = this.running.then(() => p);
  }

  private stepFailed(e: unknown): void {
    this.fail(`the fake app-server stopped a turn: ${e instanceof Error ? e.message : String(e)}`);
  }

  private fail(what: string): void {
    this.failureList.push(what);
  }

  private respond(id: JsonValue, method: string, result: JsonValue): void {
    this.send({ id, result }, `${method} response`, method);
  }

  private error(id: JsonValue, code: number, message: string, data?: JsonValue): void {
    this.send({ id, error: { code, message, ...(data === undefined ? {} : { data }) } }, 'error response');
  }

  private notify(method: string, params: JsonValue): void {
    this.sendNotification({ method, params });
  }

  private sendNotification(n: OutNotification, at = n.method): void {
    this.send(
      { method: n.method, ...(n.params === undefined ? {} : { params: n.params }), emittedAtMs: Date.now() },
      at,
    );
  }

  /** Validates and sends; an invalid message is recorded as a failure and not sent. */
  private send(message: JsonObject, at: string, answers?: string): boolean {
    if (this.exited) return false;
    const v = validateMessage(message, 's2c', { ...this.opts, ...(answers ? { method: answers } : {}) });
    if (!v.ok) {
      this.fail(`${at}: the fake would have sent an invalid message (not sent): ${v.message}`);
      return false;
    }
    this.wire.send(message);
    return true;
  }
}

class TurnFailed extends Error {}
