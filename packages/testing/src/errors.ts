/**
 * Errors of `@cask/testing`.
 * @module
 */

/** A script (or transcript) the fake cannot run; `where` names the step (`turns[0].steps[2]`). */
export class FakeScriptError extends Error {
  override readonly name = 'FakeScriptError';
  constructor(
    /** Where in the script: `turns[1].steps[0]`, `responses["model/list"]`, `line 7`. */
    readonly where: string,
    /** What is wrong. */
    readonly reason: string,
  ) {
    super(`${where}: ${reason}`);
  }
}

/** Thrown by `assertNoFailures()`: lists every failure the fake recorded. */
export class FakeServerAssertionError extends Error {
  override readonly name = 'FakeServerAssertionError';
  constructor(readonly failures: readonly string[]) {
    super(`the fake app-server recorded ${failures.length} failure(s):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  }
}
