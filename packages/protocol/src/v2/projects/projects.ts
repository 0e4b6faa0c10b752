/**
 * Projects: named groups of workspace roots that threads belong to.
 * @module
 */
import type { AbsolutePathBuf } from '../common.js';
import type { SortDirection } from '../threads/index.js';

/** One workspace root of a project. */
export interface ProjectRoot {
  path: AbsolutePathBuf;
}

/** A project. */
export interface Project {
  id: string;
  name: string;
  /** The project's workspace roots. */
  roots: ProjectRoot[];
  /** Free-form string metadata set by clients. */
  metadata: { [key: string]: string };
  /**
   * When the project was created, in seconds since the Unix epoch.
   * @format int64
   */
  createdAt: number;
  /**
   * When the project last changed, in seconds since the Unix epoch.
   * @format int64
   */
  updatedAt: number;
  /**
   * When the project was last used, in seconds since the Unix epoch, if ever.
   * @format int64
   */
  recencyAt: number | null;
}

/** What project listings are ordered by: the user's ordering or last use. */
export type ProjectSortKey = 'position' | 'recencyAt';

/** What happened to a project. */
export type ProjectChangeType = 'created' | 'updated' | 'deleted';

/**
 * Params of `project/list`: one page of the user's projects.
 * @experimental
 */
export interface ProjectListParams {
  /** Cursor from the previous page's `nextCursor`; omit for the first page. */
  cursor?: string | null;
  /**
   * Largest number of projects to return; the server picks a default when omitted.
   * @format uint32
   */
  limit?: number | null;
  /**
   * Sort field; `position` by default. Sorting by `recencyAt` always puts projects without threads last. Projects
   * carry no position number: the order of the returned page is the user's ordering.
   */
  sortKey?: ProjectSortKey | null;
  /** Sort order, only together with `sortKey`; ascending for `position` and descending for `recencyAt` by default. */
  sortDirection?: SortDirection | null;
}

/**
 * Result of `project/list`.
 * @experimental
 */
export interface ProjectListResponse {
  data: Project[];
  /** Cursor for the next page; absent or `null` when this was the last one. */
  nextCursor: string | null;
}

/**
 * Params of `project/read`.
 * @experimental
 */
export interface ProjectReadParams {
  projectId: string;
}

/**
 * Result of `project/read`.
 * @experimental
 */
export interface ProjectReadResponse {
  project: Project;
}

/**
 * Params of `project/create`.
 * @experimental
 */
export interface ProjectCreateParams {
  /** Client-chosen key; repeating a create with the same key returns the first project instead of a new one. */
  idempotencyKey: string;
  name: string;
  roots: ProjectRoot[];
  /** Free-form string metadata. */
  metadata?: { [key: string]: string } | null;
}

/**
 * Result of `project/create`: the new project.
 * @experimental
 */
export interface ProjectCreateResponse {
  project: Project;
}

/**
 * Params of `project/import`: create a project and move existing threads into it.
 * @experimental
 */
export interface ProjectImportParams {
  /** Client-chosen key; repeating an import with the same key returns the first project instead of a new one. */
  idempotencyKey: string;
  name: string;
  roots: ProjectRoot[];
  /** Free-form string metadata. */
  metadata?: { [key: string]: string } | null;
  /** Ids of the threads to move into the project. */
  threads?: string[] | null;
}

/**
 * Result of `project/import`: the new project.
 * @experimental
 */
export interface ProjectImportResponse {
  project: Project;
}

/**
 * Params of `project/update`: change the given fields; omitted ones stay as they are.
 * @experimental
 */
export interface ProjectUpdateParams {
  projectId: string;
  name?: string | null;
  roots?: ProjectRoot[] | null;
  /** Replaces the project's metadata. */
  metadata?: { [key: string]: string } | null;
}

/**
 * Result of `project/update`: the project after the change.
 * @experimental
 */
export interface ProjectUpdateResponse {
  project: Project;
}

/**
 * Params of `project/move`: change a project's place in the user's ordering.
 * @experimental
 */
export interface ProjectMoveParams {
  projectId: string;
  /** Place it just before this project; at the end when omitted. */
  beforeProjectId?: string | null;
}

/**
 * Result of `project/move` (carries nothing).
 * @experimental
 */
export interface ProjectMoveResponse {}

/**
 * Params of `project/delete`.
 * @experimental
 */
export interface ProjectDeleteParams {
  projectId: string;
}

/**
 * Result of `project/delete` (carries nothing).
 * @experimental
 */
export interface ProjectDeleteResponse {}

/** Params of `project/changed`: a project was created, changed or deleted. */
export interface ProjectChangedNotification {
  projectId: string;
  changeType: ProjectChangeType;
}

/** Params of `thread/project/updated`: a thread moved to another project, or out of one. */
export interface ThreadProjectUpdatedNotification {
  threadId: string;
  /**
   * The thread's project now; `null` when it has none.
   * @schemaRequired
   */
  projectId: string | null;
}
