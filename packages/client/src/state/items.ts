/**
 * Item helpers: applying streamed deltas to a {@link ThreadItem}, and reading
 * an item's display text. Both switch over every item kind, so a kind added
 * to the protocol fails to compile here until it is handled.
 * @module
 */
import type { ThreadItem } from '@cask/protocol';
import { appendText } from './text.js';

/** Which field of which item kind a delta notification appends to. */
export type TextDeltaTarget =
  | { kind: 'agentMessage' }
  | { kind: 'plan' }
  | { kind: 'commandOutput' }
  | { kind: 'reasoningSummary'; index: number }
  | { kind: 'reasoningText'; index: number };

/** The item kind a delta target belongs to. */
export function deltaItemType(target: TextDeltaTarget): ThreadItem['type'] {
  switch (target.kind) {
    case 'agentMessage':
      return 'agentMessage';
    case 'plan':
      return 'plan';
    case 'commandOutput':
      return 'commandExecution';
    case 'reasoningSummary':
    case 'reasoningText':
      return 'reasoning';
  }
}

/** An empty item of the kind a delta targets, for a delta whose item never started (a gap). */
export function placeholderItem(id: string, target: TextDeltaTarget): ThreadItem {
  switch (target.kind) {
    case 'agentMessage':
      return {
        type: 'agentMessage',
        id,
        text: '',
        moderation: null,
        phase: null,
        memoryCitation: null,
        delivery: null,
        questions: null,
      };
    case 'plan':
      return { type: 'plan', id, text: '' };
    case 'commandOutput':
      return {
        type: 'commandExecution',
        id,
        pluginId: null,
        scriptPath: null,
        command: '',
        cwd: '',
        processId: null,
        status: 'inProgress',
        source: 'agent',
        commandActions: [],
        aggregatedOutput: null,
        exitCode: null,
        durationMs: null,
      };
    case 'reasoningSummary':
    case 'reasoningText':
      return { type: 'reasoning', id, summary: [], content: [] };
  }
}

/**
 * The item with `delta` appended where `target` says, or `undefined` when
 * the item is of another kind (the delta then does not belong to it).
 */
export function applyTextDelta(item: ThreadItem, target: TextDeltaTarget, delta: string): ThreadItem | undefined {
  switch (target.kind) {
    case 'agentMessage':
      return item.type === 'agentMessage' ? { ...item, text: appendText(item.text, delta) } : undefined;
    case 'plan':
      return item.type === 'plan' ? { ...item, text: appendText(item.text, delta) } : undefined;
    case 'commandOutput':
      return item.type === 'commandExecution'
        ? { ...item, aggregatedOutput: appendText(item.aggregatedOutput ?? '', delta) }
        : undefined;
    case 'reasoningSummary':
      return item.type === 'reasoning' ? { ...item, summary: appendAt(item.summary, target.index, delta) } : undefined;
    case 'reasoningText':
      return item.type === 'reasoning' ? { ...item, content: appendAt(item.content, target.index, delta) } : undefined;
  }
}

/** A reasoning item with summary part `index` present (`item/reasoning/summaryPartAdded`). */
export function addSummaryPart(item: ThreadItem, index: number): ThreadItem | undefined {
  if (item.type !== 'reasoning') return undefined;
  const summary = item.summary;
  if (summary.length > index) return item;
  return { ...item, summary: appendAt(summary, index, '') };
}

function appendAt(parts: readonly string[], index: number, delta: string): string[] {
  const out = parts.slice();
  while (out.length <= index) out.push('');
  out[index] = appendText(out[index] ?? '', delta);
  return out;
}

/**
 * The main text of an item, for a one-line display or a transcript: the
 * message or plan text, the command line, the tool name, the search query,
 * and so on. Empty for items that have no text (e.g. `contextCompaction`).
 */
export function itemText(item: ThreadItem): string {
  switch (item.type) {
    case 'userMessage':
      return item.content.map((c) => (c.type === 'text' ? c.text : `[${c.type}]`)).join('\n');
    case 'hookPrompt':
      return item.fragments.map((f) => f.text).join('\n');
    case 'agentMessage':
    case 'plan':
      return item.text;
    case 'functionCallOutput':
      return typeof item.output === 'string' ? item.output : `[${item.name} output]`;
    case 'reasoning':
      return item.summary.join('\n\n');
    case 'commandExecution':
      return item.command;
    case 'fileChange':
      return item.changes.map((c) => c.path).join(', ');
    case 'mcpToolCall':
      return `${item.server}.${item.tool}`;
    case 'dynamicToolCall':
      return item.namespace ? `${item.namespace}.${item.tool}` : item.tool;
    case 'collabAgentToolCall':
      return item.prompt ?? item.tool;
    case 'subAgentActivity':
      return `${item.agentPath} ${item.kind}`;
    case 'webSearch':
      return item.query;
    case 'imageView':
      return item.path;
    case 'sleep':
      return `${item.durationMs} ms`;
    case 'imageGeneration':
      return item.revisedPrompt ?? item.status;
    case 'enteredReviewMode':
    case 'exitedReviewMode':
      return item.review;
    case 'contextCompaction':
      return '';
  }
}
