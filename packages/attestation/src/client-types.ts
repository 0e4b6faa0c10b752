/**
 * TEMPORARY structural copy of the extension types `@cask/client` exposes,
 * used until that package builds. Replace with
 * `export type { ClientExtension, ServerRequestHandler } from '@cask/client';`.
 * @module
 */
import type {
  InitializeCapabilities,
  RequestId,
  ServerRequestMethod,
  ServerRequestParams,
  ServerRequestResult,
} from '@cask/protocol';

/** Handles one server request of method `M`; a throw becomes a JSON-RPC error. */
export type ServerRequestHandler<M extends ServerRequestMethod> = (
  params: ServerRequestParams<M>,
  ctx: { id: RequestId; method: M; signal: AbortSignal },
) => ServerRequestResult<M> | Promise<ServerRequestResult<M>>;

/** A bundle of capabilities and server-request handlers added to a client. */
export interface ClientExtension {
  capabilities?: Partial<InitializeCapabilities>;
  serverRequestHandlers?: { [M in ServerRequestMethod]?: ServerRequestHandler<M> };
}
