/**
 * Contract tests of the conversation reducer against the REAL `codex
 * app-server`: for each scenario, the reducer folded over the wire transcript
 * ends with exactly the items `thread/read` returns, and every agent-message
 * delta leaves the in-progress text equal to the deltas joined so far.
 *
 * `CASK_RECORD_STATE=1` also writes each transcript (pinned release only) to
 * `test/fixtures/state/<scenario>.json`, replayed without a server by
 * `test/state/reduce.test.ts`; format them with `npx prettier --write`
 * before committing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinnedRelease, testedReleases, type StandInScript } from '@cask/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { displayItems, finalAgentText, type ConversationState } from '../../src/state/index.js';
import type { RunTurnOptions } from '../../src/index.js';
import { expectEqualToRecord, foldChecked, must, notificationsOf, turnAt, type Recording } from '../state/fold.js';
import { startHarness, type Harness } from './harness.js';

const TEST_TIMEOUT = 60_000;
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'state');

let h: Harness | undefined;
afterEach(async () => {
  const current = h;
  h = undefined;
  await current?.close();
});

interface TurnPlan {
  prompt: string;
  /** Interrupt once the first agent-message delta of the turn arrived. */
  interruptAfterFirstDelta?: boolean;
  options?: RunTurnOptions;
}

/** The Responses API events of a reasoning item with two summary parts and raw text, a web search, and a message. */
export function multiItemEvents(n: number): Array<{ type: string; [key: string]: unknown }> {
  const rs = `rs_standin_${n}`;
  const msg = `msg_standin_${n}`;
  const ws = `ws_standin_${n}`;
  return [
    { type: 'response.output_item.added', output_index: 0, item: { type: 'reasoning', id: rs, summary: [] } },
    { type: 'response.reasoning_summary_part.added', item_id: rs, output_index: 0, summary_index: 0 },
    { type: 'response.reasoning_summary_text.delta', item_id: rs, output_index: 0, summary_index: 0, delta: 'Plan' },
    { type: 'response.reasoning_summary_text.delta', item_id: rs, output_index: 0, summary_index: 0, delta: 'ning.' },
    { type: 'response.reasoning_summary_part.added', item_id: rs, output_index: 0, summary_index: 1 },
    { type: 'response.reasoning_summary_text.delta', item_id: rs, output_index: 0, summary_index: 1, delta: 'Next.' },
    { type: 'response.reasoning_text.delta', item_id: rs, output_index: 0, content_index: 0, delta: 'raw ' },
    { type: 'response.reasoning_text.delta', item_id: rs, output_index: 0, content_index: 0, delta: 'thought' },
    {
      type: 'response.output_item.done',
      output_index: 0,
      item: {
        type: 'reasoning',
        id: rs,
        summary: [
          { type: 'summary_text', text: 'Planning.' },
          { type: 'summary_text', text: 'Next.' },
        ],
        content: [{ type: 'reasoning_text', text: 'raw thought' }],
      },
    },
    {
      type: 'response.output_item.done',
      output_index: 1,
      item: { type: 'web_search_call', id: ws, status: 'completed', action: { type: 'search', query: 'cask reducer' } },
    },
    {
      type: 'response.output_item.added',
      output_index: 2,
      item: { type: 'message', role: 'assistant', id: msg, content: [] },
    },
    ...['Two', ' items', ' and', ' a', ' message.'].map((delta) => ({
      type: 'response.output_text.delta',
      item_id: msg,
      output_index: 2,
      content_index: 0,
      delta,
    })),
    {
      type: 'response.output_item.done',
      output_index: 2,
      item: {
        type: 'message',
        role: 'assistant',
        id: msg,
        content: [{ type: 'output_text', text: 'Two items and a message.' }],
      },
    },
    {
      type: 'response.completed',
      response: {
        id: `resp_standin_${n}`,
        usage: {
          input_tokens: 30,
          input_tokens_details: { cached_tokens: 4 },
          output_tokens: 12,
          output_tokens_details: { reasoning_tokens: 7 },
          total_tokens: 42,
        },
      },
    },
  ];
}

