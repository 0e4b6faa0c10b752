/**
 * Per-turn token usage. The server reports the thread's cumulative `total`
 * and its `last` model call with every `thread/tokenUsage/updated`; `last`
 * is not the turn's usage (a turn may call the model several times, and a
 * turn interrupted before any call gets the previous call repeated). The
 * turn's own usage is the difference of totals.
 * @module
 */
import type { ThreadTokenUsage, TokenUsageBreakdown } from '@cask/protocol';
import type { TurnUsage } from './types.js';

/**
 * The turn's usage from the thread total before the turn (`null` when
 * unknown: then estimated as `total − last`, `exact: false`) and the latest
 * thread usage reported for the turn.
 */
export function deriveTurnUsage(before: TokenUsageBreakdown | null, usage: ThreadTokenUsage): TurnUsage {
  const base = before ?? subtract(usage.total, usage.last);
  const total = subtract(usage.total, base);
  return { total, lastCall: total.totalTokens > 0 ? usage.last : null, exact: before !== null, before: base };
}

/**
 * `a − b`, field by field. `cacheWriteInputTokens` is a serde default upstream ("absent means 0"), so a server
 * may omit it even though our type, like upstream's, says it is always there: it counts as 0 when absent.
 */
export function subtract(a: TokenUsageBreakdown, b: TokenUsageBreakdown): TokenUsageBreakdown {
  const out: TokenUsageBreakdown = {
    totalTokens: a.totalTokens - b.totalTokens,
    inputTokens: a.inputTokens - b.inputTokens,
    cachedInputTokens: a.cachedInputTokens - b.cachedInputTokens,
    cacheWriteInputTokens: cacheWrites(a) - cacheWrites(b),
    outputTokens: a.outputTokens - b.outputTokens,
    reasoningOutputTokens: a.reasoningOutputTokens - b.reasoningOutputTokens,
  };
  return out;
}

/** `cacheWriteInputTokens`, or 0 where an older server left it out. */
function cacheWrites(usage: { readonly cacheWriteInputTokens?: number }): number {
  return usage.cacheWriteInputTokens ?? 0;
}
