/**
 * Small run-time guards for arguments JavaScript callers may pass wrongly.
 * @module
 */

/** Whether `value` has a callable member `key`. */
export function hasFunction(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, key) === 'function';
}
