import { SCHEMA_DIR, SCHEMA_FILES } from "@org/contract-model";
import { SchemaError } from "../schema-error.js";

/**
 * A code's anchor in the reference page: the code percent-encoded as `encodeURIComponent`
 * does, with the colon kept (a fragment may hold it, and the published doc_url of a
 * `channel:` code has it verbatim). So a grammar-legal code is its own anchor, and any other
 * string still gets one that is URL-safe, decodes back to the code, and differs from every
 * other code's: `a b` is `a%20b` and `a%20b` is `a%2520b` (a browser looks an id up raw
 * before decoding, so the ids are the anchors themselves, never the decoded codes).
 */
export function codeAnchor(code: string): string {
  try {
    return encodeURIComponent(code).replace(/%3A/g, ":");
  } catch {
    // encodeURIComponent throws URIError on a lone surrogate: no URL can name such a code.
    throw new SchemaError(
      `${SCHEMA_DIR}/${SCHEMA_FILES.code}`,
      "",
      `code ${JSON.stringify(code)} is not well-formed Unicode: it has no URL in the reference`,
    );
  }
}

/** The URL of a code's entry in the reference: the reference URL, "#", the code's anchor. */
export const docUrlFor = (referenceUrl: string, code: string): string => `${referenceUrl}#${codeAnchor(code)}`;
