import { compile } from "json-schema-to-typescript";
import { codeBanner } from "../banner.js";
import { type Contract, isJsonObject, type Json, type JsonObject, schemaBody } from "../contract.js";
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

function defs(schema: JsonObject): JsonObject {
  const d = schema["$defs"];
  return isJsonObject(d) ? d : {};
}

/**
 * `ErrorEnvelope`, `ErrorBody`, `ErrorCode`, `ErrorType` (and the lenient shapes) as
 * json-schema-to-typescript writes them.
 */
export async function generateTypes(contract: Contract): Promise<string> {
  const { code, type, envelope, lenient } = contract.schemas;
  const bundle = rewriteRefs({
    title: "ErrorContractBundle",
    $defs: {
      ErrorEnvelope: schemaBody(envelope),
      ...defs(envelope),
      ErrorCode: schemaBody(code),
      ErrorType: schemaBody(type),
      LenientErrorEnvelope: schemaBody(lenient),
      ...defs(lenient),
    },
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
    .replace(
      /\n \*\n \* This interface was referenced by `ErrorContractBundle`'s JSON-Schema\n \* via the `definition` "\w+"\./g,
      "",
    )
    .replace(
      /\/\*\*\n \* This interface was referenced by `ErrorContractBundle`'s JSON-Schema\n \* via the `definition` "\w+"\.\n \*\/\n/g,
      "",
    );
  if (cleaned.includes("ErrorContractBundle")) throw new Error("types target: the bundle root leaked into the output");
  return `${codeBanner()}\n${cleaned.trimStart()}`;
}
