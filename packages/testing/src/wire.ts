/**
 * What a fake server engine writes to: one connection to one client.
 * @module
 */
import type { JsonObject } from './script.js';

/** The connection a fake server engine drives (in-memory pair or stdio). */
export interface FakeWire {
  /** Sends one message (already validated). */
  send(message: JsonObject): void;
  /** Sends a line that is no valid message (fault injection). */
  sendMalformed(line: string): void;
  /** Ends the connection like a server exit. */
  exit(code: number): void;
}

/** What every fake engine offers its adapters. */
export interface FakeEngine {
  /** Hands over one message from the client. */
  receive(message: unknown): void;
  /** Everything that went wrong so far: invalid messages, unmet expectations, replay mismatches. */
  readonly failures: readonly string[];
  /** The client went away. */
  closed(): void;
}
