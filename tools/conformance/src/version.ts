/**
 * The version check: what differs between the protocol of the pinned upstream `codex` and ours, as a maintainer sees
 * it when bumping `@openai/codex`. Differences are computed by the conformance checker ({@link checkBundle}) and read
 * from upstream's point of view:
 *
 * - `added`: upstream has the method or definition, our schema does not;
 * - `removed`: our schema has it, upstream does not (any more);
 * - `changed`: both have it and they are not equivalent (structure or sampled behaviour).
 *
 * A committed baseline (`version-baseline.json`) lists the differences that are known and accepted while the protocol
 * is incomplete; the check fails on any difference outside it and on baseline entries that no longer occur.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle, type SchemaBundle } from './bundle.js';
import {
  METHOD_UNIONS,
  checkBundle,
  type BundleReport,
  type CheckOptions,
  type Coverage,
  type MethodGroup,
} from './conformance.js';
import { isObject, type JsonValue } from './json.js';
import { ourSchemaDirs } from './ours.js';
import { generateUpstreamSchema, pinnedCodex } from './upstream.js';

/** What a difference is about: definitions or one of the four method unions. */
export type DiffKind = 'definitions' | MethodGroup;

/** Every {@link DiffKind}, in report order. */
export const DIFF_KINDS: readonly DiffKind[] = ['definitions', ...(Object.keys(METHOD_UNIONS) as MethodGroup[])];

/** How an item differs (see the module comment for the direction). */
export type ChangeKind = 'added' | 'removed' | 'changed';

/** Every {@link ChangeKind}, in report order. */
export const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'removed', 'changed'];

/** The two bundles compared, stable (`json/`) and experimental (`json-experimental/`). */
export type BundleName = 'stable' | 'experimental';

/** Every {@link BundleName}. */
export const BUNDLE_NAMES: readonly BundleName[] = ['stable', 'experimental'];

/** Differences of one kind of item in one bundle. Names are sorted. */
export interface KindDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Items in both schemas that are not equivalent, with the checker's reasons. */
  readonly changed: readonly { readonly name: string; readonly reasons: readonly string[] }[];
}

/** Differences of one bundle pair, by kind. */
export interface BundleDiff {
  readonly bundle: BundleName;
  readonly kinds: Readonly<Record<DiffKind, KindDiff>>;
}

/** Differences of both bundles against one upstream version. */
export interface ProtocolDiff {
  /** The upstream `@openai/codex` version the diff was computed against. */
  readonly codexVersion: string;
  readonly bundles: readonly BundleDiff[];
}

/** One difference as a flat record: the unit the baseline accepts or not. */
export interface DiffEntry {
  readonly bundle: BundleName;
  readonly kind: DiffKind;
  readonly change: ChangeKind;
  readonly name: string;
}

/** Names of one kind in the baseline, by change. */
export type BaselineKind = { [C in ChangeKind]: string[] };

/** The committed allow-list of known differences (`tools/conformance/version-baseline.json`). */
export interface VersionBaseline {
  /** Says that the file is generated and how to regenerate it. */
  readonly $comment: string;
  /** The upstream version the baseline was generated against. */
  readonly codexVersion: string;
  /** Per bundle, per kind, per change: the accepted names (sorted). */
  readonly bundles: { readonly [B in BundleName]: { readonly [K in DiffKind]: BaselineKind } };
}

/** Result of {@link compareWithBaseline}. */
export interface BaselineComparison {
  /** Differences the baseline does not list: each one fails the check. */
  readonly unexpected: readonly DiffEntry[];
  /** Baseline entries that no longer occur: the baseline is stale and must be regenerated (it only shrinks). */
  readonly stale: readonly DiffEntry[];
  /** Set when the baseline was generated against another upstream version than the diff. */
  readonly versionMismatch?: { readonly baseline: string; readonly pinned: string };
}

/** Script that regenerates the baseline (quoted in its header and in error messages). */
export const BASELINE_COMMAND = 'pnpm --filter @cask/conformance version:baseline';

/** Human label of a kind, singular. */
const KIND_LABEL: Record<DiffKind, string> = {
  definitions: 'definition',
  clientRequests: 'client request',
  serverNotifications: 'server notification',
  serverRequests: 'server request',
  clientNotifications: 'client notification',
};

/** How a change reads in a report line. */
const CHANGE_LABEL: Record<ChangeKind, string> = {
  added: 'added upstream (missing from ours)',
  removed: 'removed upstream (only in ours)',
  changed: 'changed (not equivalent)',
};

