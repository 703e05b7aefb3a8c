import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ContractToolError } from "./contract-tool-error.js";
import { isRuleId, isSeverity, type Severity } from "./rules/index.js";

/** Where the severity overrides live, relative to the repository root. */
export const CONFIG_FILE = "tools/contract/contract.config.json";
/** Where the reviewed exceptions live, relative to the repository root. */
export const IGNORE_FILE = "tools/contract/contract.ignore.json";

/** A reviewed exception: this rule, on this subject, is accepted for this reason. */
export interface IgnoreEntry {
  rule: string;
  /** A code, a type category, a member (`ErrorBody.request_id`), a status (`"503"`). */
  subject: string;
  reason: string;
}

/** What the repository configures: severity per rule id, and the reviewed exceptions. */
export interface DiffOptions {
  severity: Record<string, Severity>;
  ignore: IgnoreEntry[];
}

function readJson(root: string, rel: string): unknown {
  let text: string;
  try {
    text = readFileSync(join(root, rel), "utf8");
  } catch {
    return undefined; // no file: nothing configured
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ContractToolError(`${rel} is not valid JSON: ${(e as Error).message}`);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks `{ "severity": { "<rule id>": "breaking" | "warning" | "info" } }`. */
export function parseConfig(value: unknown, file = CONFIG_FILE): Record<string, Severity> {
  if (value === undefined) return {};
  if (!isRecord(value)) throw new ContractToolError(`${file} must be a JSON object with a "severity" object`);
  const severity = value["severity"] ?? {};
  if (!isRecord(severity))
    throw new ContractToolError(`${file}: "severity" must map rule ids to "breaking", "warning" or "info"`);
  for (const [id, level] of Object.entries(severity)) {
    if (!isRuleId(id)) throw new ContractToolError(`${file}: "${id}" is not a rule id (see docs/contract-rules.md)`);
    if (!isSeverity(level))
      throw new ContractToolError(
        `${file}: severity of "${id}" must be "breaking", "warning" or "info", not ${JSON.stringify(level)}`,
      );
  }
  return severity as Record<string, Severity>;
}

/** Checks `{ "ignore": [{ "rule", "subject", "reason" }] }`: every entry needs a reason. */
export function parseIgnore(value: unknown, file = IGNORE_FILE): IgnoreEntry[] {
  if (value === undefined) return [];
  const list = isRecord(value) ? value["ignore"] : undefined;
  if (!Array.isArray(list)) throw new ContractToolError(`${file} must be a JSON object with an "ignore" array`);
  return list.map((entry, i) => {
    const where = `${file}: ignore[${i}]`;
    if (!isRecord(entry)) throw new ContractToolError(`${where} must be an object { "rule", "subject", "reason" }`);
    const { rule, subject, reason } = entry;
    if (!isRuleId(rule))
      throw new ContractToolError(
        `${where}: "rule" ${JSON.stringify(rule)} is not a rule id (see docs/contract-rules.md)`,
      );
    if (typeof subject !== "string" || subject.trim() === "")
      throw new ContractToolError(`${where} (${rule}): "subject" must name the code, type, member or status`);
    if (typeof reason !== "string" || reason.trim() === "")
      throw new ContractToolError(
        `${where} (${rule} ${subject}): "reason" is mandatory: say why the change is accepted`,
      );
    return { rule, subject, reason };
  });
}

/** Reads both files under `root` (absent files configure nothing). */
export function readDiffOptions(root: string): DiffOptions {
  return { severity: parseConfig(readJson(root, CONFIG_FILE)), ignore: parseIgnore(readJson(root, IGNORE_FILE)) };
}
