/**
 * `ThreadHandle`: one thread, its live reducer state, and the calls that act
 * on it (run a turn, steer, interrupt, fork, archive, read).
 * @module
 */
import type {
  ClientRequestParams,
  ClientRequestResult,
  ServerRequestMethod,
  ServerRequestParams,
  Thread,
  UserInput,
} from '@cask/protocol';
import type { AppServerClient } from './client.js';
import { isLagged } from './queue.js';
import { initialState, reduce } from './state/reduce.js';
import type { ConversationState, StateEvent, ThreadState, TurnState } from './state/types.js';
import { emptyThread } from './state/reduce.js';
import { selectTurn } from './state/selectors.js';
import { textInput, ThreadTurnRun, type TurnResult } from './turn-run.js';
import type { NotificationEvent, RunTurnOptions, ServerRequestHandler, ServerRequestHandlers } from './types.js';

/** Options of a handle. */
export interface ThreadHandleOptions {
  /** Server-request handlers (approvals, user input, tool calls) for every turn run through this handle. */
  handlers?: ServerRequestHandlers;
  /** Include thread notices (`warning`, ...) in every run's stream. Default `false`. */
  includeThreadNotices?: boolean;
  /** Capacity of each run's event queue. Default 10 000. */
  queueCapacity?: number;
}

/** Options of {@link ThreadHandle.run}: `turn/start` params and client-side settings. */
export type ThreadRunOptions = RunTurnOptions & {
  /** Include thread notices that carry no turn id (`warning`, `deprecationNotice`, ...) in the run's stream. */
  includeThreadNotices?: boolean;
};

/** A listener for state changes: the thread's new state and the event that produced it. */
export type ThreadStateListener = (thread: ThreadState, event: StateEvent) => void;

/**
 * Thrown by {@link ThreadHandle.ask} when the server sent a request (an
 * approval, a question, a tool call) that no handler given to `ask` or to
 * the handle answers. The server got a `-32601` error answer and the turn
 * was interrupted.
 */
export class UnhandledServerRequestError extends Error {
  constructor(
    readonly method: ServerRequestMethod,
    readonly params: unknown,
  ) {
    super(
      `the server sent ${method} during ask(), but no handler answers it: pass handlers: { '${method}': (params) => ... } to ask() or to the thread handle`,
    );
    this.name = 'UnhandledServerRequestError';
  }
}

/**
 * Server requests that concern one thread (they carry `threadId`), by
 * method; `false` for connection-wide ones. Typed over every method, so a
 * new server request fails to compile until it is classified here.
 */
const THREAD_SCOPED: Record<ServerRequestMethod, boolean> = {
  'item/commandExecution/requestApproval': true,
  'item/fileChange/requestApproval': true,
  'item/permissions/requestApproval': true,
  'item/tool/call': true,
  'item/tool/requestUserInput': true,
  'mcpServer/elicitation/request': true,
  applyPatchApproval: false,
  execCommandApproval: false,
  'attestation/generate': false,
  'account/chatgptAuthTokens/refresh': false,
};

// Cast: THREAD_SCOPED is typed Record<ServerRequestMethod, boolean>, so its own keys are exactly those methods.
const THREAD_METHODS = (Object.keys(THREAD_SCOPED) as ServerRequestMethod[]).filter((m) => THREAD_SCOPED[m]);

/**
 * One thread of a client. Create it with `client.thread(id)`,
 * `client.startThreadHandle(params)` or {@link ThreadHandle.start}.
 *
 * The handle subscribes to the client's notifications and keeps the
 * thread's state with the conversation reducer; {@link state} is always the
 * latest immutable snapshot, {@link subscribe} tells about changes. Call
 * {@link close} when done with it (the thread itself stays on the server).
 */
export class ThreadHandle {
  readonly id: string;
  private conversation: ConversationState = initialState;
  private readonly listeners = new Set<ThreadStateListener>();
  private readonly runs = new Set<ThreadTurnRun>();
  private readonly stream: AsyncIterableIterator<unknown>;
  private closed = false;

