/**
 * Freezes `value` and everything reachable from it, and returns it with its type unchanged.
 * Why: the generated constants are the contract's facts; a caller that pushes to
 * `RETRYABLE_ERROR_CODES` or sets `ERROR_CATALOG.x.status` must change nothing for anyone
 * else. The generated modules wrap each literal in a `@__PURE__` call, so a bundle that
 * does not use a constant still drops it.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
