import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ATTESTATION_HEADER_NAME,
  AttestationError,
  attestationScopeFor,
  decodeAttestationHeader,
  defaultAttestationScope,
  isInAttestationScope,
  withAttestation,
} from '../src/index.js';
import { sleep } from './helpers.js';

const IN_SCOPE = [
  'https://chatgpt.com/backend-api/codex/responses',
  'https://chatgpt.com/backend-api/codex/responses/compact',
  'https://chatgpt.com/backend-api/codex/realtime/calls',
  'wss://chatgpt.com/backend-api/codex/responses',
  'https://CHATGPT.COM/backend-api/codex/responses',
  'https://chatgpt.com:443/backend-api/codex/responses',
  'https://chatgpt.com/backend-api/codex/responses?client=1#x',
  'https://chatgpt.com/backend-api/x/../codex/responses',
  'https://chatgpt.com/backend-api/codex/%2e/responses',
  'https://user:pw@chatgpt.com/backend-api/codex/responses',
];

const OUT_OF_SCOPE = [
  'http://chatgpt.com/backend-api/codex/responses',
  'ws://chatgpt.com/backend-api/codex/responses',
  'https://chatgpt.com.evil.test/backend-api/codex/responses',
  'https://evil.test/chatgpt.com/backend-api/codex/responses',
  'https://chatgpt.com@evil.test/backend-api/codex/responses',
  'https://evil.test/backend-api/codex/responses?host=chatgpt.com',
  'https://api.chatgpt.com/backend-api/codex/responses',
  'https://xchatgpt.com/backend-api/codex/responses',
  'https://chatgpt.com./backend-api/codex/responses',
  'https://chatgpt.com:8443/backend-api/codex/responses',
  'https://chatgpt.com/backend-api/codex/responses/',
  'https://chatgpt.com/backend-api/codex/Responses',
  'https://chatgpt.com/backend-api/codex/%72esponses',
  'https://chatgpt.com/backend-api/codex%2Fresponses',
  'https://chatgpt.com/backend-api/codex/models',
  'https://chatgpt.com/backend-api/wham/usage',
  'https://chatgpt.com/',
  'https://api.openai.com/v1/responses',
  'not a url',
  '/backend-api/codex/responses',
];

describe('isInAttestationScope with the default scope', () => {
  it.each(IN_SCOPE)('includes %s', (url) => expect(isInAttestationScope(url)).toBe(true));
  it.each(OUT_OF_SCOPE)('excludes %s', (url) => expect(isInAttestationScope(url)).toBe(false));

  it('lists the three attested endpoints under the ChatGPT Codex base', () => {
    expect(defaultAttestationScope).toEqual({
      hosts: ['chatgpt.com'],
      paths: [
        '/backend-api/codex/responses',
        '/backend-api/codex/responses/compact',
        '/backend-api/codex/realtime/calls',
      ],
      allowInsecureLoopback: false,
    });
  });
});

describe('attestationScopeFor', () => {
  it('builds a loopback test scope that accepts http only when asked', () => {
    const scope = attestationScopeFor('http://127.0.0.1:4567/v1/', { allowInsecureLoopback: true });
    expect(scope.hosts).toEqual(['127.0.0.1:4567']);
    expect(isInAttestationScope('http://127.0.0.1:4567/v1/responses', scope)).toBe(true);
    expect(isInAttestationScope('ws://127.0.0.1:4567/v1/responses', scope)).toBe(true);
    expect(isInAttestationScope('http://127.0.0.1:4568/v1/responses', scope)).toBe(false);
    expect(isInAttestationScope('http://127.0.0.1:4567/responses', scope)).toBe(false);
    expect(isInAttestationScope('http://127.0.0.1:4567/v1/responses', { ...scope, allowInsecureLoopback: false })).toBe(
      false,
    );
    // a non-loopback host never gets plain http, even if listed
    const lan = attestationScopeFor('http://10.0.0.5/v1', { allowInsecureLoopback: true });
    expect(isInAttestationScope('http://10.0.0.5/v1/responses', lan)).toBe(false);
  });
  it('rejects a relative base URL', () => {
    expect(() => attestationScopeFor('/v1')).toThrow(/not an absolute URL/);
  });
});

