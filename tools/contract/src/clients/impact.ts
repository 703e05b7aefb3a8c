import type { CodeModel, ContractModel } from "../model.js";
import { isObject, type Json } from "../schema-set.js";
import { CLIENTS, type ClientRules, type RetryStep, type StatusRule, SERVER_RETRY_HEADER } from "./data.js";

/** What one client does with one code at one status. */
export interface ClientBehaviour {
  retry: boolean;
  /** What decided: "the catalog", "`x-should-retry: false` from @org/error-server", "status 409". */
  decidedBy: string;
  /** Whether the status step alone would have decided the same. */
  statusAgrees: boolean;
  errorClass: string;
}

/** The client impact of one code edit. */
export interface Impact {
  /** One sentence for reviewers, e.g. `model_price_error 500 -> 409: the Vercel AI SDK will now retry it ...`; empty when no client changes. */
  lines: string[];
  /** The clauses where a client now retries against the catalog, or stops retrying a retryable code (rule client-retry-changed). */
  retryAgainstCatalog: string[];
}

/** True when `rule` retries `status`. */
export const retriesByStatus = (rule: StatusRule, status: number): boolean =>
  !rule.except.includes(status) &&
  (rule.statuses.includes(status) || rule.ranges.some(([lo, hi]) => status >= lo && status <= hi));

const numbers = (v: Json | undefined): number[] =>
  Array.isArray(v) ? v.filter((n): n is number => typeof n === "number") : [];

/** The retry rule by status the schemas state (`x-contract`), as a {@link StatusRule}; `undefined` when they state none. */
export function contractStatusRule(model: ContractModel | undefined): StatusRule | undefined {
  const rule = model?.retryStatuses?.value;
  if (!isObject(rule)) return undefined;
  const classes = Array.isArray(rule["retryableClasses"]) ? rule["retryableClasses"] : [];
  const ranges = classes.flatMap((c) =>
    isObject(c) && c["retryable"] === true && typeof c["from"] === "number" && typeof c["to"] === "number"
      ? [[c["from"], c["to"]] as const]
      : [],
  );
  return { statuses: numbers(rule["retryableStatuses"]), ranges, except: numbers(rule["nonRetryableStatuses"]) };
}

function statusRuleOf(step: RetryStep, model: ContractModel | undefined): StatusRule | undefined {
  if (step.by === "status") return step.rule;
  if (step.by === "contract-status") return contractStatusRule(model) ?? step.fallback;
  return undefined;
}

/** What `client` does with `code` (as the server sends it: canonical status, `x-should-retry` = catalog `retryable`). */
export function behaviour(client: ClientRules, code: CodeModel, model?: ContractModel): ClientBehaviour {
  const status = typeof code.status === "number" ? code.status : 0;
  const retryable = code.retryable === true;
  const statusRule = client.retry.map((s) => statusRuleOf(s, model)).find((r) => r !== undefined);
  const byStatus = statusRule ? retriesByStatus(statusRule, status) : false;
  const errorClass =
    client.errorClasses.find((c) => (c.status !== undefined ? c.status === status : status >= (c.min ?? 0)))?.name ??
    "Error";
  for (const step of client.retry) {
    if (step.by === "catalog")
      return { retry: retryable, decidedBy: "the catalog", statusAgrees: byStatus === retryable, errorClass };
    if (step.by === "header" && step.header === SERVER_RETRY_HEADER.header) {
      return {
        retry: retryable,
        decidedBy: `\`${step.header}: ${retryable}\` from ${SERVER_RETRY_HEADER.from}`,
        statusAgrees: byStatus === retryable,
        errorClass,
      };
    }
    if (step.by === "status" || step.by === "contract-status")
      return { retry: byStatus, decidedBy: `status ${status}`, statusAgrees: true, errorClass };
  }
  return { retry: false, decidedBy: "no retry rule", statusAgrees: true, errorClass };
}

/** One client's part of an impact sentence. */
interface Clause {
  text: string;
  /** The client now disagrees with the catalog where it did not before (rule client-retry-changed). */
  againstCatalog: boolean;
  /** The clause is about retrying (listed before exception classes). */
  aboutRetry: boolean;
}

/** One client's clause, or undefined when it does nothing differently. */
function clause(
  client: ClientRules,
  a: ClientBehaviour,
  b: ClientBehaviour,
  catalogBefore: boolean,
  catalogAfter: boolean,
): Clause | undefined {
  const classChanged = a.errorClass !== b.errorClass;
  const classText = classChanged ? `raises \`${b.errorClass}\` instead of \`${a.errorClass}\`` : "";
  // A disagreement with the catalog that did not exist before the edit.
  const against = b.retry !== catalogAfter && (a.retry !== b.retry || catalogBefore !== catalogAfter);
  const catalogNote =
    b.retry && !catalogAfter
      ? " although the catalog says it must not be retried"
      : !b.retry && catalogAfter
        ? " although the catalog says it may be retried"
        : "";
  if (a.retry !== b.retry) {
    const text = `${client.name} will ${b.retry ? "now retry" : "no longer retry"} it${catalogNote}${classChanged ? ` and ${classText}` : ""}`;
    return { text, againstCatalog: against, aboutRetry: true };
  }
  // Unchanged, but still against the catalog: worth saying whenever the code's status or retryability moves.
  if (!classChanged && catalogNote === "") return undefined;
  const why = b.statusAgrees ? "" : ` (${b.decidedBy} wins)`;
  const still = `${client.name} still ${b.retry ? "retries" : "does not retry"} it${why}`;
  return {
    text: `${still}${catalogNote}${classChanged ? ` but ${classText}` : ""}`,
    againstCatalog: against,
    aboutRetry: catalogNote !== "",
  };
}

/** The head of an impact sentence: `model_price_error 500 -> 409`, `x retryable true -> false`, or both. */
function head(a: CodeModel, b: CodeModel): string {
  const parts: string[] = [];
  if (a.status !== b.status) parts.push(`${String(a.status)} -> ${String(b.status)}`);
  if (a.retryable !== b.retryable) parts.push(`retryable ${String(a.retryable)} -> ${String(b.retryable)}`);
  return `${b.code} ${parts.join(", ")}`;
}

/**
 * What the listed clients do differently with a code after an edit of its status or
 * retryability (`a` undefined: the code is new, compared with nobody handling it).
 */
export function clientImpact(a: CodeModel | undefined, b: CodeModel, was?: ContractModel, now?: ContractModel): Impact {
  const clauses: Clause[] = [];
  for (const client of CLIENTS) {
    const after = behaviour(client, b, now);
    if (!a) {
      if (after.retry !== (b.retryable === true)) {
        const text = after.retry
          ? "will retry it although the catalog says it must not be retried"
          : "will not retry it although the catalog says it may be retried";
        clauses.push({ text: `${client.name} ${text}`, againstCatalog: true, aboutRetry: true });
      }
      continue;
    }
    const c = clause(client, behaviour(client, a, was), after, a.retryable === true, b.retryable === true);
    if (c) clauses.push(c);
  }
  if (clauses.length === 0) return { lines: [], retryAgainstCatalog: [] };
  // Retry behaviour first (what changes load and user-visible failures), then exception classes.
  clauses.sort((x, y) => Number(y.aboutRetry) - Number(x.aboutRetry));
  const title = a ? head(a, b) : `${b.code} (new, status ${String(b.status)})`;
  return {
    lines: [`${title}: ${clauses.map((c) => c.text).join("; ")}`],
    retryAgainstCatalog: clauses.filter((c) => c.againstCatalog).map((c) => c.text),
  };
}
