/**
 * The server side: a `fetch` wrapper that attaches `x-oai-attestation` to the
 * requests in scope, the way the app-server does for its backend calls.
 * @module
 */
import { AttestationError, isAttestationError } from './errors.js';
import { ATTESTATION_HEADER_NAME, AttestationStatus, encodeAttestationHeader } from './header.js';
import { type AttestationScope, defaultAttestationScope, isInAttestationScope } from './scope.js';
import { SERVER_ATTESTATION_BUDGET_MS } from './extension.js';
import { hasFunction } from './guards.js';

/** What the wrapper passes to `requestToken`. */
export interface TokenRequestContext {
  /** The request about to be sent. */
  url: URL;
  /** Aborted when the budget runs out or the request itself is aborted. */
  signal: AbortSignal;
}

/** Options for {@link withAttestation}. */
export interface WithAttestationOptions {
  /**
   * Obtains a fresh token for one request (for example by sending
   * `attestation/generate` to a client). Resolve with the token; resolve with
   * `undefined` to send no header at all (the app-server's behaviour when no
   * connected client opted in); reject to send a failure status.
   * Rejections map to statuses as the app-server's do: an
   * {@link AttestationError} with code `timeout` → Timeout (1), `aborted` →
   * RequestCanceled (3), `invalid-token` → MalformedResponse (4), anything
   * else → RequestFailed (2). A non-string result → MalformedResponse (4).
   */
  requestToken: (context: TokenRequestContext) => Promise<string | undefined>;
  /** Which requests get the header. Defaults to {@link defaultAttestationScope}. */
  scope?: AttestationScope;
  /**
   * How long to wait for `requestToken` before sending the request with
   * status Timeout (1). Defaults to the app-server's 100 ms.
   */
  budgetMs?: number;
  /**
   * Redirect handling forced on requests that carry the header, so a redirect
   * cannot carry it to another host: `error` (default) fails the request,
   * `manual` returns the 3xx response to the caller.
   */
  redirect?: 'error' | 'manual';
}

type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * The base `Request` getters, read from the object's internal state: a
 * subclass that overrides `url` or `headers` cannot change what they return.
 */
function realUrl(r: Request): string {
  const value: unknown = Reflect.get(Request.prototype, 'url', r);
  if (typeof value !== 'string') throw new TypeError('Request.prototype.url did not return a string');
  return value;
}
function realHeaders(r: Request): Headers {
  const value: unknown = Reflect.get(Request.prototype, 'headers', r);
  if (!(value instanceof Headers)) throw new TypeError('Request.prototype.headers did not return Headers');
  return value;
}

async function headerValue(
  options: WithAttestationOptions,
  url: URL,
  requestSignal: AbortSignal | null | undefined,
): Promise<string | undefined> {
  const budgetMs = options.budgetMs ?? SERVER_ATTESTATION_BUDGET_MS;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onAbort = (): void => {
    controller.abort(new AttestationError('aborted', 'request aborted'));
  };
  requestSignal?.addEventListener('abort', onAbort, { once: true });
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new AttestationError('timeout', `no token within ${budgetMs} ms`);
      controller.abort(error);
      reject(error);
    }, budgetMs);
  });
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener(
      'abort',
      () => {
        const reason: unknown = controller.signal.reason;
        reject(reason instanceof Error ? reason : new AttestationError('aborted', 'request aborted'));
      },
      { once: true },
    );
  });
  const call = (async () => options.requestToken({ url, signal: controller.signal }))();
  call.catch(() => undefined);
  timeout.catch(() => undefined);
  aborted.catch(() => undefined);
  try {
    const token = await Promise.race([call, timeout, aborted]);
    if (token === undefined) return undefined;
    if (typeof token !== 'string') return encodeAttestationHeader({ status: AttestationStatus.MalformedResponse });
    return encodeAttestationHeader({ status: AttestationStatus.Ok, token });
  } catch (error) {
    return encodeAttestationHeader({ status: statusFor(error) });
  } finally {
    clearTimeout(timer);
    requestSignal?.removeEventListener('abort', onAbort);
    if (!controller.signal.aborted) controller.abort();
  }
}

function statusFor(error: unknown): Exclude<AttestationStatus, 0> {
  if (isAttestationError(error)) {
    switch (error.code) {
      case 'timeout':
        return AttestationStatus.Timeout;
      case 'aborted':
        return AttestationStatus.RequestCanceled;
      case 'invalid-token':
        return AttestationStatus.MalformedResponse;
      default:
        return AttestationStatus.RequestFailed;
    }
  }
  return AttestationStatus.RequestFailed;
}

/**
 * Wraps `fetch` so that requests in `scope` carry a freshly obtained
 * `x-oai-attestation` header and no other request ever does.
 *
 * - In scope: `requestToken` is called once per request (never cached), the
 *   result is wrapped with {@link encodeAttestationHeader}, any header of the
 *   same name the caller set is replaced, and redirects are not followed.
 * - Out of scope: `requestToken` is not called; the request is passed on
 *   (as a `Request`) unchanged, except that a caller-set `x-oai-attestation`
 *   is removed.
 * - The scope is decided on the URL `fetch` will really use: the input is
 *   first normalised to a `Request` (a `Request`'s internal URL, `String()`
 *   of a `URL` or any other object), and that same `Request` is what
 *   `fetchImpl` receives. A `Request` subclass overriding `url`, a `URL`
 *   subclass overriding `href`, or an object whose `url` and `toString()`
 *   disagree cannot steer the token to another host.
 *
 * @example
 * ```ts
 * const attestedFetch = withAttestation(fetch, {
 *   requestToken: async ({ signal }) => askClientForToken(signal),
 * });
 * await attestedFetch('https://chatgpt.com/backend-api/codex/responses', { method: 'POST', body });
 * ```
 */
export function withAttestation(fetchImpl: FetchLike, options: WithAttestationOptions): FetchLike {
  if (typeof fetchImpl !== 'function') throw new TypeError('withAttestation(): fetch must be a function');
  if (!hasFunction(options, 'requestToken'))
    throw new TypeError('withAttestation(): options.requestToken must be a function');
  const budgetMs = options.budgetMs ?? SERVER_ATTESTATION_BUDGET_MS;
  if (!Number.isFinite(budgetMs) || budgetMs <= 0) {
    throw new RangeError(`withAttestation(): budgetMs must be a positive finite number, got ${String(budgetMs)}`);
  }
  const scope = options.scope ?? defaultAttestationScope;
  const redirect = options.redirect ?? 'error';

  return async (input, init) => {
    // Normalise first, the way fetch itself would (a Request's internal URL, String() of anything
    // else), then judge and send that very Request: what is judged is what is sent.
    const normalised = new Request(input, init);
    const url = realUrl(normalised);
    if (!isInAttestationScope(url, scope)) {
      realHeaders(normalised).delete(ATTESTATION_HEADER_NAME);
      return fetchImpl(normalised);
    }
    // The forced redirect mode wins over the caller's.
    const request = new Request(normalised, { redirect });
    const value = await headerValue(options, new URL(realUrl(request)), request.signal);
    const headers = realHeaders(request);
    headers.delete(ATTESTATION_HEADER_NAME);
    if (value !== undefined) headers.set(ATTESTATION_HEADER_NAME, value);
    return fetchImpl(request);
  };
}
