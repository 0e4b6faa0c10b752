/**
 * @packageDocumentation
 * Conformance checks of our generated JSON Schema against the schema the pinned upstream `codex` binary generates.
 */
export { BUNDLE_FILE, BundleError, bundleFromDocument, definitionNames, loadBundle, resolveRef } from './bundle.js';
export type { DefinitionEntry, Namespace, ResolvedRef, SchemaBundle } from './bundle.js';
export { INTEGER_FORMATS, NUMBER_FORMATS, addCodexFormats } from './formats.js';
export type { IntegerRange } from './formats.js';
export { BundleValidator } from './validate.js';
export type { Verdict } from './validate.js';
export { compareSchemas } from './structural.js';
export type { StructuralDifference } from './structural.js';
export { SchemaSampler, SamplerError, integerArbitrary } from './sampler.js';
export type { SamplerOptions } from './sampler.js';
export { EXTRA_PROPERTY, OUT_OF_ENUM, mutants } from './mutate.js';
export type { Mutant } from './mutate.js';
export { compareBehaviour } from './behaviour.js';
export type { BehaviourOptions, BehaviourResult, BehaviourSide, Disagreement } from './behaviour.js';
export {
  METHOD_UNIONS,
  UNION_LEVEL_ITEM,
  checkBundle,
  compareDefinition,
  compareUnionLevel,
  describeDisagreement,
  failuresOf,
  methodsOf,
  prepare,
  referencedDefinitions,
} from './conformance.js';
export type {
  BundleReport,
  CheckOptions,
  Coverage,
  ItemResult,
  MethodGroup,
  MethodVariant,
  PreparedBundle,
} from './conformance.js';
export { METHOD_GROUPS, buildReport, formatReport, writeReport } from './report.js';
export type { ConformanceReport, ReportBundle } from './report.js';
export { generateUpstreamSchema, pinnedCodex } from './upstream.js';
export type { JsonObject, JsonValue } from './json.js';
export { cloneJson, hash32, isObject, preview } from './json.js';
export { ourSchemaDirs, ourSchemaRoot } from './ours.js';
export { jsonFiles, unknownFiles } from './files.js';
export {
  BASELINE_COMMAND,
  BUNDLE_NAMES,
  CHANGE_KINDS,
  DIFF_KINDS,
  baselineFailures,
  baselineOf,
  compareWithBaseline,
  describeEntry,
  diffBundle,
  diffCount,
  diffEntries,
  diffFromReport,
  formatDiff,
  liveProtocolDiff,
  parseBaseline,
  readBaseline,
  writeBaseline,
} from './version.js';
export type {
  BaselineComparison,
  BaselineKind,
  BundleDiff,
  BundleName,
  ChangeKind,
  DiffEntry,
  DiffKind,
  KindDiff,
  ProtocolDiff,
  VersionBaseline,
} from './version.js';
