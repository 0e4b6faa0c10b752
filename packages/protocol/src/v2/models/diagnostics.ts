/**
 * Server diagnostics (`server/diagnostics`): process figures and named gauges, no user content.
 * @module
 */

/** One named counter of the server process. */
export interface ServerDiagnosticsGauge {
  /** Gauge name. */
  name: string;
  /**
   * Current value.
   * @format uint64
   */
  value: number;
}

/** Figures about the server process. */
export interface ServerDiagnosticsProcess {
  /**
   * Process id.
   * @format uint32
   */
  id: number;
  /**
   * Physical memory footprint in bytes, where the platform reports it.
   * @format uint64
   */
  physicalFootprintBytes: number | null;
  /**
   * Resident memory in bytes, where the platform reports it.
   * @format uint64
   */
  residentMemoryBytes: number | null;
}

/**
 * Parameters of `server/diagnostics` (none).
 * @experimental
 */
export interface ServerDiagnosticsParams {}

/**
 * Result of `server/diagnostics`.
 * @experimental
 */
export interface ServerDiagnosticsResponse {
  /** Named gauges. */
  gauges: ServerDiagnosticsGauge[];
  /** Process figures. */
  process: ServerDiagnosticsProcess;
}
