/**
 * Turns raw ajv errors into a short list of {@link ValidationIssue}s.
 *
 * ajv reports every failing branch of a `oneOf`/`anyOf`, which for a tagged
 * union of twenty shapes means dozens of errors about shapes the value was
 * never meant to have. Here each failed union is re-examined: the branch the
 * value was meant to match is picked (by its discriminator, e.g. a matching
 * `type`, else the branch with the fewest errors), re-validated on its own
 * with that branch's precompiled validator, and only its errors are kept.
 * @module
 */
import { describeFormat } from './formats.js';

/** One problem found in a value. */
export interface ValidationIssue {
  /** JSON pointer into the validated value (`""` is the value itself). */
  pointer: string;
  /** What is wrong, in words (`must be one of "text", "image"`). */
  reason: string;
  /** The JSON Schema keyword that failed (`enum`, `required`, `type`, `format`, ...). */
  keyword: string;
  /** A short JSON rendering of the offending value, when there is one. */
  got?: string;
}

/** The subset of an ajv error object this module reads. */
export interface RawError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A precompiled ajv standalone validator. */
export interface CompiledValidator {
  (
    data: unknown,
    ctx?: { instancePath?: string; parentData?: unknown; parentDataProperty?: string | number; rootData?: unknown },
  ): boolean;
  errors?: RawError[] | null;
}

/** What the explainer needs to know about one compiled bundle. */
export interface ExplainContext {
  /** The bundle's `definitions`, to walk schemas along an instance path. */
  definitions: Record<string, unknown>;
  /** JSON pointer of each oneOf/anyOf site → validator of each branch. */
  branchValidators(sitePointer: string): CompiledValidator[] | undefined;
}

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Splits a JSON pointer into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const escapeSegment = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The value at `pointer` inside `root` (undefined when absent). */
export function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const seg of pointerSegments(pointer)) {
    if (Array.isArray(node)) node = node[Number(seg)];
    else if (isObject(node)) node = Object.hasOwn(node, seg) ? node[seg] : undefined;
    else return undefined;
  }
  return node;
}

/**
 * A short JSON rendering of a value for messages: at most `max` characters,
 * ending with `…` when cut. It writes only as much as it shows, so a 50 MB
 * string, a million-element array or a value nested 100 000 deep costs a few
 * dozen characters of work (each level nests at least one character, so the
 * recursion is as shallow as `max`), and a cycle is cut like any long value.
 */
export function preview(value: unknown, max = 60): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return typeof value;
  const out = new PreviewWriter(max + 1);
  out.value(value);
  const text = out.text;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** JSON.stringify's output for JSON-like values, stopping once `budget` characters are written. */
class PreviewWriter {
  text = '';
  constructor(private readonly budget: number) {}

  private full(): boolean {
    return this.text.length >= this.budget;
  }

  private put(s: string): void {
    this.text += s.length > this.budget - this.text.length ? s.slice(0, this.budget - this.text.length) : s;
  }

  value(v: unknown): void {
    if (this.full()) return;
    if (v !== null && typeof v === 'object' && 'toJSON' in v && typeof v.toJSON === 'function') {
      try {
        v = (v as { toJSON: () => unknown }).toJSON(); // cast: checked just above (a Date, say)
      } catch {
        v = null;
      }
    }
    if (v === null || v === undefined || typeof v === 'function' || typeof v === 'symbol') this.put('null');
    else if (typeof v === 'string') this.put(JSON.stringify(v.slice(0, this.budget - this.text.length)));
    else if (typeof v === 'number') this.put(Number.isFinite(v) ? String(v) : 'null');
    else if (typeof v === 'boolean' || typeof v === 'bigint') this.put(String(v));
    else if (Array.isArray(v)) {
      this.put('[');
      for (let i = 0; i < v.length && !this.full(); i++) {
        if (i > 0) this.put(',');
        this.value(v[i]);
      }
      this.put(']');
    } else if (typeof v === 'object') {
      this.put('{');
      let first = true;
      const record = v as Record<string, unknown>; // cast: a non-array object, read by key
      for (const key in record) {
        if (this.full()) break;
        if (!Object.hasOwn(record, key)) continue;
        const item = record[key];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        if (!first) this.put(',');
        first = false;
        this.put(JSON.stringify(key.slice(0, this.budget - this.text.length)));
        this.put(':');
        this.value(item);
      }
      this.put('}');
    }
  }
}

