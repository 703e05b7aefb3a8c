/**
 * What the guard emitter reads and writes in: the JSON Schema keywords it understands, the
 * JavaScript test of each type, and the shapes the checks and their emitters share.
 */
import { isJsonObject, type Json, type JsonObject } from "../contract.js";

/** Keywords the emitter understands; anything else in a view is refused, never ignored. */
const KNOWN = new Set(["type", "required", "properties", "additionalProperties", "enum", "maxLength", "pattern"]);

/** Throws unless `schema` is an object made of KNOWN keywords only. */
export function checkKeywords(schema: Json): asserts schema is JsonObject {
  if (!isJsonObject(schema)) throw new Error("guard emitter: a schema must be an object");
  for (const key of Object.keys(schema))
    if (!KNOWN.has(key)) throw new Error(`guard emitter: unsupported keyword ${JSON.stringify(key)}`);
}

/** A JSON Pointer segment for a member name (RFC 6901: "~" then "/" escaped). */
export const pointerSegment = (name: string): string => name.replace(/~/g, "~0").replace(/\//g, "~1");

/** The JavaScript test for one JSON Schema `type` (ajv's meaning: a number must be finite). */
export function typeTest(type: Json, v: string): string {
  switch (type) {
    case "object":
      return `typeof ${v} === "object" && ${v} !== null && !Array.isArray(${v})`;
    case "string":
      return `typeof ${v} === "string"`;
    case "number":
      return `Number.isFinite(${v})`; // false for every non-number: no typeof needed
    case "boolean":
      return `typeof ${v} === "boolean"`;
    case "null":
      return `${v} === null`;
    default:
      throw new Error(`guard emitter: unsupported type ${JSON.stringify(type)}`);
  }
}

/** True when the checks of `schema` fail on `undefined` (a type or an enum: no JSON value is undefined). */
export const rejectsUndefined = (schema: Json | undefined): boolean =>
  isJsonObject(schema) && (schema["type"] !== undefined || Array.isArray(schema["enum"]));

/** An object's members as they were read: each allowed member's local, and (closed objects) the first unknown name's. */
export interface PreRead {
  members: ReadonlyMap<string, string>;
  extra: string | undefined;
}

/** `guard`: a failed check returns false. `report`: it returns the problem (a site and the value quoted). */
export type Flavor = "guard" | "report";

/** What `checksOf` gives: the emitter, and what the emitted lines need around them. */
export interface Checks {
  /** The lines that check the value in `v` at JSON Pointer `path`. */
  emit: (schema: Json, v: string, path: string, indent: string) => string[];
  /** Module constants: enum sets and patterns. */
  sets: string[];
  /** Module constants: one site per place that can fail (report flavor). */
  sites: string[];
  /** Locals the lines use, declared once at the top of the function. */
  declared: string[];
  /** The objects read, by the local that holds them. */
  preRead: Map<string, PreRead>;
}
