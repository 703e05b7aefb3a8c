import { isJsonObject, type Json, type JsonObject } from "../contract.js";

/** Keywords the emitter understands; anything else in a view is refused, never ignored. */
const KNOWN = new Set(["type", "required", "properties", "additionalProperties", "enum", "maxLength"]);

/** Throws unless `schema` is an object made of KNOWN keywords only. */
export function checkKeywords(schema: Json): asserts schema is JsonObject {
  if (!isJsonObject(schema)) throw new Error("guard emitter: a schema must be an object");
  for (const key of Object.keys(schema))
    if (!KNOWN.has(key)) throw new Error(`guard emitter: unsupported keyword "${key}"`);
}

/** A JSON Pointer segment for a member name (RFC 6901: "~" then "/" escaped). */
export const pointerSegment = (name: string): string => name.replace(/~/g, "~0").replace(/\//g, "~1");

/** The JavaScript test for one JSON Schema `type` (ajv's meaning: a number must be finite). */
export function typeTest(type: Json, v: string): string {
  switch (type) {
    case "object":
      return `typeof ${v} === "object" && ${v} !== null && !Array.isArray(${v})`;
    case "string":
      return `typeof ${v} === "string"`;
    case "number":
      return `typeof ${v} === "number" && isFinite(${v})`;
    case "boolean":
      return `typeof ${v} === "boolean"`;
    case "null":
      return `${v} === null`;
    default:
      throw new Error(`guard emitter: unsupported type ${JSON.stringify(type)}`);
  }
}

/**
 * Emits a boolean guard from a validation view (see validation-view.ts): the checks a
 * careful engineer writes by hand, with ajv's semantics. Why not ajv's own output: ajv
 * reads each property three times and keeps error bookkeeping even when nothing reports,
 * which left `isErrorEnvelope` at about half the speed of a hand-written guard once V8 had
 * seen varied input. The differential tests hold this guard to ajv on the source schemas.
 *
 * Members are read as properties (`data.error`), as JSON Schema validators do: inherited
 * enumerable members count. Sets for enums are emitted as module constants, marked pure.
 */
export function emitGuard(name: string, view: JsonObject): string {
  const sets: string[] = [];
  let counter = 0;
  const fresh = (base: string): string => `${base}${counter++}`;

  const emit = (schema: Json, v: string, indent: string): string[] => {
    checkKeywords(schema);
    const lines: string[] = [];
    const fail = (test: string): void => void lines.push(`${indent}if (!(${test})) return false;`);
    const { type, enum: values, maxLength, required, properties, additionalProperties } = schema;
    const types = type === undefined ? [] : Array.isArray(type) ? type : [type];
    if (types.length === 1) fail(typeTest(types[0] as Json, v));
    else if (types.length > 1) fail(types.map((t) => `(${typeTest(t, v)})`).join(" || "));
    if (Array.isArray(values)) {
      if (values.some((x) => typeof x === "object" && x !== null)) throw new Error("guard emitter: enum of objects");
      const set = `${name}Values${sets.length}`;
      sets.push(`const ${set} = /* @__PURE__ */ new Set(${JSON.stringify(values)});`);
      fail(`${set}.has(${v})`);
    }
    // A plain .length compare (ajv's `unicode: false`): one comparison, whatever the length.
    const onlyString = types.length === 1 && types[0] === "string";
    if (typeof maxLength === "number")
      lines.push(
        `${indent}if (${onlyString ? "" : `typeof ${v} === "string" && `}${v}.length > ${maxLength}) return false;`,
      );
    const props = isJsonObject(properties) ? properties : {};
    if (required !== undefined || properties !== undefined || additionalProperties !== undefined) {
      // Only objects have members to check; `type: object` above already refused the rest.
      const inner: string[] = [];
      if (additionalProperties === false) {
        const key = fresh("key");
        const allowed =
          Object.keys(props)
            .map((p) => `${key} !== ${JSON.stringify(p)}`)
            .join(" && ") || "true";
        inner.push(`${indent}  for (const ${key} in ${v}) if (${allowed}) return false;`);
      } else if (additionalProperties !== undefined && additionalProperties !== true) {
        throw new Error("guard emitter: additionalProperties must be true or false");
      }
      const req = new Set(Array.isArray(required) ? required.map(String) : []);
      for (const prop of new Set([...req, ...Object.keys(props)])) {
        const member = fresh("v");
        inner.push(`${indent}  const ${member} = ${v}[${JSON.stringify(prop)}];`);
        const sub = props[prop];
        const checks = sub === undefined ? [] : emit(sub, member, `${indent}    `);
        if (req.has(prop)) {
          inner.push(`${indent}  if (${member} === undefined) return false;`, ...checks.map((l) => l.slice(2)));
        } else if (checks.length > 0) {
          inner.push(`${indent}  if (${member} !== undefined) {`, ...checks, `${indent}  }`);
        }
      }
      // With `type: "object"` checked above, the members follow directly; otherwise only objects have them.
      if (types.length === 1 && types[0] === "object") lines.push(...inner.map((l) => l.slice(2)));
      else lines.push(`${indent}if (${typeTest("object", v)}) {`, ...inner, `${indent}}`);
    }
    return lines;
  };

  const body = emit(view, "data", "  ");
  return `${sets.map((set) => `${set}\n`).join("")}export function ${name}(data) {\n${body.join("\n")}\n  return true;\n}\n`;
}

/** An object's members read before its checks (checked-copy-emitter.ts): each one's local, and the first unknown one's name's. */
export interface PreRead {
  members: ReadonlyMap<string, string>;
  extra: string;
}

/** Objects whose members the caller reads, and how (`readObject` registers them in `preRead`). */
export interface ReporterOptions {
  /** Lines that read the object in `v` (known to be an object) before its member checks, registering it in `preRead`. */
  readObject?: (schema: JsonObject, v: string, indent: string) => string[];
  preRead?: ReadonlyMap<string, PreRead>;
}

/**
 * The checks of a reporter, as lines: `emit(schema, v, path, indent)` returns the lines that
 * return the first problem of the value in `v` (ajv's order: type, maxLength, enum, then
 * required, additionalProperties and each property). A problem is `{ ok: false, site, value }`:
 * `site` a module constant per place that can fail (path, keyword, params, and a `memo` slot
 * the package fills with the site's fixed texts the first time it reports), `value` what the
 * message quotes (the value at the path; for additionalProperties the unknown member's name).
 * Why constants: a rejected value then costs one small object here, and its message two or
 * three concatenations in the package. An object in `preRead` is not read again: its members'
 * locals stand for `v[name]`, and its additionalProperties check is the pre-read first unknown
 * member. Enum sets go into `sets`, sites into `sites`, both named after `name`.
 */
export function reporterChecks(
  name: string,
  options: ReporterOptions = {},
): { emit: (schema: Json, v: string, path: string, indent: string) => string[]; sets: string[]; sites: string[] } {
  const sets: string[] = [];
  const sites: string[] = [];
  const preRead = options.preRead ?? new Map<string, PreRead>();
  let counter = 0;
  const fresh = (base: string): string => `${base}${counter++}`;

  const emit = (schema: Json, v: string, path: string, indent: string): string[] => {
    checkKeywords(schema);
    const lines: string[] = [];
    const report = (keyword: string, params: string, value = v): string => {
      const site = `${name}Site${sites.length}`;
      sites.push(
        `const ${site} = { instancePath: ${JSON.stringify(path)}, keyword: ${JSON.stringify(keyword)}, params: ${params}, memo: undefined };`,
      );
      return `return { ok: false, site: ${site}, value: ${value} };`;
    };
    const fail = (test: string, keyword: string, params: string): void =>
      void lines.push(`${indent}if (!(${test})) ${report(keyword, params)}`);
    const { type, enum: values, maxLength, required, properties, additionalProperties } = schema;
    const types = type === undefined ? [] : Array.isArray(type) ? type : [type];
    if (types.length === 1) fail(typeTest(types[0] as Json, v), "type", `{ type: ${JSON.stringify(types[0])} }`);
    // A list of types as one comma-separated string, as ajv's own message has it.
    else if (types.length > 1)
      fail(
        types.map((t) => `(${typeTest(t, v)})`).join(" || "),
        "type",
        `{ type: ${JSON.stringify(types.join(","))} }`,
      );
    const onlyString = types.length === 1 && types[0] === "string";
    if (typeof maxLength === "number")
      lines.push(
        `${indent}if (${onlyString ? "" : `typeof ${v} === "string" && `}${v}.length > ${maxLength}) ${report("maxLength", `{ limit: ${maxLength} }`)}`,
      );
    if (Array.isArray(values)) {
      if (values.some((x) => typeof x === "object" && x !== null)) throw new Error("guard emitter: enum of objects");
      const set = `${name}Values${sets.length}`;
      sets.push(`const ${set} = /* @__PURE__ */ new Set(${JSON.stringify(values)});`);
      fail(`${set}.has(${v})`, "enum", "{}");
    }
    const props = isJsonObject(properties) ? properties : {};
    if (required === undefined && properties === undefined && additionalProperties === undefined) return lines;
    const inner = options.readObject ? options.readObject(schema, v, `${indent}  `) : [];
    const pre = preRead.get(v);
    const member = (prop: string): string => pre?.members.get(prop) ?? `${v}[${JSON.stringify(prop)}]`;
    for (const prop of Array.isArray(required) ? required.map(String) : []) {
      inner.push(
        `${indent}  if (${member(prop)} === undefined) ${report("required", `{ missingProperty: ${JSON.stringify(prop)} }`)}`,
      );
    }
    if (additionalProperties === false) {
      if (pre) {
        inner.push(`${indent}  if (${pre.extra} !== undefined) ${report("additionalProperties", "{}", pre.extra)}`);
      } else {
        const key = fresh("key");
        const allowed =
          Object.keys(props)
            .map((p) => `${key} !== ${JSON.stringify(p)}`)
            .join(" && ") || "true";
        inner.push(
          `${indent}  for (const ${key} in ${v}) if (${allowed}) ${report("additionalProperties", "{}", key)}`,
        );
      }
    } else if (additionalProperties !== undefined && additionalProperties !== true) {
      throw new Error("guard emitter: additionalProperties must be true or false");
    }
    for (const [prop, sub] of Object.entries(props)) {
      const local = pre?.members.get(prop) ?? fresh("v");
      const checks = emit(sub, local, `${path}/${pointerSegment(prop)}`, `${indent}    `);
      if (checks.length === 0) continue;
      if (!pre) inner.push(`${indent}  const ${local} = ${v}[${JSON.stringify(prop)}];`);
      inner.push(`${indent}  if (${local} !== undefined) {`, ...checks, `${indent}  }`);
    }
    // With `type: "object"` checked above, the members follow directly; otherwise only objects have them.
    if (types.length === 1 && types[0] === "object") lines.push(...inner.map((l) => l.slice(2)));
    else lines.push(`${indent}if (${typeTest("object", v)}) {`, ...inner, `${indent}}`);
    return lines;
  };
  return { emit, sets, sites };
}

/**
 * Emits a reporting check from a validation view: `name(data)` returns null when `data`
 * is valid, else the first problem (see reporterChecks). The checks run in ajv's order, so
 * the first problem is the one ajv's first-error mode names. Why not ajv's standalone
 * output: it reads each member three times and builds a message string per error; this
 * costs what the guard costs until the failing test, then one small object. The
 * differential tests hold it to ajv.
 */
export function emitReporter(name: string, view: JsonObject): string {
  const { emit, sets, sites } = reporterChecks(name);
  const body = emit(view, "data", "", "  ");
  return `${[...sets, ...sites].map((line) => `${line}\n`).join("")}export function ${name}(data) {\n${body.join("\n")}\n  return null;\n}\n`;
}
