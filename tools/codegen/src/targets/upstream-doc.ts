import type { LocatedUpstreamMapping, UpstreamMappings, UpstreamMatch } from "@org/contract-model";
import type { Contract } from "../contract.js";
import type { Cell, Table } from "./dialect-tables.js";

/** One rule as errors.json lists it (snake_case), in the provider's order. */
export interface CatalogUpstreamRule {
  id: string;
  match: UpstreamMatch;
  code: string | null;
  status: number;
  disposition: string;
  keep_upstream: boolean;
  source: string;
}

/** One provider as errors.json lists it. */
export interface CatalogUpstreamProvider {
  provider: string;
  title: string;
  request_id_headers: string[];
  retry_after_headers: string[];
  rules: CatalogUpstreamRule[];
}

/** The upstream mapping as errors.json lists it: the dispositions, then every provider (`generic`, the fallback, last). */
export interface CatalogUpstream {
  dispositions: Array<{ disposition: string; description: string; retryable: boolean | null }>;
  providers: CatalogUpstreamProvider[];
}

/** The mapping as plain data for errors.json and the tables: no files, no pointers, no reviewer texts. */
export function upstreamDocument(m: UpstreamMappings): CatalogUpstream {
  return {
    dispositions: m.dispositions.map((d) => ({
      disposition: d.value,
      description: d.description,
      retryable: d.retryable,
    })),
    providers: m.providers.map((p: LocatedUpstreamMapping) => ({
      provider: p.provider,
      title: p.title,
      request_id_headers: p.requestIdHeaders,
      retry_after_headers: p.retryAfterHeaders,
      rules: p.rules.map((r) => ({
        id: r.id,
        match: r.match,
        code: r.code,
        status: r.status,
        disposition: r.disposition,
        keep_upstream: r.keepUpstream === true,
        source: r.source,
      })),
    })),
  };
}

const code = (s: string): Cell => ({ code: s });
const text = (s: string): Cell => ({ text: s });
const join = (cells: Cell[], sep = "; "): Cell => ({ all: cells, sep });
const codes = (xs: readonly (string | number)[]): Cell =>
  join(
    xs.map((x) => code(String(x))),
    ", ",
  );

/** What a rule matches, in words and code spans: status, body members, a header, where, a transport failure, a message. */
function sends(m: UpstreamMatch): Cell {
  const parts: Cell[] = [];
  if (m.failure) parts.push(join([text("no answer:"), codes(m.failure)], " "));
  if (m.status)
    parts.push(
      join(
        [text("status"), text(m.status.map((s) => (Array.isArray(s) ? `${s[0]}-${s[1]}` : String(s))).join(", "))],
        " ",
      ),
    );
  if (m.type) parts.push(join([text("type"), codes(m.type)], " "));
  if (m.code) parts.push(join([text("code"), codes(m.code)], " "));
  if (m.errorStatus) parts.push(join([text("status name"), codes(m.errorStatus)], " "));
  if (m.header)
    parts.push(join([text("header"), code(m.header.name), ...(m.header.values ? [codes(m.header.values)] : [])], " "));
  if (m.in !== undefined && m.in !== "body") parts.push(text(m.in === "stream" ? "in a stream" : "in a 2xx body"));
  if (m.message !== undefined) parts.push(join([text("message"), code(m.message)], " "));
  return parts.length > 0 ? join(parts) : text("anything else");
}

/** One table per provider: what it sends -> code, status, disposition, source. */
export function upstreamTables(contract: Contract): Table[] {
  const doc = contract.upstream ? upstreamDocument(contract.upstream) : undefined;
  return (doc?.providers ?? []).map((p) => ({
    caption: `${p.title} (${p.provider}); its request id from ${p.request_id_headers.join(", ") || "no header"}`,
    head: ["Rule", "What it sends", "Code", "Status", "Disposition", "Source"],
    rows: p.rules.map((r) => [
      code(r.id),
      sends(r.match),
      r.keep_upstream ? text("its own (kept)") : code(r.code ?? "null"),
      text(String(r.status)),
      code(r.disposition),
      { link: r.source },
    ]),
  }));
}
