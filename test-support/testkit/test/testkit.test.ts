import { existsSync, readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import {
  codexAliasPackage,
  codexBinaryPath,
  codexLauncherPath,
  codexPackageInfo,
  parseCodexRelease,
  readCodexRelease,
  testedReleases,
  createCodexHome,
  splitIntoChunks,
  startModelStandIn,
  STANDIN_API_KEY_ENV,
  type ModelStandIn,
} from '../src/index.js';

/** Parses an SSE body into its events, checking that `event:` matches the payload's `type`. */
function parseSse(body: string): Array<{ type: string; [k: string]: unknown }> {
  return body
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split('\n');
      const name = lines.find((l) => l.startsWith('event: '))!.slice(7);
      const data = JSON.parse(lines.find((l) => l.startsWith('data: '))!.slice(6)) as { type: string };
      expect(data.type).toBe(name);
      return data;
    });
}

let standIn: ModelStandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

async function post(body: unknown, path = '/v1/responses') {
  const res = await fetch(standIn!.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
    body: JSON.stringify(body),
  });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

describe('codex binary', () => {
  const source = readCodexRelease();

  it('finds the native binary of the pinned @openai/codex, and it reports the release codex-release.json names', () => {
    const bin = codexBinaryPath();
    expect(statSync(bin).isFile()).toBe(true);
    expect(bin).toMatch(/vendor\/[^/]+\/bin\/codex(\.exe)?$/);
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()).toBe(`codex-cli ${source.release}`);
    expect(existsSync(codexLauncherPath())).toBe(true);
    expect(codexBinaryPath({ release: source.release })).toBe(bin);
  });

  it('finds every compatibility release next to it, each with its own platform binary', () => {
    expect(source.compatibilityReleases.length).toBeGreaterThan(0);
    const bins = new Set([codexBinaryPath()]);
    for (const release of source.compatibilityReleases) {
      const bin = codexBinaryPath({ release });
      expect(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()).toBe(`codex-cli ${release}`);
      expect(codexPackageInfo({ release }).version).toBe(release);
      expect(existsSync(codexLauncherPath({ release }))).toBe(true);
      bins.add(bin);
    }
    expect(bins.size).toBe(testedReleases().length);
  });

  it('names the release and the fix when a release is not installed or not a version', () => {
    expect(() => codexBinaryPath({ release: '0.1.0' })).toThrow(
      /codex 0\.1\.0 is not installed: @openai\/codex-0\.1 .*codex-release:sync/,
    );
    expect(() => codexBinaryPath({ release: 'latest' })).toThrow(/not a codex release version: "latest"/);
    expect(codexAliasPackage('1.23.4')).toBe('@openai/codex-1.23');
  });

  it('parses codex-release.json strictly, naming the bad field', () => {
    expect(parseCodexRelease('{"release":"1.2.3","compatibilityReleases":["1.1.0"]}', 'f.json')).toEqual({
      release: '1.2.3',
      compatibilityReleases: ['1.1.0'],
    });
    expect(() => parseCodexRelease('{', 'f.json')).toThrow(/^f\.json: not JSON/);
    expect(() => parseCodexRelease('{"release":"1.2"}', 'f.json')).toThrow(/f\.json: "release" must be a version/);
    expect(() => parseCodexRelease('{"release":"1.2.3","compatibilityReleases":[7]}', 'f.json')).toThrow(
      /"compatibilityReleases"\[0\] must be a version/,
    );
    expect(() => parseCodexRelease('{"release":"1.2.3","compatibilityReleases":["1.2.3"]}', 'f.json')).toThrow(
      /repeats 1\.2\.3/,
    );
  });
});

