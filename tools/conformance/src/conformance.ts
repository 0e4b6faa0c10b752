import { resolveRef, type DefinitionEntry, type SchemaBundle } from './bundle.js';
import { compareBehaviour, type BehaviourOptions, type BehaviourResult, type Disagreement } from './behaviour.js';
import { isObject, preview, type JsonObject, type JsonValue } from './json.js';
import { SchemaSampler, type SamplerOptions } from './sampler.js';
import { compareSchemas, type StructuralDifference } from './structural.js';
import { BundleValidator } from './validate.js';

/** The four method unions, by report key. */
export const METHOD_UNIONS = {
  clientRequests: 'ClientRequest',
  serverNotifications: 'ServerNotification',
  serverRequests: 'ServerRequest',
  clientNotifications: 'ClientNotification',
} as const;

/** Report key of a method union. */
export type MethodGroup = keyof typeof METHOD_UNIONS;

/** Comparison result of one definition (or one method). */
export interface ItemResult {
  readonly name: string;
  readonly equivalent: boolean;
  /** Human-readable reasons when not equivalent: structural differences, then the behavioural disagreement. */
  readonly reasons: readonly string[];
  readonly structural: readonly StructuralDifference[];
  readonly behaviour?: BehaviourResult;
}

/** Coverage of one kind of item (definitions or one method group) in one bundle. */
export interface Coverage {
  readonly upstreamTotal: number;
  readonly oursTotal: number;
  readonly covered: number;
  readonly equivalent: number;
  /** Upstream items we do not have (all of them, sorted). */
  readonly uncovered: readonly string[];
  /** Items we have that upstream does not: name mismatches, a failure. */
  readonly unknown: readonly string[];
  /**
   * Items that differ. For a method group this also lists {@link UNION_LEVEL_ITEM} when the members the union
   * declares beside its `oneOf` (union-level `properties` / `required`) differ from upstream's.
   */
  readonly notEquivalent: readonly { readonly name: string; readonly reasons: readonly string[] }[];
}

/** Conformance of one bundle pair (stable or experimental). */
export interface BundleReport {
  readonly bundle: string;
  readonly ours: string;
  readonly upstream: string;
  readonly definitions: Coverage;
  readonly methods: Readonly<Record<MethodGroup, Coverage>>;
  readonly results: readonly ItemResult[];
  /** Covered definitions whose namespace (top level / `v2`) differs from upstream's: reported, not a failure. */
  readonly misplaced: readonly string[];
  readonly durationMs: number;
}

/** Options of {@link checkBundle}. */
export interface CheckOptions {
  readonly behaviour?: BehaviourOptions;
  readonly sampler?: SamplerOptions;
  /** Skip the behavioural check (structural only). */
  readonly structuralOnly?: boolean;
  /** Compare only these definition names (default: every name in both bundles). */
  readonly only?: readonly string[];
  /** Maximum structural differences recorded per definition. Default 10. */
  readonly maxDifferences?: number;
}

/** Prepared side of a comparison: bundle, ajv validator, sampler. Reusable across calls. */
export interface PreparedBundle {
  readonly bundle: SchemaBundle;
  readonly validator: BundleValidator;
  readonly sampler: SchemaSampler;
}

/** Wraps a bundle with its validator and sampler. */
export function prepare(bundle: SchemaBundle, sampler?: SamplerOptions): PreparedBundle {
  return { bundle, validator: new BundleValidator(bundle), sampler: new SchemaSampler(bundle, sampler) };
}

function toPrepared(x: SchemaBundle | PreparedBundle, options: CheckOptions): PreparedBundle {
  return 'validator' in x ? x : prepare(x, options.sampler);
}

/** Pairs each of our entries of a name with upstream's entry in the same namespace (else upstream's first). */
function pairEntries(
  ours: readonly DefinitionEntry[],
  up: readonly DefinitionEntry[],
): [DefinitionEntry, DefinitionEntry][] {
  const fallback = up[0];
  if (!fallback) throw new Error('upstream has no entry to pair with');
  return ours.map((o) => [o, up.find((u) => u.namespace === o.namespace) ?? fallback]);
}

