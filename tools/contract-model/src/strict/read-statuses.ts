import { isJsonObject } from "../json.js";
import type { StatusRow, WithPointer } from "../records.js";
import { STATUS_ROW } from "../vocabulary.js";
import { FACT_CHECKS, hasJsonType, isStatus } from "./checks.js";
import { fail, membersUnder, SPELLED, type StrictInput } from "./context.js";

/** Fails unless `type` is one of the categories of error-type.schema.json. */
export function checkType(type: unknown, pointer: string, known: ReadonlySet<string>): string {
  if (typeof type !== "string" || !known.has(type))
    fail(
      "envelope",
      pointer,
      `type must be one of the categories of error-type.schema.json (${[...known].join(", ")})`,
    );
  return type;
}

/** The HTTP status table: every status the contract uses, in ascending order, once each, rows as the vocabulary says. */
export function readStatuses(input: StrictInput, known: ReadonlySet<string>): Array<WithPointer<StatusRow>> {
  const fields = membersUnder(input.vocabulary, STATUS_ROW);
  const table = STATUS_ROW.slice(0, -2);
  const shape = `{ ${fields.map(([k, f]) => `${k}: ${SPELLED[f.json]}`).join(", ")} }`;
  const rows = input.schemas.envelope[table.slice(1)];
  if (!Array.isArray(rows) || rows.length === 0) fail("envelope", table, `must be a non-empty list of ${shape}`);
  let previous = 0;
  return rows.map((row, i) => {
    const at = `${table}/${i}`;
    const fits =
      isJsonObject(row) &&
      Object.keys(row).every((k) => fields.some(([name]) => name === k)) &&
      fields.every(([k, f]) => (row[k] === undefined ? !f.required : hasJsonType(row[k], f.json)));
    if (!fits) fail("envelope", at, `must be ${shape}`);
    const status = row["status"];
    if (!isStatus(status)) fail("envelope", `${at}/status`, "status must be an integer HTTP error status (400-599)");
    if (status <= previous)
      fail(
        "envelope",
        `${at}/status`,
        `statuses must be listed once each, in ascending order (${status} after ${previous})`,
      );
    previous = status;
    for (const [k, f] of fields)
      if (f.check && row[k] !== undefined && !FACT_CHECKS[f.check].ok(row[k]))
        fail("envelope", `${at}/${k}`, `${k} ${FACT_CHECKS[f.check].says}`);
    const type = checkType(row["type"], `${at}/type`, known);
    return { ...(row as unknown as StatusRow), status, type, pointer: at };
  });
}
