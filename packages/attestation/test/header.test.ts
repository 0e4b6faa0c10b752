import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AttestationHeaderError,
  AttestationStatus,
  decodeAttestationHeader,
  encodeAttestationHeader,
  type AttestationEnvelopeInput,
} from '../src/index.js';

const failureStatuses = [
  AttestationStatus.Timeout,
  AttestationStatus.RequestFailed,
  AttestationStatus.RequestCanceled,
  AttestationStatus.MalformedResponse,
] as const;

function reasonOf(value: unknown): string {
  try {
    decodeAttestationHeader(value);
  } catch (error) {
    expect(error).toBeInstanceOf(AttestationHeaderError);
    return (error as AttestationHeaderError).reason;
  }
  throw new Error('expected decode to fail');
}

describe('AttestationStatus', () => {
  it('has the app-server wire values', () => {
    expect(AttestationStatus).toEqual({
      Ok: 0,
      Timeout: 1,
      RequestFailed: 2,
      RequestCanceled: 3,
      MalformedResponse: 4,
    });
  });
});

describe('encodeAttestationHeader', () => {
  it('writes the exact bytes the app-server writes for ASCII tokens and for failures', () => {
    expect(encodeAttestationHeader({ status: AttestationStatus.Ok, token: 'v1.opaque-client-payload' })).toBe(
      '{"v":1,"s":0,"t":"v1.opaque-client-payload"}',
    );
    expect(failureStatuses.map((status) => encodeAttestationHeader({ status }))).toEqual([
      '{"v":1,"s":1}',
      '{"v":1,"s":2}',
      '{"v":1,"s":3}',
      '{"v":1,"s":4}',
    ]);
  });

  it('escapes quotes, control characters and non-ASCII so the value is printable ASCII', () => {
    const value = encodeAttestationHeader({ status: AttestationStatus.Ok, token: 'a"b\\c\n\u0001é😀\u007f' });
    expect(value).toMatch(/^[\x20-\x7e]*$/);
    expect(value).toBe('{"v":1,"s":0,"t":"a\\"b\\\\c\\n\\u0001\\u00e9\\ud83d\\ude00\\u007f"}');
    expect(() => new Headers({ 'x-oai-attestation': value })).not.toThrow();
  });

  it('refuses impossible envelopes', () => {
    expect(() => encodeAttestationHeader({ status: AttestationStatus.Ok })).toThrow(AttestationHeaderError);
    expect(() => encodeAttestationHeader({ status: AttestationStatus.Timeout, token: 'x' })).toThrow(
      /must not carry a token/,
    );
    expect(() => encodeAttestationHeader({ status: 7 } as unknown as AttestationEnvelopeInput)).toThrow(
      /status must be one of/,
    );
  });
});

describe('decodeAttestationHeader', () => {
  it('reads what the app-server writes', () => {
    expect(decodeAttestationHeader('{"v":1,"s":0,"t":"v1.integration-test"}')).toEqual({
      status: 0,
      token: 'v1.integration-test',
    });
    expect(decodeAttestationHeader('{"v":1,"s":3}')).toEqual({ status: 3 });
    expect(decodeAttestationHeader(' { "s" : 0 , "t" : "" , "v" : 1 } ')).toEqual({ status: 0, token: '' });
    expect(decodeAttestationHeader('{"v":1,"s":0,"t":"é"}')).toEqual({ status: 0, token: 'é' });
  });

  it.each([
    ['not a string', 42, 'not-a-string'],
    ['empty', '', 'not-json'],
    ['not JSON', 'v1.token', 'not-json'],
    ['trailing junk', '{"v":1,"s":1}x', 'not-json'],
    ['two objects', '{"v":1,"s":1}{"v":1,"s":1}', 'not-json'],
    ['an array', '[1,0]', 'not-an-object'],
    ['null', 'null', 'not-an-object'],
    ['a string', '"{\\"v\\":1}"', 'not-an-object'],
    ['an unknown member', '{"v":1,"s":1,"x":0}', 'unknown-field'],
    ['a repeated member', '{"v":1,"s":0,"t":"a","t":"b"}', 'duplicate-field'],
    ['a repeated version', '{"v":2,"v":1,"s":1}', 'duplicate-field'],
    ['a missing version', '{"s":1}', 'bad-version'],
    ['version 2', '{"v":2,"s":1}', 'bad-version'],
    ['version as a string', '{"v":"1","s":1}', 'bad-version'],
    ['a missing status', '{"v":1}', 'bad-status'],
    ['an unknown status', '{"v":1,"s":5}', 'bad-status'],
    ['a fractional status', '{"v":1,"s":0.5}', 'bad-status'],
    ['a string status', '{"v":1,"s":"0"}', 'bad-status'],
    ['ok without a token', '{"v":1,"s":0}', 'missing-token'],
    ['ok with a numeric token', '{"v":1,"s":0,"t":12}', 'bad-token'],
    ['ok with a null token', '{"v":1,"s":0,"t":null}', 'bad-token'],
    ['a failure with a token', '{"v":1,"s":2,"t":"x"}', 'unexpected-token'],
    ['too long', `{"v":1,"s":0,"t":"${'a'.repeat(70_000)}"}`, 'too-long'],
  ])('rejects %s', (_label, value, reason) => {
    expect(reasonOf(value)).toBe(reason);
  });

  it('never repeats the token in its error messages', () => {
    const secret = 'SECRET-TOKEN-VALUE';
    for (const value of [
      `{"v":1,"s":2,"t":"${secret}"}`,
      `{"v":1,"s":0,"t":"${secret}"} junk`,
      `{"v":"${secret}","s":1}`,
      `{"${secret}":1}`,
    ]) {
      let thrown: unknown;
      try {
        decodeAttestationHeader(value);
      } catch (error) {
        thrown = error;
      }
      // The decode itself must fail (a helper's own throw would not count), and its message must not leak.
      expect(thrown).toBeInstanceOf(AttestationHeaderError);
      expect((thrown as Error).message).not.toContain(secret);
    }
  });
});