/** A fetch stand-in that records the attestation header of each request. */
function recordingFetch() {
  const seen: { url: string; header: string | null; redirect: string | undefined }[] = [];
  const fetchImpl = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    seen.push({ url: request.url, header: request.headers.get(ATTESTATION_HEADER_NAME), redirect: request.redirect });
    return Promise.resolve(new Response('ok'));
  };
  return { seen, fetchImpl };
}

describe('withAttestation', () => {
  it('sets the envelope on scoped requests only and asks for one token per scoped request', async () => {
    const { seen, fetchImpl } = recordingFetch();
    let n = 0;
    const attested = withAttestation(fetchImpl, { requestToken: () => Promise.resolve(`v1.t${++n}`) });
    await attested('https://chatgpt.com/backend-api/codex/responses', { method: 'POST', body: '{}' });
    await attested(new URL('https://chatgpt.com/backend-api/codex/responses/compact'), { method: 'POST' });
    await attested(
      new Request('https://chatgpt.com/backend-api/codex/realtime/calls', { method: 'POST', headers: { a: 'b' } }),
    );
    await attested('https://chatgpt.com/backend-api/codex/models');
    await attested('https://chatgpt.com.evil.test/backend-api/codex/responses');
    expect(n).toBe(3);
    expect(seen.map((s) => s.header)).toEqual([
      '{"v":1,"s":0,"t":"v1.t1"}',
      '{"v":1,"s":0,"t":"v1.t2"}',
      '{"v":1,"s":0,"t":"v1.t3"}',
      null,
      null,
    ]);
    expect(seen.slice(0, 3).every((s) => s.redirect === 'error')).toBe(true);
  });

  it('keeps the other headers and the body of a scoped request', async () => {
    let received: Request | undefined;
    const attested = withAttestation(
      (input) => {
        received = input as Request;
        return Promise.resolve(new Response('ok'));
      },
      { requestToken: () => Promise.resolve('tok') },
    );
    await attested('https://chatgpt.com/backend-api/codex/responses', {
      method: 'POST',
      headers: { authorization: 'Bearer a', 'x-oai-attestation': 'forged' },
      body: '{"model":"m"}',
    });
    expect(received?.headers.get('authorization')).toBe('Bearer a');
    expect(received?.headers.get(ATTESTATION_HEADER_NAME)).toBe('{"v":1,"s":0,"t":"tok"}');
    expect(await received?.text()).toBe('{"model":"m"}');
  });

  it('removes a caller-set header from requests out of scope', async () => {
    const { seen, fetchImpl } = recordingFetch();
    const attested = withAttestation(fetchImpl, { requestToken: () => Promise.resolve('tok') });
    await attested('https://evil.test/', { headers: { 'x-oai-attestation': '{"v":1,"s":0,"t":"leak"}' } });
    await attested(new Request('https://evil.test/', { headers: { 'x-oai-attestation': 'leak' } }));
    expect(seen.map((s) => s.header)).toEqual([null, null]);
  });

  it('maps failures to the app-server statuses and sends no header when there is no token source', async () => {
    const cases: [() => Promise<string | undefined>, string | null][] = [
      [() => Promise.resolve(undefined), null],
      [() => sleep(1_000).then(() => 'late'), '{"v":1,"s":1}'],
      [() => Promise.reject(new AttestationError('timeout', 'x')), '{"v":1,"s":1}'],
      [() => Promise.reject(new Error('json-rpc error')), '{"v":1,"s":2}'],
      [() => Promise.reject(new AttestationError('aborted', 'x')), '{"v":1,"s":3}'],
      [() => Promise.resolve(42 as unknown as string), '{"v":1,"s":4}'],
    ];
    for (const [requestToken, expected] of cases) {
      const { seen, fetchImpl } = recordingFetch();
      const started = performance.now();
      await withAttestation(fetchImpl, { requestToken, budgetMs: 30 })(
        'https://chatgpt.com/backend-api/codex/responses',
      );
      expect(performance.now() - started).toBeLessThan(300);
      expect(seen[0]?.header).toBe(expected);
    }
  });

  it('aborts requestToken when its budget runs out', async () => {
    let signal: AbortSignal | undefined;
    const { fetchImpl } = recordingFetch();
    await withAttestation(fetchImpl, {
      budgetMs: 20,
      requestToken: (ctx) => {
        signal = ctx.signal;
        return new Promise(() => undefined);
      },
    })('https://chatgpt.com/backend-api/codex/responses');
    expect(signal?.aborted).toBe(true);
  });
});

