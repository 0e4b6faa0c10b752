/**
 * `@cask/validators`: runtime validation of Codex app-server messages against
 * the JSON Schema in `@cask/schema`.
 *
 * The validators are compiled ahead of time (ajv standalone code, written to
 * `generated/` by `scripts/build-validators.mjs`); importing this package
 * never runs the ajv compiler. Method lists come from the schema's method
 * unions, so they always match the bundle the validators were compiled from.
 * @packageDocumentation
 */
import type {
  ClientNotificationMethod,
  ClientNotificationParams,
  ClientRequestMethod,
  ClientRequestParams,
  ClientRequestResult,
  JSONRPCErrorError,
  RequestId,
  ServerNotificationMethod,
  ServerNotificationParams,
  ServerRequestMethod,
  ServerRequestParams,
  ServerRequestResult,
} from '@cask/protocol';
import * as experimentalModule from '../generated/experimental.js';
import * as stableModule from '../generated/stable.js';
import {
  explainErrors,
  formatIssue,
  formatIssues,
  type CompiledValidator,
  type ExplainContext,
  type RawError,
  type ValidationIssue,
} from './explain.js';

export type { ValidationIssue } from './explain.js';
export { formatIssue } from './explain.js';
export {
  NUMERIC_FORMAT_RANGES,
  numericFormats,
  describeFormat,
  type NumberFormat,
  type NumericFormatRange,
} from './formats.js';

/** Which way a message travels: client to server, or server to client. */
export type Direction = 'c2s' | 's2c';

/** Options accepted by every validator. */
export interface ValidateOptions {
  /**
   * Validate against the experimental bundle (for connections that set
   * `capabilities.experimentalApi`). Default: the stable bundle.
   */
  experimental?: boolean;
}

/** A successful validation: `value` is the input, now typed. */
export interface ValidationSuccess<T> {
  ok: true;
  value: T;
}

/** A failed validation. */
export interface ValidationFailure {
  ok: false;
  /** Every problem found, most relevant union branch only. */
  errors: ValidationIssue[];
  /** One line for humans: `turn/start params: /input/0/type must be one of "text", … (got "txt")`. */
  message: string;
}

/** What every validator returns. */
export type ValidationResult<T> = ValidationSuccess<T> | ValidationFailure;

/** The four method unions of the protocol. */
export type MethodKind = 'clientRequest' | 'clientNotification' | 'serverRequest' | 'serverNotification';

/** Params type of client request `M`, or `unknown` for a method the types do not know. */
export type ClientRequestParamsOf<M extends string> = M extends ClientRequestMethod ? ClientRequestParams<M> : unknown;
/** Result type of client request `M`. */
export type ClientRequestResultOf<M extends string> = M extends ClientRequestMethod ? ClientRequestResult<M> : unknown;
/** Params type of server request `M`. */
export type ServerRequestParamsOf<M extends string> = M extends ServerRequestMethod ? ServerRequestParams<M> : unknown;
/** Result type the client returns for server request `M`. */
export type ServerRequestResultOf<M extends string> = M extends ServerRequestMethod ? ServerRequestResult<M> : unknown;
/** Params type of server notification `M`. */
export type ServerNotificationParamsOf<M extends string> = M extends ServerNotificationMethod
  ? ServerNotificationParams<M>
  : unknown;
/** Params type of client notification `M`. */
export type ClientNotificationParamsOf<M extends string> = M extends ClientNotificationMethod
  ? ClientNotificationParams<M>
  : unknown;

// ---------------------------------------------------------------- bundles

type UnionName = 'ClientRequest' | 'ClientNotification' | 'ServerRequest' | 'ServerNotification';
type MethodRow = (typeof stableModule.table.methods)[UnionName][number];

const UNION_OF: Record<MethodKind, UnionName> = {
  clientRequest: 'ClientRequest',
  clientNotification: 'ClientNotification',
  serverRequest: 'ServerRequest',
  serverNotification: 'ServerNotification',
};
const KIND_WORDS: Record<MethodKind, string> = {
  clientRequest: 'client request',
  clientNotification: 'client notification',
  serverRequest: 'server request',
  serverNotification: 'server notification',
};

interface Bundle extends ExplainContext {
  name: 'stable' | 'experimental';
  methods: Record<UnionName, Map<string, MethodRow>>;
  lists: Record<MethodKind, readonly string[]>;
  validator(exportName: string): CompiledValidator;
  envelope(
    name: 'JSONRPCRequest' | 'JSONRPCNotification' | 'JSONRPCResponse' | 'JSONRPCError',
  ): CompiledValidator | undefined;
  pointers: Readonly<Record<string, string>>;
}

