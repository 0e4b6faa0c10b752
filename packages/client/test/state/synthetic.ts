/**
 * Test helper: legal notification sequences for one thread, shaped like the
 * real server's (see the recorded transcripts in `test/fixtures/state/`).
 */
import type { StateNotification } from '../../src/state/index.js';
import { agentMessage, commandExecution, tokenUsage, turn as turnOf, usage, userMessage } from './builders.js';

/** What one synthetic turn does. */
export interface TurnSpec {
  /** Agent message deltas. */
  deltas: string[];
  /** Reasoning summary deltas (one part). */
  reasoning?: string[];
  /** Command output deltas. */
  output?: string[];
  /** End as interrupted, leaving the agent message unfinished. */
  interrupt?: boolean;
  /** Tokens the model call used (0: no model call). */
  tokens?: number;
}

const inputOnly = (total: number) => usage({ totalTokens: total, inputTokens: total });

/** The notifications of a thread running the given turns, in server order. */
export function threadEvents(threadId: string, turns: TurnSpec[]): StateNotification[] {
  const out: StateNotification[] = [];
  let total = 0;
  let last = 0;
  turns.forEach((spec, n) => {
    const turnId = `${threadId}-turn-${n}`;
    // Like the real server's turn notifications, which do not load the turn's items.
    const turn = turnOf({ id: turnId, status: 'inProgress', itemsView: 'notLoaded' });
    out.push({ method: 'turn/started', params: { threadId, turn } });
    const user = userMessage({ id: `${turnId}-user`, text: `prompt ${n}` });
    out.push({ method: 'item/started', params: { threadId, turnId, item: user, startedAtMs: 1 } });
    out.push({ method: 'item/completed', params: { threadId, turnId, item: user, completedAtMs: 1 } });
    if (spec.reasoning?.length) {
      const id = `${turnId}-rs`;
      out.push({
        method: 'item/started',
        params: { threadId, turnId, item: { type: 'reasoning', id, summary: [], content: [] }, startedAtMs: 2 },
      });
      out.push({
        method: 'item/reasoning/summaryPartAdded',
        params: { threadId, turnId, itemId: id, summaryIndex: 0 },
      });
      for (const delta of spec.reasoning) {
        out.push({
          method: 'item/reasoning/summaryTextDelta',
          params: { threadId, turnId, itemId: id, summaryIndex: 0, delta },
        });
      }
      out.push({
        method: 'item/completed',
        params: {
          threadId,
          turnId,
          item: { type: 'reasoning', id, summary: [spec.reasoning.join('')], content: [] },
          completedAtMs: 3,
        },
      });
    }
    if (spec.output?.length) {
      const id = `${turnId}-cmd`;
      const cmd = commandExecution({ id, command: 'ls', cwd: '/w', status: 'inProgress' });
      out.push({ method: 'item/started', params: { threadId, turnId, item: cmd, startedAtMs: 3 } });
      for (const delta of spec.output) {
        out.push({ method: 'item/commandExecution/outputDelta', params: { threadId, turnId, itemId: id, delta } });
      }
      out.push({
        method: 'item/completed',
        params: {
          threadId,
          turnId,
          item: { ...cmd, status: 'completed', aggregatedOutput: spec.output.join(''), exitCode: 0 },
          completedAtMs: 4,
        },
      });
    }
    const msgId = `${turnId}-msg`;
    out.push({
      method: 'item/started',
      params: { threadId, turnId, item: agentMessage({ id: msgId, text: '' }), startedAtMs: 5 },
    });
    for (const delta of spec.deltas) {
      out.push({ method: 'item/agentMessage/delta', params: { threadId, turnId, itemId: msgId, delta } });
    }
    if (!spec.interrupt) {
      out.push({
        method: 'item/completed',
        params: {
          threadId,
          turnId,
          item: agentMessage({ id: msgId, text: spec.deltas.join('') }),
          completedAtMs: 6,
        },
      });
    }
    const tokens = spec.tokens ?? 0;
    if (tokens > 0) last = tokens;
    total += tokens;
    if (total > 0) {
      out.push({
        method: 'thread/tokenUsage/updated',
        params: { threadId, turnId, tokenUsage: tokenUsage({ total: inputOnly(total), last: inputOnly(last) }) },
      });
    }
    out.push({
      method: 'turn/completed',
      params: { threadId, turn: { ...turn, status: spec.interrupt ? 'interrupted' : 'completed' } },
    });
  });
  return out;
}
