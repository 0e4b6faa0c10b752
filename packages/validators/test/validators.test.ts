import { describe, expect, it } from 'vitest';
import {
  CLIENT_NOTIFICATION_METHODS,
  CLIENT_REQUEST_METHODS,
  SERVER_NOTIFICATION_METHODS,
  SERVER_REQUEST_METHODS,
  classifyMessage,
  isClientRequestMethod,
  isKnownMethod,
  listMethods,
  validateClientNotification,
  validateClientRequest,
  validateClientResult,
  validateMessage,
  validateServerNotification,
  validateServerRequest,
  validateServerResult,
  type ValidationResult,
} from '../src/index.js';

function failure<T>(r: ValidationResult<T>) {
  if (r.ok) throw new Error(`expected a failure, got ok for ${JSON.stringify(r.value)}`);
  return r;
}

const turnStart = (input: unknown[], extra: Record<string, unknown> = {}) => ({ threadId: 'thr_1', input, ...extra });
const usage = { cachedInputTokens: 0, inputTokens: 10, outputTokens: 5, reasoningOutputTokens: 0, totalTokens: 15 };
const tokenUsage = (n: unknown) => ({
  threadId: 'thr_1',
  turnId: 'turn_1',
  tokenUsage: { total: { ...usage, totalTokens: n }, last: usage },
});
const commandItem = {
  type: 'commandExecution',
  id: 'item_1',
  command: 'ls',
  commandActions: [],
  cwd: '/tmp',
  status: 'inProgress',
};
const itemStarted = (patch: Record<string, unknown>) => ({
  threadId: 'thr_1',
  turnId: 'turn_1',
  startedAtMs: 1700000000000,
  item: { ...commandItem, ...patch },
});
const errorNotification = (codexErrorInfo: unknown) => ({
  threadId: 'thr_1',
  turnId: 'turn_1',
  willRetry: false,
  error: { message: 'boom', codexErrorInfo },
});

describe('method lists', () => {
  it('come from the schema unions', () => {
    expect(CLIENT_REQUEST_METHODS).toEqual(
      expect.arrayContaining(['initialize', 'thread/start', 'turn/start', 'turn/interrupt']),
    );
    expect(CLIENT_NOTIFICATION_METHODS).toContain('initialized');
    expect(SERVER_REQUEST_METHODS).toContain('item/commandExecution/requestApproval');
    expect(SERVER_NOTIFICATION_METHODS).toEqual(expect.arrayContaining(['turn/completed', 'item/agentMessage/delta']));
    expect(listMethods('clientRequest')).toBe(CLIENT_REQUEST_METHODS);
  });

  it('experimental lists contain every stable method', () => {
    for (const kind of ['clientRequest', 'clientNotification', 'serverRequest', 'serverNotification'] as const) {
      const exp = new Set(listMethods(kind, { experimental: true }));
      for (const m of listMethods(kind)) expect(exp.has(m), `${kind} ${m}`).toBe(true);
    }
  });

  it('isKnownMethod and the type guards', () => {
    expect(isKnownMethod('clientRequest', 'turn/start')).toBe(true);
    expect(isKnownMethod('serverRequest', 'turn/start')).toBe(false);
    expect(isKnownMethod('serverNotification', 'turn/completed')).toBe(true);
    expect(isClientRequestMethod('thread/start')).toBe(true);
    expect(isClientRequestMethod('foo/bar')).toBe(false);
  });
});

describe('valid samples', () => {
  it('accepts valid params and returns them typed', () => {
    const params = turnStart([
      { type: 'text', text: 'hi' },
      { type: 'image', url: 'https://x/y.png' },
    ]);
    const r = validateClientRequest('turn/start', params);
    expect(r).toEqual({ ok: true, value: params });
    if (r.ok) expect(r.value.threadId).toBe('thr_1'); // typed as TurnStartParams
  });

  it('accepts server notifications, server requests and both kinds of results', () => {
    expect(validateServerNotification('thread/tokenUsage/updated', tokenUsage(15)).ok).toBe(true);
    expect(
      validateServerNotification('error', errorNotification({ httpConnectionFailed: { httpStatusCode: 502 } })).ok,
    ).toBe(true);
    expect(validateServerNotification('item/started', itemStarted({})).ok).toBe(true);
    expect(validateServerNotification('error', errorNotification(null)).ok).toBe(true);
    expect(validateClientResult('item/commandExecution/requestApproval', { decision: 'accept' }).ok).toBe(true);
    expect(validateServerResult('turn/interrupt', {}).ok).toBe(true);
    expect(validateClientNotification('initialized', undefined).ok).toBe(true);
  });
});

