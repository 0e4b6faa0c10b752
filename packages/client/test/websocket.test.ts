/**
 * The WebSocket transport against a local `ws` server playing app-server:
 * URL policy, bearer token, malformed frames, connection drop, refused connect.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  AppServerClient,
  ClientClosedError,
  ServerExitedError,
  WebSocketTransport,
  checkWebSocketUrl,
  isLoopbackHost,
  type ProtocolIssue,
} from '../src/index.js';
import type { WireMessage } from './fixtures/ts-server.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A WebSocket app-server stand-in; `onRequest` may answer or misbehave. */
async function fakeWsServer(onRequest: (ws: WebSocket, msg: WireMessage) => void = () => undefined) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => wss.once('listening', r));
  const headers: Array<Record<string, string | string[] | undefined>> = [];
  const sockets: WebSocket[] = [];
  wss.on('connection', (ws, req) => {
    headers.push(req.headers);
    sockets.push(ws);
    ws.on('message', (data) => {
      const text = (
        Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? Buffer.from(data) : data
      ).toString();
      // A test server: it trusts the client under test to send JSON-RPC objects.
      const msg = JSON.parse(text) as WireMessage;
      if (msg.method === 'initialize')
        ws.send(
          JSON.stringify({
            id: msg.id,
            result: { userAgent: 'ws-fake/0', codexHome: '/x', platformFamily: 'unix', platformOs: 'linux' },
          }),
        );
      else if (msg.id !== undefined && msg.method) onRequest(ws, msg);
    });
  });
  cleanups.push(
    () =>
      new Promise<void>((r) => {
        wss.close(() => {
          r();
        });
      }),
  );
  return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, headers, sockets };
}

async function start(
  url: string,
  extra: Partial<ConstructorParameters<typeof WebSocketTransport>[0]> = {},
  onProtocolIssue?: (i: ProtocolIssue) => void,
) {
  const client = await AppServerClient.start({
    transport: new WebSocketTransport({ url, ...extra }),
    clientInfo: { name: 'ws-test', version: '0' },
    ...(onProtocolIssue ? { onProtocolIssue } : {}),
  });
  cleanups.push(() => client.shutdown({ timeoutMs: 500 }).then(() => undefined));
  return client;
}

