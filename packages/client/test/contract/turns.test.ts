/**
 * Contract tests against the REAL `codex app-server`, driven offline by the model stand-in: the same scenarios
 * against the pinned release and every compatibility release of `codex-release.json`, with default client options.
 */
import { testedReleases } from '@cask/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientEvent, NotificationEvent, ProtocolIssue } from '../../src/index.js';
import {
  collectUntil,
  PROTOCOL_GAP_NOTIFICATIONS,
  staleGaps,
  startHarness,
  transcriptFailures,
  transcriptGaps,
  type Harness,
} from './harness.js';

const TEST_TIMEOUT = 60_000;

function notificationsOf<M extends NotificationEvent['method']>(events: ClientEvent[], method: M) {
  return events.filter(
    (e): e is Extract<NotificationEvent, { method: M }> => e.kind === 'notification' && e.method === method,
  );
}

const isTurnCompleted = (e: ClientEvent) => e.kind === 'notification' && e.method === 'turn/completed';

describe.each(testedReleases())('contract: real codex app-server %s', (release) => {
  let h: Harness | undefined;

  afterEach(async () => {
    const current = h;
    h = undefined;
    if (!current) return;
    await current.close();
    expect(current.transcript.length).toBeGreaterThan(0);
    expect(staleGaps(), 'the protocol now covers these; remove them from PROTOCOL_GAP_NOTIFICATIONS').toEqual([]);
    const gaps = transcriptGaps(current.transcript);
    if (gaps.length) console.warn(`not validated (missing from @cask/protocol): ${[...new Set(gaps)].join(', ')}`);
    const failures = transcriptFailures(current.transcript);
    expect(failures, `messages failing schema validation:\n${failures.join('\n')}`).toEqual([]);
  });

  it('runs a plain turn with streamed agent message deltas', { timeout: TEST_TIMEOUT }, async () => {
    const chunks = ['Hello', ' from', ' the', ' stand-in.'];
    // Live validation through @cask/validators too (loaded by the client itself).
    const issues: ProtocolIssue[] = [];
    h = await startHarness(
      [{ kind: 'message', text: chunks.join(''), chunks }],
      { validate: 'warn', onProtocolIssue: (i) => issues.push(i) },
      release,
    );
    const { client } = h;
    expect(h.client.initializeResponse.codexHome).toBe(h.home.dir);
    // The server really is the release under test (its user agent carries the version).
    expect(h.client.initializeResponse.userAgent).toContain(`/${release} `);

    const events = client.events();
    const { thread } = await client.request('thread/start', { cwd: h.home.workspace, approvalPolicy: 'never' });
    const { turn } = await client.request('turn/start', {
      threadId: thread.id,
      input: [{ type: 'text', text: 'Say hello', text_elements: [] }],
    });
    expect(turn.status).toBe('inProgress');
    const seen = await collectUntil(events, isTurnCompleted);
    await events.return!();

    const deltas = notificationsOf(seen, 'item/agentMessage/delta');
    expect(deltas.map((d) => d.params.delta)).toEqual(chunks);
    expect(new Set(deltas.map((d) => d.params.turnId))).toEqual(new Set([turn.id]));
    const completedMessages = notificationsOf(seen, 'item/completed')
      .map((n) => n.params.item)
      .filter((item) => item.type === 'agentMessage');
    expect(completedMessages.map((i) => (i as { text: string }).text)).toEqual([chunks.join('')]);
    const done = notificationsOf(seen, 'turn/completed');
    expect(done).toHaveLength(1);
    expect(done[0]!.params.turn.id).toBe(turn.id);
    expect(done[0]!.params.turn.status).toBe('completed');

    // The stand-in saw exactly one model request carrying the prompt.
    const reqs = h.standIn.responsesRequests();
    expect(reqs).toHaveLength(1);
    expect(JSON.stringify(reqs[0]!.body)).toContain('Say hello');
    const unexpected = issues.filter((i) => !PROTOCOL_GAP_NOTIFICATIONS.some((m) => i.subject.endsWith(` ${m}`)));
    expect(unexpected, JSON.stringify(unexpected, null, 1)).toEqual([]);
    expect(issues.length).toBe(transcriptGaps(h.transcript).length);
  });

  for (const decision of ['accept', 'decline'] as const) {
    it(`asks for command approval and the client answers ${decision}`, { timeout: TEST_TIMEOUT }, async () => {
      // The pause makes the server stream output deltas; a command that ends at once only reports aggregatedOutput.
      const command = `echo cask-${decision}-marker; sleep 0.3; echo second-line`;
      h = await startHarness(
        [
          { kind: 'shell', command, callId: 'call_contract' },
          { kind: 'message', text: `Done (${decision}).` },
        ],
        {},
        release,
      );
      const { client } = h;
      const approvals: Array<{ id: unknown; command: unknown; itemId: string }> = [];
      client.onServerRequest('item/commandExecution/requestApproval', (params, ctx) => {
        approvals.push({ id: ctx.id, command: params.command, itemId: params.itemId });
        return { decision };
      });
      const events = client.events();
      const { thread } = await client.request('thread/start', { cwd: h.home.workspace, approvalPolicy: 'untrusted' });
      await client.request('turn/start', {
        threadId: thread.id,
        input: [{ type: 'text', text: 'Run the marker command', text_elements: [] }],
      });
      const seen = await collectUntil(events, isTurnCompleted);
      await events.return!();

      // One approval request, for our command, with the server's first request id (0).
      expect(approvals).toHaveLength(1);
      expect(approvals[0]!.id).toBe(0);
      expect(String(approvals[0]!.command)).toContain(command);
      expect(approvals[0]!.itemId).toBe('call_contract');
      const requestEvents = seen.filter((e) => e.kind === 'serverRequest');
      expect(requestEvents.map((e) => e.method)).toEqual(['item/commandExecution/requestApproval']);
      // The server confirms the request was resolved.
      expect(notificationsOf(seen, 'serverRequest/resolved').map((n) => n.params.requestId)).toEqual([0]);
      // Our answer went out on the wire.
      const answer = h.transcript.find((t) => t.dir === 'c2s' && 'result' in t.msg && t.msg.id === 0);
      expect(answer?.msg).toEqual({ id: 0, result: { decision } });

      const commandItems = notificationsOf(seen, 'item/completed')
        .map((n) => n.params.item)
        .filter((item) => item.type === 'commandExecution') as Array<{
        id: string;
        status: string;
        aggregatedOutput?: string | null;
        exitCode?: number | null;
      }>;
      expect(commandItems).toHaveLength(1);
      const output = notificationsOf(seen, 'item/commandExecution/outputDelta')
        .map((n) => n.params.delta)
        .join('');
      if (decision === 'accept') {
        expect(commandItems[0]!.status).toBe('completed');
        expect(commandItems[0]!.exitCode).toBe(0);
        expect(commandItems[0]!.aggregatedOutput).toContain(`cask-${decision}-marker`);
        expect(commandItems[0]!.aggregatedOutput).toContain('second-line');
        // Observed with 0.169 and 0.171: output written before the server starts streaming (here the
        // first line) is only in aggregatedOutput; later output also arrives as deltas.
        expect(output).toContain('second-line');
        expect(commandItems[0]!.aggregatedOutput!.endsWith(output)).toBe(true);
      } else {
        expect(commandItems[0]!.status).toBe('declined');
        expect(output).toBe('');
      }
      // The model got the tool result on its second request.
      const reqs = h.standIn.responsesRequests();
      expect(reqs).toHaveLength(2);
      const input = (reqs[1]!.body as { input: Array<Record<string, unknown>> }).input;
      const toolOutput = input.find((i) => i['type'] === 'function_call_output' && i['call_id'] === 'call_contract');
      expect(toolOutput, 'function_call_output sent back to the model').toBeDefined();
      if (decision === 'accept') expect(String(toolOutput!['output'])).toContain(`cask-${decision}-marker`);
      else expect(String(toolOutput!['output'])).toMatch(/reject/i);
      const done = notificationsOf(seen, 'turn/completed');
      expect(done[0]!.params.turn.status).toBe('completed');
    });
  }

  it('reports a model failure as an error notification and a failed turn', { timeout: TEST_TIMEOUT }, async () => {
    h = await startHarness([{ kind: 'httpError', status: 400, message: 'stand-in refuses this request' }], {}, release);
    const { client } = h;
    const events = client.events();
    const { thread } = await client.request('thread/start', { cwd: h.home.workspace, approvalPolicy: 'never' });
    const { turn } = await client.request('turn/start', {
      threadId: thread.id,
      input: [{ type: 'text', text: 'Fail please', text_elements: [] }],
    });
    const seen = await collectUntil(events, isTurnCompleted);
    await events.return!();
    const errors = notificationsOf(seen, 'error');
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(errors.at(-1)!.params)).toContain('stand-in refuses this request');
    const done = notificationsOf(seen, 'turn/completed');
    expect(done[0]!.params.turn.id).toBe(turn.id);
    expect(done[0]!.params.turn.status).toBe('failed');
    expect(JSON.stringify(done[0]!.params.turn.error)).toContain('stand-in refuses this request');
    expect(h.standIn.responsesRequests()).toHaveLength(1);
  });

  it('interrupts a turn whose model stream has stalled', { timeout: TEST_TIMEOUT }, async () => {
    h = await startHarness([{ kind: 'stall', chunks: ['Thinking'] }], {}, release);
    const { client } = h;
    const events = client.events();
    const { thread } = await client.request('thread/start', { cwd: h.home.workspace, approvalPolicy: 'never' });
    const { turn } = await client.request('turn/start', {
      threadId: thread.id,
      input: [{ type: 'text', text: 'Take forever', text_elements: [] }],
    });
    // Wait until the stalled stream is open and its first delta has reached us.
    const before = await collectUntil(
      events,
      (e) => e.kind === 'notification' && e.method === 'item/agentMessage/delta',
    );
    expect(notificationsOf(before, 'item/agentMessage/delta')[0]!.params.delta).toBe('Thinking');
    const result = await client.request('turn/interrupt', { threadId: thread.id, turnId: turn.id });
    expect(result).toEqual({});
    const after = await collectUntil(events, isTurnCompleted, 15_000);
    await events.return!();
    const done = notificationsOf(after, 'turn/completed');
    expect(done[0]!.params.turn.id).toBe(turn.id);
    expect(done[0]!.params.turn.status).toBe('interrupted');
    expect(h.standIn.responsesRequests()).toHaveLength(1);
  });
});

describe('contract transcript check', () => {
  it('flags invalid params, invalid results (matched by id) and unknown methods', () => {
    const failures = transcriptFailures([
      { dir: 'c2s', msg: { id: 7, method: 'turn/interrupt', params: { threadId: 't' } } },
      { dir: 'c2s', msg: { id: 8, method: 'thread/start', params: {} } },
      { dir: 's2c', msg: { id: 8, result: { thread: 5 } } },
      { dir: 's2c', msg: { method: 'no/such/notification', params: {} } },
      { dir: 's2c', msg: { method: 'account/rateLimits/updated', params: { rateLimits: {} } } },
    ]);
    expect(failures).toHaveLength(3);
    expect(failures[0]).toMatch(/^#0 c2s: .*turnId/);
    expect(failures[1]).toMatch(/^#2 s2c: .*thread/);
    expect(failures[2]).toMatch(/^#3 s2c: unknown server notification method "no\/such\/notification"/);
  });
});
