import type { Contract } from "../contract.js";
import { mdRich } from "./markdown.js";
import { htmlTable, mdTable, richHtml } from "./table-render.js";
import { upstreamDocument, upstreamTables } from "./upstream-doc.js";
import type { Table } from "./dialect-tables.js";

const INTRO =
  "How a gateway answers when a provider fails (the upstream mapping, one file per provider, read in order: the first rule whose every given member matches wins; `generic` maps whatever no provider rule does). Code and Status are what the caller gets (its own code and retryability when the rule keeps a chained gateway's answer); Disposition is what the gateway does with the channel; Source shows the provider's payload.";

/** The dispositions with whether their answers must be retryable. */
function dispositions(contract: Contract): Table | undefined {
  if (!contract.upstream) return undefined;
  const doc = upstreamDocument(contract.upstream);
  return {
    caption: "Dispositions",
    head: ["Disposition", "Answer retryable", "Meaning"],
    rows: doc.dispositions.map((d) => [
      { code: d.disposition },
      { text: d.retryable === null ? "either" : d.retryable ? "yes" : "no" },
      { rich: d.description },
    ]),
  };
}

/** docs/errors.md's "Upstream errors" section: one table per provider (empty when the contract has no mapping). */
export function upstreamMarkdown(contract: Contract): string {
  const first = dispositions(contract);
  if (!first) return "";
  return `\n## Upstream errors\n\n${mdRich(INTRO, false)}\n\n${[first, ...upstreamTables(contract)].map(mdTable).join("\n\n")}\n`;
}

/** The reference page's "Upstream errors" section, from the same tables. */
export function upstreamHtml(contract: Contract): string {
  const first = dispositions(contract);
  if (!first) return "";
  return `\n<h2 id="upstream">Upstream errors</h2>\n<p>${richHtml(INTRO)}</p>\n${[first, ...upstreamTables(contract)].map(htmlTable).join("\n")}`;
}