describe('model stand-in', () => {
  it('streams an assistant message as output_text deltas between created and completed', async () => {
    standIn = await startModelStandIn([{ kind: 'message', text: 'Hi there you', chunks: ['Hi', ' there', ' you'] }]);
    const r = await post({ model: 'm', input: [] });
    expect(r.status).toBe(200);
    expect(r.type).toBe('text/event-stream');
    const events = parseSse(r.text);
    expect(events.map((e) => e.type)).toEqual([
      'response.created',
      'response.output_item.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.filter((e) => e.type === 'response.output_text.delta').map((e) => e['delta'])).toEqual([
      'Hi',
      ' there',
      ' you',
    ]);
    expect(events[5]!['item']).toMatchObject({
      type: 'message',
      role: 'assistant',
      content: [{ type: 'output_text', text: 'Hi there you' }],
    });
    expect(events[6]!['response']).toMatchObject({ usage: { total_tokens: 15 } });
  });

  it('asks for an exec_command function call and records every request', async () => {
    standIn = await startModelStandIn([{ kind: 'shell', command: 'echo hi', callId: 'c1' }]);
    const r = await post({ model: 'm', marker: 42 });
    const done = parseSse(r.text).find((e) => e.type === 'response.output_item.done')!;
    expect(done['item']).toMatchObject({ type: 'function_call', name: 'exec_command', call_id: 'c1' });
    expect(JSON.parse((done['item'] as { arguments: string }).arguments)).toEqual({ cmd: 'echo hi', login: false });
    expect(standIn.requests).toHaveLength(1);
    expect(standIn.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/responses',
      body: { marker: 42 },
      scripted: true,
    });
    expect(standIn.requests[0]!.headers['authorization']).toBe('Bearer k');
  });

  it('answers HTTP errors, response.failed, and refuses requests past the end of the script', async () => {
    standIn = await startModelStandIn([
      { kind: 'httpError', status: 429, message: 'slow down' },
      { kind: 'failed', message: 'model fell over' },
    ]);
    const a = await post({});
    expect(a.status).toBe(429);
    expect(JSON.parse(a.text)).toMatchObject({ error: { message: 'slow down' } });
    const b = parseSse((await post({})).text);
    expect(b.map((e) => e.type)).toEqual(['response.created', 'response.failed']);
    const c = await post({});
    expect(c.status).toBe(500);
    expect(c.text).toContain('exhausted at request #2');
    expect(standIn.requests.map((r) => r.scripted)).toEqual([true, true, false]);
    const other = await post({}, '/v1/models');
    expect(other.status).toBe(404);
    expect(standIn.responsesRequests()).toHaveLength(3);
  });

  it('keeps a stalled stream open until close()', async () => {
    standIn = await startModelStandIn([{ kind: 'stall', chunks: ['partial'] }]);
    const res = await fetch(standIn.url + '/v1/responses', { method: 'POST', body: '{}' });
    const reader = res.body!.getReader();
    let got = '';
    while (!got.includes('partial')) {
      const chunk: unknown = (await reader.read()).value;
      if (chunk instanceof Uint8Array) got += new TextDecoder().decode(chunk);
    }
    await standIn.waitForResponsesRequests(1, 1000);
    const next = reader.read();
    const raced = await Promise.race([
      next.then(() => 'data'),
      new Promise((r) => setTimeout(() => r('stalled'), 200)),
    ]);
    expect(raced).toBe('stalled');
    await standIn.close();
    await expect(next).rejects.toThrow();
  });

  it('splits text into word chunks that join back to the text', () => {
    expect(splitIntoChunks('one two  three ')).toEqual(['one', ' two', '  three', ' ']);
    expect(splitIntoChunks('one two  three ').join('')).toBe('one two  three ');
  });
});

describe('createCodexHome', () => {
  it('writes a config selecting the stand-in provider, and cleans up', () => {
    const home = createCodexHome({ modelBaseUrl: 'http://127.0.0.1:1234/', extraConfig: '[x]\ny = 1' });
    try {
      const text = readFileSync(home.configPath, 'utf8');
      expect(text).toBe(home.config);
      expect(text).toContain('base_url = "http://127.0.0.1:1234/v1"');
      expect(text).toMatch(/model_provider = "cask_standin"/);
      for (const line of [
        'wire_api = "responses"',
        'request_max_retries = 0',
        'stream_max_retries = 0',
        'supports_websockets = false',
        'check_for_update_on_startup = false',
      ])
        expect(text).toContain(line);
      expect(text.trimEnd().endsWith('[x]\ny = 1')).toBe(true);
      expect(home.env).toMatchObject({ CODEX_HOME: home.dir });
      expect(home.env[STANDIN_API_KEY_ENV]).toEqual(expect.any(String));
      expect(existsSync(home.workspace)).toBe(true);
    } finally {
      home.cleanup();
      home.cleanup();
    }
    expect(existsSync(home.dir)).toBe(false);
  });

  it('is accepted by the real codex (no config error)', () => {
    const home = createCodexHome({ modelBaseUrl: 'http://127.0.0.1:9' });
    try {
      const out = execFileSync(codexBinaryPath(), ['features', 'list'], {
        env: { ...process.env, ...home.env },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(out).toMatch(/^shell_snapshot\s+\S+\s+false$/m);
      expect(out).toMatch(/^plugins\s+\S+\s+false$/m);
    } finally {
      home.cleanup();
    }
  });
});
