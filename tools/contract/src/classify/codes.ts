import { clientImpact } from "../clients/impact.js";
import { CODE_ENTRY_KEYS, CODE_META_KEYS, type CodeModel, type ContractModel } from "../model.js";
import type { JsonObject } from "../schema-set.js";
import { constEntries, diffListShape } from "./const-list.js";
import { diffRemainingKeys } from "./generic.js";
import { at, type ChangeLog, jsonEqual, show } from "./json.js";
import { pairRenames } from "./renames.js";

/** "status 409, type invalid_request_error, not retryable" - a code's metadata in one phrase. */
function summary(c: CodeModel): string {
  return `status ${show(c.status)}, type ${String(c.type)}, ${c.retryable === true ? "retryable" : "not retryable"}`;
}

/**
 * Classifies changes to the codes (error-code.schema.json) from the two models: removed,
 * renamed, added; status, type, retryability, allowed statuses; wording. Status and
 * retryability edits carry what each listed client now does differently.
 */
export function diffCodes(
  log: ChangeLog,
  was: ContractModel,
  now: ContractModel,
  before: JsonObject,
  after: JsonObject,
): void {
  const wasBy = new Map(was.codes.map((c) => [c.code, c]));
  const nowBy = new Map(now.codes.map((c) => [c.code, c]));
  const removed = was.codes.filter((c) => !nowBy.has(c.code));
  const added = now.codes.filter((c) => !wasBy.has(c.code));
  const renames = pairRenames(removed, added);
  const renamedFrom = new Set(renames.map(([o]) => o));
  const renamedTo = new Set(renames.map(([, n]) => n));
  for (const [old, renamed] of renames)
    log.add("code-renamed", renamed.pointer, old.code, `code "${old.code}" renamed to "${renamed.code}"`);
  for (const c of removed)
    if (!renamedFrom.has(c)) log.add("code-removed", c.pointer, c.code, `code "${c.code}" removed`);
  for (const c of added) {
    if (renamedTo.has(c)) continue;
    const impact = clientImpact(undefined, c, was, now);
    // code-added is a warning already; its impact lines say which clients disagree with the catalog,
    // and the floor keeps it a warning when a config lowers code-added.
    log.add("code-added", c.pointer, c.code, `code "${c.code}" added (${summary(c)})`, impact.lines);
    if (impact.retryAgainstCatalog.length > 0) log.floor("warning");
  }
  for (const c of now.codes) {
    const old = wasBy.get(c.code);
    if (old) diffCode(log, old, c, was, now);
  }
  diffListShape(log, constEntries(before), constEntries(after), "codes");
  diffRemainingKeys(log, "", before, after, new Set(["anyOf"]), "ErrorCode schema");
}

function diffCode(log: ChangeLog, a: CodeModel, b: CodeModel, was: ContractModel, now: ContractModel): void {
  const code = b.code;
  const where = (field: string) => at(b.metaPointer, field);
  const impact = clientImpact(a, b, was, now);
  if (!jsonEqual(a.status, b.status))
    log.add(
      "code-status-changed",
      where("status"),
      code,
      `code "${code}": status changed ${show(a.status)} -> ${show(b.status)}`,
      impact.lines,
    );
  if (!jsonEqual(a.type, b.type))
    log.add(
      "code-type-changed",
      where("type"),
      code,
      `code "${code}": type changed ${show(a.type)} -> ${show(b.type)}`,
    );
  if (!jsonEqual(a.retryable, b.retryable)) {
    const id = b.retryable === true ? "code-retryable-enabled" : "code-retryable-disabled";
    log.add(
      id,
      where("retryable"),
      code,
      `code "${code}": retryable changed ${show(a.retryable)} -> ${show(b.retryable)}`,
      jsonEqual(a.status, b.status) ? impact.lines : undefined,
    );
  }
  if (impact.retryAgainstCatalog.length > 0) {
    log.add(
      "client-retry-changed",
      where(jsonEqual(a.status, b.status) ? "retryable" : "status"),
      code,
      `code "${code}": ${impact.retryAgainstCatalog.join("; ")}`,
    );
  }
  for (const [status, use] of b.otherStatuses) {
    const old = a.otherStatuses.get(status);
    if (!old && status !== a.status)
      log.add(
        "code-status-allowed-added",
        use.pointer,
        code,
        `code "${code}": may now also be sent with status ${status}${typeof use.when === "string" ? ` (${use.when})` : ""}`,
      );
    else if (old && !jsonEqual(old.when, use.when))
      log.add(
        "text-changed",
        use.pointer,
        code,
        `code "${code}": when to use status ${status} reworded ${show(old.when)} -> ${show(use.when)}`,
      );
  }
  for (const status of a.otherStatuses.keys()) {
    if (!b.otherStatuses.has(status) && status !== b.status)
      log.add(
        "code-status-allowed-removed",
        at(b.metaPointer, "statuses"),
        code,
        `code "${code}": may no longer be sent with status ${status}`,
      );
  }
  for (const field of ["meaning", "action"] as const) {
    if (!jsonEqual(a[field], b[field]))
      log.add(
        "text-changed",
        where(field),
        code,
        `code "${code}": ${field} reworded ${show(a[field])} -> ${show(b[field])}`,
      );
  }
  diffRemainingKeys(log, b.metaPointer, a.meta, b.meta, CODE_META_KEYS, `code "${code}" metadata`, code);
  diffRemainingKeys(log, b.pointer, a.entry, b.entry, CODE_ENTRY_KEYS, `code "${code}"`, code);
}
