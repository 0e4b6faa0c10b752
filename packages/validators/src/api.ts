/**
 * The validators, written once over a bundle selector; each entry point
 * (`@cask/validators`, `/stable`, `/experimental`) binds them to its bundles.
 * @module
 */
import type {
  ClientNotificationMethod,
  ClientRequestMethod,
  JSONRPCErrorError,
  RequestId,
  ServerNotificationMethod,
  ServerRequestMethod,
} from '@cask/protocol';
import { UNION_OF, type Bundle } from './bundle.js';
import { explainErrors, formatIssues, preview, type ValidationIssue } from './explain.js';
import type {
  ClientNotificationParamsOf,
  ClientRequestParamsOf,
  ClientRequestResultOf,
  Direction,
  MethodKind,
  ServerNotificationParamsOf,
  ServerRequestParamsOf,
  ServerRequestResultOf,
  ValidateOptions,
  ValidationFailure,
  ValidationResult,
} from './types.js';

/** A message sorted by shape (no schema check). */
export type ClassifiedMessage =
  | { kind: 'request'; id: RequestId; method: string; params: unknown }
  | { kind: 'notification'; method: string; params: unknown }
  | { kind: 'response'; id: RequestId; result: unknown }
  | { kind: 'error'; id: RequestId; error: JSONRPCErrorError };

/** Options of {@link Validators.validateMessage}. */
export interface ValidateMessageOptions extends ValidateOptions {
  /**
   * For a response: the method of the request it answers, so its `result`
   * can be checked. Without it only the envelope of a response is checked.
   */
  method?: string;
}

/** The validator functions of one entry point. */
export interface Validators {
  /** Validates the params of a request the client sends (`turn/start`, ...). */
  validateClientRequest: <M extends string>(
    method: M,
    params: unknown,
    opts?: ValidateOptions,
  ) => ValidationResult<ClientRequestParamsOf<M>>;
  /** Validates the result the server returns for client request `method`. */
  validateServerResult: <M extends string>(
    method: M,
    result: unknown,
    opts?: ValidateOptions,
  ) => ValidationResult<ClientRequestResultOf<M>>;
  /** Validates the params of a notification the server sends (`turn/completed`, ...). */
  validateServerNotification: <M extends string>(
    method: M,
    params: unknown,
    opts?: ValidateOptions,
  ) => ValidationResult<ServerNotificationParamsOf<M>>;
  /** Validates the params of a request the server sends (approvals, ...). */
  validateServerRequest: <M extends string>(
    method: M,
    params: unknown,
    opts?: ValidateOptions,
  ) => ValidationResult<ServerRequestParamsOf<M>>;
  /** Validates the result the client returns for server request `method`. */
  validateClientResult: <M extends string>(
    method: M,
    result: unknown,
    opts?: ValidateOptions,
  ) => ValidationResult<ServerRequestResultOf<M>>;
  /** Validates the params of a notification the client sends (`initialized`). */
  validateClientNotification: <M extends string>(
    method: M,
    params: unknown,
    opts?: ValidateOptions,
  ) => ValidationResult<ClientNotificationParamsOf<M>>;
  /**
   * Validates a whole message travelling in `direction`: its envelope, and
   * the params (requests, notifications) or the result (responses, when
   * `opts.method` names the request answered). Issue pointers are relative to
   * the message (`/params/input/0/type`).
   */
  validateMessage: (
    msg: unknown,
    direction: Direction,
    opts?: ValidateMessageOptions,
  ) => ValidationResult<ClassifiedMessage>;
  /** The methods of one union in the selected bundle, in schema order. */
  listMethods: (kind: MethodKind, opts?: ValidateOptions) => readonly string[];
  /** Whether `method` belongs to the given union in the selected bundle. */
  isKnownMethod: (kind: MethodKind, method: string, opts?: ValidateOptions) => boolean;
  /** Type guard: `method` is a client request method. */
  isClientRequestMethod: (method: string, opts?: ValidateOptions) => method is ClientRequestMethod;
  /** Type guard: `method` is a client notification method. */
  isClientNotificationMethod: (method: string, opts?: ValidateOptions) => method is ClientNotificationMethod;
  /** Type guard: `method` is a server request method. */
  isServerRequestMethod: (method: string, opts?: ValidateOptions) => method is ServerRequestMethod;
  /** Type guard: `method` is a server notification method. */
  isServerNotificationMethod: (method: string, opts?: ValidateOptions) => method is ServerNotificationMethod;
  /** Where each request method's result schema came from (see the README's "Results"). */
  resultLinkSource: (
    kind: 'clientRequest' | 'serverRequest',
    method: string,
    opts?: ValidateOptions,
  ) => 'x-result' | 'convention' | null | undefined;
}

