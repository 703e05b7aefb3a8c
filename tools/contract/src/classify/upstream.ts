import type { Change } from "../change.js";
import { contractStatusRule, retriesByStatus } from "../clients/impact.js";
import type { ContractModel } from "../model.js";
import { isObject, type Json, type JsonObject } from "../schema-set.js";
import type { UpstreamSet } from "../upstream-set.js";
import { own } from "../utils/own.js";
import { diffRemainingKeys } from "./generic.js";
import { at, ChangeLog, jsonEqual, show } from "./json.js";

/** A rule as found: its id, where it sits, and the rule object. */
type Found = { id: string; index: number; rule: JsonObject };

const rulesOf = (doc: JsonObject): Found[] =>
  (Array.isArray(doc["rules"]) ? doc["rules"] : []).flatMap((rule, index) =>
    isObject(rule) && typeof rule["id"] === "string" ? [{ id: rule["id"], index, rule }] : [],
  );

/** The answer a rule gives as clients see it: code, status (the code's canonical one when the file gives none), retryable. */
function answerOf(
  rule: JsonObject,
  model: ContractModel,
): { code: Json | undefined; status: Json | undefined; retry: boolean } {
  const code = own(rule, "code");
  const entry = typeof code === "string" ? model.codes.find((c) => c.code === code) : undefined;
  const status = own(rule, "status") ?? entry?.status;
  const statusRule = contractStatusRule(model);
  const retry =
    own(rule, "keepUpstream") === true
      ? false
      : entry
        ? entry.retryable === true
        : typeof status === "number" && statusRule !== undefined && retriesByStatus(statusRule, status);
  return { code, status, retry };
}

const TEXTS = ["description", "source"];
/** A rule's members compared as they are: the member, its rule id, and the word for it in the message. */
const MEMBER_RULES = [
  ["match", "upstream-rule-match-changed", "matches"],
  ["disposition", "upstream-rule-disposition-changed", "disposition"],
] as const;
const HANDLED: ReadonlySet<string> = new Set([
  "provider",
  "title",
  "requestIdHeaders",
  "retryAfterHeaders",
  "rules",
  "$schema",
  "$comment",
]);

function diffRule(log: ChangeLog, a: Found, b: Found, was: ContractModel, now: ContractModel): void {
  const where = `/rules/${b.index}`;
  // Both answers under the new catalog: a code made non-retryable is reported once, as the code's change.
  const [x, y] = [answerOf(a.rule, now), answerOf(b.rule, now)];
  const said = (v: typeof x) =>
    `${show(v.code ?? null)} ${show(v.status)}${v.retry ? " (retryable)" : " (not retryable)"}`;
  if (x.retry !== y.retry)
    log.add("upstream-rule-retryability-changed", where, b.id, `rule ${b.id}: answer ${said(x)} -> ${said(y)}`);
  else if (
    !jsonEqual(x.code, y.code) ||
    !jsonEqual(x.status, y.status) ||
    !jsonEqual(own(a.rule, "keepUpstream"), own(b.rule, "keepUpstream"))
  )
    log.add("upstream-rule-answer-changed", where, b.id, `rule ${b.id}: answer ${said(x)} -> ${said(y)}`);
  for (const [key, rule, word] of MEMBER_RULES)
    if (!jsonEqual(own(a.rule, key), own(b.rule, key)))
      log.add(
        rule,
        at(where, key),
        b.id,
        `rule ${b.id}: ${word} ${show(own(a.rule, key))} -> ${show(own(b.rule, key))}`,
      );
  for (const key of TEXTS)
    if (!jsonEqual(own(a.rule, key), own(b.rule, key)))
      log.add("text-changed", at(where, key), b.id, `rule ${b.id}: ${key} reworded`);
}

function diffProvider(
  log: ChangeLog,
  provider: string,
  a: JsonObject,
  b: JsonObject,
  was: ContractModel,
  now: ContractModel,
): void {
  if (!jsonEqual(own(a, "title"), own(b, "title")))
    log.add("text-changed", "/title", provider, `provider ${provider}: title reworded`);
  for (const key of ["requestIdHeaders", "retryAfterHeaders"])
    if (!jsonEqual(own(a, key), own(b, key)))
      log.add(
        "upstream-provider-headers-changed",
        `/${key}`,
        provider,
        `provider ${provider}: ${key} ${show(own(a, key))} -> ${show(own(b, key))}`,
      );
  const [before, after] = [rulesOf(a), rulesOf(b)];
  for (const r of before)
    if (!after.some((n) => n.id === r.id))
      log.add("upstream-rule-removed", "/rules", r.id, `rule ${r.id} removed (${show(own(r.rule, "code") ?? null)})`);
  for (const r of after) {
    const old = before.find((o) => o.id === r.id);
    if (old) diffRule(log, old, r, was, now);
    else
      log.add(
        "upstream-rule-added",
        `/rules/${r.index}`,
        r.id,
        `rule ${r.id} added (${show(own(r.rule, "code") ?? null)})`,
      );
  }
  const kept = (from: Found[], other: Found[]) => from.filter((r) => other.some((o) => o.id === r.id)).map((r) => r.id);
  if (!jsonEqual(kept(before, after), kept(after, before)))
    log.add(
      "upstream-rule-match-changed",
      "/rules",
      provider,
      `provider ${provider}: the order of the rules changed (the first match wins)`,
    );
  diffRemainingKeys(log, "", a, b, HANDLED, `provider ${provider}`, provider);
}

/** Classifies the upstream mapping files: providers added or removed, and each kept one rule by rule (by id). */
export function diffUpstream(
  before: UpstreamSet,
  after: UpstreamSet,
  was: ContractModel,
  now: ContractModel,
): Change[] {
  const changes: Change[] = [];
  const providerOf = (file: string, doc: JsonObject | undefined) =>
    typeof doc?.["provider"] === "string" ? doc["provider"] : file.replace(/^upstream\/|\.json$/g, "");
  for (const file of new Set([...before.keys(), ...after.keys()])) {
    const log = new ChangeLog(file);
    const [a, b] = [before.get(file), after.get(file)];
    const provider = providerOf(file, b ?? a);
    if (a === undefined)
      log.add("upstream-provider-added", "", provider, `provider ${provider} added (${show(own(b ?? {}, "title"))})`);
    else if (b === undefined)
      log.add(
        "upstream-provider-removed",
        "",
        provider,
        `provider ${provider} removed: its failures fall to the fallback`,
      );
    else diffProvider(log, provider, a, b, was, now);
    changes.push(...log.changes);
  }
  return changes;
}