const ARTICLE: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function listWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

const MAX_LISTED = 8;
const TYPE_ORDER = ['string', 'integer', 'number', 'boolean', 'object', 'array', 'null'];

/** `must be "a"`, `must be one of "a", "b", an object or null`, `must be a string`. */
function describeAllowed(types: string[], values: unknown[]): string {
  let uniqueTypes = [...new Set(types)].sort((x, y) => TYPE_ORDER.indexOf(x) - TYPE_ORDER.indexOf(y));
  if (uniqueTypes.includes('number')) uniqueTypes = uniqueTypes.filter((t) => t !== 'integer');
  const typeWords = uniqueTypes.map((t) => ARTICLE[t] ?? t);
  const shown = values.slice(0, MAX_LISTED).map((v) => JSON.stringify(v));
  const more = values.length > MAX_LISTED ? ', …' : '';
  if (typeWords.length === 0)
    return values.length === 1 ? `must be ${shown[0]}` : `must be one of ${shown.join(', ')}${more}`;
  if (values.length === 0) return `must be ${listWords(typeWords)}`;
  const items = [...shown, ...typeWords];
  return `must be ${items.length > 2 ? 'one of ' : ''}${more ? `${shown.join(', ')}, …, ${listWords(typeWords)}` : listWords(items)}`;
}

/**
 * Drops `format` errors on values that already fail their `type` (ajv checks
 * a numeric format on any number, so `1.5` fails both `integer` and `int64`).
 */
export function normalizeErrors(errors: RawError[]): RawError[] {
  const typeFailed = new Set(
    errors
      .filter((e) => e.keyword === 'type')
      .map((e) => `${e.instancePath}\u0000${e.schemaPath.replace(/\/type$/, '')}`),
  );
  return errors.filter(
    (e) => e.keyword !== 'format' || !typeFailed.has(`${e.instancePath}\u0000${e.schemaPath.replace(/\/format$/, '')}`),
  );
}

/** Converts one (non-union) ajv error into an issue. */
function issueFor(err: RawError, data: unknown): ValidationIssue {
  const at = err.instancePath;
  const value = valueAt(data, at);
  const got = value === undefined ? undefined : preview(value);
  const p = err.params;
  switch (err.keyword) {
    case 'required': {
      const prop = String(p.missingProperty);
      return { pointer: `${at}/${escapeSegment(prop)}`, reason: 'is required', keyword: 'required' };
    }
    case 'additionalProperties': {
      const prop = String(p.additionalProperty);
      return {
        pointer: `${at}/${escapeSegment(prop)}`,
        reason: 'is not an allowed property here',
        keyword: 'additionalProperties',
      };
    }
    case 'type': {
      // Cast: ajv's `type` error params hold the schema's type names, strings only.
      const types = Array.isArray(p.type) ? (p.type as string[]) : String(p.type).split(',');
      return { pointer: at, reason: describeAllowed(types, []), keyword: 'type', ...(got !== undefined && { got }) };
    }
    case 'enum':
      return {
        pointer: at,
        reason: describeAllowed([], Array.isArray(p.allowedValues) ? p.allowedValues : []),
        keyword: 'enum',
        ...(got !== undefined && { got }),
      };
    case 'const':
      return {
        pointer: at,
        reason: `must be ${JSON.stringify(p.allowedValue)}`,
        keyword: 'const',
        ...(got !== undefined && { got }),
      };
    case 'format':
      return {
        pointer: at,
        reason: `must be ${describeFormat(String(p.format))}`,
        keyword: 'format',
        ...(got !== undefined && { got }),
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        pointer: at,
        reason: `must be ${String(p.comparison)} ${String(p.limit)}`,
        keyword: err.keyword,
        ...(got !== undefined && { got }),
      };
    case 'false schema':
      return { pointer: at, reason: 'is not allowed', keyword: err.keyword, ...(got !== undefined && { got }) };
    default:
      return {
        pointer: at,
        reason: err.message ?? `fails "${err.keyword}"`,
        keyword: err.keyword,
        ...(got !== undefined && { got }),
      };
  }
}

