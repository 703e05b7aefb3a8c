/**
 * The string keywords of the emitted validators: `maxLength` in Unicode code points (JSON
 * Schema's unit, and ajv's with its default `unicode: true`) and `pattern` (an ECMAScript
 * regular expression with the `u` flag, as ajv compiles it).
 */

/** Name of the module-level helper the length checks call (emitted once per module: CODE_POINTS_HELPER). */
export const CODE_POINTS_FUNCTION = "overCodePoints";

/**
 * The helper, as source. Called only when `s.length > max` (a string within the cap in code
 * units is within it in code points), and it scans at most 2 * max code units: beyond that
 * the string has more than `max` code points whatever it holds, so the work stays bounded
 * whatever arrives. A surrogate pair is one code point; a lone surrogate is one too.
 */
export const CODE_POINTS_HELPER = `/** True when \`s\` (already longer than \`max\` UTF-16 code units) has more than \`max\` code points. */
function ${CODE_POINTS_FUNCTION}(s, max) {
  if (s.length > 2 * max) return true;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    // A high surrogate followed by a low one is one code point (past the end, charCodeAt is NaN).
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    if (++n > max) return true;
  }
  return false;
}
`;

/** The test that fails `maxLength`: one compare for the usual string, the count only past the cap in code units. */
export function overMaxLength(v: string, max: number, onlyString: boolean): string {
  if (!Number.isSafeInteger(max) || max < 0) throw new Error(`guard emitter: maxLength must be an integer >= 0`);
  return `${onlyString ? "" : `typeof ${v} === "string" && `}${v}.length > ${max} && ${CODE_POINTS_FUNCTION}(${v}, ${max})`;
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

/**
 * True when `pattern` (with the `u` flag) can only match whole strings of ASCII characters:
 * anchored at both ends with no alternation, ASCII source, no `.`, no negated class and no
 * escape outside a short list of ASCII-only ones (`\d`, `\w` and `\b` without the `i` flag,
 * and escaped punctuation). Conservative: false whenever unsure. Why: for a string such a
 * pattern accepts, code points and UTF-16 code units are the same count, so a `maxLength`
 * beside it needs only `length` (no code-point count).
 */
export function matchesOnlyAscii(pattern: string): boolean {
  if (!/^[\x20-\x7e]*$/.test(pattern) || !pattern.startsWith("^") || !/(?<!\\)\$$/.test(pattern)) return false;
  // Escaped characters that stand for ASCII only, removed before the checks below (left to
  // right, so `\\` is one escape and never starts another).
  const rest = pattern.replace(/\\[dwb/.\-?+*()[\]{}|^$\\]/g, "");
  return !/[.|\\]|\[\^/.test(rest);
}
