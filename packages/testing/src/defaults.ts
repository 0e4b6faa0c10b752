/**
 * Shapes the fake answers with: a thread, a turn, the `thread/start` result,
 * modelled on what the pinned codex release sends (every required member present).
 * @module
 */
import { CODEX_RELEASE } from '@cask/protocol';
import type { JsonObject, JsonValue } from './script.js';

/** Where the fake says its files live (nothing is written there). */
export const FAKE_HOME = '/tmp/cask-fake-server';

/** A thread object as `thread/start` and `thread/read` carry it. */
export function threadObject(
  id: string,
  cwd: string,
  createdAt: number,
  preview: string,
  turns: JsonValue[],
): JsonObject {
  return {
    id,
    environments: [{ environmentId: 'local', cwd, runtimeWorkspaceRoots: [cwd] }],
    extra: null,
    sessionId: id,
    forkedFromId: null,
    attachedToThreadId: null,
    parentThreadId: null,
    preview,
    ephemeral: false,
    section: null,
    sectionEnteredAt: null,
    projectId: null,
    historyMode: 'paginated',
    modelProvider: 'cask_fake',
    model: 'cask-fake-model',
    reasoningEffort: null,
    createdAt,
    updatedAt: createdAt,
    recencyAt: createdAt,
    status: { type: 'idle' },
    path: null,
    cwd,
    cliVersion: CODEX_RELEASE,
    originator: 'cask_fake_server',
    source: 'vscode',
    canAcceptDirectInput: true,
    threadSource: null,
    agentNickname: null,
    agentRole: null,
    gitInfo: null,
    name: null,
    daybreakEnabled: null,
    turns,
  };
}

/** The result of `thread/start`. */
export function threadStartResult(thread: JsonObject, cwd: string, approvalPolicy: JsonValue): JsonObject {
  return {
    thread,
    model: 'cask-fake-model',
    modelProvider: 'cask_fake',
    serviceTier: null,
    disabledPluginIds: [],
    cwd,
    runtimeWorkspaceRoots: [cwd],
    instructionSources: [],
    approvalPolicy,
    approvalsReviewer: 'user',
    sandbox: { type: 'readOnly', networkAccess: false },
    activePermissionProfile: { id: ':read-only', extends: null },
    reasoningEffort: null,
    multiAgentMode: 'explicitRequestOnly',
  };
}

/** Status of a turn. */
export type TurnStatus = 'inProgress' | 'completed' | 'failed' | 'interrupted';

/** A turn object. */
export function turnObject(
  id: string,
  status: TurnStatus,
  items: JsonValue[],
  itemsView: 'notLoaded' | 'summary' | 'full',
  times: { startedAt: number | null; completedAt: number | null; durationMs: number | null },
  error: JsonValue = null,
): JsonObject {
  return { id, rootTurnId: id, items, itemsView, status, error, ...times };
}
