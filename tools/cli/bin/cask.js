#!/usr/bin/env node
// The `cask` bin. A committed shim so that pnpm can link the bin at install time,
// before `dist/` is built; the command itself is dist/bin.js (pnpm --filter @cask/cli build).
import '../dist/bin.js';
