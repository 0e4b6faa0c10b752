/**
 * Test helper: legal notification sequences for one thread, shaped like the
 * real server's (see the recorded transcripts in `test/fixtures/state/`).
 */
import type { StateNotification } from '../../src/state/index.js';

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

const usage = (total: number) => ({
  totalTokens: total,
  inputTokens: total,
  cachedInputTokens: 0,
  outputTokens: 0,
  reasoningOutputTokens: 0,
});

/** The notifications of a thread running the given turns, in server order. */
export function threadEvents(threadId: string, turns: TurnSpec[]): StateNotification[] {
  const out: StateNotification[] = [];
  let total = 0;
  let last = 0;
  turns.forEach((spec, n) => {
    const turnId = `${threadId}-turn-${n}`;
    const turn = { id: turnId, items: [], status: 'inProgress' as const };
    out.push({ method: 'turn/started', params: { threadId, turn } });
    const user = {
      type: 'userMessage' as const,
      id: `${turnId}-user`,
      content: [{ type: 'text' as const, text: `prompt ${n}`, text_elements: [] }],
    };
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
      const cmd = {
        type: 'commandExecution' as const,
        id,
        command: 'ls',
        cwd: '/w',
        status: 'inProgress' as const,
        commandActions: [],
        aggregatedOutput: null,
      };
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
      params: { threadId, turnId, item: { type: 'agentMessage', id: msgId, text: '' }, startedAtMs: 5 },
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
          item: { type: 'agentMessage', id: msgId, text: spec.deltas.join('') },
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
        params: { threadId, turnId, tokenUsage: { total: usage(total), last: usage(last) } },
      });
    }
    out.push({
      method: 'turn/completed',
      params: { threadId, turn: { ...turn, status: spec.interrupt ? 'interrupted' : 'completed' } },
    });
  });
  return out;
}
