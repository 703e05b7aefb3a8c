import { isJsonObject, type Json, type JsonObject } from "../contract.js";

/** Keywords the emitter understands; anything else in a view is refused, never ignored. */
const KNOWN = new Set(["type", "required", "properties", "additionalProperties", "enum", "maxLength"]);

/** Throws unless `schema` is an object made of KNOWN keywords only. */
function checkKeywords(schema: Json): asserts schema is JsonObject {
  if (!isJsonObject(schema)) throw new Error("guard emitter: a schema must be an object");
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`guard emitter: unsupported keyword "${key}"`);
}

/** A JSON Pointer segment for a member name (RFC 6901: "~" then "/" escaped). */
const pointerSegment = (name: string): string => name.replace(/~/g, "~0").replace(/\//g, "~1");

/** The JavaScript test for one JSON Schema `type` (ajv's meaning: a number must be finite). */
function typeTest(type: Json, v: string): string {
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
    if (typeof maxLength === "number") lines.push(`${indent}if (${onlyString ? "" : `typeof ${v} === "string" && `}${v}.length > ${maxLength}) return false;`);
    const props = isJsonObject(properties) ? properties : {};
    if (required !== undefined || properties !== undefined || additionalProperties !== undefined) {
      // Only objects have members to check; `type: object` above already refused the rest.
      const inner: string[] = [];
      if (additionalProperties === false) {
        const key = fresh("key");
        const allowed = Object.keys(props).map((p) => `${key} !== ${JSON.stringify(p)}`).join(" && ") || "true";
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

/**
 * Emits a reporting check from a validation view: `name(data)` returns null when `data`
 * is valid, else the first problem as ajv reports it (`instancePath`, `keyword`, `params`),
 * plus `data`, the value at `instancePath`. The checks run in ajv's order (type, required,
 * additionalProperties, then each property), so the first problem is the one ajv's
 * first-error mode names. Why not ajv's standalone output: it reads each member three
 * times and builds a message string per error; this costs what the guard costs until the
 * failing test, then one small object. The differential tests hold it to ajv.
 */
export function emitReporter(name: string, view: JsonObject): string {
  const sets: string[] = [];
  let counter = 0;
  const fresh = (base: string): string => `${base}${counter++}`;

  const emit = (schema: Json, v: string, path: string, indent: string): string[] => {
    checkKeywords(schema);
    const lines: string[] = [];
    const at = JSON.stringify(path);
    const report = (keyword: string, params: string): string => `return { instancePath: ${at}, keyword: ${JSON.stringify(keyword)}, params: ${params}, data: ${v} };`;
    const fail = (test: string, keyword: string, params: string): void => void lines.push(`${indent}if (!(${test})) ${report(keyword, params)}`);
    const { type, enum: values, maxLength, required, properties, additionalProperties } = schema;
    const types = type === undefined ? [] : Array.isArray(type) ? type : [type];
    if (types.length === 1) fail(typeTest(types[0] as Json, v), "type", `{ type: ${JSON.stringify(types[0])} }`);
    // A list of types as one comma-separated string, as ajv's own message has it: no array per report.
    else if (types.length > 1) fail(types.map((t) => `(${typeTest(t, v)})`).join(" || "), "type", `{ type: ${JSON.stringify(types.join(","))} }`);
    const onlyString = types.length === 1 && types[0] === "string";
    if (typeof maxLength === "number") lines.push(`${indent}if (${onlyString ? "" : `typeof ${v} === "string" && `}${v}.length > ${maxLength}) ${report("maxLength", `{ limit: ${maxLength} }`)}`);
    if (Array.isArray(values)) {
      if (values.some((x) => typeof x === "object" && x !== null)) throw new Error("guard emitter: enum of objects");
      const set = `${name}Values${sets.length}`;
      sets.push(`const ${set} = /* @__PURE__ */ new Set(${JSON.stringify(values)});`);
      fail(`${set}.has(${v})`, "enum", "{}");
    }
    const props = isJsonObject(properties) ? properties : {};
    if (required === undefined && properties === undefined && additionalProperties === undefined) return lines;
    const inner: string[] = [];
    for (const prop of Array.isArray(required) ? required.map(String) : []) {
      inner.push(`${indent}  if (${v}[${JSON.stringify(prop)}] === undefined) ${report("required", `{ missingProperty: ${JSON.stringify(prop)} }`)}`);
    }
    if (additionalProperties === false) {
      const key = fresh("key");
      const allowed = Object.keys(props).map((p) => `${key} !== ${JSON.stringify(p)}`).join(" && ") || "true";
      inner.push(`${indent}  for (const ${key} in ${v}) if (${allowed}) ${report("additionalProperties", `{ additionalProperty: ${key} }`)}`);
    } else if (additionalProperties !== undefined && additionalProperties !== true) {
      throw new Error("guard emitter: additionalProperties must be true or false");
    }
    for (const [prop, sub] of Object.entries(props)) {
      const member = fresh("v");
      const checks = emit(sub, member, `${path}/${pointerSegment(prop)}`, `${indent}    `);
      if (checks.length === 0) continue;
      inner.push(`${indent}  const ${member} = ${v}[${JSON.stringify(prop)}];`, `${indent}  if (${member} !== undefined) {`, ...checks, `${indent}  }`);
    }
    // With `type: "object"` checked above, the members follow directly; otherwise only objects have them.
    if (types.length === 1 && types[0] === "object") lines.push(...inner.map((l) => l.slice(2)));
    else lines.push(`${indent}if (${typeTest("object", v)}) {`, ...inner, `${indent}}`);
    return lines;
  };

  const body = emit(view, "data", "", "  ");
  return `${sets.map((set) => `${set}\n`).join("")}export function ${name}(data) {\n${body.join("\n")}\n  return null;\n}\n`;
}

/**
 * Emits `name(data)`: a copy of `data` for the strict checks, built from one read of each
 * allowed member, or `undefined` when it cannot stand for the own-member copy the checks must
 * see (a prototype other than Object.prototype, a member that is inherited, non-enumerable or
 * set to `undefined`, an unknown member named `__proto__`). Callers check the copy and fall
 * back to a full own-member copy on `undefined`. Two shortcuts keep the copy's verdict and
 * first problem those of the full copy: a member that should be an object but is not is kept
 * as it is (its type check fails either way), and the first unknown own member is kept by name
 * (value `undefined`: only its name is reported, and such a copy never passes). Why: spreading
 * the envelope and its body was most of what `validateErrorEnvelope` cost; parsed JSON always
 * takes this path. Member order in the copy is the view's, not the input's.
 */
export function emitClosedCopy(name: string, view: JsonObject): string {
  let counter = 0;
  const fresh = (base: string): string => `${base}${counter++}`;
  const undecided = "return undefined;";

  /** Emits into `lines` the checks, reads and copy of an object at `v` (known to be an object); returns the copy's name. */
  const emitObject = (schema: JsonObject, v: string, lines: string[], indent: string): string => {
    const props = isJsonObject(schema["properties"]) ? schema["properties"] : {};
    if (schema["additionalProperties"] !== false) throw new Error("guard emitter: a closed copy needs additionalProperties: false at every object level");
    lines.push(`${indent}if (Object.getPrototypeOf(${v}) !== Object.prototype) ${undecided}`);
    // for-in lists enumerable members (own, and Object.prototype's, which the copy inherits
    // too); counting them against the members read below proves each read one is own and enumerable.
    const count = fresh("n");
    const key = fresh("key");
    const extra = fresh("extra");
    const names = Object.keys(props);
    const allowed = names.map((p) => `${key} === ${JSON.stringify(p)}`).join(" || ") || "false";
    lines.push(
      `${indent}let ${count} = 0;`,
      `${indent}let ${extra};`,
      `${indent}for (const ${key} in ${v}) {`,
      `${indent}  if (${allowed}) ${count}++;`,
      `${indent}  else if (${extra} === undefined) {`,
      `${indent}    if (${key} === "__proto__" || !Object.prototype.hasOwnProperty.call(${v}, ${key})) ${undecided}`,
      `${indent}    ${extra} = ${key};`,
      `${indent}  }`,
      `${indent}}`,
    );
    const members: [string, string][] = [];
    for (const prop of names) {
      const member = fresh("v");
      lines.push(`${indent}const ${member} = ${v}[${JSON.stringify(prop)}];`);
      members.push([prop, member]);
    }
    lines.push(`${indent}if (${count} !== ${members.map(([, m]) => `(${m} !== undefined ? 1 : 0)`).join(" + ") || "0"}) ${undecided}`);
    const copy = fresh("c");
    const required = new Set(Array.isArray(schema["required"]) ? schema["required"].map(String) : []);
    const parts: string[] = [];
    const optional: [string, string][] = [];
    for (const [prop, member] of members) {
      const sub = props[prop];
      let expr = member;
      if (isJsonObject(sub) && sub["type"] === "object") {
        checkKeywords(sub);
        // Not an object: kept as it is, and the type check reports it.
        expr = fresh("c");
        lines.push(`${indent}let ${expr} = ${member};`, `${indent}if (${typeTest("object", member)}) {`);
        const inner = emitObject(sub, member, lines, `${indent}  `);
        lines.push(`${indent}  ${expr} = ${inner};`, `${indent}}`);
      }
      if (required.has(prop)) parts.push(`${JSON.stringify(prop)}: ${expr}`);
      else optional.push([prop, expr]);
    }
    lines.push(`${indent}const ${copy} = { ${parts.join(", ")} };`);
    for (const [prop, expr] of optional) lines.push(`${indent}if (${expr} !== undefined) ${copy}[${JSON.stringify(prop)}] = ${expr};`);
    lines.push(`${indent}if (${extra} !== undefined) ${copy}[${extra}] = undefined;`);
    return copy;
  };

  checkKeywords(view);
  if (view["type"] !== "object") throw new Error("guard emitter: a closed copy needs an object at the root");
  const lines: string[] = [];
  const result = emitObject(view, "data", lines, "  ");
  return `export function ${name}(data) {\n  if (!(${typeTest("object", "data")})) return data;\n${lines.join("\n")}\n  return ${result};\n}\n`;
}