// ---------------------------------------------------------------- schema walking

/** Follows `$ref`s (bundle-local `#/definitions/...`) from a schema pointer. */
function resolve(ctx: ExplainContext, pointer: string): { pointer: string; schema: Schema } | undefined {
  let current = pointer;
  for (let hops = 0; hops < 64; hops++) {
    const schema = valueAt({ definitions: ctx.definitions }, current);
    if (!isObject(schema)) return undefined;
    const ref = schema.$ref;
    if (typeof ref !== 'string') return { pointer: current, schema };
    if (!ref.startsWith('#/')) return undefined;
    current = ref.slice(1);
  }
  return undefined;
}

/** The schema (and its `allOf` parts, transitively) that apply at one node. */
function partsOf(ctx: ExplainContext, pointer: string): Array<{ pointer: string; schema: Schema }> {
  const out: Array<{ pointer: string; schema: Schema }> = [];
  const visit = (p: string, depth: number) => {
    const r = resolve(ctx, p);
    if (!r || depth > 16) return;
    out.push(r);
    if (Array.isArray(r.schema.allOf)) {
      r.schema.allOf.forEach((_s, i) => {
        visit(`${r.pointer}/allOf/${i}`, depth + 1);
      });
    }
  };
  visit(pointer, 0);
  return out;
}

/** Properties whose schema pins a single value (`enum: [x]` or `const: x`) in a branch. */
function discriminators(ctx: ExplainContext, branchPointer: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const part of partsOf(ctx, branchPointer)) {
    const props = part.schema.properties;
    if (!isObject(props)) continue;
    for (const [name, raw] of Object.entries(props)) {
      const prop = isObject(raw) && typeof raw.$ref === 'string' ? resolve(ctx, raw.$ref.slice(1))?.schema : raw;
      if (!isObject(prop)) continue;
      if (Array.isArray(prop.enum) && prop.enum.length === 1) out.set(name, prop.enum[0]);
      else if (Object.hasOwn(prop, 'const')) out.set(name, prop.const);
    }
  }
  return out;
}

/**
 * Finds the oneOf/anyOf site that an error at `segments` (relative to the
 * schema at `pointer`) came from, walking the data alongside the schema.
 */
