import { readFileSync } from 'node:fs';
import { AppServerClient } from '@cask/client';
import { describe, expect, it } from 'vitest';
import { FakeScriptError, parseTranscript, replayTranscript } from '../src/index.js';
import { COMMAND, REPLY, runScenario } from './scenario.js';

const clientInfo = { name: 'rec', version: '1' };
// Recorded from the pinned codex app-server with the loopback model stand-in (the scenario of scenario.ts,
// plus a thread/read); ids and paths are as the real server sent them.
const recorded = readFileSync(new URL('./fixtures/command-approval-turn.jsonl', import.meta.url), 'utf8');

describe('replay of a transcript recorded from the real server', () => {
  it('plays the recorded conversation to the client, which sees what it saw live', async () => {
    const fake = replayTranscript(recorded);
    const cwd = '/tmp/cask-codex-home-ZmOyhS/workspace';
    const outcome = await runScenario({ transport: fake.transport, clientInfo }, cwd);
    // runScenario stops after turn/completed and shuts down: the recording's thread/read is never sent.
    expect(outcome.sequence).toContain('request item/commandExecution/requestApproval');
    expect(outcome.sequence.at(-1)).toBe('turn/completed completed');
    expect(outcome.agentText).toBe(REPLY);
    expect(outcome.approvalCommands[0]).toContain(COMMAND);
    expect(fake.failures).toEqual([expect.stringMatching(/^the client closed the connection at entry 35 of 37$/)]);
  });

  it('answers with the recorded responses (ids remapped) and reports messages that differ', async () => {
    // The same recording, but this client starts the thread with other members and answers the approval "decline".
    const fake = replayTranscript(recorded);
    const client = await AppServerClient.start({ transport: fake.transport, clientInfo });
    client.onServerRequest('item/commandExecution/requestApproval', () => ({ decision: 'decline' }));
    const { thread } = await client.request('thread/start', { cwd: '/elsewhere' });
    expect(thread.id).toBe('01a21e40-548e-7e81-abe8-8b505675c7dd');
    const turn = await client.runTurn(thread.id, 'go').completed;
    expect(turn.status).toBe('completed');
    const read = await client.request('thread/read', { threadId: thread.id, includeTurns: true });
    expect(read.thread.turns).toHaveLength(1);
    await fake.idle();
    expect(fake.failures).toEqual([
      'entry 4: client request thread/start carries members [cwd], the recording [approvalPolicy,cwd]',
    ]);
    await client.shutdown();
  });

  it('names a bad transcript line', () => {
    expect(() => parseTranscript('{"dir":"c2s","msg":{"method":"initialized"}}\nnope\n')).toThrow(FakeScriptError);
    expect(() => parseTranscript('{"dir":"c2s","msg":{"method":"initialized"}}\nnope\n')).toThrow(/^line 2: not JSON/);
    expect(() => replayTranscript('')).toThrow(/transcript: the transcript is empty/);
  });
});
