/**
 * Exact details of the header codec and the scope: the reason codes and
 * error names callers branch on, the member scan around nested values, the
 * length limit at its boundary, how a decoded member is described, and the
 * scope builder's defaults and host matching.
 */
import { describe, expect, it } from 'vitest';
import {
  AttestationHeaderError,
  AttestationStatus,
  CHATGPT_CODEX_BASE_URL,
  MAX_ATTESTATION_HEADER_LENGTH,
  attestation,
  attestationScopeFor,
  decodeAttestationHeader,
  encodeAttestationHeader,
  isInAttestationScope,
  type AttestationEnvelopeInput,
} from '../src/index.js';

function thrownBy(fn: () => unknown): AttestationHeaderError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AttestationHeaderError) return err;
    throw err;
  }
  throw new Error('expected an AttestationHeaderError');
}

describe('AttestationHeaderError', () => {
  it('is named and carries the reason code for each refusal', () => {
    const cases: Array<[() => unknown, string, string]> = [
      [
        () => encodeAttestationHeader({ status: 9 } as unknown as AttestationEnvelopeInput),
        'bad-status',
        'status must be one of 0, 1, 2, 3, 4',
      ],
      [
        () => encodeAttestationHeader({ status: '1' } as unknown as AttestationEnvelopeInput),
        'bad-status',
        'status must be one of 0, 1, 2, 3, 4',
      ],
      [
        () => encodeAttestationHeader({ status: AttestationStatus.Ok }),
        'missing-token',
        'status Ok (0) needs a string token',
      ],
      [
        () => encodeAttestationHeader({ status: AttestationStatus.RequestFailed, token: '' }),
        'unexpected-token',
        'status 2 must not carry a token',
      ],
      [() => decodeAttestationHeader(null), 'not-a-string', 'header value must be a string, got null'],
      [() => decodeAttestationHeader(undefined), 'not-a-string', 'header value must be a string, got undefined'],
      [
        () => decodeAttestationHeader('{"v":1,"s":"1"}'),
        'bad-status',
        '"s" must be an integer from 0 to 4, got a string',
      ],
    ];
    for (const [fn, reason, message] of cases) {
      const err = thrownBy(fn);
      expect(err.name).toBe('AttestationHeaderError');
      expect(err).toBeInstanceOf(Error);
      expect(err.reason).toBe(reason);
      expect(err.message).toBe(message);
    }
  });
});