function findSite(
  ctx: ExplainContext,
  pointer: string,
  data: unknown,
  segments: string[],
  keyword: string,
  depth = 0,
): string | undefined {
  if (depth > 64) return undefined;
  const parts = partsOf(ctx, pointer);
  if (segments.length === 0) {
    for (const part of parts) if (Array.isArray(part.schema[keyword])) return `${part.pointer}/${keyword}`;
    return undefined;
  }
  // Cast: the empty case returned above, so there is a first segment.
  const [seg, ...rest] = segments as [string, ...string[]];
  const child: unknown = Array.isArray(data) ? data[Number(seg)] : isObject(data) ? data[seg] : undefined;
  for (const part of parts) {
    const s = part.schema;
    let next: string | undefined;
    if (isObject(s.properties) && Object.hasOwn(s.properties, seg))
      next = `${part.pointer}/properties/${escapeSegment(seg)}`;
    else if (Array.isArray(s.items)) next = Number(seg) < s.items.length ? `${part.pointer}/items/${seg}` : undefined;
    else if (isObject(s.items) && Array.isArray(data)) next = `${part.pointer}/items`;
    else if (isObject(s.additionalProperties) && isObject(data)) next = `${part.pointer}/additionalProperties`;
    if (next) {
      const found = findSite(ctx, next, child, rest, keyword, depth + 1);
      if (found) return found;
    }
  }
  // Descend through an intermediate union: try its best branch first, then the others.
  for (const part of parts) {
    for (const kw of ['oneOf', 'anyOf'] as const) {
      const branches = part.schema[kw];
      if (!Array.isArray(branches)) continue;
      const site = `${part.pointer}/${kw}`;
      const order = rankBranches(ctx, site, data, '').map((r) => r.index);
      for (const i of order) {
        const found = findSite(ctx, `${site}/${i}`, data, segments, keyword, depth + 1);
        if (found) return found;
      }
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- branch choice

interface RankedBranch {
  index: number;
  errors: RawError[];
  valid: boolean;
}

const SHALLOW_KEYWORDS = new Set(['type', 'enum', 'const', 'oneOf', 'anyOf']);
/** Whether all errors are about the value at `at` itself being of the wrong kind or value. */
function isShallow(errors: RawError[], at: string): boolean {
  return errors.every((e) => e.instancePath === at && SHALLOW_KEYWORDS.has(e.keyword));
}

/** Summarises what a set of wholly-missed branches would have accepted. */
function allowedSummary(errors: RawError[]): string {
  const values: unknown[] = [];
  const types = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'enum') {
      const allowed: unknown[] = Array.isArray(e.params.allowedValues) ? e.params.allowedValues : [];
      values.push(...allowed);
    } else if (e.keyword === 'const') values.push(e.params.allowedValue);
    else if (e.keyword === 'type') for (const t of String(e.params.type).split(',')) types.add(t);
  }
  const unique = [...new Set(values)];
  // A type whose values are already listed adds nothing (`"a", "b" or a string`).
  for (const v of unique) {
    const t = v === null ? 'null' : typeof v;
    types.delete(t);
    if (t === 'number' && Number.isInteger(v)) types.delete('integer');
  }
  return describeAllowed([...types], unique);
}

/** Runs every candidate branch of a site and orders them best first. */
function rankBranches(ctx: ExplainContext, site: string, value: unknown, at: string, only?: number[]): RankedBranch[] {
  const validators = ctx.branchValidators(site) ?? [];
  const ranked: Array<RankedBranch & { score: number }> = [];
  validators.forEach((validate, index) => {
    if (only && !only.includes(index)) return;
    const valid = validate(value, { instancePath: at });
    const errors = valid ? [] : normalizeErrors(validate.errors ?? []);
    // A branch that fails only at the value itself, on its kind or its
    // pinned value, is a complete miss; one that accepts the kind and fails
    // deeper is closer, the fewer errors the closer.
    const totalMiss = !valid && isShallow(errors, at);
    ranked.push({ index, errors, valid, score: (valid ? 0 : 1) + (totalMiss ? 1000 : 0) + errors.length });
  });
  return ranked.sort((a, b) => a.score - b.score || a.index - b.index);
}

/** Explains why `value` (at instance path `at`) matches no branch (or several) of a union site. */
function explainUnion(
  ctx: ExplainContext,
  site: string,
  keyword: string,
  value: unknown,
  at: string,
  data: unknown,
  depth: number,
): ValidationIssue[] {
  const validators = ctx.branchValidators(site);
  const got = preview(value);
  if (!validators || validators.length === 0) {
    return [{ pointer: at, reason: `does not match any allowed shape`, keyword, got }];
  }
  const branchCount = validators.length;

  // 1. A discriminator (a property pinned to one value per branch, like `type`).
  let candidates: number[] | undefined;
  if (isObject(value)) {
    const discs = Array.from({ length: branchCount }, (_u, i) => discriminators(ctx, `${site}/${i}`));
    const names = new Set<string>();
    for (const d of discs) for (const n of d.keys()) names.add(n);
    for (const name of names) {
      const tagged = discs.map((d, i) => ({ i, d })).filter(({ d }) => d.has(name));
      if (tagged.length < 2) continue; // not a discriminator across branches
      const matching = tagged.filter(({ d }) => Object.is(d.get(name), value[name]) || d.get(name) === value[name]);
      if (matching.length > 0) {
        candidates = matching.map(({ i }) => i);
        break;
      }
      if (tagged.length === branchCount) {
        const allowed = [...new Set(tagged.map(({ d }) => d.get(name)))];
        const ptr = `${at}/${escapeSegment(name)}`;
        if (!Object.hasOwn(value, name)) return [{ pointer: ptr, reason: 'is required', keyword: 'required' }];
        return [{ pointer: ptr, reason: describeAllowed([], allowed), keyword: 'enum', got: preview(value[name]) }];
      }
    }
  }

  // 2. The closest branch among the candidates.
  const ranked = rankBranches(ctx, site, value, at, candidates);
  const passing = ranked.filter((r) => r.valid);
  if (passing.length > 1 && keyword === 'oneOf') {
    return [
      {
        pointer: at,
        reason: `matches more than one allowed shape (alternatives ${passing.map((r) => r.index).join(', ')})`,
        keyword,
        got,
      },
    ];
  }
  if (passing.length > 0) return []; // the branch passes on its own: the failure was elsewhere

  // 3. Wrong kind of value for every branch: summarise what is allowed.
  if (!candidates && ranked.every((r) => isShallow(r.errors, at))) {
    return [{ pointer: at, reason: allowedSummary(ranked.flatMap((r) => r.errors)), keyword, got }];
  }

  const best = ranked[0];
  if (!best) return [{ pointer: at, reason: 'does not match any allowed shape', keyword, got }];
  return explainErrors(ctx, best.errors, data, `${site}/${best.index}`, at, depth + 1);
}

/**
 * Explains the errors of a validator whose root schema is at `rootPointer`
 * and whose root value sits at instance path `rootAt` inside `data`.
 */
/** Failed unions explained branch by branch in one message; the rest are only listed. */
const MAX_EXPLAINED_UNIONS = 100;

export function explainErrors(
  ctx: ExplainContext,
  errors: RawError[],
  data: unknown,
  rootPointer: string,
  rootAt = '',
  depth = 0,
): ValidationIssue[] {
  errors = normalizeErrors(errors);
  if (depth > 32) return errors.map((e) => issueFor(e, data));
  const unions = errors
    .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    .sort((a, b) => a.instancePath.length - b.instancePath.length);
  // Pointers of the unions explained so far; an error at or below one of them is explained with it.
  // A set checked against each prefix of a pointer: a message with thousands of errors stays linear.
  const handled = new Set<string>();
  const isHandled = (p: string): boolean => {
    for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1)) if (handled.has(p.slice(0, i))) return true;
    return handled.has(p);
  };
  const issues: ValidationIssue[] = [];
  let explained = 0;
  for (const u of unions) {
    if (isHandled(u.instancePath)) continue;
    if (explained >= MAX_EXPLAINED_UNIONS) {
      // Past the first hundred, a failed union is reported as such, without re-checking its branches
      // (which costs far more than the validation): a hostile message stays cheap to reject.
      handled.add(u.instancePath);
      issues.push({ pointer: u.instancePath, reason: 'matches none of the allowed shapes', keyword: u.keyword });
      continue;
    }
    explained++;
    const relative = pointerSegments(u.instancePath.slice(rootAt.length));
    const site = findSite(ctx, rootPointer, valueAt(data, rootAt), relative, u.keyword);
    if (!site) continue; // cannot locate it: fall back to ajv's own errors below
    handled.add(u.instancePath);
    issues.push(...explainUnion(ctx, site, u.keyword, valueAt(data, u.instancePath), u.instancePath, data, depth));
  }
  for (const e of errors) {
    if (isHandled(e.instancePath)) continue;
    if (e.keyword === 'if') continue;
    issues.push(issueFor(e, data));
  }
  return dedupe(issues).sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}

function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.pointer}\u0000${i.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Renders an issue as `<pointer> <reason> (got <value>)`. */
export function formatIssue(issue: ValidationIssue): string {
  const where = issue.pointer === '' ? '' : `${shortPointer(issue.pointer)} `;
  return `${where}${issue.reason}${issue.got !== undefined ? ` (got ${issue.got})` : ''}`;
}

/** A pointer for people: a segment longer than 60 characters (a hostile property name) is cut, with `…`. */
function shortPointer(pointer: string): string {
  if (pointer.length <= 200) return pointer;
  return pointer
    .split('/')
    .map((s) => (s.length > 60 ? `${s.slice(0, 59)}…` : s))
    .join('/');
}

/** Joins issues into one line, showing at most `max` of them. */
export function formatIssues(subject: string, issues: ValidationIssue[], max = 3): string {
  const shown = issues.slice(0, max).map(formatIssue);
  const more = issues.length > max ? `; and ${issues.length - max} more` : '';
  return `${subject}: ${shown.join('; ')}${more}`;
}
