import { isJsonObject, type Json } from "../contract.js";
import type { Flavor, PreRead } from "./guard-vocabulary.js";

/** What `readOwnMembers` emits: the reads, the locals they assign, and where each member went. */
export interface OwnMembersRead {
  lines: string[];
  declared: string[];
  preRead: PreRead;
}

/** Name of the module-level helper an open object's reads call (emitted once per module: OWN_MEMBER_HELPER). */
export const OWN_MEMBER_FUNCTION = "ownMember";

/**
 * The helper, as source: the own enumerable string-keyed member `key` of `o` (what for-in with
 * an own check, JSON.stringify and a spread see), else undefined. `o[key]` for an own
 * `__proto__` reads the own property, not the prototype.
 */
export const OWN_MEMBER_HELPER = `/** The own enumerable member \`key\` of \`o\` (what for-in and JSON.stringify see), else undefined. */
function ${OWN_MEMBER_FUNCTION}(o, key) {
  return Object.prototype.propertyIsEnumerable.call(o, key) ? o[key] : undefined;
}
`;

/**
 * Reads each member in `names` of the object in `v` into a local, once. Only own enumerable
 * members count (an inherited, non-enumerable or Symbol-keyed one is absent; a polluted
 * Object.prototype adds nothing). Names are emitted as JSON string literals and compared, never
 * used as identifiers, so `__proto__`, `constructor` or `toString` are plain data.
 *
 * A closed object (`closed`) is walked by one for-in that also keeps the first other member's
 * name: `hasOwnProperty` with for-in's own key is what V8 turns into a map compare. An open
 * object has no unknown member to find, so each member is read by name (OWN_MEMBER_HELPER):
 * a few calls instead of a walk over every member it has, and much less code (the lenient
 * guard is in every browser bundle of @org/error-client).
 */
export function readOwnMembers(
  v: string,
  names: readonly string[],
  closed: boolean,
  indent: string,
  fresh: (base: string) => string,
): OwnMembersRead {
  const key = closed ? fresh("k") : "";
  const members = new Map<string, string>();
  for (const name of names) members.set(name, fresh("m"));
  const extra = closed ? fresh("u") : undefined;
  const declared = [...members.values(), ...(extra === undefined ? [] : [extra])];
  const preRead = { members, extra };
  if (!closed) {
    const lines = [...members].map(
      ([name, local]) => `${indent}${local} = ${OWN_MEMBER_FUNCTION}(${v}, ${JSON.stringify(name)});`,
    );
    return { lines, declared, preRead };
  }
  const branches = [...members].map(
    ([name, local], i) =>
      `${indent}  ${i === 0 ? "" : "else "}if (${key} === ${JSON.stringify(name)}) ${local} = ${v}[${key}];`,
  );
  branches.push(`${indent}  ${branches.length > 0 ? "else " : ""}if (${extra} === undefined) ${extra} = ${key};`);
  return {
    lines: [
      `${indent}for (const ${key} in ${v}) {`,
      `${indent}  if (!Object.prototype.hasOwnProperty.call(${v}, ${key})) continue;`,
      ...branches,
      `${indent}}`,
    ],
    declared,
    preRead,
  };
}

/**
 * The types of an optional member of an open object that a guard checks by its type alone
 * (its schema is `type` and nothing else that checks), else null. Such a member is read where
 * it is checked, by a module-level test shared by every member of the same types (absent, or
 * one of them): the lenient guard of every @org/error-client browser bundle is mostly such
 * members, and one call per member is much less code than a local and a block each.
 */
export function optionalTypes(
  flavor: Flavor,
  closed: boolean,
  required: readonly string[],
  prop: string,
  schema: Json | undefined,
): Json[] | null {
  if (flavor !== "guard" || closed || required.includes(prop) || !isJsonObject(schema)) return null;
  // `additionalProperties: true` alone checks nothing (an open object with no members named).
  const keys = Object.keys(schema).filter((k) => !(k === "additionalProperties" && schema[k] === true));
  if (keys.length !== 1 || keys[0] !== "type") return null;
  const type = schema["type"] as Json;
  return Array.isArray(type) ? type : [type];
}