describe('WebSocket URL policy', () => {
  it('knows loopback hosts', () => {
    for (const h of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', 'app.localhost'])
      expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['10.0.0.1', 'example.com', '128.0.0.1', 'localhost.example.com'])
      expect(isLoopbackHost(h), h).toBe(false);
  });

  it('judges the host the URL parser produces: IPv4-mapped IPv6, shorthand IPv4 and trailing dots', () => {
    // URL normalises these spellings; the check must see through them in both directions.
    const hostOf = (url: string) => new URL(url).hostname;
    for (const url of [
      'ws://[::ffff:127.0.0.1]:1',
      'ws://127.1:1',
      'ws://0x7f000001:1',
      'ws://[0:0:0:0:0:0:0:1]:1',
      'ws://localhost.:1',
      'ws://LOCALHOST:1',
    ]) {
      expect(isLoopbackHost(hostOf(url)), url).toBe(true);
      expect(checkWebSocketUrl(url).protocol, url).toBe('ws:');
    }
    for (const url of [
      'ws://[::ffff:10.0.0.1]:1',
      'ws://[::]:1',
      'ws://0.0.0.0:1',
      'ws://10.1:1',
      'ws://localhost.evil.example:1',
    ]) {
      expect(isLoopbackHost(hostOf(url)), url).toBe(false);
      expect(() => checkWebSocketUrl(url), url).toThrow(/refusing unencrypted ws:\/\//);
    }
  });

  it('refuses plain ws:// to a non-loopback host unless allowInsecure, and non-ws schemes always', () => {
    expect(() => checkWebSocketUrl('ws://10.1.2.3:4500')).toThrow(
      /refusing unencrypted ws:\/\/ to non-loopback host 10\.1\.2\.3/,
    );
    expect(() => new WebSocketTransport({ url: 'ws://codex.example.com/' })).toThrow(TypeError);
    expect(checkWebSocketUrl('ws://10.1.2.3:4500', true).host).toBe('10.1.2.3:4500');
    expect(checkWebSocketUrl('wss://codex.example.com/').protocol).toBe('wss:');
    expect(checkWebSocketUrl('ws://127.0.0.1:1').hostname).toBe('127.0.0.1');
    expect(() => checkWebSocketUrl('http://127.0.0.1:1')).toThrow(/must start with ws:\/\/ or wss:\/\//);
    expect(() => checkWebSocketUrl('not a url')).toThrow(/invalid WebSocket URL/);
  });
});

describe('WebSocketTransport', () => {
  it('sends the bearer token and extra headers in the upgrade request, and round-trips requests', async () => {
    const server = await fakeWsServer((ws, msg) => {
      ws.send(JSON.stringify({ id: msg.id, result: { echo: msg.params } }));
    });
    const client = await start(server.url, { bearerToken: 's3cret', headers: { 'x-extra': 'yes' } });
    expect(server.headers[0]!['authorization']).toBe('Bearer s3cret');
    expect(server.headers[0]!['x-extra']).toBe('yes');
    expect(client.initializeResponse.userAgent).toBe('ws-fake/0');
    await expect(client.requestRaw('test/echo', { a: 1 })).resolves.toEqual({ echo: { a: 1 } });
  });

  it('reports malformed and oversized frames and keeps working', async () => {
    const issues: ProtocolIssue[] = [];
    const server = await fakeWsServer((ws, msg) => {
      ws.send('not json');
      ws.send('[1]');
      ws.send(JSON.stringify({ method: 'fake/big', params: { blob: 'x'.repeat(5_000) } }));
      ws.send(JSON.stringify({ id: msg.id, result: 'fine' }));
    });
    const client = await start(server.url, { maxMessageBytes: 1_000 }, (i) => issues.push(i));
    await expect(client.requestRaw('test/garbage')).resolves.toBe('fine');
    expect(issues.map((i) => i.subject)).toEqual(['unparsable message', 'not a JSON object', 'message too long']);
    expect(issues[2]?.message).toMatch(/exceeds maxMessageBytes \(1000\)/);
  });

  it('rejects every pending request when the connection drops, with the close code', async () => {
    const server = await fakeWsServer(() => undefined);
    const client = await start(server.url);
    const pending = [client.requestRaw('a'), client.requestRaw('b')].map((p) => p.catch((e: unknown) => e));
    await new Promise((r) => setTimeout(r, 20));
    server.sockets[0]?.close(1011, 'server fell over');
    for (const e of await Promise.all(pending)) {
      expect(e).toBeInstanceOf(ServerExitedError);
      expect((e as ServerExitedError).exit).toMatchObject({ code: 1011, reason: 'server fell over' });
    }
  });

  it('bounds shutdown by timeoutMs when the peer never answers the close frame, and is idempotent', async () => {
    // A peer below the `ws` library: it completes the upgrade, answers initialize with one
    // unmasked text frame, then reads and ignores everything, the close frame included.
    const sockets: Socket[] = [];
    const http = createServer();
    http.on('upgrade', (req, socket: Socket) => {
      sockets.push(socket);
      const accept = createHash('sha1')
        .update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`)
        .digest('base64');
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
      );
      socket.once('data', () => {
        const body = Buffer.from(
          JSON.stringify({
            id: 0,
            result: { userAgent: 'mute/0', codexHome: '/x', platformFamily: 'unix', platformOs: 'linux' },
          }),
        );
        socket.write(Buffer.concat([Buffer.from([0x81, 126, body.length >> 8, body.length & 0xff]), body]));
      });
      socket.on('data', () => undefined);
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    cleanups.push(
      () =>
        new Promise<void>(
          (r) => (
            sockets.forEach((s) => s.destroy()),
            http.close(() => {
              r();
            })
          ),
        ),
    );
    const client = await AppServerClient.start({
      transport: new WebSocketTransport({ url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}` }),
      clientInfo: { name: 'ws-test', version: '0' },
    });
    expect(client.initializeResponse.userAgent).toBe('mute/0');
    const pending = client.requestRaw('never/answered').catch((e: unknown) => e);
    const t0 = Date.now();
    const first = client.shutdown({ timeoutMs: 300 });
    expect(client.shutdown({ timeoutMs: 10_000 })).toBe(first);
    const exit = await first;
    const took = Date.now() - t0;
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took).toBeLessThan(2_000);
    // The client started the close: reported as clean, with the reason saying the peer never answered.
    expect(exit.code).toBe(1000);
    expect(exit.reason).toBe('closed by the client (socket close code 1006)');
    expect(await pending).toBeInstanceOf(ClientClosedError);
  });

  it('makes start() reject when nothing listens, or the upgrade is refused', async () => {
    const refused = await AppServerClient.start({
      transport: new WebSocketTransport({ url: 'ws://127.0.0.1:1' }),
      clientInfo: { name: 'x', version: '0' },
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ServerExitedError);
    expect((refused as Error).message).toMatch(/ECONNREFUSED/);
  });
});

