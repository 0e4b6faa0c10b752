#!/usr/bin/env node
/**
 * `cask-fake-server`: see {@link runFakeServerCli}.
 * @module
 */
import { runFakeServerCli } from './cli.js';

process.exitCode = await runFakeServerCli(process.argv.slice(2));