/** Renders a disagreement as one line. */
export function describeDisagreement(d: Disagreement): string {
  const verdict = (v: { valid: boolean; error?: string }) =>
    v.valid ? 'accepts' : `rejects (${v.error ?? 'invalid'})`;
  const what =
    d.origin === 'mutant'
      ? `mutant (${d.mutation})`
      : d.origin === 'ours-sample'
        ? 'sample from our schema'
        : 'sample from upstream schema';
  return `behaviour: ${what} ${preview(d.instance, 200)}: ours ${verdict(d.ours)}, upstream ${verdict(d.upstream)}`;
}

/**
 * Compares one definition name present in both bundles, structurally and (unless disabled) behaviourally.
 */
export function compareDefinition(
  name: string,
  oursIn: SchemaBundle | PreparedBundle,
  upstreamIn: SchemaBundle | PreparedBundle,
  options: CheckOptions = {},
): ItemResult {
  const ours = toPrepared(oursIn, options);
  const up = toPrepared(upstreamIn, options);
  const oe = ours.bundle.definitions.get(name);
  const ue = up.bundle.definitions.get(name);
  if (!oe || !ue) throw new Error(`definition "${name}" is missing from ${!oe ? ours.bundle.label : up.bundle.label}`);
  const structural: StructuralDifference[] = [];
  let behaviour: BehaviourResult | undefined;
  for (const [o, u] of pairEntries(oe, ue)) {
    const label = oe.length > 1 ? `${name}(${o.namespace})` : name;
    structural.push(
      ...compareSchemas(
        { bundle: ours.bundle, schema: o.schema },
        { bundle: up.bundle, schema: u.schema },
        label,
        options.maxDifferences ?? 10,
      ),
    );
    if (!options.structuralOnly && !behaviour?.disagreement) {
      behaviour = compareBehaviour(
        name,
        { ...ours, pointer: o.pointer },
        { ...up, pointer: u.pointer },
        options.behaviour,
      );
    }
  }
  const reasons = structural.map((d) => `${d.path}: ${d.message}`);
  if (behaviour?.disagreement) reasons.push(describeDisagreement(behaviour.disagreement));
  return { name, equivalent: reasons.length === 0, reasons, structural, ...(behaviour ? { behaviour } : {}) };
}

/** One method variant of a method union. */
export interface MethodVariant {
  readonly method: string;
  readonly schema: JsonObject;
  /** Definition name the variant's `params` refers to, when it is a `$ref`. */
  readonly paramsRef?: string;
}

/**
 * Lists the methods of a union definition (`ClientRequest`, …): one per `oneOf`/`anyOf` entry, named by the single value
 * of its `method` enum (or const).
 *
 * @throws Error naming the union and entry index when an entry has no single method name
 */
export function methodsOf(bundle: SchemaBundle, unionName: string): Map<string, MethodVariant> {
  const out = new Map<string, MethodVariant>();
  const entry = bundle.definitions.get(unionName)?.[0];
  if (!entry) return out;
  const deref = (node: JsonValue): JsonValue => {
    let n = node;
    for (let i = 0; i < 16 && isObject(n) && typeof n['$ref'] === 'string'; i++)
      n = resolveRef(bundle, n['$ref']).schema;
    return n;
  };
  const root = deref(entry.schema);
  const variants = isObject(root) ? (root['oneOf'] ?? root['anyOf']) : undefined;
  if (!Array.isArray(variants)) throw new Error(`${bundle.label}: ${unionName} is not a oneOf/anyOf union`);
  variants.forEach((raw, i) => {
    const v = deref(raw);
    const props = isObject(v) && isObject(v['properties']) ? v['properties'] : undefined;
    const m = props ? deref(props['method'] as JsonValue) : undefined;
    const name = isObject(m)
      ? typeof m['const'] === 'string'
        ? m['const']
        : Array.isArray(m['enum']) && m['enum'].length === 1
          ? m['enum'][0]
          : undefined
      : undefined;
    if (typeof name !== 'string' || !isObject(v))
      throw new Error(`${bundle.label}: ${unionName} entry ${i} has no single "method" value`);
    const params = props?.['params'];
    const paramsRef =
      isObject(params) && typeof params['$ref'] === 'string' ? params['$ref'].split('/').pop() : undefined;
    out.set(name, { method: name, schema: v, ...(paramsRef ? { paramsRef } : {}) });
  });
  return out;
}

/** Name under which union-level differences of a method union are reported in its group's `notEquivalent`. */
export const UNION_LEVEL_ITEM = '(union-level members)';

