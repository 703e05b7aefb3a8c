import { compile } from "json-schema-to-typescript";
import { codeBanner } from "../banner.js";
import type { Contract, Json, JsonObject } from "../contract.js";
import { SCHEMA_FILES } from "../layout.js";

/** Cross-file refs become refs into one bundle, so json-schema-to-typescript never resolves (or fetches) an `$id`. */
const BUNDLE_REFS: Record<string, string> = {
  [SCHEMA_FILES.code]: "#/$defs/ErrorCode",
  [SCHEMA_FILES.type]: "#/$defs/ErrorType",
  "#/$defs/ErrorBody": "#/$defs/ErrorBody",
  "#/$defs/LenientErrorBody": "#/$defs/LenientErrorBody",
};

function rewriteRefs(value: Json): Json {
  return JSON.parse(JSON.stringify(value), (key, v: Json) => {
    if (key !== "$ref" || typeof v !== "string") return v;
    const target = BUNDLE_REFS[v];
    if (!target) throw new Error(`types target: no bundle location for $ref "${v}"`);
    return target;
  }) as Json;
}

/** The schema without its file-level keywords ($schema, $id, $defs). */
function body(schema: JsonObject): JsonObject {
  const { $schema: _s, $id: _i, $defs: _d, ...rest } = schema;
  return rest;
}

function defs(schema: JsonObject): JsonObject {
  const d = schema["$defs"];
  return typeof d === "object" && d !== null && !Array.isArray(d) ? d : {};
}

/**
 * `ErrorEnvelope`, `ErrorBody`, `ErrorCode`, `ErrorType` (and the lenient shapes) as
 * json-schema-to-typescript writes them.
 */
export async function generateTypes(contract: Contract): Promise<string> {
  const { code, type, envelope, lenient } = contract.schemas;
  const bundle = rewriteRefs({
    title: "ErrorContractBundle",
    $defs: { ErrorEnvelope: body(envelope), ...defs(envelope), ErrorCode: body(code), ErrorType: body(type), LenientErrorEnvelope: body(lenient), ...defs(lenient) },
  }) as JsonObject;
  const ts = await compile(bundle as never, "ErrorContractBundle", {
    bannerComment: "",
    unreachableDefinitions: true,
    additionalProperties: false,
    strictIndexSignatures: true,
    declareExternallyReferenced: true,
    format: true,
  });
  const cleaned = ts
    // The synthetic bundle root is not part of the contract.
    .replace(/export interface ErrorContractBundle \{[^}]*\}\n/, "")
    // Noise that names the synthetic root.
    .replace(/\n \*\n \* This interface was referenced by `ErrorContractBundle`'s JSON-Schema\n \* via the `definition` "\w+"\./g, "")
    .replace(/\/\*\*\n \* This interface was referenced by `ErrorContractBundle`'s JSON-Schema\n \* via the `definition` "\w+"\.\n \*\/\n/g, "");
  if (cleaned.includes("ErrorContractBundle")) throw new Error("types target: the bundle root leaked into the output");
  return `${codeBanner()}\n${cleaned.trimStart()}`;
}
