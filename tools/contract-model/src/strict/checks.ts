import type { Json } from "../json.js";
import type { FactCheck, JsonType } from "../vocabulary.js";

/** True for an integer HTTP error status (400-599). */
export const isStatus = (v: unknown): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= 400 && v <= 599;

/** True for a string with something besides white space. */
export const nonEmpty = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

/** The length of a string in Unicode code points: JSON Schema's unit for maxLength. */
export const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** True when `v` has the vocabulary's JSON type. */
export function hasJsonType(v: Json, type: JsonType): boolean {
  switch (type) {
    case "integer":
      return typeof v === "number" && Number.isInteger(v);
    case "array":
      return Array.isArray(v);
    case "object":
      return typeof v === "object" && v !== null && !Array.isArray(v);
    case "string":
    case "boolean":
      return typeof v === type;
  }
}

/** A lower-case header field name (an RFC 9110 token, as HTTP/2 sends it). */
const HEADER_NAME = /^[a-z][a-z0-9-]*$/;
/** A media type without parameters (RFC 6838 names). */
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return pattern.startsWith("^") && pattern.endsWith("$");
  } catch {
    return false;
  }
}

/** Each {@link FactCheck}: the test and what the error says when it fails. */
export const FACT_CHECKS: Record<FactCheck, { ok: (v: Json) => boolean; says: string }> = {
  "non-empty": { ok: nonEmpty, says: "must be a non-empty string" },
  status: { ok: isStatus, says: "must be an integer HTTP error status (400-599)" },
  "https-url": {
    ok: (v) => typeof v === "string" && /^https:\/\/[!-~]+$/.test(v) && !v.includes("#"),
    says: "must be an https URL without a fragment",
  },
  "header-name": {
    ok: (v) => typeof v === "string" && HEADER_NAME.test(v) && v.length <= 64,
    says: "must be a lower-case header name (a-z, 0-9, -; at most 64 characters)",
  },
  "media-type": { ok: (v) => typeof v === "string" && MEDIA_TYPE.test(v), says: "must be a lower-case media type" },
  regex: {
    ok: (v) => typeof v === "string" && compiles(v),
    says: "must be a regular expression anchored with ^ and $",
  },
  positive: { ok: (v) => typeof v === "number" && v >= 1, says: "must be a positive integer" },
};
