import { isJsonObject, type Json } from "./json.js";

/** Appends a key to a JSON Pointer, escaping `~` and `/` (RFC 6901). */
export function at(pointer: string, key: string | number): string {
  return `${pointer}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

/** The keys of a JSON Pointer, unescaped. */
export const keysOf = (pointer: string): string[] =>
  pointer === ""
    ? []
    : pointer
        .slice(1)
        .split("/")
        .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));

/** The value at `pointer` in `doc` (own members only), or undefined. */
export function valueAt(doc: Json | undefined, pointer: string): Json | undefined {
  let value = doc;
  for (const key of keysOf(pointer)) {
    if (Array.isArray(value)) value = /^\d+$/.test(key) ? value[Number(key)] : undefined;
    else if (isJsonObject(value) && Object.hasOwn(value, key)) value = value[key];
    else return undefined;
  }
  return value;
}

/** The part of a vocabulary pointer after `prefix` (`/anyOf/*\/x-error` + `/status` -> `status`), or undefined. */
export function memberUnder(pointer: string, prefix: string): string | undefined {
  if (!pointer.startsWith(`${prefix}/`)) return undefined;
  const rest = pointer.slice(prefix.length + 1);
  return rest.includes("/") ? undefined : rest;
}