/** The members a union definition declares beside its `oneOf`/`anyOf`: `properties` and `required`. */
function unionLevelOf(bundle: SchemaBundle, unionName: string): { properties: JsonObject; required: string[] } {
  const entry = bundle.definitions.get(unionName)?.[0];
  let root: JsonValue | undefined = entry?.schema;
  for (let i = 0; i < 16 && isObject(root) && typeof root['$ref'] === 'string'; i++)
    root = resolveRef(bundle, root['$ref']).schema;
  if (!isObject(root)) return { properties: {}, required: [] };
  const properties = isObject(root['properties']) ? root['properties'] : {};
  const required = Array.isArray(root['required'])
    ? root['required'].filter((r): r is string => typeof r === 'string')
    : [];
  return { properties, required };
}

/**
 * Compares the union-level members of a method union (what every variant carries, such as a server notification's
 * `emittedAtMs`): property names, each shared property's schema, and `required`.
 * @returns one reason per difference; empty when they agree
 */
export function compareUnionLevel(
  unionName: string,
  ours: SchemaBundle | PreparedBundle,
  upstream: SchemaBundle | PreparedBundle,
): string[] {
  const ob = 'bundle' in ours ? ours.bundle : ours;
  const ub = 'bundle' in upstream ? upstream.bundle : upstream;
  const o = unionLevelOf(ob, unionName);
  const u = unionLevelOf(ub, unionName);
  const reasons: string[] = [];
  for (const name of Object.keys(u.properties).sort()) {
    const up = u.properties[name];
    const our = o.properties[name];
    if (our === undefined || up === undefined) {
      reasons.push(`${unionName}: union-level property "${name}" is missing from ours`);
      continue;
    }
    const structural = compareSchemas(
      { bundle: ob, schema: our },
      { bundle: ub, schema: up },
      `${unionName}.properties.${name}`,
    );
    reasons.push(...structural.map((d) => `${d.path}: ${d.message}`));
  }
  for (const name of Object.keys(o.properties).sort()) {
    if (!(name in u.properties)) reasons.push(`${unionName}: union-level property "${name}" is only in ours`);
  }
  const onlyOurs = o.required.filter((r) => !u.required.includes(r)).sort();
  const onlyUp = u.required.filter((r) => !o.required.includes(r)).sort();
  if (onlyOurs.length > 0 || onlyUp.length > 0) {
    reasons.push(
      `${unionName}: union-level required differs: only in ours ${JSON.stringify(onlyOurs)}, only upstream ${JSON.stringify(onlyUp)}`,
    );
  }
  return reasons;
}

function coverage(upNames: string[], ourNames: string[], results: ItemResult[]): Coverage {
  const up = new Set(upNames);
  const ours = new Set(ourNames);
  const notEquivalent = results.filter((r) => !r.equivalent).map((r) => ({ name: r.name, reasons: r.reasons }));
  return {
    upstreamTotal: up.size,
    oursTotal: ours.size,
    covered: results.length,
    equivalent: results.length - notEquivalent.length,
    uncovered: [...up].filter((n) => !ours.has(n)).sort(),
    unknown: [...ours].filter((n) => !up.has(n)).sort(),
    notEquivalent,
  };
}

/**
 * Checks our bundle against upstream's: every definition present in both (the four method unions are compared per
 * method instead, plus their union-level members), plus method coverage of `ClientRequest`, `ServerNotification`,
 * `ServerRequest`, `ClientNotification`.
 */
