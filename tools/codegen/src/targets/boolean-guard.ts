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
  const lines = source.split("\n");
  const out: string[] = [];
  for (const line of lines) {
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
  for (const leftover of ["instancePath", "vErrors.push", "rootData", ".errors", "err0"]) {
    if (guard.includes(leftover)) throw new Error(`boolean guard: ajv output has an unexpected shape (found "${leftover}")`);
  }
  return guard;
}
