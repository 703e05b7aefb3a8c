import { at } from "../pointer.js";
import { SchemaError } from "../schema-error.js";
import { checkAnswer, type UpstreamContract } from "./answer.js";
import { checkMatch, matchesAll } from "./check-match.js";
import { readUpstreamEnums } from "./enums.js";
import { FALLBACK_PROVIDER, type UpstreamDocuments, type UpstreamFile } from "./files.js";
import { checkUpstreamSchema } from "./schema-check.js";
import { checkFallback } from "./check-fallback.js";
import type {
  LocatedUpstreamMapping,
  LocatedUpstreamRule,
  UpstreamDispositionEntry,
  UpstreamMappings,
  UpstreamProviderMapping,
} from "./types.js";

/** The rules of one file, checked against the contract; `seen` holds the rule ids of the files read before. */
function readRules(
  { file }: UpstreamFile,
  mapping: UpstreamProviderMapping,
  contract: UpstreamContract,
  dispositions: readonly UpstreamDispositionEntry[],
  seen: Map<string, string>,
): LocatedUpstreamRule[] {
  const catchAll = new Map<string, string>();
  return mapping.rules.map((rule, i) => {
    const pointer = `/rules/${i}`;
    if (!rule.id.startsWith(`${mapping.provider}.`))
      throw new SchemaError(file, at(pointer, "id"), `rule id "${rule.id}" must start with "${mapping.provider}."`);
    const before = seen.get(rule.id);
    if (before !== undefined)
      throw new SchemaError(file, at(pointer, "id"), `rule id "${rule.id}" is already used at ${before}`);
    seen.set(rule.id, `${file}#${pointer}`);
    checkMatch(file, pointer, rule.match);
    if (rule.match.failure === undefined) {
      const where = rule.match.in ?? "body";
      const shadow = catchAll.get(where);
      if (shadow !== undefined)
        throw new SchemaError(
          file,
          pointer,
          `rule "${rule.id}" is never reached: "${shadow}" before it matches every error seen in ${where}`,
        );
      if (matchesAll(rule.match)) catchAll.set(where, rule.id);
    }
    const answer = checkAnswer(contract, rule.code, rule.status);
    if (!answer.ok) throw new SchemaError(file, at(pointer, answer.member), `rule "${rule.id}": ${answer.says}`);
    const wants = dispositions.find((d) => d.value === rule.disposition)?.retryable;
    if (wants !== undefined && wants !== null && wants !== answer.retryable)
      throw new SchemaError(
        file,
        at(pointer, "disposition"),
        `rule "${rule.id}": disposition "${rule.disposition}" needs a ${wants ? "retryable" : "non-retryable"} answer, but ${rule.code ?? "null"} with ${answer.status} is ${answer.retryable ? "retryable" : "not retryable"}`,
      );
    return { ...rule, status: answer.status, pointer };
  });
}

/**
 * Reads every provider's upstream mapping, the one reader of `schemas/upstream/` (codegen and
 * the reference's tables use it): validates each file against the mapping schema with the
 * strict ajv, then checks what the schema cannot: the provider is the file's name, rule ids
 * are unique, every code and status is legal in `contract`, each disposition gets an answer
 * as retryable as the schema says, no rule is shadowed by a catch-all before it, and the
 * `generic` fallback maps everything. Throws a {@link SchemaError} naming the file and the
 * JSON Pointer.
 */
export function readUpstreamMappings(docs: UpstreamDocuments, contract: UpstreamContract): UpstreamMappings {
  const enums = readUpstreamEnums(docs.schema);
  checkUpstreamSchema(docs.schema, docs.files);
  const seen = new Map<string, string>();
  const providers: LocatedUpstreamMapping[] = docs.files.map((f) => {
    const mapping = f.doc as unknown as UpstreamProviderMapping & { $schema?: string };
    const name = f.file.slice(f.file.lastIndexOf("/") + 1, -".json".length);
    if (mapping.provider !== name)
      throw new SchemaError(f.file, "/provider", `provider "${mapping.provider}" must be the file's name ("${name}")`);
    const rules = readRules(f, mapping, contract, enums.dispositions, seen);
    const { $schema: _s, ...rest } = mapping;
    return { ...rest, file: f.file, rules };
  });
  const fallback = providers.find((p) => p.provider === FALLBACK_PROVIDER);
  checkFallback(fallback, enums);
  return {
    providers: [...providers.filter((p) => p !== fallback), ...(fallback ? [fallback] : [])],
    ...enums,
  };
}