function loadBundle(name: 'stable' | 'experimental', mod: typeof stableModule): Bundle {
  const exports = mod as unknown as Record<string, unknown>;
  const validator = (exportName: string): CompiledValidator => {
    const v = exports[exportName];
    if (typeof v !== 'function')
      throw new Error(`@cask/validators: generated/${name}.js lacks validator ${exportName}; rebuild the package`);
    return v as CompiledValidator;
  };
  const methods = {} as Bundle['methods'];
  const lists = {} as Bundle['lists'];
  for (const kind of Object.keys(UNION_OF) as MethodKind[]) {
    const rows = mod.table.methods[UNION_OF[kind]];
    methods[UNION_OF[kind]] = new Map(rows.map((r) => [r.method, r]));
    lists[kind] = Object.freeze(rows.map((r) => r.method));
  }
  return {
    name,
    definitions: mod.definitions,
    pointers: mod.table.pointers,
    methods,
    lists,
    validator,
    branchValidators: (site) => mod.table.sites[site]?.map(validator),
    envelope: (env) => (mod.table.envelopes[env] ? validator(mod.table.envelopes[env]) : undefined),
  };
}

const STABLE = loadBundle('stable', stableModule);
const EXPERIMENTAL = loadBundle('experimental', experimentalModule as typeof stableModule);
const bundleFor = (opts?: ValidateOptions) => (opts?.experimental ? EXPERIMENTAL : STABLE);

// ---------------------------------------------------------------- method lists

/** Methods a client may call (stable API), in schema order. */
export const CLIENT_REQUEST_METHODS: readonly string[] = STABLE.lists.clientRequest;
/** Notifications a client may send (stable API). */
export const CLIENT_NOTIFICATION_METHODS: readonly string[] = STABLE.lists.clientNotification;
/** Requests the server may send (stable API). */
export const SERVER_REQUEST_METHODS: readonly string[] = STABLE.lists.serverRequest;
/** Notifications the server may send (stable API). */
export const SERVER_NOTIFICATION_METHODS: readonly string[] = STABLE.lists.serverNotification;

/** The methods of one union in the selected bundle, in schema order. */
export function listMethods(kind: MethodKind, opts?: ValidateOptions): readonly string[] {
  return bundleFor(opts).lists[kind];
}

/** Whether `method` belongs to the given union in the selected bundle. */
export function isKnownMethod(kind: MethodKind, method: string, opts?: ValidateOptions): boolean {
  return bundleFor(opts).methods[UNION_OF[kind]].has(method);
}

/** Type guard: `method` is a client request method. */
export function isClientRequestMethod(method: string, opts?: ValidateOptions): method is ClientRequestMethod {
  return isKnownMethod('clientRequest', method, opts);
}
/** Type guard: `method` is a client notification method. */
export function isClientNotificationMethod(method: string, opts?: ValidateOptions): method is ClientNotificationMethod {
  return isKnownMethod('clientNotification', method, opts);
}
/** Type guard: `method` is a server request method. */
export function isServerRequestMethod(method: string, opts?: ValidateOptions): method is ServerRequestMethod {
  return isKnownMethod('serverRequest', method, opts);
}
/** Type guard: `method` is a server notification method. */
export function isServerNotificationMethod(method: string, opts?: ValidateOptions): method is ServerNotificationMethod {
  return isKnownMethod('serverNotification', method, opts);
}

/** Where each request method's result schema came from (see the README's "Results"). */
export function resultLinkSource(
  kind: 'clientRequest' | 'serverRequest',
  method: string,
  opts?: ValidateOptions,
): 'x-result' | 'convention' | null | undefined {
  return bundleFor(opts).methods[UNION_OF[kind]].get(method)?.resultSource ?? undefined;
}

// ---------------------------------------------------------------- core

function fail(subject: string, errors: ValidationIssue[]): ValidationFailure {
  return { ok: false, errors, message: formatIssues(subject, errors) };
}

function unknownMethod(kind: MethodKind, method: string, opts?: ValidateOptions): ValidationFailure {
  let hint = '';
  if (!opts?.experimental && EXPERIMENTAL.methods[UNION_OF[kind]].has(method)) {
    hint = ' in the stable API (it is experimental: pass { experimental: true })';
  }
  const reason = `unknown ${KIND_WORDS[kind]} method ${JSON.stringify(method)}${hint}`;
  return { ok: false, errors: [{ pointer: '', reason, keyword: 'method' }], message: reason };
}