  /** @internal use `client.thread(id)` */
  constructor(
    readonly client: AppServerClient,
    threadId: string,
    private readonly options: ThreadHandleOptions = {},
  ) {
    this.id = threadId;
    const stream = client.notifications();
    this.stream = stream;
    void (async () => {
      let reason: unknown = new Error(`the connection ended before the turn did (thread ${threadId})`);
      try {
        for await (const item of stream) {
          if (isLagged(item)) {
            this.apply({ kind: 'lagged', skipped: item.skipped });
            for (const run of [...this.runs]) run.lagged(item.skipped);
          } else this.onNotification(item);
        }
      } catch (err) {
        reason = err;
      }
      if (this.closed) reason = new Error(`the handle on thread ${threadId} was closed before the turn ended`);
      for (const run of [...this.runs]) run.fail(reason);
    })();
  }

  /** `thread/start` and a handle on the new thread (its state starts from the answer). */
  static async start(
    client: AppServerClient,
    params: ClientRequestParams<'thread/start'> = {},
    options?: ThreadHandleOptions,
  ): Promise<ThreadHandle> {
    const { thread } = await client.startThread(params);
    const handle = new ThreadHandle(client, thread.id, options);
    handle.apply({ kind: 'snapshot', thread });
    return handle;
  }

  /** `thread/resume` and a handle on it (its state starts from the answer, history included). */
  static async resume(
    client: AppServerClient,
    params: ClientRequestParams<'thread/resume'>,
    options?: ThreadHandleOptions,
  ): Promise<ThreadHandle> {
    const handle = new ThreadHandle(client, params.threadId, options);
    const { thread } = await client.request('thread/resume', params);
    handle.apply({ kind: 'snapshot', thread });
    return handle;
  }

  /** The thread's current state (immutable; a new object after every change). */
  get state(): ThreadState {
    return this.conversation.threads[this.id] ?? emptyThread(this.id);
  }

  /** One turn's current state. */
  turn(turnId: string): TurnState | undefined {
    return selectTurn(this.conversation, this.id, turnId);
  }