async function runScenario(
  release: string,
  scenario: string,
  script: StandInScript,
  turns: TurnPlan[],
  approval?: 'accept' | 'decline',
): Promise<{ rec: Recording; state: ConversationState; checked: number }> {
  h = await startHarness(script, {}, release);
  expect(h.client.initializeResponse.userAgent).toContain(`/${release} `);
  const { client } = h;
  if (approval) client.onServerRequest('item/commandExecution/requestApproval', () => ({ decision: approval }));
  const { thread } = await client.startThread({
    cwd: h.home.workspace,
    approvalPolicy: approval ? 'untrusted' : 'never',
  });
  for (const t of turns) {
    const run = client.runTurn(thread.id, t.prompt, t.options);
    let interrupted = false;
    for await (const ev of run) {
      if (
        t.interruptAfterFirstDelta &&
        !interrupted &&
        ev.kind === 'notification' &&
        ev.method === 'item/agentMessage/delta'
      ) {
        interrupted = true;
        await run.interrupt();
      }
    }
  }
  const read = await client.request('thread/read', { threadId: thread.id, includeTurns: true });
  const rec: Recording = {
    scenario,
    threadId: thread.id,
    transcript: h.transcript.map(({ dir, msg }) => ({ dir, msg })),
    read,
  };
  if (process.env['CASK_RECORD_STATE'] && release === pinnedRelease()) {
    mkdirSync(FIXTURES, { recursive: true });
    // The release string is scrubbed: the repository keeps codex versions in codex-release.json only.
    const text = JSON.stringify(rec, null, 2).replaceAll(release, '<codex release>');
    writeFileSync(path.join(FIXTURES, `${scenario}.json`), text + '\n');
  }
  const { state, checked } = foldChecked(rec.transcript);
  expectEqualToRecord(state, rec);
  return { rec, state, checked };
}

