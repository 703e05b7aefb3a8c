/**
 * Writing a value at a JSON Pointer (RFC 6901), the way the dialects name where each member
 * of an error goes. Internal: pointers come from the generated dialect data, never from input.
 */

/** The reference tokens of `pointer` (`/a/b~1c` -> `a`, `b/c`). */
function tokens(pointer: string): string[] {
  return pointer
    .split("/")
    .slice(1)
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

const INDEX = /^(?:0|[1-9]\d*)$/;

/**
 * Sets `value` at `pointer` in `target`, creating the objects and arrays on the way (an
 * array where the next token is an index). Own data members only: a token such as
 * `__proto__` is written as a plain member, never through the prototype.
 */
export function setAtPointer(target: object, pointer: string, value: unknown): void {
  const path = tokens(pointer);
  let node = target as Record<string, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const token = path[i] as string;
    let next = Object.hasOwn(node, token) ? node[token] : undefined;
    if (typeof next !== "object" || next === null) {
      next = INDEX.test(path[i + 1] as string) ? [] : {};
      Object.defineProperty(node, token, { value: next, enumerable: true, writable: true, configurable: true });
    }
    node = next as Record<string, unknown>;
  }
  const last = path.at(-1);
  if (last !== undefined)
    Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
}