  /** Calls `listener` after every change of {@link state}. @returns unsubscribe. */
  subscribe(listener: ThreadStateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts a turn (`turn/start`) and returns its run: iterate it for the
   * turn's events, await `run.result` for the outcome. Server requests of
   * the thread go to `options.handlers`, then the handle's handlers, then
   * the client's.
   */
  run(input: string | UserInput[], options: ThreadRunOptions = {}): ThreadTurnRun {
    const { includeThreadNotices, handlers, ...rest } = options;
    const merged = { ...this.options.handlers, ...handlers };
    const raw = this.client.runTurn(this.id, input, { ...rest, handlers: merged });
    const run = new ThreadTurnRun(
      {
        threadId: this.id,
        turnState: (turnId) => this.turn(turnId),
        ensureFresh: () => this.ensureFresh(),
        steer: (turnId, items) =>
          this.client.request('turn/steer', { threadId: this.id, expectedTurnId: turnId, input: items }),
        detach: (r) => this.runs.delete(r),
      },
      raw,
      this.options.queueCapacity ?? 10_000,
      includeThreadNotices ?? this.options.includeThreadNotices ?? false,
    );
    this.runs.add(run);
    return run;
  }

  /**
   * Sends a prompt and resolves with the finished turn's result (`text` is
   * the answer). Server requests go to `options.handlers` or the handle's
   * handlers only; one that neither answers makes `ask` reject with
   * {@link UnhandledServerRequestError} (the server gets a `-32601` answer
   * and the turn is interrupted).
   */
  async ask(input: string | UserInput[], options: ThreadRunOptions = {}): Promise<TurnResult> {
    let unhandled: UnhandledServerRequestError | undefined;
    const ref: { run?: ThreadTurnRun } = {};
    const given: ServerRequestHandlers = { ...this.options.handlers, ...options.handlers };
    const guarded: Record<string, ServerRequestHandler<ServerRequestMethod>> = {};
    for (const method of THREAD_METHODS) {
      if (given[method]) continue;
      guarded[method] = (params: ServerRequestParams<ServerRequestMethod>) => {
        unhandled ??= new UnhandledServerRequestError(method, params);
        void ref.run?.interrupt().catch(() => undefined);
        throw Object.assign(new Error(unhandled.message), { code: -32601 });
      };
    }
    // `guarded` only fills in the methods `given` lacks.
    const handlers: ServerRequestHandlers = { ...guarded, ...given };
    ref.run = this.run(input, { ...options, handlers });
    const result = await ref.run.result;
    if (unhandled) throw unhandled;
    return result;
  }

  /** Adds input to the running turn (`turn/steer`); rejects when no turn of this thread is running. */
  async steer(input: string | UserInput[]): Promise<ClientRequestResult<'turn/steer'>> {
    const active = this.activeTurn();
    if (!active) throw new Error(`thread ${this.id} has no running turn to steer`);
    return this.client.request('turn/steer', {
      threadId: this.id,
      expectedTurnId: active.id,
      input: typeof input === 'string' ? textInput(input) : input,
    });
  }

  /** Interrupts the running turn (`turn/interrupt`), if there is one. */
  async interrupt(): Promise<void> {
    const active = this.activeTurn();
    if (!active) return;
    await this.client.request('turn/interrupt', { threadId: this.id, turnId: active.id });
  }

  /** Forks the thread (`thread/fork`) and returns a handle on the copy. */
  async fork(params: Omit<ClientRequestParams<'thread/fork'>, 'threadId'> = {}): Promise<ThreadHandle> {
    const { thread } = await this.client.request('thread/fork', { ...params, threadId: this.id });
    const handle = new ThreadHandle(this.client, thread.id, this.options);
    handle.apply({ kind: 'snapshot', thread });
    return handle;
  }

  /** Archives the thread (`thread/archive`). */
  async archive(): Promise<void> {
    await this.client.request('thread/archive', { threadId: this.id });
  }

  /**
   * Reads the thread with its history (`thread/read`, `includeTurns: true`),
   * applies it to {@link state} (clearing a stale marker) and returns it.
   */
  async read(): Promise<Thread> {
    const { thread } = await this.client.request('thread/read', { threadId: this.id, includeTurns: true });
    this.apply({ kind: 'snapshot', thread });
    return thread;
  }

  /** Stops following the thread (the thread stays on the server; running turns keep running). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.stream.return?.();
  }

  private activeTurn(): TurnState | undefined {
    return this.state.turns.findLast((t) => t.status === 'inProgress');
  }

  private async ensureFresh(): Promise<void> {
    if (this.state.stale) await this.read();
  }

  private onNotification(e: NotificationEvent): void {
    const p: unknown = e.params;
    const threadId =
      typeof p === 'object' && p !== null && 'threadId' in p && typeof p.threadId === 'string'
        ? p.threadId
        : typeof p === 'object' && p !== null && 'thread' in p && typeof p.thread === 'object' && p.thread !== null
          ? 'id' in p.thread
            ? p.thread.id
            : undefined
          : undefined;
    if (threadId === this.id) this.apply(e);
    else if (threadId === undefined && (e.method === 'deprecationNotice' || e.method === 'configWarning')) {
      this.apply(e);
    } else return;
    for (const run of [...this.runs]) run.offer(e);
  }

  private apply(event: StateEvent): void {
    const next = reduce(this.conversation, event);
    if (next === this.conversation) return;
    const before = this.conversation.threads[this.id];
    this.conversation = next;
    const thread = next.threads[this.id];
    if (!thread || thread === before) return;
    for (const l of [...this.listeners]) {
      try {
        l(thread, event);
      } catch (err) {
        process.emitWarning(`a ThreadHandle listener threw: ${String(err)}`, 'CaskListenerWarning');
      }
    }
  }
}
