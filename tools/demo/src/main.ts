#!/usr/bin/env node
/**
 * Entry point of the demo (`pnpm start` at the repository root).
 * @module
 */
import { runDemo } from './demo.js';

runDemo(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`demo: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