export function checkBundle(
  bundleName: string,
  oursIn: SchemaBundle | PreparedBundle,
  upstreamIn: SchemaBundle | PreparedBundle,
  options: CheckOptions = {},
): BundleReport {
  const started = Date.now();
  const ours = toPrepared(oursIn, options);
  const up = toPrepared(upstreamIn, options);
  const unions = new Set<string>(Object.values(METHOD_UNIONS));
  const upNames = [...up.bundle.definitions.keys()].filter((n) => !unions.has(n));
  const ourNames = [...ours.bundle.definitions.keys()].filter((n) => !unions.has(n));
  const only = options.only ? new Set(options.only) : undefined;
  const results: ItemResult[] = [];
  const byName = new Map<string, ItemResult>();
  for (const name of ourNames.sort()) {
    if (!up.bundle.definitions.has(name) || (only && !only.has(name))) continue;
    results.push(compareDefinition(name, ours, up, options));
  }
  annotateDependencies(ours.bundle, results);
  for (const r of results) byName.set(r.name, r);
  const methods = {} as Record<MethodGroup, Coverage>;
  for (const [group, unionName] of Object.entries(METHOD_UNIONS) as [MethodGroup, string][]) {
    const upMethods = methodsOf(up.bundle, unionName);
    const ourMethods = methodsOf(ours.bundle, unionName);
    const methodResults: ItemResult[] = [];
    for (const [method, ov] of ourMethods) {
      const uv = upMethods.get(method);
      if (!uv) continue;
      const structural = compareSchemas(
        { bundle: ours.bundle, schema: ov.schema },
        { bundle: up.bundle, schema: uv.schema },
        `${unionName}[method=${method}]`,
      );
      const reasons = structural.map((d) => `${d.path}: ${d.message}`);
      const params = ov.paramsRef && ov.paramsRef === uv.paramsRef ? byName.get(ov.paramsRef) : undefined;
      if (params && !params.equivalent) reasons.push(`params ${ov.paramsRef} is not equivalent`);
      methodResults.push({ name: method, equivalent: reasons.length === 0, reasons, structural });
    }
    const cov = coverage([...upMethods.keys()], [...ourMethods.keys()], methodResults);
    // Members declared beside the union's oneOf apply to every method, so a per-method comparison never sees them.
    const inBoth = ours.bundle.definitions.has(unionName) && up.bundle.definitions.has(unionName);
    const unionLevel = inBoth ? compareUnionLevel(unionName, ours, up) : [];
    methods[group] =
      unionLevel.length === 0
        ? cov
        : { ...cov, notEquivalent: [...cov.notEquivalent, { name: UNION_LEVEL_ITEM, reasons: unionLevel }] };
  }
  return {
    bundle: bundleName,
    ours: ours.bundle.source,
    upstream: up.bundle.source,
    definitions: coverage(upNames, ourNames, results),
    methods,
    results,
    misplaced: results
      .map((r) => r.name)
      .filter((n) => {
        const ns = (b: SchemaBundle) =>
          [...new Set((b.definitions.get(n) ?? []).map((e) => e.namespace))].sort().join();
        return ns(ours.bundle) !== ns(up.bundle);
      }),
    durationMs: Date.now() - started,
  };
}

/** Names of all definitions reachable from `name` through `$ref`s (excluding `name`). */
export function referencedDefinitions(bundle: SchemaBundle, name: string): Set<string> {
  const seen = new Set<string>();
  const queue = [...(bundle.definitions.get(name) ?? [])].map((e) => e.schema);
  while (queue.length) {
    const text = JSON.stringify(queue.pop());
    for (const [, ref = ''] of text.matchAll(/"\$ref":"([^"]+)"/g)) {
      const target = ref.slice(ref.lastIndexOf('/') + 1);
      if (target === name || seen.has(target)) continue;
      seen.add(target);
      for (const e of bundle.definitions.get(target) ?? []) queue.push(e.schema);
    }
  }
  return seen;
}

/**
 * A definition that only differs behaviourally often inherits the difference from a definition it references: add a
 * hint naming the referenced definitions that differ structurally (the likely root cause).
 */
function annotateDependencies(bundle: SchemaBundle, results: ItemResult[]): void {
  const rootCauses = new Set(results.filter((r) => r.structural.length > 0).map((r) => r.name));
  if (!rootCauses.size) return;
  for (const [i, r] of results.entries()) {
    if (r.equivalent || r.structural.length > 0) continue;
    const causes = [...referencedDefinitions(bundle, r.name)].filter((n) => rootCauses.has(n)).sort();
    if (causes.length)
      results[i] = { ...r, reasons: [...r.reasons, `hint: references non-equivalent ${causes.join(', ')}`] };
  }
}

/** Failures of a bundle report: non-equivalent covered items and names we have that upstream does not. */
export function failuresOf(report: Pick<BundleReport, 'bundle' | 'definitions' | 'methods'>): string[] {
  const out: string[] = [];
  const groups: [string, Coverage][] = [
    ['definition', report.definitions],
    ...Object.entries(report.methods).map(([g, c]) => [g, c] as [string, Coverage]),
  ];
  for (const [kind, c] of groups) {
    for (const n of c.unknown) out.push(`${report.bundle}: ${kind} "${n}" is in our schema but not upstream`);
    for (const ne of c.notEquivalent)
      out.push(`${report.bundle}: ${kind} "${ne.name}" is not equivalent: ${ne.reasons.join('; ')}`);
  }
  return out;
}
