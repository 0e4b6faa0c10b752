/**
 * Method-map entries for thread organisation: sections, attachments, queues, goals, search, timelines, settings,
 * predictions, memory and projects.
 * The root maps in `../methods.ts` extend these interfaces; see there for the rules.
 * @module
 */
import type {
  ThreadAttachmentAddParams,
  ThreadAttachmentAddResponse,
  ThreadAttachmentListParams,
  ThreadAttachmentListResponse,
  ThreadAttachmentOwnerListParams,
  ThreadAttachmentOwnerListResponse,
  ThreadAttachmentRemoveParams,
  ThreadAttachmentRemoveResponse,
  ThreadAttachmentUpdatedNotification,
} from '../v2/projects/attachments.js';
import type {
  ThreadGoalClearedNotification,
  ThreadGoalClearParams,
  ThreadGoalClearResponse,
  ThreadGoalGetParams,
  ThreadGoalGetResponse,
  ThreadGoalSetParams,
  ThreadGoalSetResponse,
  ThreadGoalUpdatedNotification,
} from '../v2/projects/goals.js';
import type { ThreadGuardianReviewParams, ThreadGuardianReviewResponse } from '../v2/projects/guardian.js';
import type {
  MemoryResetResponse,
  MemoryStatusParams,
  MemoryStatusResponse,
  ThreadMemoryModeSetParams,
  ThreadMemoryModeSetResponse,
  ThreadMemoryReadParams,
  ThreadMemoryReadResponse,
} from '../v2/projects/memory.js';
import type {
  ThreadDecrementElicitationParams,
  ThreadDecrementElicitationResponse,
  ThreadIncrementElicitationParams,
  ThreadIncrementElicitationResponse,
  ThreadPredictionRequestParams,
  ThreadPredictionRequestResponse,
  ThreadPredictionUpdatedNotification,
  ThreadPrepareApprovedPlanParams,
  ThreadPrepareApprovedPlanResponse,
  ThreadSampleCancelParams,
  ThreadSampleCancelResponse,
  ThreadSampleParams,
  ThreadSampleResponse,
} from '../v2/projects/predictions.js';
import type {
  ThreadQueueAddParams,
  ThreadQueueAddResponse,
  ThreadQueueChangedNotification,
  ThreadQueueDeleteParams,
  ThreadQueueDeleteResponse,
  ThreadQueueListParams,
  ThreadQueueListResponse,
  ThreadQueueReorderParams,
  ThreadQueueReorderResponse,
  ThreadQueueStartParams,
  ThreadQueueStartResponse,
  ThreadQueueUpdateParams,
  ThreadQueueUpdateResponse,
} from '../v2/projects/queue.js';
import type {
  ThreadSectionChangedNotification,
  ThreadSectionCreateParams,
  ThreadSectionCreateResponse,
  ThreadSectionDeleteParams,
  ThreadSectionDeleteResponse,
  ThreadSectionListParams,
  ThreadSectionListResponse,
  ThreadSectionMoveParams,
  ThreadSectionMoveResponse,
  ThreadSectionUpdateParams,
  ThreadSectionUpdateResponse,
} from '../v2/projects/sections.js';
import type {
  EnvironmentConnectionNotification,
  ThreadSettingsUpdatedNotification,
  ThreadSettingsUpdateParams,
  ThreadSettingsUpdateResponse,
  TurnSettingsUpdateParams,
  TurnSettingsUpdateResponse,
} from '../v2/projects/settings.js';
import type {
  ThreadBackgroundTerminalsCleanParams,
  ThreadBackgroundTerminalsCleanResponse,
  ThreadBackgroundTerminalsListParams,
  ThreadBackgroundTerminalsListResponse,
  ThreadBackgroundTerminalsTerminateParams,
  ThreadBackgroundTerminalsTerminateResponse,
} from '../v2/projects/terminals.js';
import type {
  ThreadItemsListParams,
  ThreadItemsListResponse,
  ThreadItemsReadParams,
  ThreadItemsReadResponse,
} from '../v2/projects/items.js';
import type {
  ProjectChangedNotification,
  ProjectCreateParams,
  ProjectCreateResponse,
  ProjectDeleteParams,
  ProjectDeleteResponse,
  ProjectImportParams,
  ProjectImportResponse,
  ProjectListParams,
  ProjectListResponse,
  ProjectMoveParams,
  ProjectMoveResponse,
  ProjectReadParams,
  ProjectReadResponse,
  ProjectUpdateParams,
  ProjectUpdateResponse,
  ThreadProjectUpdatedNotification,
} from '../v2/projects/projects.js';
import type {
  ThreadSearchCancelParams,
  ThreadSearchCancelResponse,
  ThreadSearchOccurrencesParams,
  ThreadSearchOccurrencesResponse,
  ThreadSearchParams,
  ThreadSearchPartialNotification,
  ThreadSearchResponse,
} from '../v2/projects/search.js';
import type { ThreadRealtimeListParams, ThreadRealtimeListResponse } from '../v2/projects/realtime.js';
import type {
  ThreadReadStateChangedNotification,
  ThreadReadStateUpdateParams,
  ThreadReadStateUpdateResponse,
} from '../v2/projects/readState.js';
import type { ThreadTimelineListParams, ThreadTimelineListResponse } from '../v2/projects/timeline.js';

