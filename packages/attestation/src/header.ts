/**
 * The `x-oai-attestation` header value: a small JSON envelope the app-server
 * wraps around the client's token (or around the reason it has none).
 *
 * Wire format, as the app-server writes it (compact JSON, keys in this order):
 * - success: `{"v":1,"s":0,"t":"<token>"}`
 * - failure: `{"v":1,"s":<1..4>}` (no `t`)
 * @module
 */

/** Name of the HTTP header that carries the envelope (lower case, as sent). */
export const ATTESTATION_HEADER_NAME = 'x-oai-attestation';

/** The only envelope version the app-server writes. */
export const ATTESTATION_ENVELOPE_VERSION = 1;

/**
 * The `s` field: what happened when the app-server asked its client for a
 * token. Numeric values are the wire values.
 */
export const AttestationStatus = {
  /** The client answered with a token; `t` holds it. */
  Ok: 0,
  /** The client did not answer within the server's 100 ms budget. */
  Timeout: 1,
  /** The client answered with a JSON-RPC error (or the request could not be sent). */
  RequestFailed: 2,
  /** The pending request was dropped before an answer arrived (e.g. the connection closed). */
  RequestCanceled: 3,
  /** The client's result did not have the `{ token: string }` shape. */
  MalformedResponse: 4,
} as const;

/** One of the {@link AttestationStatus} wire values. */
export type AttestationStatus = (typeof AttestationStatus)[keyof typeof AttestationStatus];

const STATUS_VALUES: ReadonlySet<number> = new Set(Object.values(AttestationStatus));

/** Decoded envelope. `token` is present exactly when `status` is `Ok`. */
export type AttestationEnvelope =
  | { status: typeof AttestationStatus.Ok; token: string }
  | { status: Exclude<AttestationStatus, typeof AttestationStatus.Ok>; token?: undefined };

/** Input to {@link encodeAttestationHeader}. */
export interface AttestationEnvelopeInput {
  status: AttestationStatus;
  /** Required with `Ok`; must be absent otherwise. */
  token?: string | undefined;
}

/** Why a header value was rejected. */
export type AttestationHeaderErrorReason =
  | 'not-a-string'
  | 'too-long'
  | 'not-json'
  | 'not-an-object'
  | 'unknown-field'
  | 'duplicate-field'
  | 'bad-version'
  | 'bad-status'
  | 'missing-token'
  | 'bad-token'
  | 'unexpected-token';

/**
 * A malformed envelope (when decoding) or an impossible one (when encoding).
 * The message names the problem but never repeats the input, which may hold a
 * token.
 */
export class AttestationHeaderError extends Error {
  override readonly name = 'AttestationHeaderError';
  readonly reason: AttestationHeaderErrorReason;
  constructor(reason: AttestationHeaderErrorReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** Longest header value {@link decodeAttestationHeader} accepts, in characters. */
export const MAX_ATTESTATION_HEADER_LENGTH = 64 * 1024;

/**
 * Escapes a JSON string so the result is pure printable ASCII: the same JSON
 * value, safe to put in an HTTP header from JavaScript (whose `Headers` reject
 * characters above U+00FF and would send U+0080..U+00FF as single bytes).
 */
function asciiJsonString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Builds a header value.
 *
 * For tokens made of printable ASCII the output is byte-for-byte what the
 * app-server sends. Other characters are written as `\uXXXX` escapes (the
 * app-server writes them raw); both decode to the same token.
 *
 * @throws {AttestationHeaderError} if `status` is unknown, if `Ok` comes
 *   without a string token, or if a non-`Ok` status comes with one.
 */
export function encodeAttestationHeader(input: AttestationEnvelopeInput): string {
  const { status, token } = input;
  if (typeof status !== 'number' || !STATUS_VALUES.has(status)) {
    throw new AttestationHeaderError('bad-status', `status must be one of ${[...STATUS_VALUES].join(', ')}`);
  }
  if (status === AttestationStatus.Ok) {
    if (typeof token !== 'string') {
      throw new AttestationHeaderError('missing-token', 'status Ok (0) needs a string token');
    }
    return `{"v":${ATTESTATION_ENVELOPE_VERSION},"s":${status},"t":${asciiJsonString(token)}}`;
  }
  if (token !== undefined) {
    throw new AttestationHeaderError('unexpected-token', `status ${status} must not carry a token`);
  }
  return `{"v":${ATTESTATION_ENVELOPE_VERSION},"s":${status}}`;
}

/**
 * Lists the member names of the top-level object in already-validated JSON
 * text, in order, including repeats (which `JSON.parse` would hide).
 */
function topLevelKeys(text: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  // Stryker disable next-line BooleanLiteral: the object's opening brace sets it before any string is read
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 1 && expectKey) {
        // Cast: the slice runs from one quote to its closing quote, a JSON string literal, so JSON.parse yields a string.
        keys.push(JSON.parse(text.slice(i, j + 1)) as string);
        expectKey = false;
      }
      i = j;
    } else if (ch === '{' || ch === '[') {
      depth++;
      expectKey = depth === 1 && ch === '{';
    } else if (ch === '}' || ch === ']') {
      depth--;
    } else if (ch === ',' && depth === 1) {
      expectKey = true;
    }
  }
  return keys;
}

