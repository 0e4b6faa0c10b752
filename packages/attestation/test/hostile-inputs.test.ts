/**
 * `withAttestation` decides the scope on the URL `fetch` really uses, not on
 * what an input claims: subclassed Requests and URLs, and look-alike objects
 * whose `url`/`href` and `toString()` disagree, cannot send a token to an
 * out-of-scope host. Also: one loopback rule for client and attestation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '@cask/client';
import {
  ATTESTATION_HEADER_NAME,
  attestationScopeFor,
  defaultAttestationScope,
  isInAttestationScope,
  withAttestation,
} from '../src/index.js';

const SCOPED = 'https://chatgpt.com/backend-api/codex/responses';

/** What a real fetch would send: the Request it builds from (input, init), read through the built-in getters. */
function wire(input: unknown, init?: RequestInit): { url: string; header: string | null; redirect: string } {
  // fetch accepts any object and stringifies it; so does the Request constructor.
  const r = new Request(input as string, init);
  // Read through the built-in getters, as fetch does, whatever a subclass overrides.
  const url: unknown = Reflect.get(Request.prototype, 'url', r);
  const headers: unknown = Reflect.get(Request.prototype, 'headers', r);
  if (typeof url !== 'string' || !(headers instanceof Headers)) throw new Error('not a Request');
  return { url, header: headers.get(ATTESTATION_HEADER_NAME), redirect: r.redirect };
}

function recorder() {
  const sent: ReturnType<typeof wire>[] = [];
  const fetchImpl = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    sent.push(wire(input, init));
    return Promise.resolve(new Response('ok'));
  };
  return { sent, fetchImpl };
}

const hostileInput = (real: string, claimed: string): Record<string, () => unknown> => ({
  'Request subclass overriding url': () => {
    class Liar extends Request {}
    Object.defineProperty(Liar.prototype, 'url', { get: () => claimed });
    return new Liar(real);
  },
  'URL subclass overriding href': () => {
    class Liar extends URL {}
    Object.defineProperty(Liar.prototype, 'href', { get: () => claimed });
    return new Liar(real);
  },
  'URL subclass overriding toString': () => {
    class Liar extends URL {
      override toString(): string {
        return real;
      }
    }
    return new Liar(claimed);
  },
  'object with url and toString': () => ({ url: claimed, href: claimed, toString: () => real }),
  'Request-shaped object': () => ({ url: claimed, headers: new Headers(), toString: () => real }),
});

describe('withAttestation judges what is sent', () => {
  for (const [name, make] of Object.entries(hostileInput('https://evil.test/steal', SCOPED))) {
    it(`${name}: an out-of-scope destination never gets a token`, async () => {
      const { sent, fetchImpl } = recorder();
      let asked = 0;
      const attested = withAttestation(fetchImpl, {
        requestToken: () => {
          asked++;
          return Promise.resolve('v1.secret');
        },
      });
      await attested(make() as never);
      expect(sent).toEqual([{ url: 'https://evil.test/steal', header: null, redirect: 'follow' }]);
      expect(asked).toBe(0);
    });
  }

  it("forces redirect: 'error' over the caller's 'follow' (init and Request input alike)", async () => {
    const { sent, fetchImpl } = recorder();
    const attested = withAttestation(fetchImpl, { requestToken: () => Promise.resolve('v1.t') });
    await attested(SCOPED, { redirect: 'follow' });
    await attested(new Request(SCOPED, { redirect: 'follow' }));
    await attested(SCOPED, { redirect: 'manual' });
    expect(sent.map((s) => s.redirect)).toEqual(['error', 'error', 'error']);
    const manual = withAttestation(fetchImpl, { requestToken: () => Promise.resolve('v1.t'), redirect: 'manual' });
    await manual(SCOPED, { redirect: 'follow' });
    expect(sent.at(-1)?.redirect).toBe('manual');
  });

  it('property: the header is on the wire exactly when the URL on the wire is in scope', async () => {
    const host = fc.constantFrom('chatgpt.com', 'evil.test', 'chatgpt.com.evil.test', 'xchatgpt.com');
    const path = fc.constantFrom(...defaultAttestationScope.paths, '/backend-api/codex/models', '/steal');
    const target = fc.tuple(host, path).map(([h, p]) => `https://${h}${p}`);
    const kind = fc.constantFrom('string', 'URL', 'Request', ...Object.keys(hostileInput('https://a.test/', SCOPED)));
    await fc.assert(
      fc.asyncProperty(target, target, kind, async (real, claimed, k) => {
        const input =
          k === 'string'
            ? real
            : k === 'URL'
              ? new URL(real)
              : k === 'Request'
                ? new Request(real)
                : hostileInput(real, claimed)[k]?.();
        const { sent, fetchImpl } = recorder();
        let asked = 0;
        await withAttestation(fetchImpl, {
          requestToken: () => {
            asked++;
            return Promise.resolve('v1.p');
          },
        })(input as never);
        expect(sent).toHaveLength(1);
        const [onWire] = sent;
        if (!onWire) throw new Error('nothing sent');
        const scoped = isInAttestationScope(onWire.url);
        expect(onWire.header !== null).toBe(scoped);
        expect(asked).toBe(scoped ? 1 : 0);
      }),
      { numRuns: 400 },
    );
  });

  it('isInAttestationScope judges the URL a URL subclass really holds, and refuses look-alikes', () => {
    class Liar extends URL {}
    Object.defineProperty(Liar.prototype, 'href', { get: () => SCOPED });
    expect(isInAttestationScope(new Liar('https://evil.test/x'))).toBe(false);
    expect(isInAttestationScope(new URL(SCOPED))).toBe(true);
    expect(isInAttestationScope({ href: SCOPED, toString: () => SCOPED } as unknown as URL)).toBe(false);
  });
});

describe('one loopback rule for client and attestation', () => {
  const hosts = [
    'localhost',
    'a.localhost',
    'LOCALHOST.',
    '127.0.0.1',
    '127.1.2.3',
    '[::1]',
    '[::ffff:7f00:1]',
    '[::ffff:127.0.0.1]',
    '[::ffff:808:808]',
    '128.0.0.1',
    'localhost.evil.test',
    'evil.test',
    '[::2]',
  ];
  it.each(hosts)('%s: insecure loopback scope accepts http exactly when isLoopbackHost says loopback', (host) => {
    const scope = { hosts: [host], paths: ['/v1/responses'], allowInsecureLoopback: true };
    const parsed = new URL(`http://${host}/v1/responses`);
    expect(isInAttestationScope(parsed.href, scope)).toBe(isLoopbackHost(parsed.hostname));
  });

  it('spells out the rule for the cases the two used to disagree on', () => {
    expect(['a.localhost', '[::ffff:7f00:1]'].map(isLoopbackHost)).toEqual([true, true]);
    expect(['localhost.evil.test', '[::ffff:808:808]', '128.0.0.1'].map(isLoopbackHost)).toEqual([false, false, false]);
    const scope = attestationScopeFor('http://a.localhost:8080/v1', { allowInsecureLoopback: true });
    expect(isInAttestationScope('http://a.localhost:8080/v1/responses', scope)).toBe(true);
  });
});
