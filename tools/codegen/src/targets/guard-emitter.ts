import { isJsonObject, type Json, type JsonObject } from "../contract.js";

/** Keywords the emitter understands; anything else in a view is refused, never ignored. */
const KNOWN = new Set(["type", "required", "properties", "additionalProperties", "enum", "maxLength"]);

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
    if (!isJsonObject(schema)) throw new Error("guard emitter: a schema must be an object");
    for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`guard emitter: unsupported keyword "${key}"`);
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