describe('properties', () => {
  const envelope = fc.oneof(
    fc.string({ unit: 'binary' }).map((token) => ({ status: AttestationStatus.Ok, token })),
    fc.constantFrom(...failureStatuses).map((status) => ({ status })),
  );

  it('decode(encode(x)) gives back x, and the encoding is printable ASCII', () => {
    fc.assert(
      fc.property(envelope, (input) => {
        const value = encodeAttestationHeader(input);
        expect(value).toMatch(/^[\x20-\x7e]*$/);
        const decoded = decodeAttestationHeader(value);
        expect(decoded).toEqual(input.status === 0 ? { status: 0, token: input.token } : { status: input.status });
      }),
      { numRuns: 2_000 },
    );
  });

  it('decode throws nothing but AttestationHeaderError on arbitrary strings', () => {
    const noise = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.json(),
      // near misses: a valid envelope with a random edit
      fc.tuple(envelope, fc.nat(), fc.string({ maxLength: 3 })).map(([input, at, insert]) => {
        const text = encodeAttestationHeader(input);
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + (at % 2));
      }),
      fc.dictionary(fc.constantFrom('v', 's', 't', 'x'), fc.jsonValue()).map((object) => JSON.stringify(object)),
    );
    fc.assert(
      fc.property(noise, (value) => {
        try {
          const decoded = decodeAttestationHeader(value);
          // Whatever is accepted must be canonical up to whitespace, member order and string escapes.
          expect(decodeAttestationHeader(encodeAttestationHeader(decoded))).toEqual(decoded);
        } catch (error) {
          expect(error).toBeInstanceOf(AttestationHeaderError);
        }
      }),
      { numRuns: 3_000 },
    );
  }, 30_000); // 3,000 runs: give a loaded machine room
});

describe('error messages name what was wrong', () => {
  it.each([
    ['not a string', 42, 'header value must be a string, got number'],
    ['empty', '', 'header value is not a single JSON value (malformed or followed by extra text)'],
    ['not JSON', 'v1.token', 'header value is not a single JSON value (malformed or followed by extra text)'],
    [
      'trailing junk',
      '{"v":1,"s":1}x',
      'header value is not a single JSON value (malformed or followed by extra text)',
    ],
    [
      'two objects',
      '{"v":1,"s":1}{"v":1,"s":1}',
      'header value is not a single JSON value (malformed or followed by extra text)',
    ],
    ['an array', '[1,0]', 'header value must be a JSON object, got an array'],
    ['null', 'null', 'header value must be a JSON object, got null'],
    ['a string', '"{\\"v\\":1}"', 'header value must be a JSON object, got string'],
    ['an unknown member', '{"v":1,"s":1,"x":0}', 'member #3 is not one of "v", "s" and "t"'],
    ['a repeated member', '{"v":1,"s":0,"t":"a","t":"b"}', 'member "t" appears more than once'],
    ['a missing version', '{"s":1}', '"v" must be 1, got nothing'],
    ['version 2', '{"v":2,"s":1}', '"v" must be 1, got 2'],
    ['version as a string', '{"v":"1","s":1}', '"v" must be 1, got a string'],
    ['a missing status', '{"v":1}', '"s" must be an integer from 0 to 4, got nothing'],
    ['an unknown status', '{"v":1,"s":5}', '"s" must be an integer from 0 to 4, got 5'],
    ['a fractional status', '{"v":1,"s":0.5}', '"s" must be an integer from 0 to 4, got 0.5'],
    ['a string status', '{"v":1,"s":"0"}', '"s" must be an integer from 0 to 4, got a string'],
    ['ok without a token', '{"v":1,"s":0}', '"t" is required when "s" is 0'],
    ['ok with a numeric token', '{"v":1,"s":0,"t":12}', '"t" must be a string, got a number'],
    ['ok with a null token', '{"v":1,"s":0,"t":null}', '"t" must be a string, got null'],
    ['a failure with a token', '{"v":1,"s":2,"t":"x"}', '"t" must be absent when "s" is 2'],
    ['too long', `{"v":1,"s":0,"t":"${'a'.repeat(70_000)}"}`, 'header value is 70020 characters; the limit is 65536'],
  ])('decode: %s', (_label, value, message) => {
    let thrown: unknown;
    try {
      decodeAttestationHeader(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AttestationHeaderError);
    expect((thrown as Error).message).toBe(message);
  });

  it('encode: each impossible envelope is refused with its own message', () => {
    expect(() => encodeAttestationHeader({ status: AttestationStatus.Ok })).toThrow(
      'status Ok (0) needs a string token',
    );
    expect(() => encodeAttestationHeader({ status: AttestationStatus.Timeout, token: 'x' })).toThrow(
      'status 1 must not carry a token',
    );
    expect(() => encodeAttestationHeader({ status: 7 } as unknown as AttestationEnvelopeInput)).toThrow(
      'status must be one of 0, 1, 2, 3, 4',
    );
  });
});