/** Client requests for thread organisation, search, settings, memory and projects. */
export interface ProjectsClientRequests {
  /**
   * Asks the model one question in a thread's context without recording a turn.
   * @experimental
   */
  'thread/sample': { params: ThreadSampleParams; result: ThreadSampleResponse };
  /**
   * Cancels a running `thread/sample` request.
   * @experimental
   */
  'thread/sample/cancel': { params: ThreadSampleCancelParams; result: ThreadSampleCancelResponse };
  /**
   * Marks the start of a client-side question to the user, pausing the thread.
   * @experimental
   */
  'thread/increment_elicitation': {
    params: ThreadIncrementElicitationParams;
    result: ThreadIncrementElicitationResponse;
  };
  /**
   * Marks the end of a client-side question to the user.
   * @experimental
   */
  'thread/decrement_elicitation': {
    params: ThreadDecrementElicitationParams;
    result: ThreadDecrementElicitationResponse;
  };
  /**
   * Asks for a prediction of the user's next message; it arrives as `thread/prediction/updated`.
   * @experimental
   */
  'thread/prediction/request': { params: ThreadPredictionRequestParams; result: ThreadPredictionRequestResponse };
  /** Sets a thread's goal or changes parts of it. */
  'thread/goal/set': { params: ThreadGoalSetParams; result: ThreadGoalSetResponse };
  /** Reads a thread's goal. */
  'thread/goal/get': { params: ThreadGoalGetParams; result: ThreadGoalGetResponse };
  /** Removes a thread's goal. */
  'thread/goal/clear': { params: ThreadGoalClearParams; result: ThreadGoalClearResponse };
  /**
   * Appends a user message to a thread's queue.
   * @experimental
   */
  'thread/queue/add': { params: ThreadQueueAddParams; result: ThreadQueueAddResponse };
  /**
   * Lists a thread's queued messages.
   * @experimental
   */
  'thread/queue/list': { params: ThreadQueueListParams; result: ThreadQueueListResponse };
  /**
   * Replaces the content of a queued message.
   * @experimental
   */
  'thread/queue/update': { params: ThreadQueueUpdateParams; result: ThreadQueueUpdateResponse };
  /**
   * Removes a message from a thread's queue.
   * @experimental
   */
  'thread/queue/delete': { params: ThreadQueueDeleteParams; result: ThreadQueueDeleteResponse };
  /**
   * Puts a thread's queued messages in a new order.
   * @experimental
   */
  'thread/queue/reorder': { params: ThreadQueueReorderParams; result: ThreadQueueReorderResponse };
  /**
   * Sends a queued message now as a new turn.
   * @experimental
   */
  'thread/queue/start': { params: ThreadQueueStartParams; result: ThreadQueueStartResponse };
  /** Attaches a typed record to a thread (idempotent per type and key). */
  'thread/attachment/add': { params: ThreadAttachmentAddParams; result: ThreadAttachmentAddResponse };
  /** Lists a thread's attachments. */
  'thread/attachment/list': { params: ThreadAttachmentListParams; result: ThreadAttachmentListResponse };
  /** Lists the threads that hold a given attachment. */
  'thread/attachmentOwner/list': {
    params: ThreadAttachmentOwnerListParams;
    result: ThreadAttachmentOwnerListResponse;
  };
  /** Removes an attachment from a thread. */
  'thread/attachment/remove': { params: ThreadAttachmentRemoveParams; result: ThreadAttachmentRemoveResponse };
  /** Files a thread under a section, or takes it out of its section. */
  'thread/section/move': { params: ThreadSectionMoveParams; result: ThreadSectionMoveResponse };
  /**
   * Changes the settings of a thread's later turns.
   * @experimental
   */
  'thread/settings/update': { params: ThreadSettingsUpdateParams; result: ThreadSettingsUpdateResponse };
  /**
   * Switches a thread's participation in memories on or off.
   * @experimental
   */
  'thread/memoryMode/set': { params: ThreadMemoryModeSetParams; result: ThreadMemoryModeSetResponse };
  /**
   * Reads the memory summary made from a thread.
   * @experimental
   */
  'thread/memory/read': { params: ThreadMemoryReadParams; result: ThreadMemoryReadResponse };
  /**
   * Reports how far memory consolidation has got.
   * @experimental
   */
  'memory/status': { params: MemoryStatusParams; result: MemoryStatusResponse };
  /**
   * Deletes all memories.
   * @experimental
   */
  'memory/reset': { params: undefined; result: MemoryResetResponse };
  /**
   * Stops all of a thread's background terminals.
   * @experimental
   */
  'thread/backgroundTerminals/clean': {
    params: ThreadBackgroundTerminalsCleanParams;
    result: ThreadBackgroundTerminalsCleanResponse;
  };
  /**
   * Lists a thread's background terminals.
   * @experimental
   */
  'thread/backgroundTerminals/list': {
    params: ThreadBackgroundTerminalsListParams;
    result: ThreadBackgroundTerminalsListResponse;
  };
  /**
   * Stops one background terminal of a thread.
   * @experimental
   */
  'thread/backgroundTerminals/terminate': {
    params: ThreadBackgroundTerminalsTerminateParams;
    result: ThreadBackgroundTerminalsTerminateResponse;
  };
  /** Lists the user's thread sections. */
  'threadSection/list': { params: ThreadSectionListParams; result: ThreadSectionListResponse };
  /** Creates a thread section. */
  'threadSection/create': { params: ThreadSectionCreateParams; result: ThreadSectionCreateResponse };
  /** Renames a thread section or changes its look. */
  'threadSection/update': { params: ThreadSectionUpdateParams; result: ThreadSectionUpdateResponse };
  /** Deletes a thread section. */
  'threadSection/delete': { params: ThreadSectionDeleteParams; result: ThreadSectionDeleteResponse };
  /**
   * Lists the user's projects, with paging.
   * @experimental
   */
  'project/list': { params: ProjectListParams; result: ProjectListResponse };
  /**
   * Reads one project.
   * @experimental
   */
  'project/read': { params: ProjectReadParams; result: ProjectReadResponse };
  /**
   * Creates a project.
   * @experimental
   */
  'project/create': { params: ProjectCreateParams; result: ProjectCreateResponse };
  /**
   * Creates a project and moves existing threads into it.
   * @experimental
   */
  'project/import': { params: ProjectImportParams; result: ProjectImportResponse };
  /**
   * Changes a project's name, roots or metadata.
   * @experimental
   */
  'project/update': { params: ProjectUpdateParams; result: ProjectUpdateResponse };
  /**
   * Moves a project to another place in the user's ordering.
   * @experimental
   */
  'project/move': { params: ProjectMoveParams; result: ProjectMoveResponse };
  /**
   * Deletes a project.
   * @experimental
   */
  'project/delete': { params: ProjectDeleteParams; result: ProjectDeleteResponse };
  /**
   * Searches the content of threads for a term.
   * @experimental
   */
  'thread/search': { params: ThreadSearchParams; result: ThreadSearchResponse };
  /**
   * Searches like `thread/search`, sending early matches as `thread/search/partial` notifications before the
   * complete response.
   * @experimental
   */
  'thread/search/stream': { params: ThreadSearchParams; result: ThreadSearchResponse };
  /**
   * Cancels a `thread/search` request of this connection.
   * @experimental
   */
  'thread/search/cancel': { params: ThreadSearchCancelParams; result: ThreadSearchCancelResponse };
  /**
   * Cancels a `thread/search/stream` request of this connection.
   * @experimental
   */
  'thread/search/stream/cancel': { params: ThreadSearchCancelParams; result: ThreadSearchCancelResponse };
  /**
   * Lists the places a search term occurs in one thread.
   * @experimental
   */
  'thread/searchOccurrences': { params: ThreadSearchOccurrencesParams; result: ThreadSearchOccurrencesResponse };
  /**
   * Marks a thread read or unread, if its read state has not changed since the client saw it.
   * @experimental
   */
  'thread/readState/update': { params: ThreadReadStateUpdateParams; result: ThreadReadStateUpdateResponse };
  /** Pages through a thread's items, across turns or within one turn. */
  'thread/items/list': { params: ThreadItemsListParams; result: ThreadItemsListResponse };
  /**
   * Reads given items of a turn in full.
   * @experimental
   */
  'thread/items/read': { params: ThreadItemsReadParams; result: ThreadItemsReadResponse };
  /**
   * Asks a guardian to assess the action a thread is about to take.
   * @experimental
   */
  'thread/guardianReview': { params: ThreadGuardianReviewParams; result: ThreadGuardianReviewResponse };
  /**
   * Turns an approved plan into the prompt that carries it out.
   * @experimental
   */
  'thread/prepareApprovedPlan': {
    params: ThreadPrepareApprovedPlanParams;
    result: ThreadPrepareApprovedPlanResponse;
  };
  /**
   * Changes settings of a running turn.
   * @experimental
   */
  'turn/settings/update': { params: TurnSettingsUpdateParams; result: TurnSettingsUpdateResponse };
  /**
   * Lists a thread's timeline: items, turn boundaries and realtime records.
   * @experimental
   */
  'thread/timeline/list': { params: ThreadTimelineListParams; result: ThreadTimelineListResponse };
  /**
   * Lists a thread's realtime records with their committed positions, one page at a time.
   * @experimental
   */
  'thread/realtime/list': { params: ThreadRealtimeListParams; result: ThreadRealtimeListResponse };
}

