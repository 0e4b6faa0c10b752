import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppServerClient } from '@cask/client';
import { describe, expect, it } from 'vitest';
import { fakeServerCommand } from '../src/index.js';

// The built bin (pnpm --filter "@cask/testing..." build), run with this Node.
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const clientInfo = { name: 'rec', version: '1' };

describe('cask-fake-server (stdio)', () => {
  it('serves a JSON script to a client over stdio', { timeout: 20_000 }, async () => {
    const stderr: string[] = [];
    const client = await AppServerClient.start({
      ...fakeServerCommand(['--script', fixture('hello-script.json')]),
      clientInfo,
      onStderr: (l) => stderr.push(l),
    });
    expect(client.initializeResponse.userAgent).toContain('cask_fake_server');
    const { thread } = await client.request('thread/start', {});
    let text = '';
    for await (const ev of client.runTurn(thread.id, 'hi'))
      if ('method' in ev && ev.method === 'item/agentMessage/delta') text += ev.params.delta;
    expect(text).toBe('Hello from the fake.');
    const exit = await client.shutdown();
    expect(stderr).toEqual([]);
    expect(exit.code).toBe(0);
  });

  it('replays a recorded transcript over stdio and exits 1 listing what differed', { timeout: 20_000 }, async () => {
    const stderr: string[] = [];
    const client = await AppServerClient.start({
      codexPath: process.execPath,
      args: [bin, '--replay', fixture('command-approval-turn.jsonl')],
      clientInfo,
      onStderr: (l) => stderr.push(l),
    });
    client.onServerRequest('item/commandExecution/requestApproval', () => ({ decision: 'accept' }));
    const { thread } = await client.request('thread/start', { cwd: '/w', approvalPolicy: 'untrusted' });
    expect((await client.runTurn(thread.id, 'go').completed).status).toBe('completed');
    const exit = await client.shutdown();
    expect(exit.code).toBe(1);
    expect(stderr.join('\n')).toContain('the client closed the connection at entry 35 of 37');
  });

  it('names the bad step of a script and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cask-fake-'));
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({ turns: [{ steps: [{ type: 'tokenUsage', inputTokens: 'many', outputTokens: 1 }] }] }),
    );
    const r = spawnSync(process.execPath, [bin, '--script', file], { encoding: 'utf8', input: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('turns[0].steps[0] (tokenUsage): inputTokens and outputTokens must be integers');
    const usage = spawnSync(process.execPath, [bin], { encoding: 'utf8', input: '' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('give exactly one of --script or --replay');
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: cask-fake-server');
  });
});
