import type { JsonObject } from "../contract.js";
import { checksOf, declare } from "./guard-checks.js";
import { OWN_MEMBER_HELPER } from "./own-members.js";
import { CODE_POINTS_HELPER } from "./string-checks.js";

/** The module-level helpers emitted checks call, as source: emitted once before them in each module. */
export const GUARD_HELPERS = `${CODE_POINTS_HELPER}${OWN_MEMBER_HELPER}`;

/**
 * Emits a boolean guard from a validation view: `name(data)` is true when `data` is valid.
 * No error bookkeeping and no allocation on a miss. Why not ajv's own output: ajv reads each
 * property three times and keeps error bookkeeping even when nothing reports. The
 * differential tests hold it to ajv on the source schemas. Module constants (sets,
 * patterns) are marked pure; the helpers (GUARD_HELPERS) are the module's.
 */
export function emitGuard(name: string, view: JsonObject): string {
  const { emit, sets, declared } = checksOf(name, "guard");
  const body = emit(view, "data", "", "  ");
  return [...sets, `export function ${name}(data) {`, ...declare(declared), ...body, "  return true;", "}", ""].join(
    "\n",
  );
}

/**
 * Emits a reporting check from a validation view: `name(data)` returns null when `data` is
 * valid, else the first problem (see checksOf). It costs what the guard costs until the
 * failing test, then one small object; ajv's standalone output builds a message per error.
 */
export function emitReporter(name: string, view: JsonObject): string {
  const { emit, sets, sites, declared } = checksOf(name, "report");
  const body = emit(view, "data", "", "  ");
  return [
    ...sets,
    ...sites,
    `export function ${name}(data) {`,
    ...declare(declared),
    ...body,
    "  return null;",
    "}",
    "",
  ].join("\n");
}
