import { describe, expect, it } from 'vitest';
import type { ThreadItem } from '@cask/protocol';
import {
  addSummaryPart,
  applyTextDelta,
  deltaItemType,
  itemText,
  placeholderItem,
  type TextDeltaTarget,
} from '../../src/state/items.js';
import { agentMessage, commandExecution, mcpToolCall, userMessage } from './builders.js';

const AGENT: TextDeltaTarget = { kind: 'agentMessage' };
const PLAN: TextDeltaTarget = { kind: 'plan' };
const OUTPUT: TextDeltaTarget = { kind: 'commandOutput' };
const summaryAt = (index: number): TextDeltaTarget => ({ kind: 'reasoningSummary', index });
const textAt = (index: number): TextDeltaTarget => ({ kind: 'reasoningText', index });

const plan: ThreadItem = { type: 'plan', id: 'p', text: 'a' };
const reasoning: ThreadItem = { type: 'reasoning', id: 'r', summary: ['s'], content: [] };
const msg = agentMessage({ id: 'm', text: 'hi' });
const cmd = commandExecution({ id: 'c', command: 'ls', cwd: '/', status: 'inProgress' });

describe('deltaItemType', () => {
  it('names the item kind each delta target belongs to', () => {
    expect(deltaItemType(AGENT)).toBe('agentMessage');
    expect(deltaItemType(PLAN)).toBe('plan');
    expect(deltaItemType(OUTPUT)).toBe('commandExecution');
    expect(deltaItemType(summaryAt(0))).toBe('reasoning');
    expect(deltaItemType(textAt(1))).toBe('reasoning');
  });
});

describe('placeholderItem', () => {
  it('builds an empty item of the kind the delta targets', () => {
    expect(placeholderItem('m', AGENT)).toEqual(agentMessage({ id: 'm', text: '' }));
    expect(placeholderItem('p', PLAN)).toEqual({ type: 'plan', id: 'p', text: '' });
    expect(placeholderItem('c', OUTPUT)).toEqual(
      commandExecution({ id: 'c', command: '', cwd: '', status: 'inProgress' }),
    );
    expect(placeholderItem('r', summaryAt(2))).toEqual({ type: 'reasoning', id: 'r', summary: [], content: [] });
    expect(placeholderItem('r', textAt(0))).toEqual({ type: 'reasoning', id: 'r', summary: [], content: [] });
  });
});

describe('applyTextDelta', () => {
  it('appends to the field the target names', () => {
    expect(applyTextDelta(msg, AGENT, '!')).toEqual({ ...msg, text: 'hi!' });
    expect(applyTextDelta(plan, PLAN, 'b')).toEqual({ ...plan, text: 'ab' });
    expect(applyTextDelta(cmd, OUTPUT, 'out')).toEqual({ ...cmd, aggregatedOutput: 'out' });
    expect(applyTextDelta({ ...cmd, aggregatedOutput: 'x' }, OUTPUT, 'y')).toMatchObject({ aggregatedOutput: 'xy' });
    expect(applyTextDelta(reasoning, summaryAt(0), '!')).toEqual({ ...reasoning, summary: ['s!'] });
    expect(applyTextDelta(reasoning, summaryAt(2), 'z')).toEqual({ ...reasoning, summary: ['s', '', 'z'] });
    expect(applyTextDelta(reasoning, textAt(1), 't')).toEqual({ ...reasoning, content: ['', 't'] });
  });

  it('answers undefined for an item of another kind', () => {
    expect(applyTextDelta(plan, AGENT, 'x')).toBeUndefined();
    expect(applyTextDelta(msg, PLAN, 'x')).toBeUndefined();
    expect(applyTextDelta(msg, OUTPUT, 'x')).toBeUndefined();
    expect(applyTextDelta(msg, summaryAt(0), 'x')).toBeUndefined();
    expect(applyTextDelta(cmd, textAt(0), 'x')).toBeUndefined();
  });
});

describe('addSummaryPart', () => {
  it('returns the item itself when the part exists, else pads the summary up to it', () => {
    expect(addSummaryPart(reasoning, 0)).toBe(reasoning);
    expect(addSummaryPart(reasoning, 1)).toEqual({ ...reasoning, summary: ['s', ''] });
    expect(addSummaryPart(reasoning, 3)).toEqual({ ...reasoning, summary: ['s', '', '', ''] });
    expect(addSummaryPart(msg, 0)).toBeUndefined();
  });
});

describe('itemText', () => {
  it('reads the main text of each kind', () => {
    const withImage = userMessage({
      id: 'u',
      content: [
        { type: 'text', text: 'look', text_elements: [] },
        { type: 'image', url: 'http://x' },
      ],
    });
    expect(itemText(withImage)).toBe('look\n[image]');
    expect(itemText(msg)).toBe('hi');
    expect(itemText(plan)).toBe('a');
    expect(itemText({ type: 'reasoning', id: 'r', summary: ['a', 'b'], content: [] })).toBe('a\n\nb');
    expect(itemText(cmd)).toBe('ls');
    expect(itemText(mcpToolCall({ id: 't', server: 'srv', tool: 'get', status: 'completed', arguments: {} }))).toBe(
      'srv.get',
    );
    expect(itemText({ type: 'functionCallOutput', id: 'f', name: 'fn', namespace: null, output: 'done' })).toBe('done');
    expect(itemText({ type: 'functionCallOutput', id: 'f', name: 'fn', namespace: null, output: [] })).toBe(
      '[fn output]',
    );
    const dynamic = {
      type: 'dynamicToolCall',
      id: 'd',
      tool: 'run',
      arguments: {},
      status: 'completed',
      contentItems: null,
      success: true,
      durationMs: null,
    } as const;
    expect(itemText({ ...dynamic, namespace: 'ns' })).toBe('ns.run');
    expect(itemText({ ...dynamic, namespace: null })).toBe('run');
    expect(itemText({ type: 'sleep', id: 's', durationMs: 20 })).toBe('20 ms');
    expect(itemText({ type: 'contextCompaction', id: 'k' })).toBe('');
    const fragments = [
      { hookRunId: 'h', text: 'one' },
      { hookRunId: 'h', text: 'two' },
    ];
    expect(itemText({ type: 'hookPrompt', id: 'h', fragments })).toBe('one\ntwo');
    const changes = [
      { path: 'a.ts', kind: { type: 'add' as const }, diff: '' },
      { path: 'b.ts', kind: { type: 'delete' as const }, diff: '' },
    ];
    expect(itemText({ type: 'fileChange', id: 'f', changes, status: 'completed' })).toBe('a.ts, b.ts');
  });
});