/** Server requests for thread organisation, search, settings, memory and projects. */
export interface ProjectsServerRequests {}

/** Server notifications for thread organisation, search, settings, memory and projects. */
export interface ProjectsServerNotifications {
  /** A project was created, changed or deleted. */
  'project/changed': { params: ProjectChangedNotification };
  /** A thread moved to another project, or out of one. */
  'thread/project/updated': { params: ThreadProjectUpdatedNotification };
  /** A thread's read state changed. */
  'thread/readState/changed': { params: ThreadReadStateChangedNotification };
  /** A thread moved to another section, or out of one. */
  'thread/section/changed': { params: ThreadSectionChangedNotification };
  /** An attachment of a thread was created or deleted. */
  'thread/attachment/updated': { params: ThreadAttachmentUpdatedNotification };
  /** A thread's goal was set or changed. */
  'thread/goal/updated': { params: ThreadGoalUpdatedNotification };
  /** A requested prediction of the user's next message is ready. */
  'thread/prediction/updated': { params: ThreadPredictionUpdatedNotification };
  /** A thread's goal was removed. */
  'thread/goal/cleared': { params: ThreadGoalClearedNotification };
  /** A thread's queue of pending messages changed. */
  'thread/queue/changed': { params: ThreadQueueChangedNotification };
  /** A thread's environment connected. */
  'thread/environment/connected': { params: EnvironmentConnectionNotification };
  /** A thread's environment disconnected. */
  'thread/environment/disconnected': { params: EnvironmentConnectionNotification };
  /** A thread's settings changed. */
  'thread/settings/updated': { params: ThreadSettingsUpdatedNotification };
  /** Early matches of a running `thread/search/stream` request. */
  'thread/search/partial': { params: ThreadSearchPartialNotification };
}
