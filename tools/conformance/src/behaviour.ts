import type { SchemaBundle } from './bundle.js';
import { hash32, type JsonValue } from './json.js';
import { mutants } from './mutate.js';
import type { SchemaSampler } from './sampler.js';
import { SamplerError } from './sampler.js';
import type { BundleValidator, Verdict } from './validate.js';

/** How many instances the behavioural check draws and derives per definition. */
export interface BehaviourOptions {
  /** Valid instances sampled from each side's schema. Default 8. */
  readonly samplesPerSide?: number;
  /** Mutants (derived invalid-ish instances) checked per definition, at most. Default 48. */
  readonly maxMutants?: number;
  /** Base seed; each definition's seed is derived from it and the definition name. Default 0x5eed. */
  readonly seed?: number;
}

/** One side of a behavioural comparison. */
export interface BehaviourSide {
  readonly bundle: SchemaBundle;
  readonly validator: BundleValidator;
  readonly sampler: SchemaSampler;
  /** Pointer of the definition on this side. */
  readonly pointer: string;
}

/** The first instance the two schemas judge differently. */
export interface Disagreement {
  /** Where the instance came from. */
  readonly origin: 'ours-sample' | 'upstream-sample' | 'mutant';
  /** For mutants: what was mutated, and where. */
  readonly mutation?: string;
  readonly instance: JsonValue;
  readonly ours: Verdict;
  readonly upstream: Verdict;
}

/** Outcome of the behavioural comparison of one definition. */
export interface BehaviourResult {
  readonly disagreement?: Disagreement;
  /** Valid samples drawn from our schema / upstream's (after dropping draws the own schema rejects). */
  readonly samples: { readonly ours: number; readonly upstream: number };
  /** Draws the sampler produced that the own schema rejected (oneOf overlap and the like). */
  readonly rejectedDraws: { readonly ours: number; readonly upstream: number };
  readonly mutantsChecked: number;
  /** Sampler problems (the comparison still uses whatever the other side produced). */
  readonly notes: readonly string[];
}

/**
 * Samples valid instances from both schemas, validates each with the other side, then mutates them and checks that
 * both sides give the same verdict on every mutant. Deterministic for a given seed and definition name.
 */
export function compareBehaviour(
  name: string,
  ours: BehaviourSide,
  upstream: BehaviourSide,
  options: BehaviourOptions = {},
): BehaviourResult {
  const count = options.samplesPerSide ?? 8;
  const maxMutants = options.maxMutants ?? 48;
  const seed = hash32(`${options.seed ?? 0x5eed}:${name}`);
  const notes: string[] = [];
  const draw = (side: BehaviourSide, label: string, s: number): { valid: JsonValue[]; rejected: number } => {
    let drawn: JsonValue[] = [];
    try {
      drawn = side.sampler.sample(side.pointer, count, s);
    } catch (error) {
      notes.push(`${label} sampler: ${error instanceof SamplerError ? error.message : String(error)}`);
    }
    const valid = drawn.filter((x) => side.validator.check(side.pointer, x).valid);
    return { valid, rejected: drawn.length - valid.length };
  };
  const o = draw(ours, 'ours', seed);
  const u = draw(upstream, 'upstream', seed ^ 0x9e3779b9);
  const judge = (instance: JsonValue) => ({
    ours: ours.validator.check(ours.pointer, instance),
    upstream: upstream.validator.check(upstream.pointer, instance),
  });
  const done = (disagreement?: Disagreement, mutantsChecked = 0): BehaviourResult => ({
    ...(disagreement ? { disagreement } : {}),
    samples: { ours: o.valid.length, upstream: u.valid.length },
    rejectedDraws: { ours: o.rejected, upstream: u.rejected },
    mutantsChecked,
    notes,
  });
  for (const instance of o.valid) {
    const v = judge(instance);
    if (!v.upstream.valid) return done({ origin: 'ours-sample', instance, ...v });
  }
  for (const instance of u.valid) {
    const v = judge(instance);
    if (!v.ours.valid) return done({ origin: 'upstream-sample', instance, ...v });
  }
  const seen = new Set<string>();
  const all = [...u.valid, ...o.valid]
    .flatMap((x) => mutants(x))
    .filter((m) => {
      const key = JSON.stringify(m.value);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  // Deterministic spread over all mutants when there are more than the budget.
  const stride = Math.max(1, all.length / maxMutants);
  let checked = 0;
  for (let m = all[0]; m !== undefined && checked < maxMutants; m = all[Math.floor(stride * ++checked)]) {
    const v = judge(m.value);
    if (v.ours.valid !== v.upstream.valid) {
      return done(
        { origin: 'mutant', mutation: `${m.mutation} at ${m.path || '/'}`, instance: m.value, ...v },
        checked + 1,
      );
    }
  }
  return done(undefined, checked);
}