/** Runs a compiled validator whose root schema sits at `pointer` in the bundle. */
function run(bundle: Bundle, exportName: string, value: unknown, subject: string): ValidationResult<unknown> {
  const validate = bundle.validator(exportName);
  if (validate(value)) return { ok: true, value };
  const raw: RawError[] = validate.errors ?? [];
  const rootPointer = rootPointerOf(bundle, exportName);
  const issues = explainErrors(bundle, raw, value, rootPointer);
  return fail(subject, issues.length > 0 ? issues : [{ pointer: '', reason: 'is invalid', keyword: 'unknown' }]);
}

/** The schema pointer an export was compiled from (the root for error explanation). */
function rootPointerOf(bundle: Bundle, exportName: string): string {
  return bundle.pointers[exportName] ?? '';
}

function checkParams(
  kind: MethodKind,
  method: string,
  params: unknown,
  opts?: ValidateOptions,
): ValidationResult<unknown> {
  const bundle = bundleFor(opts);
  const row = bundle.methods[UNION_OF[kind]].get(method);
  if (!row) return unknownMethod(kind, method, opts);
  const subject = `${method} params`;
  if (params === undefined) {
    if (row.paramsRequired) return fail(subject, [{ pointer: '', reason: 'are required', keyword: 'required' }]);
    return { ok: true, value: params };
  }
  if (!row.params) {
    if (params === null) return { ok: true, value: params };
    return fail(subject, [
      {
        pointer: '',
        reason: 'must be absent: this method takes no params',
        keyword: 'params',
        got: JSON.stringify(params)?.slice(0, 60) ?? '',
      },
    ]);
  }
  return run(bundle, row.params, params, subject);
}

function checkResult(
  kind: 'clientRequest' | 'serverRequest',
  method: string,
  result: unknown,
  opts?: ValidateOptions,
): ValidationResult<unknown> {
  const bundle = bundleFor(opts);
  const row = bundle.methods[UNION_OF[kind]].get(method);
  if (!row) return unknownMethod(kind, method, opts);
  const subject = `${method} result`;
  if (!row.result) {
    return fail(subject, [
      {
        pointer: '',
        reason: `has no known schema (the schema does not link ${KIND_WORDS[kind]} "${method}" to a result type)`,
        keyword: 'x-result',
      },
    ]);
  }
  return run(bundle, row.result, result, subject);
}

// ---------------------------------------------------------------- public validators

/** Validates the params of a request the client sends (`turn/start`, ...). */
export function validateClientRequest<M extends string>(
  method: M,
  params: unknown,
  opts?: ValidateOptions,
): ValidationResult<ClientRequestParamsOf<M>> {
  return checkParams('clientRequest', method, params, opts) as ValidationResult<ClientRequestParamsOf<M>>;
}

/** Validates the result the server returns for client request `method`. */
export function validateServerResult<M extends string>(
  method: M,
  result: unknown,
  opts?: ValidateOptions,
): ValidationResult<ClientRequestResultOf<M>> {
  return checkResult('clientRequest', method, result, opts) as ValidationResult<ClientRequestResultOf<M>>;
}

/** Validates the params of a notification the server sends (`turn/completed`, ...). */
export function validateServerNotification<M extends string>(
  method: M,
  params: unknown,
  opts?: ValidateOptions,
): ValidationResult<ServerNotificationParamsOf<M>> {
  return checkParams('serverNotification', method, params, opts) as ValidationResult<ServerNotificationParamsOf<M>>;
}

/** Validates the params of a request the server sends (approvals, ...). */
export function validateServerRequest<M extends string>(
  method: M,
  params: unknown,
  opts?: ValidateOptions,
): ValidationResult<ServerRequestParamsOf<M>> {
  return checkParams('serverRequest', method, params, opts) as ValidationResult<ServerRequestParamsOf<M>>;
}

/** Validates the result the client returns for server request `method`. */
export function validateClientResult<M extends string>(
  method: M,
  result: unknown,
  opts?: ValidateOptions,
): ValidationResult<ServerRequestResultOf<M>> {
  return checkResult('serverRequest', method, result, opts) as ValidationResult<ServerRequestResultOf<M>>;
}

