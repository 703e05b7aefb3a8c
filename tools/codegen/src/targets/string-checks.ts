/**
 * The string keywords of the emitted validators: `maxLength` in Unicode code points (JSON
 * Schema's unit, and ajv's with its default `unicode: true`) and `pattern` (an ECMAScript
 * regular expression with the `u` flag, as ajv compiles it).
 */

/**
 * The test that fails `maxLength`, inline: one compare for the usual string; past the cap in
 * code units, a string of more than 2 * max units has more than `max` code points whatever it
 * holds (a code point is one or two units), and only one of at most 2 * max units is counted,
 * so the work stays bounded whatever arrives. Counting by spreading the string (its iterator
 * yields code points; a lone surrogate is one too) is the same idiom as `isDocUrl` of
 * @org/error-types, so the two cost a browser bundle one copy of it, not a helper function.
 */
export function overMaxLength(v: string, max: number, onlyString: boolean): string {
  if (!Number.isSafeInteger(max) || max < 0) throw new Error(`guard emitter: maxLength must be an integer >= 0`);
  return `${onlyString ? "" : `typeof ${v} === "string" && `}${v}.length > ${max} && (${v}.length > ${2 * max} || [...${v}].length > ${max})`;
}

/** Longest string a pattern may run on: the emitter wants a `maxLength` at most this beside every pattern. */
export const MAX_PATTERN_INPUT = 4096;

/**
 * The constant a `pattern` compiles to, after refusing what could make matching slow: a
 * group with a quantifier, a backreference, a lookaround, or a pattern without a `maxLength`
 * of at most MAX_PATTERN_INPUT beside it (the length check runs first, so the pattern only
 * ever sees bounded input). `new RegExp` with a JSON string is not eval: no code is built
 * from the pattern, and the `u` flag makes it ECMAScript's Unicode mode, as in ajv.
 */
export function patternConstant(pattern: unknown, maxLength: unknown): string {
  if (typeof pattern !== "string") throw new Error("guard emitter: pattern must be a string");
  if (typeof maxLength !== "number" || maxLength > MAX_PATTERN_INPUT)
    throw new Error(`guard emitter: a pattern needs a maxLength of at most ${MAX_PATTERN_INPUT} beside it`);
  if (/\)[*+?{]|\\[1-9]|\\k<|\(\?<?[=!]/.test(pattern))
    throw new Error(
      `guard emitter: pattern ${JSON.stringify(pattern)} has a quantified group, a backreference or a lookaround`,
    );
  try {
    new RegExp(pattern, "u");
  } catch (e) {
    throw new Error(`guard emitter: pattern ${JSON.stringify(pattern)} is not a valid regular expression`, {
      cause: e,
    });
  }
  return `/* @__PURE__ */ new RegExp(${JSON.stringify(pattern)}, "u")`;
}
