import { SCHEMA_DIR, SCHEMA_FILES } from "@org/contract-model";
import {
  type ContractRules,
  isJsonObject,
  type JsonObject,
  type StatusClass,
  type StatusRow,
  type TypeEntry,
} from "./contract.js";
import { SchemaError } from "./schema-error.js";

const REL = `${SCHEMA_DIR}/${SCHEMA_FILES.envelope}`;
const ROW_FIELDS = {
  status: "number",
  reason: "string",
  type: "string",
  retryAfter: "boolean",
  codeless: "boolean",
  meaning: "string",
  cause: "string",
} as const;

const isStatus = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 400 && v <= 599;

function checkType(type: unknown, at: string, known: ReadonlySet<string>): string {
  if (typeof type !== "string" || !known.has(type))
    throw new SchemaError(
      REL,
      at,
      `type must be one of the categories of ${SCHEMA_FILES.type} (${[...known].join(", ")})`,
    );
  return type;
}

/** `x-http-statuses`: every HTTP status the contract uses, in ascending order, once each. */
export function readStatuses(envelope: JsonObject, types: TypeEntry[]): StatusRow[] {
  const known = new Set(types.map((t) => t.type));
  const rows = envelope["x-http-statuses"];
  const shape = `{ ${Object.entries(ROW_FIELDS)
    .map(([k, t]) => `${k}: ${t}`)
    .join(", ")} }`;
  if (!Array.isArray(rows) || rows.length === 0)
    throw new SchemaError(REL, "/x-http-statuses", `must be a non-empty list of ${shape}`);
  let previous = 0;
  return rows.map((row, i) => {
    const at = `/x-http-statuses/${i}`;
    if (
      !isJsonObject(row) ||
      Object.keys(row).length !== Object.keys(ROW_FIELDS).length ||
      Object.entries(ROW_FIELDS).some(([k, t]) => typeof row[k] !== t)
    ) {
      throw new SchemaError(REL, at, `must be ${shape}`);
    }
    const status = row["status"];
    if (!isStatus(status))
      throw new SchemaError(REL, `${at}/status`, "status must be an integer HTTP error status (400-599)");
    if (status <= previous)
      throw new SchemaError(
        REL,
        `${at}/status`,
        `statuses must be listed once each, in ascending order (${status} after ${previous})`,
      );
    previous = status;
    for (const k of ["reason", "meaning", "cause"] as const) {
      if ((row[k] as string).trim() === "") throw new SchemaError(REL, `${at}/${k}`, `${k} must be a non-empty string`);
    }
    const type = checkType(row["type"], `${at}/type`, known);
    return { ...(row as unknown as StatusRow), status, type };
  });
}

function statusList(value: unknown, at: string): number[] {
  if (!Array.isArray(value) || !value.every(isStatus))
    throw new SchemaError(REL, at, "must be a list of HTTP error statuses (400-599)");
  return value;
}

/** `x-contract`: the reference URL, the message cap, the type and retry rules for statuses outside the table. */
export function readRules(envelope: JsonObject, types: TypeEntry[]): ContractRules {
  const known = new Set(types.map((t) => t.type));
  const rules = envelope["x-contract"];
  const at = "/x-contract";
  if (!isJsonObject(rules))
    throw new SchemaError(
      REL,
      at,
      "must be an object with referenceUrl, maxMessageLength, statusClasses, otherStatusType, retryableStatuses, nonRetryableStatuses",
    );
  const {
    referenceUrl,
    maxMessageLength,
    statusClasses,
    otherStatusType,
    retryableStatuses,
    nonRetryableStatuses,
    ...extra
  } = rules;
  if (Object.keys(extra).length > 0)
    throw new SchemaError(REL, `${at}/${Object.keys(extra)[0]}`, `unknown field "${Object.keys(extra)[0]}"`);
  if (typeof referenceUrl !== "string" || !/^https:\/\/[^#\s]+$/.test(referenceUrl))
    throw new SchemaError(REL, `${at}/referenceUrl`, "must be an https URL without a fragment");
  const schemaCap = (
    ((envelope["$defs"] as JsonObject | undefined)?.["ErrorBody"] as JsonObject | undefined)?.["properties"] as
      JsonObject | undefined
  )?.["message"];
  const maxMessageSchemaLength = isJsonObject(schemaCap) ? schemaCap["maxLength"] : undefined;
  if (typeof maxMessageSchemaLength !== "number")
    throw new SchemaError(REL, "/$defs/ErrorBody/properties/message/maxLength", "the message needs a maxLength");
  if (
    typeof maxMessageLength !== "number" ||
    !Number.isInteger(maxMessageLength) ||
    maxMessageLength < 1 ||
    maxMessageLength > maxMessageSchemaLength
  ) {
    throw new SchemaError(
      REL,
      `${at}/maxMessageLength`,
      `must be an integer from 1 to the message's maxLength (${maxMessageSchemaLength})`,
    );
  }
  if (!Array.isArray(statusClasses))
    throw new SchemaError(REL, `${at}/statusClasses`, "must be a list of { from, to, type, retryable }");
  const classes: StatusClass[] = statusClasses.map((c, i) => {
    const ok =
      isJsonObject(c) &&
      isStatus(c["from"]) &&
      isStatus(c["to"]) &&
      c["from"] <= c["to"] &&
      typeof c["retryable"] === "boolean" &&
      Object.keys(c).length === 4;
    if (!ok)
      throw new SchemaError(
        REL,
        `${at}/statusClasses/${i}`,
        "must be { from, to, type, retryable } with 400 <= from <= to <= 599",
      );
    return {
      from: c["from"] as number,
      to: c["to"] as number,
      type: checkType(c["type"], `${at}/statusClasses/${i}/type`, known),
      retryable: c["retryable"] as boolean,
    };
  });
  const yes = statusList(retryableStatuses, `${at}/retryableStatuses`);
  const no = statusList(nonRetryableStatuses, `${at}/nonRetryableStatuses`);
  const both = yes.find((s) => no.includes(s));
  if (both !== undefined)
    throw new SchemaError(REL, `${at}/nonRetryableStatuses`, `${both} is listed as retryable and as not retryable`);
  return {
    referenceUrl,
    maxMessageLength,
    maxMessageSchemaLength,
    statusClasses: classes,
    otherStatusType: checkType(otherStatusType, `${at}/otherStatusType`, known),
    retryableStatuses: yes,
    nonRetryableStatuses: no,
  };
}
