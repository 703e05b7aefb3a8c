import { isJsonObject, type Json } from "../contract.js";
import {
  type Checks,
  checkKeywords,
  type Flavor,
  pointerSegment,
  type PreRead,
  rejectsUndefined,
  typeTest,
} from "./guard-vocabulary.js";
import { OWN_MEMBER_FUNCTION, optionalTypes, readOwnMembers } from "./own-members.js";
import { overMaxLength, patternConstant } from "./string-checks.js";

/**
 * The checks of a validation view (see validation-view.ts), with ajv's semantics and in ajv's
 * order (type, maxLength, pattern, enum, then required, additionalProperties and each
 * property), so the first problem is the one ajv's first-error mode names.
 *
 * Members are what JSON.stringify and a spread see: own enumerable string-keyed properties,
 * each read once (readOwnMembers: a for-in over a closed object, reads by name of an open
 * one; an inherited, non-enumerable or Symbol-keyed member is absent; a polluted
 * Object.prototype adds nothing). A closed object (`additionalProperties: false`) with a
 * `toJSON` method fails: it would not serialise as what was checked. One reader for the
 * guard, the reporter and the checked copy, so they give the same answer on every value.
 *
 * A problem is `{ ok: false, site, value }`: `site` a module constant per place that can fail
 * (path, keyword, params, and a `memo` slot the package fills with the site's fixed texts),
 * `value` what the message quotes (the value at the path; for additionalProperties the
 * unknown member's name; for required the object).
 */
