/**
 * Up-front check of a script: every step well formed, and every message it
 * would send valid against the schema (rendered with stand-in ids). A bad
 * script fails at once with a {@link FakeScriptError} naming the step, not
 * halfway through a test.
 * @module
 */
import {
  isServerNotificationMethod,
  isServerRequestMethod,
  validateServerNotification,
  validateServerRequest,
  validateServerResult,
  type ValidateOptions,
} from '@cask/validators';
import { FakeScriptError } from './errors.js';
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
import { STEP_TYPES, type FakeScript, type FakeStep, type ServerRequestStep } from './script.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function dryContext(): TurnContext {
  return {
    threadId: 'thread_check',
    turnId: 'turn_check',
    itemId: 'item_check',
    counter: { items: 0 },
    usage: { input: 0, output: 0, cached: 0, reasoning: 0 },
    now: () => 0,
  };
}

function checkNotification(n: OutNotification, where: string, opts: ValidateOptions): void {
  if (!isServerNotificationMethod(n.method, opts))
    throw new FakeScriptError(where, `unknown server notification method "${n.method}"`);
  const v = validateServerNotification(n.method, n.params, opts);
  if (!v.ok) throw new FakeScriptError(where, v.message);
}

function checkRequest(step: ServerRequestStep, where: string, ctx: TurnContext, opts: ValidateOptions): void {
  if (typeof step.method !== 'string' || !isServerRequestMethod(step.method, opts))
    throw new FakeScriptError(where, `unknown server request method "${step.method}"`);
  const v = validateServerRequest(step.method, substitute(step.params, ctx), opts);
  if (!v.ok) throw new FakeScriptError(where, v.message);
  const e = step.expect;
  if (e !== undefined && typeof e !== 'function' && !(isObject(e) && ('result' in e || 'error' in e)))
    throw new FakeScriptError(
      where,
      'expect must be { "result": ... }, { "error": true | { "code": n } } or a predicate',
    );
}

const need = (cond: boolean, where: string, what: string) => {
  if (!cond) throw new FakeScriptError(where, what);
};

function checkSteps(steps: unknown, where: string, opts: ValidateOptions): void {
  need(Array.isArray(steps), where, 'steps must be an array');
  const ctx = dryContext();
  // Cast: `need` above threw unless steps is an array; its elements are checked one by one as unknown.
  (steps as unknown[]).forEach((raw, i) => {
    const at = `${where}.steps[${i}]`;
    need(
      isObject(raw) && typeof raw['type'] === 'string' && STEP_TYPES.has(raw['type']),
      at,
      `step type must be one of ${[...STEP_TYPES].join(', ')} (got ${JSON.stringify(isObject(raw) ? raw['type'] : raw)})`,
    );
    const step = raw as FakeStep; // its type tag was checked just above
    const sat = `${at} (${step.type})`;
    switch (step.type) {
      case 'agentMessage': {
        need(typeof step.text === 'string', sat, 'text must be a string');
        if (step.chunks !== undefined)
          need(Array.isArray(step.chunks) && step.chunks.join('') === step.text, sat, 'chunks must join to text');
        const p = agentMessageParts(step, ctx);
        checkNotification(itemStarted(p.started, ctx), sat, opts);
        for (const d of p.deltas) checkNotification(itemDelta(d, ctx), sat, opts);
        checkNotification(itemCompleted(p.completed, ctx), sat, opts);
        break;
      }
      case 'item': {
        need(isObject(step.item), sat, 'item must be an object');
        const p = itemParts(step, ctx);
        checkNotification(itemStarted(p.started, ctx), `${sat} item/started`, opts);
        (step.requests ?? []).forEach((r, j) => {
          checkRequest(r, `${sat}.requests[${j}]`, ctx, opts);
        });
        (step.deltas ?? []).forEach((d, j) => {
          need(
            isObject(d) && typeof d.method === 'string' && isObject(d.params),
            `${sat}.deltas[${j}]`,
            'a delta is { method, params }',
          );
          checkNotification(itemDelta(d, ctx), `${sat}.deltas[${j}] ${d.method}`, opts);
        });
        checkNotification(itemCompleted(p.completed, ctx), `${sat} item/completed`, opts);
        break;
      }
      case 'notification':
        need(typeof step.method === 'string', sat, 'method must be a string');
        checkNotification(
          { method: step.method, params: step.params === undefined ? undefined : substitute(step.params, ctx) },
          `${sat} ${step.method}`,
          opts,
        );
        break;
      case 'tokenUsage':
        need(
          Number.isInteger(step.inputTokens) && Number.isInteger(step.outputTokens),
          sat,
          'inputTokens and outputTokens must be integers',
        );
        checkNotification(tokenUsage(step, ctx), sat, opts);
        break;
      case 'serverRequest':
        checkRequest(step, `${sat} ${step.method}`, ctx, opts);
        break;
      case 'error':
        need(typeof step.message === 'string', sat, 'message must be a string');
        checkNotification(errorNotification(step.message, step.willRetry ?? false, ctx), sat, opts);
        break;
      case 'delay':
        need(typeof step.ms === 'number' && step.ms >= 0, sat, 'ms must be a number >= 0');
        break;
      case 'malformed':
        need(typeof step.line === 'string', sat, 'line must be a string');
        break;
      case 'flood':
        need(Number.isInteger(step.count) && step.count >= 0, sat, 'count must be an integer >= 0');
        break;
      case 'exit':
        need(step.code === undefined || Number.isInteger(step.code), sat, 'code must be an integer');
        break;
      case 'waitForInterrupt':
        break;
    }
  });
}

/**
 * Checks a script; throws {@link FakeScriptError} naming the first bad step.
 * Called by every fake server before it accepts a connection.
 */
export function checkScript(script: unknown): asserts script is FakeScript {
  if (!isObject(script)) throw new FakeScriptError('script', 'a script must be an object');
  const { turns, afterInitialized, responses, experimental } = script;
  need(experimental === undefined || typeof experimental === 'boolean', 'experimental', 'must be a boolean');
  need(script['userAgent'] === undefined || typeof script['userAgent'] === 'string', 'userAgent', 'must be a string');
  const opts = { experimental: experimental === true };
  if (turns !== undefined) {
    need(Array.isArray(turns), 'turns', 'turns must be an array');
    // Cast: `need` above threw unless turns is an array; each turn is checked below.
    (turns as unknown[]).forEach((t, i) => {
      need(isObject(t), `turns[${i}]`, 'a turn must be an object with steps');
      // Cast: `need` above threw unless t is an object; `steps` is checked by checkSteps.
      checkSteps((t as Record<string, unknown>)['steps'], `turns[${i}]`, opts);
    });
  }
  if (afterInitialized !== undefined) checkSteps(afterInitialized, 'afterInitialized', opts);
  need(responses === undefined || isObject(responses), 'responses', 'responses must be an object keyed by method');
  for (const [method, r] of Object.entries(isObject(responses) ? responses : {})) {
    const at = `responses[${JSON.stringify(method)}]`;
    need(
      isObject(r) && ('result' in r || 'error' in r || 'drop' in r),
      at,
      'a response is { result }, { error: { code, message } } or { drop: true }',
    );
    if (isObject(r) && 'result' in r) {
      const v = validateServerResult(method, r['result'], opts);
      if (!v.ok) throw new FakeScriptError(at, v.message);
    }
  }
}