describe('error messages', () => {
  it('enum: names the allowed values and what was sent, for the branch picked by the discriminator', () => {
    const r = failure(validateClientRequest('turn/start', turnStart([{ type: 'txt', text: 'hi' }])));
    expect(r.message).toMatch(
      /^turn\/start params: \/input\/0\/type must be one of "text", "image", .* \(got "txt"\)$/,
    );
    expect(r.errors).toEqual([expect.objectContaining({ pointer: '/input/0/type', keyword: 'enum', got: '"txt"' })]);
  });

  it('required: points at the missing member of the matching branch only', () => {
    const r = failure(validateClientRequest('turn/start', turnStart([{ type: 'text' }])));
    expect(r.errors).toEqual([{ pointer: '/input/0/text', reason: 'is required', keyword: 'required' }]);
    expect(r.message).toBe('turn/start params: /input/0/text is required');
    const missing = failure(validateClientRequest('turn/start', { input: [] }));
    expect(missing.message).toBe('turn/start params: /threadId is required');
  });

  it('picks the closest of several branches sharing a discriminator', () => {
    // `image` has two shapes (by url, by fileId); the one with fewer problems is reported.
    const r = failure(validateClientRequest('turn/start', turnStart([{ type: 'image', url: 42 }])));
    expect(r.errors).toEqual([
      expect.objectContaining({ pointer: '/input/0/url', keyword: 'type', reason: 'must be a string', got: '42' }),
    ]);
  });

  it('type: says which type was expected', () => {
    const r = failure(validateClientRequest('turn/start', { threadId: 7, input: [] }));
    expect(r.message).toBe('turn/start params: /threadId must be a string (got 7)');
    const notObject = failure(validateClientRequest('turn/start', 'hello'));
    expect(notObject.message).toBe('turn/start params: must be an object (got "hello")');
  });

  it('integer formats: integer type and range', () => {
    const frac = failure(validateServerNotification('thread/tokenUsage/updated', tokenUsage(1.5)));
    expect(frac.message).toBe(
      'thread/tokenUsage/updated params: /tokenUsage/total/totalTokens must be an integer (got 1.5)',
    );
    const huge = failure(validateServerNotification('thread/tokenUsage/updated', tokenUsage(2 ** 60)));
    expect(huge.errors).toEqual([
      expect.objectContaining({
        pointer: '/tokenUsage/total/totalTokens',
        keyword: 'format',
        reason: expect.stringContaining('(int64)') as unknown, // an asymmetric matcher
      }),
    ]);
    const exit = failure(validateServerNotification('item/started', itemStarted({ exitCode: 2 ** 31 })));
    expect(exit.message).toBe(
      'item/started params: /item/exitCode must be an integer from -2147483648 to 2147483647 (int32) (got 2147483648)',
    );
  });

  it('nested unions: explains the inner failure instead of listing every branch', () => {
    // item is a union of item kinds; commandActions holds another union.
    const r = failure(
      validateServerNotification('item/started', itemStarted({ commandActions: [{ type: 'bogus', command: 'ls' }] })),
    );
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ pointer: '/item/commandActions/0/type', keyword: 'enum', got: '"bogus"' });
    expect(r.errors[0]?.reason).toMatch(/^must be one of "read", /);
    const status = failure(validateServerNotification('item/started', itemStarted({ status: 'running' })));
    expect(status.errors).toEqual([expect.objectContaining({ pointer: '/item/status', got: '"running"' })]);
    expect(status.errors[0]?.reason).toMatch(/^must be one of "inProgress", /);
    // A nullable union member given the wrong kind of value: what is allowed is summarised.
    const wrongKind = failure(validateServerNotification('error', errorNotification(12)));
    expect(wrongKind.errors).toHaveLength(1);
    expect(wrongKind.errors[0]).toMatchObject({ pointer: '/error/codexErrorInfo', got: '12' });
    expect(wrongKind.errors[0]?.reason).toMatch(
      /^must be one of ".*", a string, an object or null$|^must be a string, an object or null$/,
    );
  });

  it('reports several independent problems, capped in the message', () => {
    const r = failure(validateServerRequest('item/commandExecution/requestApproval', {}));
    expect(r.errors.length).toBeGreaterThan(3);
    expect(r.errors.every((e) => e.keyword === 'required')).toBe(true);
    expect(r.message).toMatch(/; and \d+ more$/);
  });

  it('results are checked against the result type', () => {
    const r = failure(validateClientResult('item/commandExecution/requestApproval', { decision: 'yes' }));
    expect(r.message).toMatch(
      /^item\/commandExecution\/requestApproval result: \/decision must be one of "accept", .* \(got "yes"\)$/,
    );
    expect(failure(validateServerResult('turn/start', {})).message).toBe('turn/start result: /turn is required');
  });

  it('params: missing, and present where the method takes none', () => {
    expect(failure(validateClientRequest('turn/start', undefined)).message).toBe('turn/start params: are required');
    expect(failure(validateClientNotification('initialized', { a: 1 })).message).toMatch(
      /^initialized params: must be absent/,
    );
  });
});

describe('unknown methods', () => {
  it('gives a clear error per union', () => {
    expect(failure(validateClientRequest('foo/bar', {})).message).toBe('unknown client request method "foo/bar"');
    expect(failure(validateServerNotification('turn/start', {})).message).toBe(
      'unknown server notification method "turn/start"',
    );
    expect(failure(validateServerRequest('nope', {})).errors).toEqual([
      { pointer: '', reason: 'unknown server request method "nope"', keyword: 'method' },
    ]);
    expect(failure(validateClientResult('turn/start', {})).message).toBe('unknown server request method "turn/start"');
  });
});

