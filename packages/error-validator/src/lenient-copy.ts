import { lenientJsonSchema } from "./generated/validators.js";

/** How deep an extra member's value may nest (levels below the member); deeper values are dropped. */
export const MAX_EXTRA_DEPTH = 64;
/** How many array elements and object members the extra members may hold together; beyond, the rest are dropped. */
export const MAX_EXTRA_NODES = 100_000;

/** What `jsonData` gives for a value JSON cannot carry as it is: the member is left out. */
export const DROP: unique symbol = Symbol("drop");

type Schema = Readonly<Record<string, unknown>>;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** Defines an own data member for any name: `copy["__proto__"] = v` would set the prototype instead. */
function define(copy: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(copy, key, { value, writable: true, enumerable: true, configurable: true });
  else copy[key] = value;
}

/** A plain object or an array (a class instance, a Map or a Date is not JSON data). */
function isPlainContainer(v: object): boolean {
  if (Array.isArray(v)) return true;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * A fresh copy of `value` made of JSON data only (strings, numbers, booleans, null, plain
 * objects and arrays of them; an object member set to undefined left out, as JSON.stringify
 * does), or DROP when anything in it is not (a function, a Symbol, a bigint, a class instance,
 * a toJSON method, more than `depth` levels, more nodes than the budget: a cycle is one of
 * these). Why: what lenient hands back must survive JSON.stringify and structuredClone, and
 * must serialise as what was checked.
 */
export function jsonData(value: unknown, depth: number, budget: { left: number }): unknown {
  if (typeof value !== "object") {
    const t = typeof value;
    return t === "string" || t === "number" || t === "boolean" ? value : DROP;
  }
  if (value === null) return null;
  if (depth === 0 || !isPlainContainer(value)) return DROP;
  if (Array.isArray(value)) {
    const length = value.length;
    if ((budget.left -= length) < 0) return DROP;
    const out: unknown[] = [];
    for (let i = 0; i < length; i++) {
      const item = jsonData(value[i], depth - 1, budget);
      if (item === DROP) return DROP;
      out.push(item === undefined ? null : item);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (!hasOwn(value, key)) continue;
    if (--budget.left < 0) return DROP;
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    const copy = jsonData(item, depth - 1, budget);
    if (copy === DROP) return DROP;
    define(out, key, copy);
  }
  return out;
}

/**
 * A copy of `data`'s own enumerable string-keyed members on fresh plain objects, in arrival
 * order, for the lenient checks. Members the schema names are copied as they are (the checks
 * judge them); an object the schema describes is copied the same way, member by member;
 * extra members are kept only as JSON data (see jsonData), else left out. Symbol-keyed,
 * inherited and non-enumerable members are never copied.
 */
function copyObject(data: Record<string, unknown>, schema: Schema, budget: { left: number }): Record<string, unknown> {
  const known = isRecord(schema["properties"]) ? (schema["properties"] as Schema) : {};
  const copy: Record<string, unknown> = {};
  for (const key in data) {
    if (!hasOwn(data, key)) continue;
    const value = data[key];
    if (hasOwn(known, key)) {
      const sub = known[key];
      define(
        copy,
        key,
        isRecord(value) && isRecord(sub) && isRecord(sub["properties"]) ? copyObject(value, sub, budget) : value,
      );
    } else if (value !== undefined) {
      const extra = jsonData(value, MAX_EXTRA_DEPTH, budget);
      if (extra !== DROP) define(copy, key, extra);
    }
  }
  return copy;
}

/** The value the lenient checks judge and hand back: `data` itself when it is not an object. */
export function lenientCopy(data: unknown): unknown {
  return isRecord(data) ? copyObject(data, lenientJsonSchema, { left: MAX_EXTRA_NODES }) : data;
}