function kindDiff(c: Coverage): KindDiff {
  return {
    added: [...c.uncovered].sort(),
    removed: [...c.unknown].sort(),
    changed: [...c.notEquivalent].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

/** Reads the differences of one bundle pair off a conformance {@link BundleReport}. */
export function diffFromReport(bundle: BundleName, report: Pick<BundleReport, 'definitions' | 'methods'>): BundleDiff {
  const kinds = { definitions: kindDiff(report.definitions) } as Record<DiffKind, KindDiff>;
  for (const group of Object.keys(METHOD_UNIONS) as MethodGroup[]) kinds[group] = kindDiff(report.methods[group]);
  return { bundle, kinds };
}

/**
 * Compares our bundle with upstream's: every method of the four unions and every definition, added, removed or
 * changed (not equivalent by {@link checkBundle}: structure and sampled behaviour).
 *
 * @param options - passed to {@link checkBundle} (e.g. `structuralOnly`)
 */
export function diffBundle(
  bundle: BundleName,
  ours: SchemaBundle,
  upstream: SchemaBundle,
  options: CheckOptions = {},
): BundleDiff {
  return diffFromReport(bundle, checkBundle(bundle, ours, upstream, options));
}

/** Flattens a diff into one entry per difference, in report order. */
export function diffEntries(diff: Pick<ProtocolDiff, 'bundles'>): DiffEntry[] {
  const out: DiffEntry[] = [];
  for (const b of diff.bundles) {
    for (const kind of DIFF_KINDS) {
      const k = b.kinds[kind];
      for (const name of k.added) out.push({ bundle: b.bundle, kind, change: 'added', name });
      for (const name of k.removed) out.push({ bundle: b.bundle, kind, change: 'removed', name });
      for (const c of k.changed) out.push({ bundle: b.bundle, kind, change: 'changed', name: c.name });
    }
  }
  return out;
}

/** One line for a difference, e.g. `stable: client request "fs/readFile" added upstream (missing from ours)`. */
export function describeEntry(e: DiffEntry): string {
  return `${e.bundle}: ${KIND_LABEL[e.kind]} "${e.name}" ${CHANGE_LABEL[e.change]}`;
}

/** Number of differences of a diff. */
export function diffCount(diff: Pick<ProtocolDiff, 'bundles'>): number {
  return diffEntries(diff).length;
}

/**
 * Renders the full difference list: a count table per bundle, then every difference (changed items with the
 * checker's reasons).
 */
export function formatDiff(diff: ProtocolDiff): string {
  const lines = [`Protocol differences against codex ${diff.codexVersion}: ${diffCount(diff)}`];
  for (const b of diff.bundles) {
    lines.push('', `[${b.bundle}]`);
    for (const kind of DIFF_KINDS) {
      const k = b.kinds[kind];
      lines.push(
        `  ${KIND_LABEL[kind]}s: ${k.added.length} added, ${k.removed.length} removed, ${k.changed.length} changed`,
      );
    }
    for (const kind of DIFF_KINDS) {
      const k = b.kinds[kind];
      if (k.added.length)
        lines.push(`  ${KIND_LABEL[kind]}s added upstream (missing from ours): ${k.added.join(', ')}`);
      if (k.removed.length)
        lines.push(`  ${KIND_LABEL[kind]}s removed upstream (only in ours): ${k.removed.join(', ')}`);
      for (const c of k.changed) {
        lines.push(`  ${KIND_LABEL[kind]} changed: ${c.name}`);
        for (const r of c.reasons) lines.push(`    - ${r}`);
      }
    }
  }
  return lines.join('\n');
}

function emptyKinds(): { [K in DiffKind]: BaselineKind } {
  const out = {} as { [K in DiffKind]: BaselineKind };
  for (const kind of DIFF_KINDS) out[kind] = { added: [], removed: [], changed: [] };
  return out;
}

/** The baseline that accepts exactly the differences of `diff`. */
export function baselineOf(diff: ProtocolDiff): VersionBaseline {
  const bundles = { stable: emptyKinds(), experimental: emptyKinds() };
  for (const e of diffEntries(diff)) bundles[e.bundle][e.kind][e.change].push(e.name);
  for (const b of BUNDLE_NAMES) for (const kind of DIFF_KINDS) for (const c of CHANGE_KINDS) bundles[b][kind][c].sort();
  return {
    $comment:
      `Generated by \`${BASELINE_COMMAND}\` (tools/conformance/src/version-baseline.ts); do not edit by hand. ` +
      'Known differences between our schema and the pinned upstream codex schema, accepted by test/version.test.ts ' +
      'while the protocol is incomplete; it should shrink to empty. See tools/conformance/README.md, "Version check".',
    codexVersion: diff.codexVersion,
    bundles,
  };
}

function baselineEntries(baseline: VersionBaseline): DiffEntry[] {
  const out: DiffEntry[] = [];
  for (const bundle of BUNDLE_NAMES) {
    for (const kind of DIFF_KINDS) {
      for (const change of CHANGE_KINDS) {
        for (const name of baseline.bundles[bundle][kind][change]) out.push({ bundle, kind, change, name });
      }
    }
  }
  return out;
}

const keyOf = (e: DiffEntry) => `${e.bundle}\u0000${e.kind}\u0000${e.change}\u0000${e.name}`;

/**
 * Compares a diff with the baseline: differences it does not list (`unexpected`), entries of it that no longer occur
 * (`stale`), and whether it was generated against the same upstream version.
 */
export function compareWithBaseline(diff: ProtocolDiff, baseline: VersionBaseline): BaselineComparison {
  const current = diffEntries(diff);
  const accepted = baselineEntries(baseline);
  const currentKeys = new Set(current.map(keyOf));
  const acceptedKeys = new Set(accepted.map(keyOf));
  return {
    unexpected: current.filter((e) => !acceptedKeys.has(keyOf(e))),
    stale: accepted.filter((e) => !currentKeys.has(keyOf(e))),
    ...(baseline.codexVersion !== diff.codexVersion
      ? { versionMismatch: { baseline: baseline.codexVersion, pinned: diff.codexVersion } }
      : {}),
  };
}

/**
 * Failure messages of a baseline comparison (empty when the check passes). A version mismatch fails only while the
 * baseline accepts something: its entries were judged against another upstream version and could hide changes.
 */
export function baselineFailures(
  cmp: BaselineComparison,
  baseline: VersionBaseline,
  baselineFile = 'version-baseline.json',
): string[] {
  const out: string[] = [];
  for (const e of cmp.unexpected) out.push(`new difference: ${describeEntry(e)}`);
  for (const e of cmp.stale)
    out.push(`stale baseline entry (no longer a difference; run \`${BASELINE_COMMAND}\`): ${describeEntry(e)}`);
  if (cmp.versionMismatch && baselineEntries(baseline).length > 0) {
    out.push(
      `${baselineFile} was generated against codex ${cmp.versionMismatch.baseline}, the pinned version is ${cmp.versionMismatch.pinned}: ` +
        `review the difference list, then regenerate it with \`${BASELINE_COMMAND}\``,
    );
  }
  return out;
}

/**
 * Reads and checks a baseline file.
 *
 * @throws Error naming the file and the offending path when it is missing or malformed
 */
export function readBaseline(file: string): VersionBaseline {
  if (!existsSync(file))
    throw new Error(`version baseline ${file} does not exist; generate it with \`${BASELINE_COMMAND}\``);
  let doc: JsonValue;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8')) as JsonValue;
  } catch (error) {
    throw new Error(`version baseline ${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  return parseBaseline(doc, file);
}

/**
 * Checks that `doc` is a {@link VersionBaseline}.
 *
 * @throws Error naming `source` and the JSON path that is wrong
 */
export function parseBaseline(doc: JsonValue, source = '<memory>'): VersionBaseline {
  const fail = (path: string, what: string): never => {
    throw new Error(`version baseline ${source}: ${path} ${what}`);
  };
  if (!isObject(doc)) return fail('(root)', 'must be an object');
  if (typeof doc['codexVersion'] !== 'string') fail('codexVersion', 'must be a string');
  const bundles = doc['bundles'];
  if (!isObject(bundles)) return fail('bundles', 'must be an object');
  for (const key of Object.keys(bundles))
    if (!BUNDLE_NAMES.includes(key as BundleName))
      fail(`bundles.${key}`, `is not a bundle (expected ${BUNDLE_NAMES.join(', ')})`);
  for (const b of BUNDLE_NAMES) {
    const kinds = bundles[b];
    if (!isObject(kinds)) return fail(`bundles.${b}`, 'must be an object');
    for (const key of Object.keys(kinds))
      if (!DIFF_KINDS.includes(key as DiffKind))
        fail(`bundles.${b}.${key}`, `is not a kind (expected ${DIFF_KINDS.join(', ')})`);
    for (const kind of DIFF_KINDS) {
      const changes = kinds[kind];
      if (!isObject(changes)) return fail(`bundles.${b}.${kind}`, 'must be an object');
      for (const key of Object.keys(changes))
        if (!CHANGE_KINDS.includes(key as ChangeKind))
          fail(`bundles.${b}.${kind}.${key}`, `is not a change (expected ${CHANGE_KINDS.join(', ')})`);
      for (const c of CHANGE_KINDS) {
        const names = changes[c];
        if (!Array.isArray(names) || names.some((n) => typeof n !== 'string'))
          fail(`bundles.${b}.${kind}.${c}`, 'must be an array of strings');
      }
    }
  }
  return doc as unknown as VersionBaseline;
}

/** Writes a baseline as pretty JSON with a trailing newline. */
export function writeBaseline(file: string, baseline: VersionBaseline): void {
  writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
}

/**
 * Computes the live diff: generates the pinned upstream's schema (stable and `--experimental`) into a temp dir that is
 * deleted afterwards, and compares it with our schema (`$CASK_SCHEMA_DIR` or the installed `@cask/schema`).
 */
export function liveProtocolDiff(options: CheckOptions = {}, oursRoot?: string): ProtocolDiff {
  const ours = ourSchemaDirs(oursRoot);
  const dir = mkdtempSync(join(tmpdir(), 'cask-version-upstream-'));
  try {
    const bundles = BUNDLE_NAMES.map((which) => {
      const upDir = generateUpstreamSchema(
        join(dir, which === 'stable' ? 'json' : 'json-experimental'),
        which === 'experimental',
      );
      return diffBundle(
        which,
        loadBundle(ours[which], `ours/${which}`),
        loadBundle(upDir, `upstream/${which}`),
        options,
      );
    });
    return { codexVersion: pinnedCodex().version, bundles };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
