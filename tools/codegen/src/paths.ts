/**
 * Repository paths.
 * @module
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's `schema/` directory (this package lives in `tools/codegen`). */
export function defaultSchemaDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'schema');
}
