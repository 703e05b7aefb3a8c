import type { Json, JsonObject } from "@org/contract-model";

/**
 * The value of `key` when `obj` has it as an own property, else `undefined`. Schema keys are
 * data: a key named `toString`, `constructor` or `__proto__` must not find what
 * `Object.prototype` holds under that name (a function or the prototype itself).
 */
export function own(obj: JsonObject, key: string): Json | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}
