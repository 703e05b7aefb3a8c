import { isJsonObject, type Json } from "../json.js";
import { at } from "../pointer.js";
import type { ContractNames, NameGrammar } from "../records.js";
import type { SchemaName } from "../schema-files.js";
import { codePoints } from "./checks.js";
import { constList } from "./const-list.js";
import { fail, type StrictInput } from "./context.js";

/** True when `name` is in the grammar: matches its pattern and is at most its length, in code points. */
export const inGrammar = (name: string, grammar: NameGrammar): boolean =>
  codePoints(name) <= grammar.maxLength && new RegExp(grammar.pattern, "u").test(name);

const says = (what: string, g: NameGrammar, where: string) =>
  `${what} must match ${g.pattern} and be at most ${g.maxLength} characters (${where})`;

/** Every `properties` object of a schema, with its pointer. */
function propertiesOf(value: Json, pointer: string, out: Array<[string, Record<string, Json>]>): typeof out {
  if (Array.isArray(value)) value.forEach((v, i) => propertiesOf(v, at(pointer, i), out));
  else if (isJsonObject(value))
    for (const [key, member] of Object.entries(value)) {
      if (key === "properties" && isJsonObject(member)) out.push([at(pointer, key), member]);
      propertiesOf(member, at(pointer, key), out);
    }
  return out;
}

/**
 * The names the contract constrains: codes and types follow the code grammar, envelope
 * members (strict and lenient) the member grammar, and every code's doc_url (reference URL,
 * `#`, code) is a doc_url the strict schema accepts. Emitted code relies on it: a name in the
 * grammar is safe as an object key, a Markdown cell and an HTML anchor.
 */
export function checkNames(input: StrictInput, names: ContractNames, referenceUrl: string): void {
  for (const file of ["code", "type"] as const satisfies readonly SchemaName[]) {
    constList(file, input.schemas[file]).forEach((entry, i) => {
      const name = entry["const"] as string;
      if (!inGrammar(name, names.code))
        fail(file, `/anyOf/${i}/const`, says(`"${name.slice(0, 80)}"`, names.code, "x-contract/codeGrammar"));
      const docUrl = `${referenceUrl}#${name}`;
      if (file === "code" && !inGrammar(docUrl, names.docUrl))
        fail(file, `/anyOf/${i}/const`, says(`its doc_url "${docUrl.slice(0, 120)}"`, names.docUrl, "doc_url"));
    });
  }
  for (const file of ["envelope", "lenient"] as const satisfies readonly SchemaName[]) {
    for (const [pointer, members] of propertiesOf(input.schemas[file], "", []))
      for (const key of Object.keys(members))
        if (!inGrammar(key, names.member))
          fail(file, at(pointer, key), says(`member "${key.slice(0, 80)}"`, names.member, "x-contract/memberGrammar"));
  }
}
