/**
 * Public types shared by the three entry points.
 * @module
 */
import type {
  ClientNotificationMethod,
  ClientNotificationParams,
  ClientRequestMethod,
  ClientRequestParams,
  ClientRequestResult,
  ServerNotificationMethod,
  ServerNotificationParams,
  ServerRequestMethod,
  ServerRequestParams,
  ServerRequestResult,
} from '@cask/protocol';
import type { ValidationIssue } from './explain.js';

/** Which way a message travels: client to server, or server to client. */
export type Direction = 'c2s' | 's2c';

/** Options accepted by every validator. */
export interface ValidateOptions {
  /**
   * Validate against the experimental bundle (for connections that set
   * `capabilities.experimentalApi`). Default: the stable bundle. The
   * `@cask/validators/stable` and `@cask/validators/experimental` entry
   * points are bound to one bundle and reject a contradicting value.
   */
  experimental?: boolean;
}

/** A successful validation: `value` is the input, now typed. */
export interface ValidationSuccess<T> {
  ok: true;
  value: T;
}

/** A failed validation. */
export interface ValidationFailure {
  ok: false;
  /** Every problem found, most relevant union branch only. */
  errors: ValidationIssue[];
  /** One line for humans: `turn/start params: /input/0/type must be one of "text", … (got "txt")`. */
  message: string;
}

/** What every validator returns. */
export type ValidationResult<T> = ValidationSuccess<T> | ValidationFailure;

/** The four method unions of the protocol. */
export type MethodKind = 'clientRequest' | 'clientNotification' | 'serverRequest' | 'serverNotification';

/** Params type of client request `M`, or `unknown` for a method the types do not know. */
export type ClientRequestParamsOf<M extends string> = M extends ClientRequestMethod ? ClientRequestParams<M> : unknown;
/** Result type of client request `M`. */
export type ClientRequestResultOf<M extends string> = M extends ClientRequestMethod ? ClientRequestResult<M> : unknown;
/** Params type of server request `M`. */
export type ServerRequestParamsOf<M extends string> = M extends ServerRequestMethod ? ServerRequestParams<M> : unknown;
/** Result type the client returns for server request `M`. */
export type ServerRequestResultOf<M extends string> = M extends ServerRequestMethod ? ServerRequestResult<M> : unknown;
/** Params type of server notification `M`. */
export type ServerNotificationParamsOf<M extends string> = M extends ServerNotificationMethod
  ? ServerNotificationParams<M>
  : unknown;
/** Params type of client notification `M`. */
export type ClientNotificationParamsOf<M extends string> = M extends ClientNotificationMethod
  ? ClientNotificationParams<M>
  : unknown;
