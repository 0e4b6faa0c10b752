/**
 * The report of `cask schema diff`: the shape printed by `--json` and returned by {@link diffSchemas}.
 *
 * A change is always described from the old schema to the new one. Two pairings of peers are judged for every change:
 * an old client talking to a new server (the server was upgraded first: the usual case, and the one `--fail-on
 * breaking` is about) and a new client talking to an old server (the client was upgraded first).
 * @module
 */

/** The four method unions of the protocol. */
export type MethodKind = 'clientRequest' | 'clientNotification' | 'serverRequest' | 'serverNotification';

/** Which way a value travels on the wire. */
export type Direction = 'clientToServer' | 'serverToClient';

/** The part of a method a schema belongs to: its params, or (requests only) its result. */
export type Role = 'params' | 'result';

/** Every class of change the diff reports. */
export type ChangeKind =
  | 'method-added'
  | 'method-removed'
  | 'field-added'
  | 'field-removed'
  | 'field-required'
  | 'field-optional'
  | 'nullable'
  | 'non-nullable'
  | 'enum-member-added'
  | 'enum-member-removed'
  | 'variant-added'
  | 'variant-removed'
  | 'type-widened'
  | 'type-narrowed'
  | 'type-changed';

/** One way a method reaches a schema location: `turn/start` params travel client to server. */
export interface Reach {
  /** Method name, e.g. `turn/start`. */
  readonly method: string;
  /** Which union the method is in. */
  readonly kind: MethodKind;
  /** Params or result of that method. */
  readonly role: Role;
  /** Which way that params/result travels. */
  readonly direction: Direction;
}

/** What a change does to one pairing of peers. */
export interface Impact {
  /** True when a conforming peer of that pairing can fail: a message rejected, a required value missing, a request nobody answers. */
  readonly breaking: boolean;
  /** What happens, in words. */
  readonly text: string;
}

/** One wire-visible change. */
export interface SchemaChange {
  /** The class of change. */
  readonly kind: ChangeKind;
  /**
   * Where it is grouped: the namespace prefix of the methods that reach it (`thread`, `turn`, `item`, ... or the method
   * itself when it has no `/`), or `shared` when methods of several namespaces reach it, or `unreached` when no method
   * does (a definition that no method of either schema references).
   */
  readonly area: string;
  /**
   * Location: a method (`turn/start`), a method's params/result (`turn/start params`), or a place in a definition:
   * `ThreadStartParams.cwd`, `ThreadItem[type=agentMessage].text`, `X.items[]` (array items), `X.*` (map values).
   */
  readonly location: string;
  /**
   * The definition the location is in (its name; `v2/Name` for the nested copy of a name a bundle defines both at the
   * top level and under `v2`, as upstream does with `RequestId`), or null for a method or an inline params/result schema.
   */
  readonly definition: string | null;
  /** For method-added/-removed: the method and its union. */
  readonly method?: { readonly name: string; readonly kind: MethodKind };
  /** One line describing the change, e.g. `enum member "foo" added`. */
  readonly detail: string;
  /** Directions the location travels in (both for a definition used both ways; both when unreached). */
  readonly directions: readonly Direction[];
  /** Methods whose params/result reach the location, with the direction of each (empty for method-added/-removed and when unreached). */
  readonly reachedBy: readonly Reach[];
  /** Same as `impact.oldClientNewServer.breaking`: the change can break an existing client when the server is upgraded. */
  readonly breaking: boolean;
  /** Effect on each pairing; null when the pairing is not affected at all. */
  readonly impact: {
    readonly oldClientNewServer: Impact | null;
    readonly newClientOldServer: Impact | null;
  };
}

/** A change to annotations only (`description`, `title`, `default`, `examples`, `deprecated`, `$comment`). Never breaking. */
export interface DescriptionChange {
  /** Location, as in {@link SchemaChange.location}. */
  readonly location: string;
  /** The definition it is in, or null for a method. */
  readonly definition: string | null;
  /** The annotation keywords that changed, e.g. `["description"]`. */
  readonly keywords: readonly string[];
}

/** What was compared. */
export interface SideInfo {
  /** Label given on the command line (a path, or `codex <version>`). */
  readonly label: string;
  /** The bundle file that was read. */
  readonly source: string;
  /** Number of named definitions. */
  readonly definitions: number;
  /** Number of methods per union. */
  readonly methods: Readonly<Record<MethodKind, number>>;
}

/** The whole report. */
export interface SchemaDiffReport {
  /** Version of this shape; bumped when a field changes meaning or is removed. */
  readonly formatVersion: 1;
  readonly old: SideInfo;
  readonly new: SideInfo;
  /** Counts. */
  readonly summary: {
    /** Number of {@link SchemaDiffReport.changes}. */
    readonly changes: number;
    /** Changes that can break an old client talking to a new server. */
    readonly breaking: number;
    /** Changes that can break a new client talking to an old server. */
    readonly breakingForNewClients: number;
    /** Number of {@link SchemaDiffReport.descriptions}. */
    readonly descriptionOnly: number;
    /** Changes per kind (kinds with no change are left out). */
    readonly byKind: Readonly<Partial<Record<ChangeKind, number>>>;
  };
  /** Wire-visible changes, grouped by area, then ordered by location. */
  readonly changes: readonly SchemaChange[];
  /** Annotation-only changes (a location whose structure also changed is listed in both). */
  readonly descriptions: readonly DescriptionChange[];
  /** Named definitions that only one side has (wire-invisible by themselves: their effect shows up as other changes). */
  readonly definitions: { readonly added: readonly string[]; readonly removed: readonly string[] };
  /** Things the diff could not determine, e.g. a request whose result type neither schema names. */
  readonly notes: readonly string[];
}
