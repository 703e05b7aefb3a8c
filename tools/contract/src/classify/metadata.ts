import { contractStatusRule, retriesByStatus } from "../clients/impact.js";
import { VOCABULARY } from "@org/contract-model";
import { CONTRACT_SETTING_KEYS, type ContractModel, type HttpStatusModel, type Located } from "../model.js";
import type { Json } from "../schema-set.js";
import { diffRemainingKeys } from "./generic.js";
import { at, type ChangeLog, jsonEqual, show } from "./json.js";

/** Row fields of the HTTP status table, by what a change of them means. */
const ROW_SEMANTIC = ["type", "codeless"];
const ROW_RETRY_AFTER = "retryAfter";
const ROW_TEXT = ["reason", "meaning", "cause"];
const ROW_KNOWN: ReadonlySet<string> = new Set(["status", ...ROW_SEMANTIC, ROW_RETRY_AFTER, ...ROW_TEXT]);

/**
 * Classifies the contract-wide metadata of the strict envelope schema, read from the two
 * models: the HTTP status table, the message cap, the reference URL, the retry rule by status.
 */
export function diffMetadata(log: ChangeLog, was: ContractModel, now: ContractModel): void {
  diffHttpTable(log, was.httpStatuses ?? new Map(), now.httpStatuses ?? new Map());
  diffMessageCap(log, was.messageCap, now.messageCap);
  diffLocated(log, was.referenceUrl, now.referenceUrl, "reference-url-changed", "reference URL", "reference base URL");
  diffRetryRule(log, was, now);
  diffLocated(
    log,
    was.statusClassTypes,
    now.statusClassTypes,
    "http-status-changed",
    "status classes",
    "type of each status class",
  );
  const other = (m: ContractModel) => m.settings.value["otherStatusType"];
  if (!jsonEqual(other(was), other(now)))
    log.add(
      factRule("http-status-changed", other(was), other(now)),
      at(now.settings.pointer, "otherStatusType"),
      "other statuses",
      `type of statuses outside the table changed ${show(other(was))} -> ${show(other(now))}`,
    );
  diffVocabularyFacts(log, was, now);
  const settingsKey = now.settings.pointer.slice(1);
  diffRemainingKeys(
    log,
    now.settings.pointer,
    was.settings.value,
    now.settings.value,
    CONTRACT_SETTING_KEYS,
    settingsKey,
    settingsKey,
  );
}

/** Settings the rules above compare on their own; every other settings fact is compared as the vocabulary says. */
const COMPARED_ABOVE: ReadonlySet<string> = new Set([
  "maxMessageLength",
  "referenceUrl",
  "retryableStatuses",
  "nonRetryableStatuses",
  "statusClasses",
  "otherStatusType",
]);

/** The other contract-wide facts of the settings (grammars, header names, media type): each under its vocabulary rule. */
function diffVocabularyFacts(log: ChangeLog, was: ContractModel, now: ContractModel): void {
  const prefix = `${now.settings.pointer}/`;
  for (const [id, fact] of Object.entries(VOCABULARY)) {
    if (!fact.pointer.startsWith(prefix) || COMPARED_ABOVE.has(fact.pointer.slice(prefix.length).split("/")[0] ?? ""))
      continue;
    const subject = fact.pointer.slice(prefix.length);
    diffLocated(log, was.facts[id], now.facts[id], fact.rule, subject, subject);
  }
}

/** A rule for a fact's edit, unless the fact appears (stated) or disappears (removed). */
const factRule = (id: string, was: Json | undefined, now: Json | undefined) =>
  was === undefined ? "contract-fact-stated" : now === undefined ? "contract-fact-removed" : id;

/** Rows keyed by a range (`"5xx"`) are documentation of the old table, not a status services send. */
const documentationRow = (status: string) => !/^\d{3}$/.test(status);

