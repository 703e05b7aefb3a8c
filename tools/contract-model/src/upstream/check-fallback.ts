import { SchemaError } from "../schema-error.js";
import { matchesAll } from "./check-match.js";
import { FALLBACK_PROVIDER, UPSTREAM_DIR } from "./files.js";
import type { LocatedUpstreamMapping, UpstreamEnumEntry } from "./types.js";

/**
 * The fallback provider must map everything: a catch-all rule for every place an error is
 * seen, and a rule for every transport failure, so no upstream failure goes unmapped.
 */
export function checkFallback(
  fallback: LocatedUpstreamMapping | undefined,
  enums: { failures: readonly UpstreamEnumEntry[]; seenIn: readonly UpstreamEnumEntry[] },
): void {
  if (!fallback)
    throw new SchemaError(
      `${UPSTREAM_DIR}/${FALLBACK_PROVIDER}.json`,
      "",
      "is missing: the fallback for anything no provider rule matches",
    );
  const { file, rules } = fallback;
  for (const { value } of enums.seenIn)
    if (!rules.some((r) => (r.match.in ?? "body") === value && matchesAll(r.match)))
      throw new SchemaError(
        file,
        "/rules",
        `the fallback needs a rule matching every error seen in ${value} (a match with only "in")`,
      );
  for (const { value } of enums.failures)
    if (!rules.some((r) => r.match.failure?.includes(value)))
      throw new SchemaError(file, "/rules", `the fallback needs a rule for the transport failure "${value}"`);
}