/** Validates the params of a notification the client sends (`initialized`). */
export function validateClientNotification<M extends string>(
  method: M,
  params: unknown,
  opts?: ValidateOptions,
): ValidationResult<ClientNotificationParamsOf<M>> {
  return checkParams('clientNotification', method, params, opts) as ValidationResult<ClientNotificationParamsOf<M>>;
}

// ---------------------------------------------------------------- whole messages

/** A message sorted by shape (no schema check). */
export type ClassifiedMessage =
  | { kind: 'request'; id: RequestId; method: string; params: unknown }
  | { kind: 'notification'; method: string; params: unknown }
  | { kind: 'response'; id: RequestId; result: unknown }
  | { kind: 'error'; id: RequestId; error: JSONRPCErrorError };

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
  const m = msg as Record<string, unknown>;
  const hasId = Object.hasOwn(m, 'id');
  if (Object.hasOwn(m, 'method')) {
    if (typeof m.method !== 'string') return { kind: 'invalid', reason: '"method" must be a string' };
    if (hasId) return { kind: 'request', id: m.id as RequestId, method: m.method, params: m.params };
    return { kind: 'notification', method: m.method, params: m.params };
  }
  if (!hasId)
    return { kind: 'invalid', reason: 'a message needs "method" (request or notification) or "id" (response)' };
  const hasResult = Object.hasOwn(m, 'result');
  const hasError = Object.hasOwn(m, 'error');
  if (hasResult && hasError) return { kind: 'invalid', reason: 'a response must not carry both "result" and "error"' };
  if (hasResult) return { kind: 'response', id: m.id as RequestId, result: m.result };
  if (hasError) return { kind: 'error', id: m.id as RequestId, error: m.error as JSONRPCErrorError };
  return { kind: 'invalid', reason: 'a response needs "result" or "error"' };
}

/** Options of {@link validateMessage}. */
export interface ValidateMessageOptions extends ValidateOptions {
  /**
   * For a response: the method of the request it answers, so its `result`
   * can be checked. Without it only the envelope of a response is checked.
   */
  method?: string;
}

const ENVELOPE_OF = {
  request: 'JSONRPCRequest',
  notification: 'JSONRPCNotification',
  response: 'JSONRPCResponse',
  error: 'JSONRPCError',
} as const;

/**
 * Validates a whole message travelling in `direction`: its envelope, and
 * the params (requests, notifications) or the result (responses, when
 * `opts.method` names the request answered). Issue pointers are relative to
 * the message (`/params/input/0/type`).
 */
export function validateMessage(
  msg: unknown,
  direction: Direction,
  opts?: ValidateMessageOptions,
): ValidationResult<ClassifiedMessage> {
  const c = classifyMessage(msg);
  const dirWord = direction === 'c2s' ? 'client' : 'server';
  if (c.kind === 'invalid') return fail(`${dirWord} message`, [{ pointer: '', reason: c.reason, keyword: 'envelope' }]);
  const bundle = bundleFor(opts);
  const envelope = bundle.envelope(ENVELOPE_OF[c.kind]);
  const subject =
    c.kind === 'request' || c.kind === 'notification'
      ? `${c.method} ${c.kind}`
      : `${opts?.method ?? dirWord} ${c.kind === 'error' ? 'error response' : 'response'}`;
  if (envelope && !envelope(msg)) {
    const issues = explainErrors(bundle, envelope.errors ?? [], msg, `/definitions/${ENVELOPE_OF[c.kind]}`);
    return fail(subject, issues);
  }
  let inner: ValidationResult<unknown> | undefined;
  let member = '';
  if (c.kind === 'request') {
    member = '/params';
    inner = checkParams(direction === 'c2s' ? 'clientRequest' : 'serverRequest', c.method, c.params, opts);
  } else if (c.kind === 'notification') {
    member = '/params';
    inner = checkParams(direction === 'c2s' ? 'clientNotification' : 'serverNotification', c.method, c.params, opts);
  } else if (c.kind === 'response' && opts?.method !== undefined) {
    member = '/result';
    // A server response answers a client request, and vice versa.
    inner = checkResult(direction === 's2c' ? 'clientRequest' : 'serverRequest', opts.method, c.result, opts);
  }
  if (inner && !inner.ok) {
    const unknown = inner.errors.length === 1 && inner.errors[0]!.keyword === 'method';
    const errors = unknown ? inner.errors : inner.errors.map((e) => ({ ...e, pointer: `${member}${e.pointer}` }));
    return { ok: false, errors, message: unknown ? inner.message : formatIssues(subject, errors) };
  }
  return { ok: true, value: c };
}

export { formatIssues };
