import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { addCodexFormats } from './formats.js';
import type { SchemaBundle } from './bundle.js';
import { preview } from './json.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object carrying `default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

/** Validation verdict for one instance. */
export interface Verdict {
  readonly valid: boolean;
  /** First ajv error, rendered as `instancePath keyword message`, when invalid. */
  readonly error?: string;
}

let instances = 0;

/** Validates instances against the definitions of one bundle (ajv, draft-07, strict: false, formats on). */
export class BundleValidator {
  readonly #ajv: Ajv;
  readonly #id: string;
  readonly #cache = new Map<string, ValidateFunction>();

  constructor(readonly bundle: SchemaBundle) {
    this.#ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true, validateSchema: false });
    addFormats(this.#ajv);
    addCodexFormats(this.#ajv);
    this.#id = `https://cask.invalid/conformance/${++instances}-${bundle.label.replace(/[^A-Za-z0-9]+/g, '-')}.json`;
    const { $schema: _ignored, ...rest } = bundle.document;
    this.#ajv.addSchema({ ...rest, $id: this.#id });
  }

  /**
   * Compiled validator for a pointer into the bundle (e.g. `#/definitions/v2/Thread`).
   *
   * @throws Error naming the bundle and pointer when ajv cannot compile it
   */
  validatorFor(pointer: string): ValidateFunction {
    const cached = this.#cache.get(pointer);
    if (cached) return cached;
    let fn: ValidateFunction;
    try {
      fn = this.#ajv.compile({ $ref: `${this.#id}${pointer}` });
    } catch (error) {
      throw new Error(`${this.bundle.label}: cannot compile ${pointer}: ${(error as Error).message}`, { cause: error });
    }
    this.#cache.set(pointer, fn);
    return fn;
  }

  /** Validates `instance` against the schema at `pointer`. */
  check(pointer: string, instance: unknown): Verdict {
    const fn = this.validatorFor(pointer);
    if (fn(instance)) return { valid: true };
    const e = fn.errors?.[0];
    const error = e ? `${e.instancePath || '/'} ${e.keyword}: ${e.message ?? ''} ${preview(e.params, 120)}` : 'invalid';
    return { valid: false, error };
  }
}
