/**
 * Which outbound requests carry the `x-oai-attestation` header.
 * @module
 */
import { isLoopbackHost } from '@cask/client';

/**
 * A set of request URLs that should carry the header. A URL is in scope when
 * all of these hold:
 * - its scheme is `https:` or `wss:` (or, with `allowInsecureLoopback`,
 *   `http:`/`ws:` to a loopback host);
 * - its `host` (host name plus any non-default port, as WHATWG `URL` reports
 *   it: lower case, IDNA-normalised, userinfo dropped) equals one entry of
 *   `hosts` exactly: no suffix or prefix matching;
 * - its `pathname` (after WHATWG normalisation of `.`/`..` segments, with
 *   percent-escapes left as they are) equals one entry of `paths` exactly.
 * Query strings and fragments are ignored.
 */
export interface AttestationScope {
  /** Exact hosts, e.g. `chatgpt.com` or `127.0.0.1:8080`. Compared case-insensitively. */
  readonly hosts: readonly string[];
  /** Exact path names, e.g. `/backend-api/codex/responses`. Compared case-sensitively. */
  readonly paths: readonly string[];
  /**
   * Also accept `http:` and `ws:` when the host is loopback, as
   * `isLoopbackHost` of `@cask/client` decides (`localhost` and
   * `*.localhost`, `127.0.0.0/8`, `[::1]`, IPv4-mapped loopback). For tests
   * with a local backend stand-in only.
   * @default false
   */
  readonly allowInsecureLoopback?: boolean;
}

/** Base URL of the ChatGPT Codex backend that the app-server uses with ChatGPT sign-in. */
export const CHATGPT_CODEX_BASE_URL = 'https://chatgpt.com/backend-api/codex';

/**
 * The endpoints the app-server attaches the header to, relative to the
 * provider base URL: Responses over HTTP (POST) and its websocket handshake
 * (GET upgrade) share `/responses`; remote compaction is `/responses/compact`;
 * realtime WebRTC call set-up is `/realtime/calls`.
 */
export const ATTESTED_ENDPOINTS = ['/responses', '/responses/compact', '/realtime/calls'] as const;

/**
 * Builds a scope for a provider base URL: the base URL's host plus
 * {@link ATTESTED_ENDPOINTS} under its path.
 *
 * @throws {TypeError} if `baseUrl` is not an absolute URL.
 */
export function attestationScopeFor(
  baseUrl: string,
  options: { allowInsecureLoopback?: boolean } = {},
): AttestationScope {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`attestationScopeFor(): base URL is not an absolute URL: ${JSON.stringify(baseUrl)}`);
  }
  const base = url.pathname.replace(/\/+$/, '');
  return {
    hosts: [url.host],
    paths: ATTESTED_ENDPOINTS.map((endpoint) => `${base}${endpoint}`),
    allowInsecureLoopback: options.allowInsecureLoopback ?? false,
  };
}

/**
 * The scope matching the app-server's default ChatGPT-sign-in provider:
 * `https://chatgpt.com/backend-api/codex/{responses, responses/compact, realtime/calls}`.
 */
export const defaultAttestationScope: AttestationScope = Object.freeze({
  hosts: Object.freeze(['chatgpt.com']),
  paths: Object.freeze(ATTESTED_ENDPOINTS.map((endpoint) => `/backend-api/codex${endpoint}`)),
  allowInsecureLoopback: false,
});

const SECURE_SCHEMES = new Set(['https:', 'wss:']);
const INSECURE_SCHEMES = new Set(['http:', 'ws:']);

function normaliseHost(entry: string): string | undefined {
  try {
    return new URL(`https://${entry}/`).host;
  } catch {
    return undefined;
  }
}

/**
 * The URL text a `URL` object really holds (its internal state, as `fetch`
 * reads it), ignoring any `href`/`toString` a subclass overrides. A
 * look-alike object that is not a real `URL` throws.
 */
const urlText = (url: URL): string => URL.prototype.toString.call(url);

/**
 * True if a request to `url` should carry the attestation header under
 * `scope`. Never throws: a string that is not an absolute URL, or an object
 * that only looks like a `URL`, is out of scope. For a `URL` (or subclass),
 * the URL it really holds is judged, not what an overridden `href` says.
 */
export function isInAttestationScope(url: string | URL, scope: AttestationScope = defaultAttestationScope): boolean {
  let parsed: URL;
  try {
    parsed = new URL(typeof url === 'string' ? url : urlText(url));
  } catch {
    return false;
  }
  if (!SECURE_SCHEMES.has(parsed.protocol)) {
    if (!(scope.allowInsecureLoopback && INSECURE_SCHEMES.has(parsed.protocol) && isLoopbackHost(parsed.hostname))) {
      return false;
    }
  }
  // `host` includes a port only when it is not the scheme's default; wss and
  // https share 443, ws and http share 80, so one host entry covers both.
  const host = parsed.host;
  if (!scope.hosts.some((entry) => normaliseHost(entry) === host)) return false;
  return scope.paths.includes(parsed.pathname);
}
