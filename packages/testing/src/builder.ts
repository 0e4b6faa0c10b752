/**
 * The typed TypeScript builder for fake server scripts. Server request
 * params and the results expected back are typed by `@cask/protocol`'s
 * method maps; the builder produces a plain {@link FakeScript}.
 * @module
 */
import type { ServerRequestMethod, ServerRequestParams, ServerRequestResult } from '@cask/protocol';
import type {
  AnswerExpectation,
  ClientAnswer,
  FakeResponse,
  FakeScript,
  FakeStep,
  FakeTurn,
  JsonObject,
  JsonValue,
  ServerRequestStep,
} from './script.js';

/** Copies a typed protocol value into plain JSON (drops `undefined` members). */
function json(value: unknown): JsonValue {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return null;
  // What JSON.parse returns from JSON.stringify's output is JSON.
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

/** What a typed expectation may be: a partial result, an error, or a predicate on the typed answer. */
export type TypedExpectation<R> =
  | { result: Partial<R> | JsonValue }
  | { error: true | { code: number } }
  | ((answer: { result: R } | Extract<ClientAnswer, { error: unknown }>) => boolean | string);

function expectation<R>(e: TypedExpectation<R> | undefined): AnswerExpectation | undefined {
  if (e === undefined) return undefined;
  if (typeof e === 'function') {
    // The answer was validated against the schema of R before the predicate runs.
    return (answer) => e(answer as { result: R } | Extract<ClientAnswer, { error: unknown }>);
  }
  if ('result' in e) return { result: json(e.result) };
  return { error: e.error };
}

/** Placeholders usable in any string of a step. */
export const THREAD_ID = '${threadId}';
/** The current turn's id. */
export const TURN_ID = '${turnId}';
/** The id of the item most recently started. */
export const ITEM_ID = '${itemId}';

/** Options of {@link TurnBuilder.commandExecution}. */
export interface CommandExecutionOptions {
  command: string;
  /** Item id (default: generated). */
  id?: string;
  cwd?: string;
  /** Output chunks streamed as `item/commandExecution/outputDelta`. */
  output?: string[];
  exitCode?: number;
  /** `completed` (default), `failed` or `declined`. */
  status?: 'completed' | 'failed' | 'declined';
  /** Ask for approval first, expecting this answer. */
  approval?: TypedExpectation<ServerRequestResult<'item/commandExecution/requestApproval'>>;
}

/** Builds the steps of one turn. Every method returns the builder. */
export class TurnBuilder {
  /** @internal */
  readonly turn: FakeTurn = { steps: [] };

  private push(step: FakeStep): this {
    this.turn.steps.push(step);
    return this;
  }

  /** An agent message streamed as deltas (word by word unless `chunks` is given). */
  agentMessage(text: string, options: { chunks?: string[]; id?: string } = {}): this {
    return this.push({ type: 'agentMessage', text, ...options });
  }

  /** Any item kind: started, deltas (`{ method, params }`), then completed as `completedItem` (default: `item`). */
  item(
    item: JsonObject,
    options: {
      deltas?: Array<{ method: string; params: JsonObject }>;
      completedItem?: JsonObject;
      requests?: ServerRequestStep[];
    } = {},
  ): this {
    return this.push({ type: 'item', item, ...options });
  }

  /** A shell command item, optionally behind a command approval. */
  commandExecution(o: CommandExecutionOptions): this {
    const cwd = o.cwd ?? '/tmp/cask-fake-server/workspace';
    const base: JsonObject = {
      type: 'commandExecution',
      ...(o.id ? { id: o.id } : {}),
      pluginId: null,
      scriptPath: null,
      command: o.command,
      cwd,
      processId: null,
      source: 'agent',
      status: 'inProgress',
      commandActions: [{ type: 'unknown', command: o.command }],
      aggregatedOutput: null,
      exitCode: null,
      durationMs: null,
    };
    const output = o.output ?? [];
    const status = o.status ?? 'completed';
    const requests = o.approval
      ? [
          request(
            'item/commandExecution/requestApproval',
            {
              kind: 'command',
              environmentId: 'local',
              threadId: THREAD_ID,
              turnId: TURN_ID,
              itemId: ITEM_ID,
              startedAtMs: 0,
              command: o.command,
              cwd,
              commandActions: [{ type: 'unknown', command: o.command }],
            },
            o.approval,
          ),
        ]
      : [];
    return this.item(base, {
      requests,
      deltas:
        status === 'declined'
          ? []
          : output.map((delta) => ({ method: 'item/commandExecution/outputDelta', params: { delta } })),
      completedItem: {
        ...base,
        status,
        aggregatedOutput: status === 'declined' ? null : output.join(''),
        exitCode: status === 'declined' ? null : (o.exitCode ?? 0),
        durationMs: status === 'declined' ? null : 1,
      },
    });
  }

  /** Any server request, typed by method; the fake waits for the answer and checks `expect`. */
  request<M extends ServerRequestMethod>(
    method: M,
    params: ServerRequestParams<M>,
    expect?: TypedExpectation<ServerRequestResult<M>>,
  ): this {
    return this.push(request(method, params, expect));
  }

  /** Any server notification. */
  notification(method: string, params?: unknown): this {
    return this.push({ type: 'notification', method, ...(params === undefined ? {} : { params: json(params) }) });
  }

  /** `thread/tokenUsage/updated` (the fake keeps running totals). */
  tokenUsage(
    inputTokens: number,
    outputTokens: number,
    extra: { cachedInputTokens?: number; reasoningOutputTokens?: number; modelContextWindow?: number | null } = {},
  ): this {
    return this.push({ type: 'tokenUsage', inputTokens, outputTokens, ...extra });
  }

  /** An `error` notification; the turn fails unless `willRetry`. */
  error(message: string, options: { willRetry?: boolean } = {}): this {
    return this.push({ type: 'error', message, ...options });
  }

  /** Stays in progress until the client sends `turn/interrupt`. */
  waitForInterrupt(options: { timeoutMs?: number } = {}): this {
    return this.push({ type: 'waitForInterrupt', ...options });
  }

  /** Pauses for `ms`. */
  delay(ms: number): this {
    return this.push({ type: 'delay', ms });
  }

  /** Sends a line that is no valid message. */
  malformed(line: string): this {
    return this.push({ type: 'malformed', line });
  }

  /** The server exits (mid-turn). */
  exit(code = 1): this {
    return this.push({ type: 'exit', code });
  }

  /** `count` agent message deltas at once. */
  flood(count: number, delta = 'x'): this {
    return this.push({ type: 'flood', count, delta });
  }

  /** Never answer this turn's `turn/start` (the steps still run). */
  dropResponse(): this {
    this.turn.dropResponse = true;
    return this;
  }
}

/** A typed server request step (for {@link TurnBuilder.item}'s `requests`). */
export function request<M extends ServerRequestMethod>(
  method: M,
  params: ServerRequestParams<M>,
  expect?: TypedExpectation<ServerRequestResult<M>>,
): ServerRequestStep {
  const e = expectation(expect);
  return { type: 'serverRequest', method, params: json(params), ...(e ? { expect: e } : {}) };
}

/** Builds a {@link FakeScript}. */
export class ScriptBuilder {
  private readonly script: FakeScript = {};

  /** `userAgent` answered to `initialize`. */
  userAgent(userAgent: string): this {
    this.script.userAgent = userAgent;
    return this;
  }

  /** Validate against the experimental bundle. */
  experimental(on = true): this {
    this.script.experimental = on;
    return this;
  }

  /** Adds a turn (used by the next `turn/start`). */
  turn(build: (t: TurnBuilder) => unknown): this {
    const t = new TurnBuilder();
    build(t);
    (this.script.turns ??= []).push(t.turn);
    return this;
  }

  /** Steps run right after `initialized` (server requests outside turns). */
  afterInitialized(build: (t: TurnBuilder) => unknown): this {
    const t = new TurnBuilder();
    build(t);
    this.script.afterInitialized = t.turn.steps;
    return this;
  }

  /** A canned answer for another client request. */
  respond(method: string, response: FakeResponse | { result: unknown }): this {
    (this.script.responses ??= {})[method] =
      'result' in response ? { ...response, result: json(response.result) } : response;
    return this;
  }

  /** The script, as plain data. */
  build(): FakeScript {
    return this.script;
  }
}

/**
 * Starts a script.
 *
 * @example
 * ```ts
 * const script = fakeScript().turn((t) =>
 *   t.commandExecution({ command: 'ls', output: ['a\n'], approval: { result: { decision: 'accept' } } }).agentMessage('Done.'),
 * );
 * ```
 */
export function fakeScript(): ScriptBuilder {
  return new ScriptBuilder();
}
