/**
 * Turns ajv standalone code (allErrors: false) into a boolean-only guard: the same checks,
 * without building error objects. Why: on a miss ajv allocates an error array and object
 * before returning false; a guard like `isErrorEnvelope` only needs the boolean, and the
 * allocation made invalid input about half as fast as a hand-written guard.
 *
 * The rewrite is textual and therefore checked: it refuses code in a shape it was not made
 * for (error collection with allErrors, nested `vErrors`), so a future ajv cannot make it
 * emit a guard that is silently wrong. The differential tests run the guard against ajv.
 */
export function toBooleanGuard(source: string, prefix: string): string {
  const lines = source.replace(/^"use strict";/, "").split("\n");
  const out: string[] = [];
  let forIn: RegExpExecArray | null = null;
  for (const line of lines) {
    // The member check right inside `for(const keyN in dataM){`: also require the member to be
    // the object's own. Why: `.` reads inherited members too, so `Object.create(envelope)`
    // would pass, yet JSON.stringify would not send them. V8 turns hasOwnProperty on the
    // for-in key into a map check, so this costs next to nothing (unlike Object.hasOwn). Spelled
    // out in full, not through a module-level alias: bundlers turn a top-level `const` into
    // a `var`, and V8 only applies the rewrite when it knows the callee (measured: 2x slower).
    if (forIn && /^if\(!\(.*\)\)\{$/.test(line)) {
      out.push(`${line.slice(0, -2)} || !Object.prototype.hasOwnProperty.call(${forIn[2]}, ${forIn[1]})){`);
      forIn = null;
      continue;
    }
    forIn = /^for\(const (key\d+) in (data\d*)\)\{$/.exec(line);
    // `validate10.errors = [{...}];` right before `return false;`: the error report.
    if (/^validate\d+\.errors = \[\{.*\}\];$/.test(line)) continue;
    // `validate10.errors = vErrors;` before the final `return errors === 0;`.
    if (/^validate\d+\.errors = vErrors;$/.test(line)) continue;
    out.push(line);
  }
  let guard = out
    .join("\n")
    // The signature's instancePath/rootData only fed the error objects removed above.
    .replace(/^function (validate\d+)\(data, \{[^}]*\}=\{\}\)\{$/gm, "function $1(data){")
    .replace(/\bvalidate(\d+)\b/g, `${prefix}$1`)
    .replace(/\bschema(\d+)\b/g, `${prefix}Schema$1`);
  // Schema constants only fed `params` of the removed errors: drop those no longer used.
  for (const [, name] of guard.matchAll(new RegExp(`^const (${prefix}Schema\\d+) = .*;$`, "gm"))) {
    if (guard.split(name as string).length === 2) guard = guard.replace(new RegExp(`^const ${name} = .*;\\n`, "m"), "");
  }
  guard = enumChainsToSets(guard, prefix);
  for (const leftover of ["instancePath", "vErrors.push", "rootData", ".errors", "err0"]) {
    if (guard.includes(leftover)) throw new Error(`boolean guard: ajv output has an unexpected shape (found "${leftover}")`);
  }
  return guard;
}

/** Index of the parenthesis that closes the one at `open`, or -1. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') i = skipString(text, i);
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return i;
  }
  return -1;
}

/** Index of the quote that ends the JSON string starting at `start`. */
function skipString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}

const TERM = /^(data\d+) === ("(?:[^"\\]|\\.)*"|null)$/;

/**
 * ajv compiles `enum` to a chain of `===` (`(d === "a") || (d === "b") || ...`): 26 compares
 * for the last code. A module-level Set answers in one lookup, as a hand-written guard does.
 * Only chains made of nothing but `dataN === <JSON literal>` on one variable are rewritten.
 */
export function enumChainsToSets(code: string, prefix: string): string {
  const sets: string[] = [];
  let out = "";
  let from = 0;
  for (let at = code.indexOf("if(!(", from); at !== -1; at = code.indexOf("if(!(", from)) {
    const open = at + 4;
    const close = closingParen(code, open);
    const terms = close === -1 ? [] : code.slice(open + 1, close).split("||");
    // Each term is `(dataN === literal)` wrapped in the chain's parentheses.
    const parsed = terms.map((t) => TERM.exec(t.trim().replace(/^\(+/, "").replace(/\)+$/, "")));
    const variable = parsed[0]?.[1];
    if (terms.length > 1 && parsed.every((m) => m !== null && m[1] === variable)) {
      const name = `${prefix}Enum${sets.length}`;
      sets.push(`const ${name} = /* @__PURE__ */ new Set([${parsed.map((m) => m?.[2]).join(",")}]);`);
      out += `${code.slice(from, at)}if(!${name}.has(${variable})`;
      from = close + 1;
    } else {
      out += code.slice(from, open + 1);
      from = open + 1;
    }
  }
  out += code.slice(from);
  return sets.length === 0 ? out : `${sets.join("\n")}\n${out}`;
}
