import type { PreRead } from "./guard-emitter.js";

/** What `readOwnMembers` emits: the loop, the locals it assigns, and where each member went. */
export interface OwnMembersRead {
  lines: string[];
  declared: string[];
  preRead: PreRead;
}

/**
 * One for-in over the object in `v` that reads each member in `names` into a local, once, and
 * (closed objects) keeps the first other member's name. Only own members count: for-in also
 * lists inherited enumerable ones, and `hasOwnProperty` with for-in's own key is what V8 turns
 * into a map compare. Symbol keys are never listed. Names are emitted as JSON string literals
 * and compared, never used as identifiers, so `__proto__`, `constructor` or `toString` are
 * plain data: `v[key]` for an own `__proto__` reads the own property, not the prototype.
 */
export function readOwnMembers(
  v: string,
  names: readonly string[],
  closed: boolean,
  indent: string,
  fresh: (base: string) => string,
): OwnMembersRead {
  const key = fresh("k");
  const members = new Map<string, string>();
  for (const name of names) members.set(name, fresh("m"));
  const extra = closed ? fresh("u") : undefined;
  const branches = [...members].map(
    ([name, local], i) =>
      `${indent}  ${i === 0 ? "" : "else "}if (${key} === ${JSON.stringify(name)}) ${local} = ${v}[${key}];`,
  );
  if (extra !== undefined)
    branches.push(`${indent}  ${branches.length > 0 ? "else " : ""}if (${extra} === undefined) ${extra} = ${key};`);
  const declared = [...members.values(), ...(extra === undefined ? [] : [extra])];
  const preRead = { members, extra };
  // An open object with no member of interest: nothing to read.
  if (branches.length === 0) return { lines: [], declared, preRead };
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
