/**
 * The legacy part of the schema (`schema/legacy/`): the `@legacy` client
 * requests (`getAuthStatus`, `gitDiffToRemote`, `getConversationSummary`) that
 * the server still answers but upstream's `generate-json-schema` leaves out.
 * Kept in its own folder so that `schema/json*` stays equal to upstream's.
 * @module
 */
import { applyExperimental } from './experimental.js';
import { collectRefs, type Definitions, type JsonObject } from './json.js';
import { buildUnion } from './layout.js';
import type { ProtocolModel } from './protocol.js';

/** Folder of the legacy part under `schema/`. */
export const LEGACY_DIR = 'legacy';
/** The one file of the legacy part. */
export const LEGACY_BUNDLE_FILE = 'codex_app_server_protocol.legacy.schemas.json';
/** Name of the request union in the legacy bundle. */
export const LEGACY_UNION = 'LegacyClientRequest';

const REF = '#/definitions/';

/**
 * Builds the legacy bundle: `LegacyClientRequest` (a `oneOf` of the legacy
 * requests, shaped like `ClientRequest`'s variants, with `x-result`) and every
 * definition it reaches, all at the top level.
 */
export function legacyBundle(
  model: Pick<ProtocolModel, 'legacy' | 'maps'>,
  defs: Definitions,
  comment: string,
): JsonObject {
  if (model.legacy.length === 0) throw new Error('no @legacy client requests in @cask/protocol');
  const clean = applyExperimental(defs, model.maps, true, new Set()).defs;
  const definitions: Definitions = { [LEGACY_UNION]: buildUnion('ClientRequest', model.legacy) };
  const queue = [...collectRefs(definitions[LEGACY_UNION])];
  while (queue.length > 0) {
    const ref = queue.pop() ?? '';
    const name = ref.startsWith(REF) ? ref.slice(REF.length) : undefined;
    if (name === undefined) throw new Error(`legacy schema: unexpected reference ${ref}`);
    if (name in definitions) continue;
    const schema = clean[name];
    if (schema === undefined) throw new Error(`legacy schema: ${name} is not a definition`);
    definitions[name] = schema;
    queue.push(...collectRefs(schema));
  }
  return {
    $comment: comment,
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'CodexAppServerProtocolLegacy',
    description:
      'Legacy client requests the Codex app-server still answers but its own generated JSON Schema leaves out. ' +
      'Validate a request against definitions/LegacyClientRequest, its result against the x-result of its variant.',
    definitions,
  };
}