export function checksOf(name: string, flavor: Flavor): Checks {
  const out: Checks = { emit, sets: [], sites: [], declared: [], preRead: new Map() };
  let counter = 0;
  const fresh = (base: string): string => `${base}${counter++}`;
  // One module constant per list of types an optional member may have (see optionalTypes).
  const optionalTests = new Map<string, string>();
  const optionalTest = (types: Json[]): string => {
    const key = JSON.stringify(types);
    let test = optionalTests.get(key);
    if (test === undefined) {
      test = `${name}Optional${out.sets.length}`;
      const any = types.map((t) => `(${typeTest(t, "v")})`).join(" || ");
      out.sets.push(`const ${test} = (v) => v === undefined || ${any};`);
      optionalTests.set(key, test);
    }
    return test;
  };

  function emit(schema: Json, v: string, path: string, indent: string): string[] {
    checkKeywords(schema);
    const lines: string[] = [];
    const fail = (keyword: string, params: string, value = v): string => {
      if (flavor === "guard") return "return false;";
      const site = `${name}Site${out.sites.length}`;
      out.sites.push(
        `const ${site} = { instancePath: ${JSON.stringify(path)}, keyword: ${JSON.stringify(keyword)}, params: ${params}, memo: undefined };`,
      );
      return `return { ok: false, site: ${site}, value: ${value} };`;
    };
    const check = (failing: string, keyword: string, params: string): void =>
      void lines.push(`${indent}if (${failing}) ${fail(keyword, params)}`);
    const { type, enum: values, maxLength, pattern, required, properties, additionalProperties } = schema;
    const types = type === undefined ? [] : Array.isArray(type) ? type : [type];
    // A list of types as one comma-separated string, as ajv's own message has it.
    if (types.length > 0)
      check(
        `!(${types.length === 1 ? typeTest(types[0] as Json, v) : types.map((t) => `(${typeTest(t, v)})`).join(" || ")})`,
        "type",
        `{ type: ${JSON.stringify(types.join(","))} }`,
      );
    const onlyString = types.length === 1 && types[0] === "string";
    if (maxLength !== undefined) {
      if (typeof maxLength !== "number") throw new Error("guard emitter: maxLength must be a number");
      check(overMaxLength(v, maxLength, onlyString), "maxLength", `{ limit: ${maxLength} }`);
    }
    if (pattern !== undefined) {
      const constant = `${name}Pattern${out.sets.length}`;
      out.sets.push(`const ${constant} = ${patternConstant(pattern, maxLength)};`);
      check(
        `${onlyString ? "" : `typeof ${v} === "string" && `}!${constant}.test(${v})`,
        "pattern",
        `{ pattern: ${JSON.stringify(pattern)} }`,
      );
    }
    if (Array.isArray(values)) {
      if (values.some((x) => typeof x === "object" && x !== null)) throw new Error("guard emitter: enum of objects");
      const set = `${name}Values${out.sets.length}`;
      out.sets.push(`const ${set} = /* @__PURE__ */ new Set(${JSON.stringify(values)});`);
      check(`!${set}.has(${v})`, "enum", "{}");
    }
    if (required === undefined && properties === undefined && additionalProperties === undefined) return lines;
    if (additionalProperties !== undefined && typeof additionalProperties !== "boolean")
      throw new Error("guard emitter: additionalProperties must be true or false");
    const props = isJsonObject(properties) ? properties : {};
    const closed = additionalProperties === false;
    const inner: string[] = [];
    // A closed object must serialise as itself: a toJSON method would replace it in JSON.
    if (closed) inner.push(`${indent}  if (typeof ${v}.toJSON === "function") ${fail("toJSON", "{}")}`);
    const requiredNames = Array.isArray(required) ? required.map(String) : [];
    if (closed && requiredNames.some((r) => !Object.hasOwn(props, r)))
      throw new Error("guard emitter: a closed object's required members must be among its properties");
    const names = [...new Set([...requiredNames, ...Object.keys(props)])];
    const typeOnly = (prop: string): Json[] | null => optionalTypes(flavor, closed, requiredNames, prop, props[prop]);
    const read = readOwnMembers(
      v,
      names.filter((n) => typeOnly(n) === null),
      closed,
      `${indent}  `,
      fresh,
    );
    out.declared.push(...read.declared);
    out.preRead.set(v, read.preRead);
    inner.push(...read.lines);
    // A guard only says yes or no: a required member whose own checks fail on undefined needs
    // no presence check of its own (a reporter names "required" first, as ajv does).
    const checkedBySelf = (prop: string): boolean =>
      flavor === "guard" && requiredNames.includes(prop) && rejectsUndefined(props[prop]);
    for (const prop of requiredNames) {
      if (checkedBySelf(prop)) continue;
      const local = read.preRead.members.get(prop) as string;
      inner.push(
        `${indent}  if (${local} === undefined) ${fail("required", `{ missingProperty: ${JSON.stringify(prop)} }`)}`,
      );
    }
    if (read.preRead.extra !== undefined)
      inner.push(
        `${indent}  if (${read.preRead.extra} !== undefined) ${fail("additionalProperties", "{}", read.preRead.extra)}`,
      );
    for (const [prop, sub] of Object.entries(props)) {
      const types = typeOnly(prop);
      if (types !== null) {
        inner.push(
          `${indent}  if (!${optionalTest(types)}(${OWN_MEMBER_FUNCTION}(${v}, ${JSON.stringify(prop)}))) return false;`,
        );
        continue;
      }
      const local = read.preRead.members.get(prop) as string;
      const self = checkedBySelf(prop);
      const checks = emit(sub, local, `${path}/${pointerSegment(prop)}`, `${indent}${self ? "  " : "    "}`);
      if (self) inner.push(...checks);
      else if (checks.length > 0) inner.push(`${indent}  if (${local} !== undefined) {`, ...checks, `${indent}  }`);
    }
    // With `type: "object"` checked above, the members follow directly; otherwise only objects
    // have them (and an open object with nothing to check needs no block at all).
    if (types.length === 1 && types[0] === "object") lines.push(...inner.map((l) => l.slice(2)));
    else if (inner.length > 0) lines.push(`${indent}if (${typeTest("object", v)}) {`, ...inner, `${indent}}`);
    return lines;
  }
  return out;
}

/** `let a, b;` for the declared locals, or nothing. */
export const declare = (declared: readonly string[]): string[] =>
  declared.length > 0 ? [`  let ${declared.join(", ")};`] : [];
