/**
 * One compiled schema bundle (stable or experimental): its method table, its
 * validators loaded on first use, and what the failure explainer needs.
 * @module
 */
import type { CompiledValidator, ExplainContext } from './explain.js';
import { interpreter, schemaAt, type InterpretContext } from './interpret.js';
import { MethodIndex } from './lookup.js';
import type { MethodKind, ValidateOptions } from './types.js';

/** A generated validate function: true when the value is valid. */
export type FastValidator = (data: unknown) => boolean;

/** One method of a union, as the build wrote it. */
export interface MethodRow {
  method: string;
  /** Index of the root validating the params member, or null when the method takes none. */
  params: number | null;
  paramsRequired: boolean;
  /** Requests only: index of the root validating the result, or null when unknown. */
  result?: number | null;
  /** Requests only: where the result link came from. */
  resultSource?: 'x-result' | 'convention' | null;
}

/** The four envelope definitions. */
export type EnvelopeName = 'JSONRPCRequest' | 'JSONRPCNotification' | 'JSONRPCResponse' | 'JSONRPCError';
/** The four method unions, as named in the schema. */
export type UnionName = 'ClientRequest' | 'ClientNotification' | 'ServerRequest' | 'ServerNotification';

/** What `generated/<bundle>/table.js` exports: what an entry point needs at import, the method names. */
export interface GeneratedTable {
  bundle: string;
  source: string;
  /** The methods of each union, in schema order. */
  lists: Record<UnionName, readonly string[]>;
}

/** Which root validates what: `table` of `generated/<bundle>/loaders.cjs` (read on the first validation). */
export interface GeneratedRows {
  methods: Record<UnionName, MethodRow[]>;
  envelopes: Partial<Record<EnvelopeName, number>>;
  /**
   * Per envelope, the members that must be absent for the quick envelope test (see
   * `createValidators`); null when the schema's envelopes are not of the usual shape and the
   * envelope validators decide every message.
   */
  quickEnvelope: QuickEnvelope | null;
  pointers: string[];
}

/** Members that send a message to its envelope validator when present (see {@link GeneratedRows}). */
export interface QuickEnvelope {
  request: readonly string[];
  notification: readonly string[];
  response: readonly string[];
}

/** A method row and its validators once loaded: what the hot path looks up. */
export interface MethodEntry {
  readonly row: MethodRow;
  /** The params validator, set on first use. */
  params: FastValidator | undefined;
  /** The result validator (requests), set on first use. */
  result: FastValidator | undefined;
}

/** What `generated/<bundle>/loaders.cjs` exports. */
export interface GeneratedLoaders {
  roots: ReadonlyArray<() => FastValidator>;
  table: GeneratedRows;
  schema: () => { definitions: Record<string, unknown>; stringFormats: Record<string, RegExp> };
}

/** The schema union of each method kind. */
export const UNION_OF: Readonly<Record<MethodKind, UnionName>> = {
  clientRequest: 'ClientRequest',
  clientNotification: 'ClientNotification',
  serverRequest: 'ServerRequest',
  serverNotification: 'ServerNotification',
};
/** The four method kinds, in the order of the schema's unions. */
export const KINDS: readonly MethodKind[] = [
  'clientRequest',
  'clientNotification',
  'serverRequest',
  'serverNotification',
];
const KIND_OF: Readonly<Record<UnionName, MethodKind>> = {
  ClientRequest: 'clientRequest',
  ClientNotification: 'clientNotification',
  ServerRequest: 'serverRequest',
  ServerNotification: 'serverNotification',
};

/**
 * A loaded bundle. Cheap to create: it holds the method names; the method
 * table and the validators load on the first validation, the schema on the
 * first failure to explain.
 */
export class Bundle implements ExplainContext, InterpretContext {
  /** Method names per kind, in schema order. */
  readonly lists: Readonly<Record<MethodKind, readonly string[]>>;
  private readonly names: Partial<Record<UnionName, ReadonlySet<string>>> = {};
  private readonly loaded: Array<FastValidator | undefined> = [];
  private loadersData: GeneratedLoaders | undefined;
  private schemaData: ReturnType<GeneratedLoaders['schema']> | undefined;
  private methodsData: Readonly<Record<UnionName, ReadonlyMap<string, MethodRow>>> | undefined;
  private readonly sites = new Map<string, CompiledValidator[]>();
  private readonly indexes: Partial<Record<MethodKind, MethodIndex<MethodEntry>>> = {};

  constructor(
    readonly name: 'stable' | 'experimental',
    table: GeneratedTable,
    private readonly load: () => GeneratedLoaders,
  ) {
    const lists: Partial<Record<MethodKind, readonly string[]>> = {};
    for (const kind of KINDS) lists[kind] = Object.freeze([...table.lists[UNION_OF[kind]]]);
    this.lists = { clientRequest: [], clientNotification: [], serverRequest: [], serverNotification: [], ...lists };
  }

