import { isJsonObject, type Json, type JsonObject } from "../contract.js";
import { checkKeywords, type PreRead, reporterChecks, typeTest } from "./guard-emitter.js";

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

/**
 * Emits `name(data)`: the strict checks and the copy in one pass, each member read once.
 * Returns `{ ok: true, value }` (value: a fresh copy of the allowed members, required ones
 * first, in view order), or the first problem (as reporterChecks reports it), or `undefined`
 * when the members read cannot stand for the value's own-member copy: a member listed by
 * for-in that is not own (inherited from any prototype), or an optional member present but
 * `undefined` on a value that passed (the copy would keep the name). Callers then copy by
 * spreading and run the reporter on the copy. What it returns is what the reporter says of
 * the value's own-member copy (`{ ...data, error: { ...data.error } }`).
 *
 * Why this shape: checking a copy costs a copy even when the value fails, and two walks
 * when it passes. Here each object level is one for-in that reads the allowed members into
 * locals (`o[key]` with for-in's own key, and `hasOwnProperty` on it, are what V8 turns into
 * plain field loads and a map compare), its checks run on the locals in ajv's order, and the
 * copy is built only for a value that passed, one object literal per level and per set of
 * present optional members, so each copy has one of a few fixed shapes. A getter or proxy is
 * read once, so the value handed back is exactly what was checked.
 * `setsOf`: the name of a reporter emitted from the same view in the same module, whose enum
 * sets and sites this one uses instead of its own (so both fill the same message memos).
 */
export function emitCheckedCopy(name: string, view: JsonObject, options: { setsOf?: string } = {}): string {
  checkKeywords(view);
  if (view["type"] !== "object") throw new Error("guard emitter: a checked copy needs an object at the root");
  let counter = 0;
  const fresh = (base: string): string => `${base}${counter++}`;
  const undecided = "return undefined;";
  const declared: string[] = [];
  const preRead = new Map<string, PreRead>();
  /** Statements that build a copy before the return (an object level with more than 2 optional members). */
  const building: string[] = [];
  /** Per object level with optional members: the test that one was listed by for-in but read undefined. */
  const counts: string[] = [];

  /** The for-in that reads the object in `v` (known to be an object): allowed members once each, the first unknown one's name. */
  const readObject = (schema: JsonObject, v: string, indent: string): string[] => {
    const props = closedMembers(schema);
    const required = new Set(Array.isArray(schema["required"]) ? schema["required"].map(String) : []);
    const key = fresh("k");
    const unknown = fresh("u");
    const members = new Map<string, string>();
    for (const prop of Object.keys(props)) members.set(prop, fresh("m"));
    // Optional members listed by for-in are counted: one listed but undefined must not vanish from a copy that passes.
    const optional = [...members].filter(([prop]) => !required.has(prop)).map(([, local]) => local);
    const count = optional.length > 0 ? fresh("n") : undefined;
    declared.push(unknown, ...members.values(), ...(count === undefined ? [] : [`${count} = 0`]));
    if (count !== undefined)
      counts.push(`${count} !== ${optional.map((m) => `(${m} !== undefined ? 1 : 0)`).join(" + ")}`);
    preRead.set(v, { members, extra: unknown });
    const branches = [...members].map(
      ([prop, local], i) =>
        `${indent}  ${i === 0 ? "" : "else "}if (${key} === ${JSON.stringify(prop)}) ${required.has(prop) || count === undefined ? `${local} = ${v}[${key}];` : `{ ${local} = ${v}[${key}]; ${count}++; }`}`,
    );
    return [
      `${indent}for (const ${key} in ${v}) {`,
      // Inherited members (any prototype's) are not the own-member copy's: leave them to it.
      `${indent}  if (!Object.prototype.hasOwnProperty.call(${v}, ${key})) ${undecided}`,
      ...branches,
      `${indent}  ${branches.length > 0 ? "else " : ""}if (${unknown} === undefined) ${unknown} = ${key};`,
      `${indent}}`,
    ];
  };

  /** The copy of the object in `v`, for a value that passed: required members, then optional ones. */
  const copyOf = (schema: JsonObject, v: string): string => {
    const props = closedMembers(schema);
    const members = preRead.get(v)?.members ?? new Map<string, string>();
    const required = new Set(Array.isArray(schema["required"]) ? schema["required"].map(String) : []);
    /** The copy of one member: its local, or for an object member that object's copy. */
    const expr = (prop: string): string => {
      const local = members.get(prop) as string;
      const sub = props[prop];
      return isObjectSchema(sub) ? copyOf(sub, local) : local;
    };
    const entry = (prop: string): string => `${JSON.stringify(prop)}: ${expr(prop)}`;
    const fixed = Object.keys(props)
      .filter((p) => required.has(p))
      .map(entry);
    const optional = Object.keys(props).filter((p) => !required.has(p));
    const literal = (present: string[]): string => `{ ${[...fixed, ...present.map(entry)].join(", ")} }`;
    // Up to 2 optional members, every combination present is its own literal (so its own
    // fixed shape); beyond that, the required ones as a literal and the others added.
    if (optional.length > 2) {
      const copy = fresh("c");
      building.push(`  const ${copy} = ${literal([])};`);
      for (const p of optional)
        building.push(`  if (${members.get(p) as string} !== undefined) ${copy}[${JSON.stringify(p)}] = ${expr(p)};`);
      return copy;
    }
    const variants = (left: string[], present: string[]): string => {
      const [first, ...rest] = left;
      if (first === undefined) return literal(present);
      const local = members.get(first) as string;
      return `(${local} !== undefined ? ${variants(rest, [...present, first])} : ${variants(rest, present)})`;
    };
    return variants(optional, []);
  };

  const { emit, sets, sites } = reporterChecks(options.setsOf ?? name, { readObject, preRead });
  const checks = emit(view, "data", "", "  ");
  if (options.setsOf !== undefined) {
    // Reusing the reporter's constants is only right if they are exactly what this one would emit.
    const theirs = reporterChecks(options.setsOf);
    theirs.emit(view, "data", "", "  ");
    if ([...theirs.sets, ...theirs.sites].join("\n") !== [...sets, ...sites].join("\n"))
      throw new Error("guard emitter: a checked copy's sets and sites differ from its reporter's");
  }
  const value = copyOf(view, "data");
  return [
    ...(options.setsOf === undefined ? [...sets, ...sites] : []),
    `export function ${name}(data) {`,
    `  let ${declared.join(", ")};`,
    ...checks,
    ...(counts.length > 0 ? [`  if (${counts.join(" || ")}) ${undecided}`] : []),
    ...building,
    `  return { ok: true, value: ${value} };`,
    "}",
    "",
  ].join("\n");
}