describe('property: the header appears on scoped requests and on nothing else', () => {
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
  const otherHost = fc.oneof(
    fc.array(label, { minLength: 1, maxLength: 3 }).map((parts) => `${parts.join('.')}.test`),
    label.map((l) => `chatgpt.com.${l}.test`),
    label.map((l) => `${l}.chatgpt.com`),
    label.map((l) => `${l}chatgpt.com`),
    fc.constantFrom('chatgpt.com.', 'chatgpt.co', 'chatgpt.com.evil.test', 'api.openai.com', '127.0.0.1', '[::1]'),
  );
  const scopedPath = fc.constantFrom(...defaultAttestationScope.paths);
  const anyPath = fc.oneof(
    scopedPath,
    scopedPath.map((p) => `${p}/`),
    scopedPath.map((p) => p.replace('responses', '%72esponses')),
    scopedPath.map((p) => p.replace(/\//g, '%2F')),
    scopedPath.map((p) => p.toUpperCase()),
    fc.array(label, { maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
    otherHost.map((h) => `/${h}/backend-api/codex/responses`),
  );
  const scheme = fc.constantFrom('https', 'wss', 'http', 'ws');
  const hostSpelling = fc.constantFrom('chatgpt.com', 'CHATGPT.com', 'ChatGPT.COM', 'chatgpt.com:443');
  const userinfo = fc.oneof(
    fc.constant(''),
    fc.constant('chatgpt.com@'),
    label.map((l) => `${l}:pw@`),
  );
  const query = fc.oneof(
    fc.constant(''),
    fc.constant('?x=1'),
    fc.constant('#frag'),
    fc.constant('?u=https://chatgpt.com/backend-api/codex/responses'),
  );

  const url = fc
    .record({ scheme, host: fc.oneof(hostSpelling, otherHost), userinfo, path: anyPath, query })
    .map(({ scheme: s, host, userinfo: u, path, query: q }) => ({
      url: `${s}://${u}${host}${path}${q}`,
      expected:
        (s === 'https' || s === 'wss') &&
        /^chatgpt\.com(:443)?$/i.test(host) &&
        defaultAttestationScope.paths.includes(path),
    }));

  it('isInAttestationScope agrees with an independent statement of the rule', () => {
    fc.assert(
      fc.property(url, ({ url: u, expected }) => {
        expect(isInAttestationScope(u)).toBe(expected);
      }),
      { numRuns: 3_000 },
    );
  });

  it('a recording fetch sees the header exactly on scoped http(s) requests', async () => {
    const httpUrl = url.filter(({ url: u }) => u.startsWith('http'));
    await fc.assert(
      fc.asyncProperty(httpUrl, async ({ url: u, expected }) => {
        const { seen, fetchImpl } = recordingFetch();
        let asked = 0;
        const attested = withAttestation(fetchImpl, {
          requestToken: () => {
            asked++;
            return Promise.resolve('v1.prop');
          },
        });
        if (u.includes('@') || !URL.canParse(u)) {
          // fetch refuses URLs with credentials and unparsable URLs; nothing may be sent.
          await expect(attested(u)).rejects.toThrow(TypeError);
          expect(seen).toHaveLength(0);
          return;
        }
        await attested(u, { headers: { 'x-oai-attestation': 'caller-set' } });
        expect(seen).toHaveLength(1);
        expect(asked).toBe(expected ? 1 : 0);
        if (expected) {
          expect(decodeAttestationHeader(seen[0]!.header)).toEqual({ status: 0, token: 'v1.prop' });
        } else {
          expect(seen[0]!.header).toBeNull();
        }
      }),
      { numRuns: 500 },
    );
  });
});
