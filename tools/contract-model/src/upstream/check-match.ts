import { at } from "../pointer.js";
import { SchemaError } from "../schema-error.js";
import type { UpstreamMatch } from "./types.js";

/** The match members that look at a response (everything but `in` and `failure`). */
const RESPONSE_MEMBERS = ["status", "type", "code", "errorStatus", "header", "message"] as const;

/** True when a match looks at nothing but where the error was seen: it matches every error seen there. */
export const matchesAll = (m: UpstreamMatch): boolean =>
  m.failure === undefined && RESPONSE_MEMBERS.every((k) => m[k] === undefined);

/**
 * What the schema cannot say about a match: status ranges run upwards, a transport failure
 * matches alone (there is no response to look at), and the message pattern compiles and only
 * narrows a structured match.
 */
export function checkMatch(file: string, pointer: string, m: UpstreamMatch): void {
  const p = at(pointer, "match");
  (m.status ?? []).forEach((s, i) => {
    if (Array.isArray(s) && s[0] > s[1])
      throw new SchemaError(file, at(at(p, "status"), i), `range [${s[0]}, ${s[1]}] runs downwards`);
  });
  if (m.failure !== undefined) {
    const other = [...RESPONSE_MEMBERS, "in" as const].find((k) => m[k] !== undefined);
    if (other !== undefined)
      throw new SchemaError(
        file,
        at(p, other),
        `"${other}" cannot go with "failure": a transport failure has no response to match`,
      );
  }
  if (m.message !== undefined) {
    // The last resort narrows what the structured members matched; alone it would map by text.
    if (!(["status", "type", "code", "errorStatus", "header", "in"] as const).some((k) => m[k] !== undefined))
      throw new SchemaError(
        file,
        at(p, "message"),
        "a message pattern is the last resort: it needs a status, type, code, errorStatus, header or in beside it",
      );
    try {
      new RegExp(m.message, "u");
    } catch (e) {
      throw new SchemaError(file, at(p, "message"), `is not a regular expression: ${(e as Error).message}`);
    }
  }
}
