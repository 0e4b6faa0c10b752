/**
 * `@cask/client/state`: the conversation reducer on its own (no I/O), for
 * UIs that keep their state in a store. Also exported from `@cask/client`.
 * @packageDocumentation
 */
export { reduce, reduceAll, initialState, emptyThread, emptyTurn, resyncRequest } from './reduce.js';
export { resync, staleThreadIds, type ThreadReader } from './resync.js';
export { selectThread, selectTurn, finalAgentText, displayItems } from './selectors.js';
export { itemText, applyTextDelta, type TextDeltaTarget } from './items.js';
export { deriveTurnUsage, subtract as subtractUsage } from './usage.js';
export { appendText } from './text.js';
export {
  MAX_NOTICES,
  type ConversationState,
  type ItemProgress,
  type Notice,
  type StaleMarker,
  type StateEvent,
  type StateLagged,
  type StateNotification,
  type StateSnapshot,
  type ThreadState,
  type TurnState,
  type TurnUsage,
  type OffRecordItem,
} from './types.js';