/**
 * Parses and checks a header value against the app-server's format.
 *
 * Accepted: a JSON object (JSON whitespace allowed) with exactly the members
 * `v` (the integer 1), `s` (an integer 0–4) and, if and only if `s` is 0, `t`
 * (a string, possibly empty). Everything else is rejected: non-JSON, trailing
 * text, other JSON types, unknown or repeated members, other versions,
 * unknown statuses, a missing or non-string `t` with status 0, and a `t` with
 * any other status.
 *
 * @throws {AttestationHeaderError} and nothing else, whatever the input.
 */
export function decodeAttestationHeader(value: unknown): AttestationEnvelope {
  if (typeof value !== 'string') {
    throw new AttestationHeaderError(
      'not-a-string',
      `header value must be a string, got ${value === null ? 'null' : typeof value}`,
    );
  }
  if (value.length > MAX_ATTESTATION_HEADER_LENGTH) {
    throw new AttestationHeaderError(
      'too-long',
      `header value is ${value.length} characters; the limit is ${MAX_ATTESTATION_HEADER_LENGTH}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new AttestationHeaderError(
      'not-json',
      'header value is not a single JSON value (malformed or followed by extra text)',
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AttestationHeaderError(
      'not-an-object',
      `header value must be a JSON object, got ${parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : typeof parsed}`,
    );
  }
  // Leading and trailing JSON whitespace is skipped by the scan like any other character between tokens.
  const keys = topLevelKeys(value);
  const seen = new Set<string>();
  for (const [index, key] of keys.entries()) {
    if (key !== 'v' && key !== 's' && key !== 't') {
      // The name is not repeated: a mangled envelope could put the token there.
      throw new AttestationHeaderError('unknown-field', `member #${index + 1} is not one of "v", "s" and "t"`);
    }
    if (seen.has(key)) {
      throw new AttestationHeaderError('duplicate-field', `member "${key}" appears more than once`);
    }
    seen.add(key);
  }
  // Cast: checked above to be a non-null, non-array object; its members are read as unknown and checked one by one.
  const record = parsed as Record<string, unknown>;
  if (record.v !== ATTESTATION_ENVELOPE_VERSION) {
    throw new AttestationHeaderError(
      'bad-version',
      `"v" must be ${ATTESTATION_ENVELOPE_VERSION}, got ${describe(record.v)}`,
    );
  }
  const status = record.s;
  if (typeof status !== 'number' || !STATUS_VALUES.has(status)) {
    throw new AttestationHeaderError('bad-status', `"s" must be an integer from 0 to 4, got ${describe(status)}`);
  }
  const hasToken = Object.prototype.hasOwnProperty.call(record, 't');
  if (status === AttestationStatus.Ok) {
    if (!hasToken) throw new AttestationHeaderError('missing-token', '"t" is required when "s" is 0');
    if (typeof record.t !== 'string') {
      throw new AttestationHeaderError('bad-token', `"t" must be a string, got ${describe(record.t, false)}`);
    }
    return { status: AttestationStatus.Ok, token: record.t };
  }
  if (hasToken) throw new AttestationHeaderError('unexpected-token', `"t" must be absent when "s" is ${status}`);
  // Cast: STATUS_VALUES holds only AttestationStatus members, and Ok (0) returned above.
  return { status: status as Exclude<AttestationStatus, 0> };
}

/** Describes a decoded member without echoing strings (which may be tokens). */
function describe(value: unknown, showNumbers = true): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number')
    return showNumbers && Number.isFinite(value) && String(value).length <= 24 ? String(value) : 'a number';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