  /** Whether `method` belongs to `union` (from the names alone: loads nothing). */
  has(union: UnionName, method: string): boolean {
    let names = this.names[union];
    if (names === undefined) {
      names = new Set(this.lists[KIND_OF[union]]);
      this.names[union] = names;
    }
    return names.has(method);
  }

  /** Method rows by union and method name (the method table loads on first use). */
  get methods(): Readonly<Record<UnionName, ReadonlyMap<string, MethodRow>>> {
    if (this.methodsData === undefined) {
      const m = this.rows.methods;
      this.methodsData = {
        ClientRequest: new Map(m.ClientRequest.map((r) => [r.method, r])),
        ClientNotification: new Map(m.ClientNotification.map((r) => [r.method, r])),
        ServerRequest: new Map(m.ServerRequest.map((r) => [r.method, r])),
        ServerNotification: new Map(m.ServerNotification.map((r) => [r.method, r])),
      };
    }
    return this.methodsData;
  }

  /** Method rows by kind and method name (the same maps as {@link methods}). */
  get byKind(): Readonly<Record<MethodKind, ReadonlyMap<string, MethodRow>>> {
    const m = this.methods;
    return {
      clientRequest: m.ClientRequest,
      clientNotification: m.ClientNotification,
      serverRequest: m.ServerRequest,
      serverNotification: m.ServerNotification,
    };
  }

  /** Root index of the envelope validator of each message kind. */
  get envelopeOf(): Readonly<Record<'request' | 'notification' | 'response' | 'error', number | undefined>> {
    const e = this.rows.envelopes;
    return {
      request: e.JSONRPCRequest,
      notification: e.JSONRPCNotification,
      response: e.JSONRPCResponse,
      error: e.JSONRPCError,
    };
  }

  /** The quick envelope test's members, or null when the envelope validators decide. */
  get quickEnvelope(): QuickEnvelope | null {
    return this.rows.quickEnvelope;
  }

  /** The fast validator of root `index`, loading its module on first use. */
  validator(index: number): FastValidator {
    const cached = this.loaded[index];
    if (cached) return cached;
    const load = this.loaders.roots[index];
    if (!load) throw new Error(`@cask/validators: ${this.name} has no root ${index}; rebuild the package`);
    const fn = load();
    this.loaded[index] = fn;
    return fn;
  }

  /** The methods of `kind` for the hot path (built on first use). */
  entries(kind: MethodKind): MethodIndex<MethodEntry> {
    let index = this.indexes[kind];
    if (index === undefined) {
      const rows = this.rows.methods[UNION_OF[kind]];
      index = new MethodIndex(rows.map((row) => [row.method, { row, params: undefined, result: undefined }] as const));
      this.indexes[kind] = index;
    }
    return index;
  }

  /** Schema pointer of root `index` (the starting point to explain its failures). */
  pointer(index: number): string {
    return this.rows.pointers[index] ?? '';
  }

  private get rows(): GeneratedRows {
    return this.loaders.table;
  }

  private get loaders(): GeneratedLoaders {
    return (this.loadersData ??= this.load());
  }

  private get schema(): ReturnType<GeneratedLoaders['schema']> {
    return (this.schemaData ??= this.loaders.schema());
  }

  /** The bundle's definitions (loaded on the first failure to explain). */
  get definitions(): Record<string, unknown> {
    return this.schema.definitions;
  }

  /** String formats the schema uses. */
  get stringFormats(): Readonly<Record<string, RegExp>> {
    return this.schema.stringFormats;
  }

  /** A validator reporting every error of a value against the schema at `pointer`. */
  detailed(pointer: string): CompiledValidator {
    return interpreter(this, pointer);
  }

  /** Validators of each branch of the oneOf/anyOf at `site` (for the explainer). */
  branchValidators(site: string): CompiledValidator[] | undefined {
    let validators = this.sites.get(site);
    if (!validators) {
      const branches = schemaAt(this.definitions, site);
      if (!Array.isArray(branches)) return undefined;
      validators = branches.map((_b, i) => interpreter(this, `${site}/${i}`));
      this.sites.set(site, validators);
    }
    return validators;
  }
}

/**
 * The bundle choice of an entry point that carries one bundle
 * (`@cask/validators/stable`, `@cask/validators/experimental`): asking it for
 * the other API is a programming error and throws.
 */
export function onlyBundle(bundle: Bundle): (opts?: ValidateOptions) => Bundle {
  const experimental = bundle.name === 'experimental';
  const other = experimental ? 'stable' : 'experimental';
  return (opts) => {
    if (opts?.experimental === !experimental)
      throw new Error(
        `@cask/validators/${bundle.name} validates the ${bundle.name} API only; import @cask/validators/${other} or @cask/validators`,
      );
    return bundle;
  };
}