describe('WebSocketTransport details', () => {
  it('names what is wrong with a URL, exactly', () => {
    expect(() => checkWebSocketUrl('nope')).toThrow(new TypeError('invalid WebSocket URL "nope"'));
    expect(() => checkWebSocketUrl('https://127.0.0.1/')).toThrow(
      new TypeError('WebSocket URL must start with ws:// or wss://, got "https://127.0.0.1/"'),
    );
    expect(() => checkWebSocketUrl('ws://10.0.0.1/')).toThrow(
      new TypeError(
        'refusing unencrypted ws:// to non-loopback host 10.0.0.1: use wss://, or pass allowInsecure: true if the network is trusted',
      ),
    );
    expect(new WebSocketTransport({ url: 'ws://10.0.0.1/', allowInsecure: true }).kind).toBe('websocket');
  });

  it('merges wsOptions headers under its own, and refuses a second connect', async () => {
    const server = await fakeWsServer();
    const transport = new WebSocketTransport({
      url: server.url,
      headers: { 'x-own': 'own', 'x-both': 'own' },
      wsOptions: { headers: { 'x-ws': 'ws', 'x-both': 'ws' } },
    });
    const client = await AppServerClient.start({ transport, clientInfo: { name: 'x', version: '0' } });
    cleanups.push(() => client.shutdown({ timeoutMs: 500 }).then(() => undefined));
    expect(server.headers[0]).toMatchObject({ 'x-own': 'own', 'x-ws': 'ws', 'x-both': 'own' });
    expect(server.headers[0]?.['authorization']).toBeUndefined();
    await expect(
      transport.connect({ message: () => undefined, malformed: () => undefined, closed: () => undefined }),
    ).rejects.toThrow('WebSocketTransport.connect called twice');
  });

  it('reports frames by kind with bounded previews; a message of exactly maxMessageBytes is accepted', async () => {
    const issues: ProtocolIssue[] = [];
    const exact = JSON.stringify({ method: 'fake/exact', params: { pad: '' } });
    // Exactly the limit below.
    const padded = JSON.stringify({ method: 'fake/exact', params: { pad: 'p'.repeat(1_000 - exact.length) } });
    const server = await fakeWsServer((ws, msg) => {
      ws.send(Buffer.from(`{bad ${'z'.repeat(900)}`), { binary: true });
      ws.send(`"${'s'.repeat(900)}"`);
      ws.send(`${padded} `);
      ws.send(padded);
      ws.send(JSON.stringify({ id: msg.id, result: 'fine' }));
    });
    const notes: unknown[] = [];
    const client = await start(server.url, { maxMessageBytes: 1_000 }, (i) => issues.push(i));
    client.on('fake/exact' as never, (p: unknown) => notes.push(p));
    await expect(client.requestRaw('test/frames')).resolves.toBe('fine');
    expect(issues.map((i) => [i.subject, i.message.replace(/: .*$/, ': …')])).toEqual([
      ['unparsable message', 'not JSON (binary frame): …'],
      ['not a JSON object', 'expected a JSON-RPC message object'],
      ['message too long', 'a message of 1001 bytes exceeds maxMessageBytes (1000); it was skipped'],
    ]);
    expect(String(issues[0]?.raw)).toHaveLength(800);
    expect(String(issues[1]?.raw)).toHaveLength(800);
    expect(issues[2]?.raw).toBe(`${padded.slice(0, 200)}…`);
    expect(notes).toHaveLength(1);
  });

  it('an upgrade refused with an HTTP status is named in the start error', async () => {
    const http = createServer((_req, res) => {
      res.writeHead(403, 'Forbidden').end();
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => http.close(() => r())));
    const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/`;
    const err: unknown = await AppServerClient.start({
      transport: new WebSocketTransport({ url }),
      clientInfo: { name: 'x', version: '0' },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerExitedError);
    expect((err as ServerExitedError).message).toContain(`connecting to ${url}: the app-server connection ended`);
    expect((err as ServerExitedError).exit.reason).toBe('server answered the upgrade with HTTP 403 Forbidden');
  });

  it('a close the client starts and the peer answers is clean (1000, "closed by the client"); close before connect says so', async () => {
    const server = await fakeWsServer();
    const transport = new WebSocketTransport({ url: server.url });
    const client = await AppServerClient.start({ transport, clientInfo: { name: 'x', version: '0' } });
    const exit = await client.shutdown({ timeoutMs: 2_000 });
    expect(exit).toEqual({ code: 1000, signal: null, stderrTail: [], reason: 'closed by the client' });
    await expect(transport.close({ timeoutMs: 10 })).resolves.toBe(exit);
    expect(() => {
      transport.send({ method: 'after' });
    }).not.toThrow();
    const never = new WebSocketTransport({ url: server.url });
    await expect(never.close({ timeoutMs: 10 })).resolves.toEqual({
      code: null,
      signal: null,
      stderrTail: [],
      reason: 'never connected',
    });
  });

  it('a handshake that never completes fails after connectTimeoutMs', async () => {
    const sockets: Socket[] = [];
    const http = createServer();
    http.on('upgrade', (_req, socket: Socket) => {
      sockets.push(socket); // never answers the upgrade
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    cleanups.push(
      () =>
        new Promise<void>((r) => {
          for (const s of sockets) s.destroy();
          http.close(() => r());
        }),
    );
    const t0 = Date.now();
    const err: unknown = await AppServerClient.start({
      transport: new WebSocketTransport({
        url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}`,
        connectTimeoutMs: 200,
      }),
      clientInfo: { name: 'x', version: '0' },
    }).catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(err).toBeInstanceOf(ServerExitedError);
    expect((err as ServerExitedError).exit.reason).toMatch(/handshake has timed out/);
  });
});
