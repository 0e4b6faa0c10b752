// Compile-time: a client user gets the protocol types from @cask/client alone.
import { expectTypeOf, test } from 'vitest';
import type {
  ConversationState,
  Thread,
  ThreadItem,
  ThreadTokenUsage,
  TokenUsageBreakdown,
  Turn,
  TurnResult,
  TurnState,
  UserInput,
} from '../../src/index.js';

test('protocol types are re-exported', () => {
  expectTypeOf<Turn['items']>().toEqualTypeOf<ThreadItem[]>();
  expectTypeOf<Thread['turns']>().toEqualTypeOf<Turn[]>();
  expectTypeOf<ThreadTokenUsage['last']>().toEqualTypeOf<TokenUsageBreakdown>();
  expectTypeOf<TurnResult['items']>().toEqualTypeOf<readonly ThreadItem[]>();
  expectTypeOf<ConversationState['threads'][string]['turns'][number]>().toEqualTypeOf<TurnState>();
  expectTypeOf<Extract<UserInput, { type: 'text' }>['text']>().toEqualTypeOf<string>();
});
