/**
 * User-defined thread sections: listing, creating, renaming and deleting them, and filing threads under them.
 * @module
 */
import type { ThreadSection, ThreadSectionAppearance } from '../thread.js';

/** Params of `threadSection/list`: one page of the user's sections. */
export interface ThreadSectionListParams {
  /** Opaque cursor from the previous page's `nextCursor`; omit for the first page. */
  cursor?: string | null;
  /**
   * Largest number of sections to return; the server picks a default when omitted.
   * @format uint32
   */
  limit?: number | null;
}

/** Result of `threadSection/list`. */
export interface ThreadSectionListResponse {
  data: ThreadSection[];
  /** Cursor for the next page; absent or `null` when this was the last one. */
  nextCursor: string | null;
}

/** Params of `threadSection/create`: a new section's name and look. */
export interface ThreadSectionCreateParams {
  name: string;
  /** Colour and icon of the section; none when omitted. */
  appearance?: ThreadSectionAppearance | null;
}

/** Result of `threadSection/create`: the section as stored. */
export interface ThreadSectionCreateResponse {
  section: ThreadSection;
}

/** Params of `threadSection/update`: rename a section and set its look. */
export interface ThreadSectionUpdateParams {
  sectionId: string;
  /** The new name. */
  name: string;
  /** The new colour and icon; omitted or `null` clears them. */
  appearance?: ThreadSectionAppearance | null;
}

/** Result of `threadSection/update`: the section after the change. */
export interface ThreadSectionUpdateResponse {
  section: ThreadSection;
}

/** Params of `threadSection/delete`. */
export interface ThreadSectionDeleteParams {
  sectionId: string;
}

/** Result of `threadSection/delete` (carries nothing). */
export interface ThreadSectionDeleteResponse {}

/** Params of `thread/section/move`: file a thread under a section, or take it out of any. */
export interface ThreadSectionMoveParams {
  threadId: string;
  /**
   * The target section; `null` removes the thread from its section.
   * @schemaRequired
   */
  sectionId: string | null;
  /** Place the thread just before this one in the section; at the end when omitted. */
  beforeThreadId?: string | null;
}

/** Result of `thread/section/move` (carries nothing). */
export interface ThreadSectionMoveResponse {}

/** Params of `thread/section/changed`: a thread moved to another section, or out of one. */
export interface ThreadSectionChangedNotification {
  threadId: string;
  /**
   * The thread's section now; `null` when it has none.
   * @schemaRequired
   */
  sectionId: string | null;
}
