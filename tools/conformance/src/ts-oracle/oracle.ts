/**
 * Runs the whole TypeScript oracle: generate upstream's TypeScript (stable and
 * experimental) into a scratch directory, rewrite it per the documented
 * exceptions, and check every type against `@cask/protocol`.
 * @module
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { pinnedCodex } from '../upstream.js';
import { checkTypes, type Flavour, type FlavourInput, type TypeResult } from './check.js';
import { TYPE_EXCEPTIONS } from './exceptions.js';
import { normaliseTree, type RewriteLog } from './normalise.js';
import { formatOracleReport } from './report.js';
import { generateUpstreamTs, readUpstreamTs } from './upstream-ts.js';

/** The result of {@link runTsOracle}. */
export interface OracleRun {
  readonly codexVersion: string;
  readonly results: readonly TypeResult[];
  readonly rewrites: ReadonlyMap<Flavour, RewriteLog>;
  /** Results that fail and are not a per-type exception. */
  readonly failures: readonly TypeResult[];
  /** The printed table. */
  readonly report: string;
}

/** Path of the installed `@cask/protocol`'s declarations, resolved the way the compiler resolves an import. */
export function protocolEntry(): string {
  const from = fileURLToPath(import.meta.url);
  const options = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
  const resolved = ts.resolveModuleName('@cask/protocol', from, options, ts.sys).resolvedModule;
  if (!resolved?.resolvedFileName.endsWith('.d.ts')) {
    throw new Error('cannot resolve the declarations of @cask/protocol; run `pnpm --filter @cask/protocol build`');
  }
  return resolved.resolvedFileName;
}

/**
 * Runs the oracle in a fresh temp directory, removed afterwards.
 * @param oursEntry - `@cask/protocol`'s declarations; defaults to the installed package
 */
export function runTsOracle(oursEntry: string = protocolEntry()): OracleRun {
  const workDir = mkdtempSync(join(tmpdir(), 'cask-ts-oracle-'));
  try {
    const flavours: FlavourInput[] = [];
    const rewrites = new Map<Flavour, RewriteLog>();
    for (const flavour of ['stable', 'experimental'] as const) {
      const raw = generateUpstreamTs(join(workDir, `raw-${flavour}`), flavour === 'experimental');
      const dir = join(workDir, flavour);
      mkdirSync(dir);
      rewrites.set(flavour, normaliseTree(readUpstreamTs(raw), dir));
      flavours.push({ flavour, tree: readUpstreamTs(dir) });
    }
    const results = checkTypes({ workDir, oursEntry, flavours });
    const excused = new Set(TYPE_EXCEPTIONS.map((e) => e.file));
    const failures = results.filter((r) => !r.ok && !excused.has(r.file));
    const codexVersion = pinnedCodex().version;
    return { codexVersion, results, rewrites, failures, report: formatOracleReport(codexVersion, results, rewrites) };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