describe.each(testedReleases())('contract: the reducer equals the server record, codex %s', (release) => {
  it('plain turn', { timeout: TEST_TIMEOUT }, async () => {
    const chunks = ['Hello', ' from', ' the', ' stand-in.'];
    const { state, checked, rec } = await runScenario(
      release,
      'plain',
      [{ kind: 'message', text: chunks.join(''), chunks }],
      [{ prompt: 'Say hello' }],
    );
    expect(checked).toBe(chunks.length);
    const turn = turnAt(state, rec.threadId, 0);
    expect(finalAgentText(turn)).toBe('Hello from the stand-in.');
    expect(turn.items.map((i) => i.type)).toEqual(['userMessage', 'agentMessage']);
    expect(turn.usage).toMatchObject({ total: { totalTokens: 15 }, exact: true });
  });

  for (const decision of ['accept', 'decline'] as const) {
    it(`command approval: ${decision}`, { timeout: TEST_TIMEOUT }, async () => {
      const { state, rec } = await runScenario(
        release,
        `approval-${decision}`,
        [
          { kind: 'shell', command: `echo state-${decision}; sleep 0.3; echo second`, callId: 'call_state' },
          { kind: 'message', text: `Done (${decision}).` },
        ],
        [{ prompt: 'Run it' }],
        decision,
      );
      const turn = turnAt(state, rec.threadId, 0);
      const shown = displayItems(turn);
      expect(shown.map((i) => i.type)).toEqual(['userMessage', 'commandExecution', 'agentMessage']);
      const cmd = must(shown[1], 'the command item');
      expect(cmd.type === 'commandExecution' && cmd.status).toBe(decision === 'accept' ? 'completed' : 'declined');
      // The server records a declined command nowhere; the state keeps it off the record.
      expect(turn.offRecord.map((o) => o.reason)).toEqual(decision === 'accept' ? [] : ['declined']);
      // turn/completed alone carries only part of the turn: the state must not rely on it.
      const completed = notificationsOf(rec.transcript).find((n) => n.method === 'turn/completed');
      expect(completed?.method === 'turn/completed' && completed.params.turn.items.length).toBeLessThan(shown.length);
      // Two model calls of 15 tokens each.
      expect(turn.usage).toMatchObject({ total: { totalTokens: 30 }, lastCall: { totalTokens: 15 }, exact: true });
    });
  }

  it(
    'interrupt: the unfinished message is closed out, usage of a turn without model call is zero',
    {
      timeout: TEST_TIMEOUT,
    },
    async () => {
      const { state, rec, checked } = await runScenario(
        release,
        'interrupt',
        [
          { kind: 'message', text: 'First answer.' },
          { kind: 'stall', chunks: ['Thinking'] },
        ],
        [{ prompt: 'First' }, { prompt: 'Second', interruptAfterFirstDelta: true }],
      );
      expect(checked).toBeGreaterThanOrEqual(2);
      const first = turnAt(state, rec.threadId, 0);
      const second = turnAt(state, rec.threadId, 1);
      expect(second.status).toBe('interrupted');
      expect(second.offRecord).toHaveLength(1);
      expect(second.offRecord[0]).toMatchObject({
        reason: 'unfinished',
        closedBy: 'interrupted',
        index: 1,
        item: { text: 'Thinking' },
      });
      expect(second.openItemIds).toEqual([]);
      expect(finalAgentText(second)).toBe('Thinking');
      // The server repeats the previous call as `last` for the interrupted turn; the derived usage does not.
      const usageUpdates = rec.transcript
        .map(
          (m) =>
            m.msg as { method?: string; params?: { turnId: string; tokenUsage: { last: { totalTokens: number } } } },
        )
        .filter((m) => m.method === 'thread/tokenUsage/updated' && m.params?.turnId === second.id);
      expect(usageUpdates.at(-1)?.params?.tokenUsage.last.totalTokens).toBe(15);
      expect(first.usage).toMatchObject({ total: { totalTokens: 15 }, lastCall: { totalTokens: 15 } });
      expect(second.usage).toMatchObject({ total: { totalTokens: 0 }, lastCall: null, exact: true });
    },
  );

  it('model error', { timeout: TEST_TIMEOUT }, async () => {
    const { state, rec } = await runScenario(
      release,
      'model-error',
      [{ kind: 'httpError', status: 400, message: 'stand-in refuses this request' }],
      [{ prompt: 'Fail please' }],
    );
    const turn = turnAt(state, rec.threadId, 0);
    expect(turn.status).toBe('failed');
    expect(turn.error?.message).toContain('stand-in refuses this request');
    expect(turn.errors.length).toBeGreaterThanOrEqual(1);
  });

  it('stream failure mid-turn (response.failed)', { timeout: TEST_TIMEOUT }, async () => {
    const { state, rec } = await runScenario(
      release,
      'stream-failed',
      [{ kind: 'failed', code: 'invalid_prompt', message: 'stand-in stream failure' }],
      [{ prompt: 'Fail in the stream' }],
    );
    const turn = turnAt(state, rec.threadId, 0);
    expect(turn.status).toBe('failed');
  });

  it(
    'multi-item turn: reasoning (summary parts, raw text), web search, message',
    { timeout: TEST_TIMEOUT },
    async () => {
      const { state, rec, checked } = await runScenario(
        release,
        'multi-item',
        [
          { kind: 'raw', events: multiItemEvents(0) },
          { kind: 'message', text: 'Second turn.' },
        ],
        [{ prompt: 'Think, search, answer' }, { prompt: 'Again' }],
      );
      expect(checked).toBeGreaterThanOrEqual(5);
      const first = turnAt(state, rec.threadId, 0);
      const second = turnAt(state, rec.threadId, 1);
      expect(first.items.map((i) => i.type)).toEqual(['userMessage', 'reasoning', 'webSearch', 'agentMessage']);
      expect(finalAgentText(first)).toBe('Two items and a message.');
      expect(first.usage?.total.totalTokens).toBe(42);
      expect(second.usage).toMatchObject({ total: { totalTokens: 15 }, before: { totalTokens: 42 } });
    },
  );
});
