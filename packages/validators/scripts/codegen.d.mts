// Types of scripts/codegen.mjs (build-time code; the tests import it).
import type { NumericFormatRange } from '../src/formats.js';

/** One schema unit as the build hands it to the code generator. */
export interface CodegenUnit {
  pointer: string;
  /** Filled in: the string formats the unit uses. */
  stringFormats: Map<string, RegExp>;
}

/** What the code generator asks the build for. */
export interface CodegenContext {
  ranges: Readonly<Record<string, NumericFormatRange>>;
  stringFormat(name: string): RegExp | undefined;
  numericCondition(range: NumericFormatRange, v: string): string;
  nameOf(pointer: string): string;
  constant(key: string, code: string, prefix: string): string;
}

/** The code of one unit. */
export interface CompiledUnit {
  /** Name of its validate function. */
  fn: string;
  /** The function's declaration. */
  code: string;
  /** The other units it calls. */
  deps: Set<string>;
  /** The names of the module-level constants it reads. */
  constants: Set<string>;
}

export function compileUnit(unit: CodegenUnit, schema: unknown, ctx: CodegenContext): CompiledUnit;
export function numericCondition(range: NumericFormatRange, v: string): string;
