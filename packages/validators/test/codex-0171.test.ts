/**
 * Payloads whose shape changed with codex 0.171: what a 0.171 server sends is accepted, and where 0.171 narrowed a
 * type the 0.169 shape is rejected with a message naming what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { validateClientRequest, validateServerNotification, validateServerResult } from '../src/index.js';

const agentMessage = (moderation: unknown) => ({
  threadId: 'thr_1',
  turnId: 'turn_1',
  completedAtMs: 1,
  item: { type: 'agentMessage', id: 'item_1', text: 'hi', moderation },
});

describe('codex 0.171 shapes', () => {
  it('accepts every AgentMessageDisplay mode a 0.171 server sends, and rejects the 0.169 shape naming `mode`', () => {
    for (const display of [
      { mode: 'show', version: 1, trustedContacts: 'check' },
      {
        mode: 'show',
        version: 1,
        trustedContacts: 'skip',
        annotation: { kind: 'wellbeingHelpline', subject: 'prompt' },
      },
      { mode: 'hide', version: 1, replacement: { kind: 'wellbeingPromptHelpline' } },
      { mode: 'block', version: 1, reason: { kind: 'protection', protectionType: 'self_harm' } },
      { mode: 'block', version: 1, reason: { kind: 'cyber', trustedAccess: null } },
    ]) {
      const r = validateServerNotification('item/completed', agentMessage({ moderated: true, display }));
      expect(r.ok, JSON.stringify(display) + (r.ok ? '' : ` ${r.message}`)).toBe(true);
    }
    const old = validateServerNotification(
      'item/completed',
      agentMessage({ moderated: true, display: { action: 'hide', blockType: null } }),
    );
    expect(old.ok).toBe(false);
    if (!old.ok) expect(old.message).toMatch(/mode/);
    // `version` is a uint8 pinned to 1.
    const v2 = validateServerNotification(
      'item/completed',
      agentMessage({ moderated: true, display: { mode: 'show', version: 2, trustedContacts: 'check' } }),
    );
    expect(v2.ok).toBe(false);
  });

  it('accepts the new methods and fields, and checks their types', () => {
    expect(validateClientRequest('modelProvider/default/set', { providerId: 'openai' }).ok).toBe(true);
    expect(validateClientRequest('modelProvider/default/set', {}).ok).toBe(false);
    expect(
      validateServerResult('modelProvider/default/set', { status: 'ok', version: 'v', filePath: '/tmp/config.toml' })
        .ok,
    ).toBe(true);
    expect(validateServerNotification('thread/search/partial', { requestId: 3, data: [] }).ok).toBe(true);
    expect(validateServerNotification('account/updated', { reason: 'workspaceRoutingReady' }).ok).toBe(true);
    expect(validateServerNotification('account/updated', { reason: 'elsewhere' }).ok).toBe(false);
    expect(validateClientRequest('thread/list', { includedThreadIds: ['thr_1'] }).ok).toBe(true);
    expect(validateClientRequest('thread/list', { includedThreadIds: 'thr_1' }).ok).toBe(false);
    expect(
      validateServerNotification('mcpServer/startupStatus/updated', {
        name: 's',
        status: 'ready',
        environmentId: 'local',
        threadId: null,
      }).ok,
    ).toBe(true);
    expect(validateClientRequest('thread/realtime/list', { threadId: 't' }).ok).toBe(false); // experimental only
    expect(validateClientRequest('thread/realtime/list', { threadId: 't' }, { experimental: true }).ok).toBe(true);
  });

  it("checks the names the server sends where upstream's schema spells them differently (x-wire-name)", () => {
    // The server sends camelCase here (serde rename_all_fields; see test-support/contract/test/timeline-names.test.ts);
    // upstream's schema, and so schema/json*, keeps the Rust names with an `x-wire-name` annotation.
    const page = (entry: unknown) => ({ data: [entry], nextCursor: null, activeRealtimeSessionAtPageStart: null });
    const wire = { type: 'turnStarted', position: 0, turnId: 'turn_1', startedAt: 1 };
    const r = validateServerResult('thread/timeline/list', page(wire), { experimental: true });
    expect(r.ok, r.ok ? '' : r.message).toBe(true);
    const rust = { type: 'turnStarted', position: 0, turn_id: 'turn_1', started_at: 1 };
    const bad = validateServerResult('thread/timeline/list', page(rust), { experimental: true });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/turnId/);
  });
});