describe('experimental vs stable', () => {
  // multiAgentMode exists only in the experimental bundle; its object form
  // forbids extra properties. The stable bundle does not know the field, and
  // objects accept unknown members, so stable lets it through.
  const params = turnStart([], { multiAgentMode: { custom: 'be brief', extra: true } });

  it('a one-bundle entry point refuses the other API with a message naming the entry points to use', async () => {
    const stable = await import('../src/stable.js');
    const experimental = await import('../src/experimental.js');
    expect(() => stable.validateClientRequest('turn/start', params, { experimental: true })).toThrow(
      '@cask/validators/stable validates the stable API only; import @cask/validators/experimental or @cask/validators',
    );
    expect(() => experimental.validateClientRequest('turn/start', params, { experimental: false })).toThrow(
      '@cask/validators/experimental validates the experimental API only; import @cask/validators/stable or @cask/validators',
    );
    expect(stable.validateClientRequest('turn/start', params).ok).toBe(true);
    expect(experimental.validateClientRequest('turn/start', params).ok).toBe(false);
  });

  it('stable ignores the experimental-only field', () => {
    expect(validateClientRequest('turn/start', params).ok).toBe(true);
  });

  it('experimental checks it', () => {
    const r = failure(validateClientRequest('turn/start', params, { experimental: true }));
    expect(r.errors).toEqual([
      expect.objectContaining({ pointer: '/multiAgentMode/extra', keyword: 'additionalProperties' }),
    ]);
    const bad = failure(
      validateClientRequest('turn/start', turnStart([], { multiAgentMode: 'sometimes' }), { experimental: true }),
    );
    expect(bad.message).toBe(
      'turn/start params: /multiAgentMode must be one of "explicitRequestOnly", "proactive", an object or null (got "sometimes")',
    );
    expect(
      validateClientRequest('turn/start', turnStart([], { multiAgentMode: 'proactive' }), { experimental: true }).ok,
    ).toBe(true);
  });

  it('a method only in the experimental bundle is unknown to the stable one', () => {
    const onlyExperimental = (
      ['clientRequest', 'serverRequest', 'serverNotification', 'clientNotification'] as const
    ).flatMap((kind) =>
      listMethods(kind, { experimental: true })
        .filter((m) => !isKnownMethod(kind, m))
        .map((m) => ({ kind, m })),
    );
    // The protocol maps have no experimental-only method today; the check is
    // exercised as soon as one is added.
    for (const { kind, m } of onlyExperimental) {
      expect(isKnownMethod(kind, m, { experimental: true })).toBe(true);
      expect(isKnownMethod(kind, m)).toBe(false);
    }
  });
});

describe('validateMessage', () => {
  it('classifies by members', () => {
    expect(classifyMessage({ id: 1, method: 'x' }).kind).toBe('request');
    expect(classifyMessage({ method: 'x' }).kind).toBe('notification');
    expect(classifyMessage({ id: 1, result: null }).kind).toBe('response');
    expect(classifyMessage({ id: 1, error: { code: 1, message: 'm' } }).kind).toBe('error');
    expect(classifyMessage({ id: 1 })).toEqual({ kind: 'invalid', reason: 'a response needs "result" or "error"' });
    expect(classifyMessage([1]).kind).toBe('invalid');
  });

  it('checks the envelope and the payload, with pointers relative to the message', () => {
    const ok = validateMessage({ id: 0, method: 'item/commandExecution/requestApproval', params: {} }, 's2c');
    expect(failure(ok).errors.every((e) => e.pointer.startsWith('/params/'))).toBe(true);
    const badId = failure(
      validateMessage({ id: 1.5, method: 'turn/interrupt', params: { threadId: 't', turnId: 'u' } }, 'c2s'),
    );
    expect(badId.message).toBe('turn/interrupt request: /id must be a string or an integer (got 1.5)');
    expect(validateMessage({ method: 'initialized' }, 'c2s').ok).toBe(true);
    expect(failure(validateMessage({ method: 'initialized' }, 's2c')).message).toBe(
      'unknown server notification method "initialized"',
    );
  });

  it('checks a response result when told the request method (s2c answers a client request)', () => {
    expect(failure(validateMessage({ id: 3, result: {} }, 's2c', { method: 'turn/start' })).message).toBe(
      'turn/start response: /result/turn is required',
    );
    expect(
      validateMessage({ id: 0, result: { decision: 'decline' } }, 'c2s', {
        method: 'item/commandExecution/requestApproval',
      }).ok,
    ).toBe(true);
    expect(validateMessage({ id: 3, result: {} }, 's2c').ok).toBe(true); // envelope only
    expect(failure(validateMessage({ id: 3, error: { message: 'x' } }, 's2c')).message).toBe(
      'server error response: /error/code is required',
    );
  });
});
