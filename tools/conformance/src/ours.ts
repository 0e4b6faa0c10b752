import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Directory of our generated schema: `$CASK_SCHEMA_DIR` when set, else the installed `@cask/schema` package.
 * It holds `json/` (stable) and `json-experimental/`.
 */
export function ourSchemaRoot(): string {
  const fromEnv = process.env['CASK_SCHEMA_DIR'];
  if (fromEnv) return fromEnv;
  return dirname(require.resolve('@cask/schema/package.json'));
}

/** Our stable (`json/`) and experimental (`json-experimental/`) schema directories. */
export function ourSchemaDirs(root = ourSchemaRoot()): { stable: string; experimental: string } {
  return { stable: join(root, 'json'), experimental: join(root, 'json-experimental') };
}
