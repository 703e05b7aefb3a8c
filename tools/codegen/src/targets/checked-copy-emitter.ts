import { isJsonObject, type Json, type JsonObject } from "../contract.js";
import { checksOf, declare } from "./guard-checks.js";
import { checkKeywords, type PreRead } from "./guard-vocabulary.js";

const OBJECT_KEYWORDS = ["required", "properties", "additionalProperties"];

/** The allowed members of a closed object schema, refusing what a checked copy cannot stand for. */
function closedMembers(schema: JsonObject): Record<string, Json> {
  if (schema["additionalProperties"] !== false)
    throw new Error("guard emitter: a checked copy needs additionalProperties: false at every object level");
  const props = isJsonObject(schema["properties"]) ? schema["properties"] : {};
  for (const sub of Object.values(props)) {
    // A member with object keywords but no plain `type: "object"` would be read again by the checks.
    if (isJsonObject(sub) && OBJECT_KEYWORDS.some((k) => k in sub) && sub["type"] !== "object")
      throw new Error('guard emitter: a checked copy needs type: "object" on every object member');
  }
  return props;
}

const isObjectSchema = (sub: Json | undefined): sub is JsonObject => isJsonObject(sub) && sub["type"] === "object";

/** `"name": value` in an object literal; `__proto__` computed, since `"__proto__": v` in a literal sets the prototype. */
const literalEntry = (prop: string, value: string): string =>
  `${prop === "__proto__" ? `[${JSON.stringify(prop)}]` : JSON.stringify(prop)}: ${value}`;

/** `copy[name] = value` as a statement that defines an own data property for any name. */
const addMember = (copy: string, prop: string, value: string): string =>
  prop === "__proto__"
    ? `Object.defineProperty(${copy}, "__proto__", { value: ${value}, writable: true, enumerable: true, configurable: true })`
    : `${copy}[${JSON.stringify(prop)}] = ${value}`;

/**
 * Emits `name(data)`: the strict checks and the copy in one pass, each member read once.
 * Returns `{ ok: true, value }` (value: a fresh copy of exactly the allowed members, required
 * ones first, in view order, an optional member read as `undefined` left out), or the first
 * problem, exactly as the reporter emitted from the same view reports it (checksOf: own
 * enumerable members only, so an inherited or Symbol-keyed member is absent and never copied).
 *
 * Why this shape: checking a copy costs a copy even when the value fails, and two walks when
 * it passes. Here each object level is one for-in that reads the allowed members into locals,
 * the checks run on the locals, and the copy is built only for a value that passed, one object
 * literal per level and per set of present optional members, so each copy has one of a few
 * fixed shapes. A getter or proxy is read once: the value handed back is what was checked.
 * `setsOf`: the name of a reporter emitted from the same view in the same module, whose enum
 * sets and sites this one uses instead of its own (so both fill the same message memos).
 */
export function emitCheckedCopy(name: string, view: JsonObject, options: { setsOf?: string } = {}): string {
  checkKeywords(view);
  if (view["type"] !== "object") throw new Error("guard emitter: a checked copy needs an object at the root");
  const { emit, sets, sites, declared, preRead } = checksOf(options.setsOf ?? name, "report");
  const checks = emit(view, "data", "", "  ");
  if (options.setsOf !== undefined) {
    // Reusing the reporter's constants is only right if they are exactly what this one would emit.
    const theirs = checksOf(options.setsOf, "report");
    theirs.emit(view, "data", "", "  ");
    if ([...theirs.sets, ...theirs.sites].join("\n") !== [...sets, ...sites].join("\n"))
      throw new Error("guard emitter: a checked copy's sets and sites differ from its reporter's");
  }
  let counter = 0;
  /** Statements that build a copy before the return (an object level with more than 2 optional members). */
  const building: string[] = [];

  /** The copy of the object in `v`, for a value that passed: required members, then optional ones. */
  const copyOf = (schema: JsonObject, v: string): string => {
    const props = closedMembers(schema);
    const read: PreRead | undefined = preRead.get(v);
    if (read === undefined) throw new Error("guard emitter: an object level was not read");
    const required = new Set(Array.isArray(schema["required"]) ? schema["required"].map(String) : []);
    const local = (prop: string): string => read.members.get(prop) as string;
    /** The copy of one member: its local, or for an object member that object's copy. */
    const expr = (prop: string): string => {
      const sub = props[prop];
      return isObjectSchema(sub) ? copyOf(sub, local(prop)) : local(prop);
    };
    const fixed = Object.keys(props).filter((p) => required.has(p));
    const optional = Object.keys(props).filter((p) => !required.has(p));
    const literal = (present: string[]): string =>
      `{ ${[...fixed, ...present].map((p) => literalEntry(p, expr(p))).join(", ")} }`;
    // Up to 2 optional members, every combination present is its own literal (so its own
    // fixed shape); beyond that, the required ones as a literal and the others added.
    if (optional.length > 2) {
      const copy = `c${counter++}`;
      building.push(`  const ${copy} = ${literal([])};`);
      for (const p of optional) building.push(`  if (${local(p)} !== undefined) ${addMember(copy, p, expr(p))};`);
      return copy;
    }
    const variants = (left: string[], present: string[]): string => {
      const [first, ...rest] = left;
      if (first === undefined) return literal(present);
      return `(${local(first)} !== undefined ? ${variants(rest, [...present, first])} : ${variants(rest, present)})`;
    };
    return variants(optional, []);
  };

  const value = copyOf(view, "data");
  return [
    ...(options.setsOf === undefined ? [...sets, ...sites] : []),
    `export function ${name}(data) {`,
    ...declare(declared),
    ...checks,
    ...building,
    `  return { ok: true, value: ${value} };`,
    "}",
    "",
  ].join("\n");
}