function diffHttpTable(log: ChangeLog, was: Map<string, HttpStatusModel>, now: Map<string, HttpStatusModel>): void {
  for (const [status, row] of was)
    if (!now.has(status))
      log.add(
        documentationRow(status) ? "text-changed" : "http-status-removed",
        row.pointer,
        status,
        `HTTP status ${status} removed from the status table`,
      );
  for (const [status, row] of now) {
    const old = was.get(status);
    if (!old) {
      log.add(
        documentationRow(status) ? "text-changed" : "http-status-added",
        row.pointer,
        status,
        `HTTP status ${status} added to the status table${typeof row.row["type"] === "string" ? ` (type ${row.row["type"]})` : ""}`,
      );
      continue;
    }
    for (const key of ROW_SEMANTIC) {
      if (!jsonEqual(old.row[key], row.row[key]))
        log.add(
          factRule("http-status-changed", old.row[key], row.row[key]),
          at(row.pointer, key),
          status,
          `HTTP status ${status}: ${key} changed ${show(old.row[key])} -> ${show(row.row[key])}`,
        );
    }
    if (!jsonEqual(old.row[ROW_RETRY_AFTER], row.row[ROW_RETRY_AFTER])) {
      const may = row.row[ROW_RETRY_AFTER] === true;
      const stated = old.row[ROW_RETRY_AFTER] === undefined ? ` (now stated: ${show(row.row[ROW_RETRY_AFTER])})` : "";
      log.add(
        factRule("retry-after-statuses-changed", old.row[ROW_RETRY_AFTER], row.row[ROW_RETRY_AFTER]),
        at(row.pointer, ROW_RETRY_AFTER),
        status,
        stated
          ? `HTTP status ${status}: ${may ? "may" : "may not"} carry Retry-After${stated}`
          : `HTTP status ${status}: ${may ? "may now carry" : "may no longer carry"} Retry-After`,
      );
    }
    for (const key of ROW_TEXT) {
      if (!jsonEqual(old.row[key], row.row[key]))
        log.add(
          "text-changed",
          at(row.pointer, key),
          status,
          `HTTP status ${status}: ${key} reworded ${show(old.row[key])} -> ${show(row.row[key])}`,
        );
    }
    diffRemainingKeys(log, row.pointer, old.row, row.row, ROW_KNOWN, `HTTP status ${status}`, status);
  }
  const kept = (from: Map<string, HttpStatusModel>, other: Map<string, HttpStatusModel>) =>
    [...from.keys()].filter((k) => other.has(k));
  if (!jsonEqual(kept(was, now), kept(now, was)))
    log.add(
      "order-changed",
      VOCABULARY.statusTable.pointer,
      "HTTP statuses",
      "the order of the HTTP status table changed",
    );
}

/** The retry rule by status, said as the statuses (100-599) that start or stop being retried. */
function diffRetryRule(log: ChangeLog, was: ContractModel, now: ContractModel): void {
  if (jsonEqual(was.retryStatuses?.value, now.retryStatuses?.value)) return;
  const a = contractStatusRule(was);
  const b = contractStatusRule(now);
  if (!a || !b)
    return diffLocated(
      log,
      was.retryStatuses,
      now.retryStatuses,
      "retry-status-rule-changed",
      "retry rule",
      "client retry rule by status",
    );
  const started: number[] = [];
  const stopped: number[] = [];
  for (let status = 100; status <= 599; status++) {
    const x = retriesByStatus(a, status);
    const y = retriesByStatus(b, status);
    if (!x && y) started.push(status);
    if (x && !y) stopped.push(status);
  }
  const parts = [
    started.length > 0 ? `now retried: ${ranges(started)}` : "",
    stopped.length > 0 ? `no longer retried: ${ranges(stopped)}` : "",
  ].filter(Boolean);
  log.add(
    "retry-status-rule-changed",
    now.retryStatuses?.pointer ?? "",
    "retry rule",
    `client retry rule by status changed (${parts.join("; ") || "same statuses, rule rewritten"})`,
  );
}

/** 500, 502-504 */
function ranges(list: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < list.length;) {
    let j = i;
    while (j + 1 < list.length && list[j + 1] === (list[j] as number) + 1) j++;
    out.push(i === j ? String(list[i]) : `${list[i]}-${list[j]}`);
    i = j + 1;
  }
  return out.join(", ");
}

function diffMessageCap(log: ChangeLog, was: Located<number> | undefined, now: Located<number> | undefined): void {
  if (was?.value === now?.value) return;
  const lowered = was !== undefined && now !== undefined && now.value < was.value;
  log.add(
    factRule(lowered ? "message-limit-lowered" : "message-limit-raised", was?.value, now?.value),
    (now ?? was)?.pointer ?? "",
    "message",
    `message cap ${was?.value ?? "(none)"} -> ${now?.value ?? "(none)"}`,
  );
}

function diffLocated(
  log: ChangeLog,
  was: Located<Json> | undefined,
  now: Located<Json> | undefined,
  id: string,
  subject: string,
  what: string,
): void {
  if (jsonEqual(was?.value, now?.value)) return;
  log.add(
    factRule(id, was?.value, now?.value),
    (now ?? was)?.pointer ?? "",
    subject,
    `${what} changed ${show(was?.value)} -> ${show(now?.value)}`,
  );
}