const KIND_WORDS: Record<MethodKind, string> = {
  clientRequest: 'client request',
  clientNotification: 'client notification',
  serverRequest: 'server request',
  serverNotification: 'server notification',
};

/** The subject of a message's failure: `turn/start request`, `turn/start response`, `server error response`. */
function subjectOf(c: ClassifiedMessage, dirWord: string, opts?: ValidateMessageOptions): string {
  if (c.kind === 'request' || c.kind === 'notification') return `${c.method} ${c.kind}`;
  return `${opts?.method ?? dirWord} ${c.kind === 'error' ? 'error response' : 'response'}`;
}

/** The first 60 characters of a value's JSON (empty when it has none, like a function); never throws. */
function rendered(value: unknown): string {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return '';
  return preview(value);
}

/** What the envelope schema accepts as a request id: a string or a safe integer (`int64`). */
const isRequestId = (id: unknown): id is RequestId => typeof id === 'string' || Number.isSafeInteger(id);

/** None of `members` is set on `m` (ajv's test for an optional member: not undefined). */
function allAbsent(m: Record<string, unknown>, members: readonly string[]): boolean {
  for (const k of members) if (m[k] !== undefined) return false;
  return true;
}

/**
 * The hot path's check of `params` for `method`: true only when the full
 * check would accept them too (false sends the call to the full check, which
 * finds and explains the failure). Allocates nothing.
 */
function paramsPass(bundle: Bundle, kind: MethodKind, method: string, params: unknown): boolean {
  const entry = bundle.entries(kind).get(method);
  if (entry === undefined) return false;
  const row = entry.row;
  if (params === undefined) return !row.paramsRequired;
  if (row.params === null) return params === null;
  return (entry.params ??= bundle.validator(row.params))(params);
}

/** The hot path's check of a request's result: true only when the full check would accept it. */
function resultPass(bundle: Bundle, kind: 'clientRequest' | 'serverRequest', method: string, result: unknown): boolean {
  const entry = bundle.entries(kind).get(method);
  if (entry === undefined) return false;
  const index = entry.row.result;
  if (index === null || index === undefined) return false;
  return (entry.result ??= bundle.validator(index))(result);
}

function fail(subject: string, errors: ValidationIssue[]): ValidationFailure {
  return { ok: false, errors, message: formatIssues(subject, errors) };
}

/**
 * Sorts a message by its members: `id` + `method` is a request, `method`
 * alone a notification, `id` + `result` a response, `id` + `error` an error
 * response. Returns a reason when it is none of these.
 */
export function classifyMessage(msg: unknown): ClassifiedMessage | { kind: 'invalid'; reason: string } {
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
    return {
      kind: 'invalid',
      reason: `a message must be a JSON object (got ${msg === null ? 'null' : Array.isArray(msg) ? 'an array' : typeof msg})`,
    };
  }
  const m = msg as Record<string, unknown>; // a non-array object: read its members
  const hasId = Object.hasOwn(m, 'id');
  // The envelope validators check `id` and `error` shapes; here they are only sorted.
  const id = m.id as RequestId;
  if (Object.hasOwn(m, 'method')) {
    if (typeof m.method !== 'string') return { kind: 'invalid', reason: '"method" must be a string' };
    if (hasId) return { kind: 'request', id, method: m.method, params: m.params };
    return { kind: 'notification', method: m.method, params: m.params };
  }
  if (!hasId)
    return { kind: 'invalid', reason: 'a message needs "method" (request or notification) or "id" (response)' };
  const hasResult = Object.hasOwn(m, 'result');
  const hasError = Object.hasOwn(m, 'error');
  if (hasResult && hasError) return { kind: 'invalid', reason: 'a response must not carry both "result" and "error"' };
  if (hasResult) return { kind: 'response', id, result: m.result };
  // Cast: classification only; validateMessage then checks the error object against the envelope schema.
  if (hasError) return { kind: 'error', id, error: m.error as JSONRPCErrorError };
  return { kind: 'invalid', reason: 'a response needs "result" or "error"' };
}

/**
 * Builds the validators over `select`, which picks the bundle for the
 * options of a call. `hint`, when given, is the experimental bundle: an
 * unknown stable method that exists there gets a hint in its message.
 */