describe('decodeAttestationHeader: the member scan', () => {
  it('sees top-level members after nested objects and arrays (a repeat is still a repeat)', () => {
    expect(thrownBy(() => decodeAttestationHeader('{"s":{"a":1},"v":1,"s":1}')).message).toBe(
      'member "s" appears more than once',
    );
    expect(thrownBy(() => decodeAttestationHeader('{"s":["x",["y"]],"v":1,"s":2}')).message).toBe(
      'member "s" appears more than once',
    );
    expect(thrownBy(() => decodeAttestationHeader('{"v":[1],"s":1,"x":0}')).message).toBe(
      'member #3 is not one of "v", "s" and "t"',
    );
  });

  it('does not take keys or strings inside nested values for top-level members', () => {
    expect(thrownBy(() => decodeAttestationHeader('{"v":{"v":1,"zz":2},"s":1}')).message).toBe(
      '"v" must be 1, got an object',
    );
    expect(thrownBy(() => decodeAttestationHeader('{"v":["zz"],"s":1}')).message).toBe('"v" must be 1, got an array');
    expect(decodeAttestationHeader('{"v":1,"s":0,"t":"zz"}')).toEqual({ status: 0, token: 'zz' });
    expect(decodeAttestationHeader('{"v":1,"s":0,"t":"a\\"b,\\"c"}')).toEqual({ status: 0, token: 'a"b,"c' });
  });

  it('accepts JSON whitespace around and inside the object', () => {
    expect(decodeAttestationHeader(' \n{ "v" : 1 , "s" : 3 }\t ')).toEqual({ status: 3 });
  });

  it('accepts a value of exactly the maximum length, refuses one character more', () => {
    expect(MAX_ATTESTATION_HEADER_LENGTH).toBe(65_536);
    const base = '{"v":1,"s":0,"t":""}';
    const exact = `{"v":1,"s":0,"t":"${'a'.repeat(MAX_ATTESTATION_HEADER_LENGTH - base.length)}"}`;
    expect(exact).toHaveLength(MAX_ATTESTATION_HEADER_LENGTH);
    expect(decodeAttestationHeader(exact).status).toBe(0);
    const over = thrownBy(() => decodeAttestationHeader(`${exact} `));
    expect(over.reason).toBe('too-long');
    expect(over.message).toBe('header value is 65537 characters; the limit is 65536');
  });

  it('describes a member without echoing it: booleans, objects, long and non-finite numbers', () => {
    expect(thrownBy(() => decodeAttestationHeader('{"v":true,"s":1}')).message).toBe('"v" must be 1, got a boolean');
    expect(thrownBy(() => decodeAttestationHeader('{"v":{},"s":1}')).message).toBe('"v" must be 1, got an object');
    expect(thrownBy(() => decodeAttestationHeader('{"v":null,"s":1}')).message).toBe('"v" must be 1, got null');
    // Numbers are shown up to 24 characters (the longest a double prints as); non-finite ones are not.
    expect(thrownBy(() => decodeAttestationHeader('{"v":-1.2345678901234567e+300,"s":1}')).message).toBe(
      '"v" must be 1, got -1.2345678901234567e+300',
    );
    expect(thrownBy(() => decodeAttestationHeader('{"v":1,"s":-1.2345678901234567e-300}')).message).toBe(
      `"s" must be an integer from 0 to 4, got ${String(Number('-1.2345678901234567e-300'))}`,
    );
    expect(thrownBy(() => decodeAttestationHeader('{"v":-12345678901234567890123,"s":1}')).message).toBe(
      '"v" must be 1, got -1.2345678901234568e+22',
    );
    expect(thrownBy(() => decodeAttestationHeader('{"v":1e400,"s":1}')).message).toBe('"v" must be 1, got a number');
    // A token is never shown, even a numeric one.
    expect(thrownBy(() => decodeAttestationHeader('{"v":1,"s":0,"t":5}')).message).toBe(
      '"t" must be a string, got a number',
    );
    expect(thrownBy(() => decodeAttestationHeader('{"v":1,"s":0,"t":{"a":1}}')).message).toBe(
      '"t" must be a string, got an object',
    );
  });
});

describe('attestationScopeFor and host matching', () => {
  it('the base URL constant', () => {
    expect(CHATGPT_CODEX_BASE_URL).toBe('https://chatgpt.com/backend-api/codex');
  });

  it('builds the full scope, insecure loopback off unless asked, trailing slashes removed', () => {
    expect(attestationScopeFor('https://example.test/base//')).toEqual({
      hosts: ['example.test'],
      paths: ['/base/responses', '/base/responses/compact', '/base/realtime/calls'],
      allowInsecureLoopback: false,
    });
    expect(attestationScopeFor('http://127.0.0.1:8080/', { allowInsecureLoopback: true })).toEqual({
      hosts: ['127.0.0.1:8080'],
      paths: ['/responses', '/responses/compact', '/realtime/calls'],
      allowInsecureLoopback: true,
    });
    expect(() => attestationScopeFor('relative/path')).toThrow(
      new TypeError('attestationScopeFor(): base URL is not an absolute URL: "relative/path"'),
    );
  });

  it('matches any of several hosts; a host entry that is not a host matches nothing and throws nothing', () => {
    const scope = { hosts: ['a.test', 'b.test'], paths: ['/p'] };
    expect(isInAttestationScope('https://b.test/p', scope)).toBe(true);
    expect(isInAttestationScope('https://a.test/p', scope)).toBe(true);
    expect(isInAttestationScope('https://c.test/p', scope)).toBe(false);
    const odd = { hosts: ['bad host', 'c.test'], paths: ['/p'] };
    expect(isInAttestationScope('https://c.test/p', odd)).toBe(true);
    expect(isInAttestationScope('https://bad%20host/p', odd)).toBe(false);
  });
});

describe('the extension', () => {
  it('is named attestation', () => {
    expect(attestation({ generate: () => Promise.resolve('t') }).name).toBe('attestation');
  });
});
