import { isJsonObject, type Json } from "../json.js";
import type { CodeEntry, OtherStatus, WithPointer } from "../records.js";
import { CODE_META } from "../vocabulary.js";
import { FACT_CHECKS, hasJsonType, nonEmpty } from "./checks.js";
import { constList } from "./const-list.js";
import { fail, membersUnder, type StrictInput } from "./context.js";

const TYPE_SAYS = { boolean: "must be true or false", integer: "must be a number" } as Record<string, string>;

/** `otherStatuses`: statuses of the table, none twice, not the canonical one, each with a "when". */
function readOtherStatuses(
  value: Json | undefined,
  at: string,
  code: string,
  canonical: number,
  table: ReadonlySet<number>,
): OtherStatus[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail("code", at, `code "${code}": otherStatuses must be a list of { status, when }`);
  const seen = new Set([canonical]);
  return value.map((item, i) => {
    if (
      !isJsonObject(item) ||
      typeof item["status"] !== "number" ||
      !nonEmpty(item["when"]) ||
      Object.keys(item).length !== 2
    )
      fail(
        "code",
        `${at}/${i}`,
        `code "${code}": each other status must be { "status": number, "when": non-empty string }`,
      );
    const status = item["status"];
    if (!table.has(status))
      fail(
        "code",
        `${at}/${i}/status`,
        `code "${code}": status ${status} is not in x-http-statuses (${[...table].join(", ")})`,
      );
    if (seen.has(status)) fail("code", `${at}/${i}/status`, `code "${code}": status ${status} is listed twice`);
    seen.add(status);
    return { status, when: item["when"] };
  });
}

/** Every code of error-code.schema.json with its metadata, as the vocabulary lists it, checked against the type and status tables. */
export function readCodes(
  input: StrictInput,
  known: ReadonlySet<string>,
  table: ReadonlySet<number>,
): Array<WithPointer<CodeEntry>> {
  const fields = membersUnder(input.vocabulary, CODE_META);
  const required = fields.filter(([, f]) => f.required).map(([k]) => k);
  const metaKey = CODE_META.split("/").at(-1) as string;
  return constList("code", input.schemas.code).map((entry, i) => {
    const pointer = `/anyOf/${i}`;
    const at = `${pointer}/${metaKey}`;
    const code = entry["const"] as string;
    const meta = entry[metaKey];
    if (!isJsonObject(meta))
      fail("code", at, `code "${code}" needs an "${metaKey}" object with ${required.join(", ")}`);
    for (const field of required)
      if (!(field in meta))
        fail("code", `${at}/${field}`, `code "${code}" has no "${field}" (every code needs ${required.join(", ")})`);
    for (const [field, fact] of fields) {
      const value = meta[field];
      if (value === undefined) continue;
      if (!hasJsonType(value, fact.json))
        fail("code", `${at}/${field}`, `code "${code}": ${field} ${TYPE_SAYS[fact.json] ?? `must be a ${fact.json}`}`);
      if (fact.check && !FACT_CHECKS[fact.check].ok(value))
        fail("code", `${at}/${field}`, `code "${code}": ${field} ${FACT_CHECKS[fact.check].says}`);
    }
    const { status, type, meaning, action, retryable } = meta as unknown as Omit<CodeEntry, "code" | "otherStatuses">;
    if (!table.has(status))
      fail(
        "code",
        `${at}/status`,
        `code "${code}": status must be one of the statuses of x-http-statuses (${[...table].join(", ")})`,
      );
    if (!known.has(type))
      fail(
        "code",
        `${at}/type`,
        `code "${code}": type must be one of the categories of error-type.schema.json (${[...known].join(", ")})`,
      );
    const extra = Object.keys(meta).find((k) => !fields.some(([name]) => name === k));
    if (extra !== undefined) fail("code", `${at}/${extra}`, `code "${code}": unknown metadata field "${extra}"`);
    const otherStatuses = readOtherStatuses(meta["otherStatuses"], `${at}/otherStatuses`, code, status, table);
    return { code, status, otherStatuses, type, meaning, action, retryable, pointer };
  });
}