export function createValidators(select: (opts?: ValidateOptions) => Bundle, hint?: Bundle): Validators {
  const unknownMethod = (kind: MethodKind, method: string, bundle: Bundle): ValidationFailure => {
    let extra = '';
    if (hint && bundle !== hint && hint.has(UNION_OF[kind], method)) {
      extra = ' in the stable API (it is experimental: pass { experimental: true })';
    }
    // A method name is echoed whole up to 200 characters (a hostile 50 MB one is cut).
    const reason = `unknown ${KIND_WORDS[kind]} method ${preview(method, 200)}${extra}`;
    return { ok: false, errors: [{ pointer: '', reason, keyword: 'method' }], message: reason };
  };

  /** Runs root `index`: undefined when valid, else the failure explained from the schema. */
  const run = (
    bundle: Bundle,
    index: number,
    value: unknown,
    method: string,
    what: string,
  ): ValidationFailure | undefined => {
    if (bundle.validator(index)(value)) return undefined;
    return fail(`${method} ${what}`, explain(bundle, bundle.pointer(index), value));
  };

  const explain = (bundle: Bundle, pointer: string, value: unknown): ValidationIssue[] => {
    const detailed = bundle.detailed(pointer);
    detailed(value);
    const issues = explainErrors(bundle, detailed.errors ?? [], value, pointer);
    return issues.length > 0 ? issues : [{ pointer: '', reason: 'is invalid', keyword: 'unknown' }];
  };

  // The checks return undefined when the value is valid: the hot path allocates nothing.
  const paramsFailure = (
    bundle: Bundle,
    kind: MethodKind,
    method: string,
    params: unknown,
  ): ValidationFailure | undefined => {
    const row = bundle.byKind[kind].get(method);
    if (!row) return unknownMethod(kind, method, bundle);
    if (params === undefined) {
      if (row.paramsRequired)
        return fail(`${method} params`, [{ pointer: '', reason: 'are required', keyword: 'required' }]);
      return undefined;
    }
    if (row.params === null) {
      if (params === null) return undefined;
      return fail(`${method} params`, [
        {
          pointer: '',
          reason: 'must be absent: this method takes no params',
          keyword: 'params',
          got: rendered(params),
        },
      ]);
    }
    return run(bundle, row.params, params, method, 'params');
  };

  const resultFailure = (
    bundle: Bundle,
    kind: 'clientRequest' | 'serverRequest',
    method: string,
    result: unknown,
  ): ValidationFailure | undefined => {
    const row = bundle.byKind[kind].get(method);
    if (!row) return unknownMethod(kind, method, bundle);
    if (row.result === null || row.result === undefined) {
      return fail(`${method} result`, [
        {
          pointer: '',
          reason: `has no known schema (the schema does not link ${KIND_WORDS[kind]} "${method}" to a result type)`,
          keyword: 'x-result',
        },
      ]);
    }
    return run(bundle, row.result, result, method, 'result');
  };

  // Each check first tries the hot path, which only answers "valid"; anything else goes to the full
  // check, which decides and explains (so failures read exactly as before).
  const checkParams = (kind: MethodKind, method: string, params: unknown, opts?: ValidateOptions) => {
    const bundle = select(opts);
    if (typeof method === 'string' && paramsPass(bundle, kind, method, params))
      return { ok: true as const, value: params };
    return paramsFailure(bundle, kind, method, params) ?? { ok: true as const, value: params };
  };
  const checkResult = (
    kind: 'clientRequest' | 'serverRequest',
    method: string,
    result: unknown,
    opts?: ValidateOptions,
  ) => {
    const bundle = select(opts);
    if (typeof method === 'string' && resultPass(bundle, kind, method, result))
      return { ok: true as const, value: result };
    return resultFailure(bundle, kind, method, result) ?? { ok: true as const, value: result };
  };

  /**
   * The hot path of {@link Validators.validateMessage}: the classified message when the message is
   * valid and of a common shape, else undefined (then the full check decides). Its envelope test is
   * the envelope schema's own, written out: the build checks that the schema's envelopes have the
   * shape this test assumes, and sets `quickEnvelope` to null when they do not.
   */
  const quickMessage = (
    msg: unknown,
    direction: Direction,
    opts?: ValidateMessageOptions,
  ): ClassifiedMessage | undefined => {
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) return undefined;
    const m = msg as Record<string, unknown>; // a non-array object: read its members
    const method = m.method;
    if (typeof method === 'string') {
      if (!Object.hasOwn(m, 'method')) return undefined;
      const bundle = select(opts);
      const quick = bundle.quickEnvelope;
      if (quick === null) return undefined;
      const params = m.params;
      if (Object.hasOwn(m, 'id')) {
        const id = m.id;
        if (!isRequestId(id) || !allAbsent(m, quick.request)) return undefined;
        const kind = direction === 'c2s' ? 'clientRequest' : 'serverRequest';
        return paramsPass(bundle, kind, method, params) ? { kind: 'request', id, method, params } : undefined;
      }
      if (!allAbsent(m, quick.notification)) return undefined;
      const kind = direction === 'c2s' ? 'clientNotification' : 'serverNotification';
      return paramsPass(bundle, kind, method, params) ? { kind: 'notification', method, params } : undefined;
    }
    if (method !== undefined || Object.hasOwn(m, 'method') || Object.hasOwn(m, 'error')) return undefined;
    if (!Object.hasOwn(m, 'id') || !Object.hasOwn(m, 'result')) return undefined;
    const id = m.id;
    const result = m.result;
    if (!isRequestId(id) || result === undefined) return undefined;
    const bundle = select(opts);
    const quick = bundle.quickEnvelope;
    if (quick === null || !allAbsent(m, quick.response)) return undefined;
    const answered = opts?.method;
    // A server response answers a client request, and vice versa.
    const kind = direction === 's2c' ? 'clientRequest' : 'serverRequest';
    if (answered !== undefined && (typeof answered !== 'string' || !resultPass(bundle, kind, answered, result)))
      return undefined;
    return { kind: 'response', id, result };
  };

  const validateMessage = (
    msg: unknown,
    direction: Direction,
    opts?: ValidateMessageOptions,
  ): ValidationResult<ClassifiedMessage> => {
    const quick = quickMessage(msg, direction, opts);
    if (quick !== undefined) return { ok: true, value: quick };
    const c = classifyMessage(msg);
    const dirWord = direction === 'c2s' ? 'client' : 'server';
    if (c.kind === 'invalid')
      return fail(`${dirWord} message`, [{ pointer: '', reason: c.reason, keyword: 'envelope' }]);
    const bundle = select(opts);
    const envelope = bundle.envelopeOf[c.kind];
    if (envelope !== undefined && !bundle.validator(envelope)(msg)) {
      return fail(subjectOf(c, dirWord, opts), explain(bundle, bundle.pointer(envelope), msg));
    }
    let inner: ValidationFailure | undefined;
    let member = '';
    if (c.kind === 'request') {
      member = '/params';
      inner = paramsFailure(bundle, direction === 'c2s' ? 'clientRequest' : 'serverRequest', c.method, c.params);
    } else if (c.kind === 'notification') {
      member = '/params';
      inner = paramsFailure(
        bundle,
        direction === 'c2s' ? 'clientNotification' : 'serverNotification',
        c.method,
        c.params,
      );
    } else if (c.kind === 'response' && opts?.method !== undefined) {
      member = '/result';
      // A server response answers a client request, and vice versa.
      inner = resultFailure(bundle, direction === 's2c' ? 'clientRequest' : 'serverRequest', opts.method, c.result);
    }
    if (inner) {
      const unknown = inner.errors.length === 1 && inner.errors[0]?.keyword === 'method';
      if (unknown) return inner;
      const errors = inner.errors.map((e) => ({ ...e, pointer: `${member}${e.pointer}` }));
      return { ok: false, errors, message: formatIssues(subjectOf(c, dirWord, opts), errors) };
    }
    return { ok: true, value: c };
  };

  // Each typed validator returns what the untyped check returned: the value is
  // the input, typed from the method maps once the schema accepted it.
  return {
    validateClientRequest: (method, params, opts) => typedResult(checkParams('clientRequest', method, params, opts)),
    validateServerResult: (method, result, opts) => typedResult(checkResult('clientRequest', method, result, opts)),
    validateServerNotification: (method, params, opts) =>
      typedResult(checkParams('serverNotification', method, params, opts)),
    validateServerRequest: (method, params, opts) => typedResult(checkParams('serverRequest', method, params, opts)),
    validateClientResult: (method, result, opts) => typedResult(checkResult('serverRequest', method, result, opts)),
    validateClientNotification: (method, params, opts) =>
      typedResult(checkParams('clientNotification', method, params, opts)),
    validateMessage,
    listMethods: (kind, opts) => select(opts).lists[kind],
    isKnownMethod: (kind, method, opts) => select(opts).has(UNION_OF[kind], method),
    isClientRequestMethod: (method, opts): method is ClientRequestMethod => select(opts).has('ClientRequest', method),
    isClientNotificationMethod: (method, opts): method is ClientNotificationMethod =>
      select(opts).has('ClientNotification', method),
    isServerRequestMethod: (method, opts): method is ServerRequestMethod => select(opts).has('ServerRequest', method),
    isServerNotificationMethod: (method, opts): method is ServerNotificationMethod =>
      select(opts).has('ServerNotification', method),
    resultLinkSource: (kind, method, opts) =>
      select(opts).methods[UNION_OF[kind]].get(method)?.resultSource ?? undefined,
  };
}

/** The untyped check's result under the method-map type its caller declares. */
function typedResult(result: ValidationResult<unknown>): ValidationResult<never> {
  // Cast: TypeScript cannot tie a run-time method string to its method-map entry; the schema check for that
  // method is what makes the type true (the value is the very input the schema accepted).
  return result as ValidationResult<never>;
}
