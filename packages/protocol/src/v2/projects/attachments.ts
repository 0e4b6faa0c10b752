/**
 * Thread attachments: typed, client-defined records (for example a linked pull request) hung on a thread and
 * found again by their identity key.
 * @module
 */
import type { JsonValue } from '../../jsonrpc.js';

/** A record attached to a thread. */
export interface ThreadAttachment {
  /** Server-assigned id. */
  id: string;
  /** Client-defined kind of the attachment. */
  attachmentType: string;
  /** Key that identifies the attachment within its type; one per thread and key. */
  identityKey: string;
  /** The attachment's content, any JSON. */
  payload: JsonValue;
  /**
   * When it was attached, in seconds since the Unix epoch.
   * @format int64
   */
  createdAt: number;
}

/** Whether `thread/attachment/add` stored a new attachment or found the same one already there. */
export type ThreadAttachmentAddOutcome = 'created' | 'existing';

/** What happened to an attachment: it was `created` or `deleted`. */
export type ThreadAttachmentOperation = 'created' | 'deleted';

/** Params of `thread/attachment/add`. */
export interface ThreadAttachmentAddParams {
  threadId: string;
  attachmentType: string;
  identityKey: string;
  /** The content to store, any JSON. */
  payload: JsonValue;
}

/** Result of `thread/attachment/add`: the stored attachment and whether it is new. */
export interface ThreadAttachmentAddResponse {
  attachment: ThreadAttachment;
  outcome: ThreadAttachmentAddOutcome;
}

/** Params of `thread/attachment/list`: one page of a thread's attachments. */
export interface ThreadAttachmentListParams {
  threadId: string;
  /** Opaque cursor from the previous page's `nextCursor`; omit for the first page. */
  cursor?: string | null;
  /**
   * Largest number of attachments to return; the server picks a default when omitted.
   * @format uint32
   */
  limit?: number | null;
}

/** Result of `thread/attachment/list`. */
export interface ThreadAttachmentListResponse {
  data: ThreadAttachment[];
  /** Cursor for the next page; absent or `null` when this was the last one. */
  nextCursor: string | null;
}

/** A thread that holds a given attachment. */
export interface ThreadAttachmentOwner {
  threadId: string;
  /** Whether that thread is archived. */
  archived: boolean;
}

/** Params of `thread/attachmentOwner/list`: which threads hold the attachment with this type and key. */
export interface ThreadAttachmentOwnerListParams {
  attachmentType: string;
  identityKey: string;
  /** Only archived (`true`) or only unarchived (`false`) threads; both when omitted. */
  archived?: boolean | null;
  /** Opaque cursor from the previous page's `nextCursor`; omit for the first page. */
  cursor?: string | null;
  /**
   * Largest number of owners to return; the server picks a default when omitted.
   * @format uint32
   */
  limit?: number | null;
}

/** Result of `thread/attachmentOwner/list`. */
export interface ThreadAttachmentOwnerListResponse {
  data: ThreadAttachmentOwner[];
  /** Cursor for the next page; absent or `null` when this was the last one. */
  nextCursor: string | null;
}

/** Params of `thread/attachment/remove`: the attachment is named by its type and key. */
export interface ThreadAttachmentRemoveParams {
  threadId: string;
  attachmentType: string;
  identityKey: string;
}

/** Result of `thread/attachment/remove` (carries nothing). */
export interface ThreadAttachmentRemoveResponse {}

/** Params of `thread/attachment/updated`: an attachment of a thread was created or deleted. */
export interface ThreadAttachmentUpdatedNotification {
  threadId: string;
  attachmentId: string;
  attachmentType: string;
  identityKey: string;
  operation: ThreadAttachmentOperation;
}
