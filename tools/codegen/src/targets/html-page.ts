import { createHash } from "node:crypto";
import { REGENERATE_COMMAND } from "../banner.js";
import { SCHEMA_DIR, SCHEMA_FILES } from "@org/contract-model";
import type { Contract, JsonObject } from "../contract.js";
import { SchemaError } from "../schema-error.js";
import { codeAnchor } from "./anchor.js";
import { type CatalogDocument, catalogDocument, ERRORS_JSON_FILE } from "./errors-json.js";
import { dialectsHtml } from "./dialect-sections.js";
import { fieldRows } from "./envelope-fields.js";
import { PAGE_SCRIPT, PAGE_STYLE } from "./html-page-assets.js";

/** Escapes text for HTML element content and double-quoted attribute values. */
const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Escaped, with a preferred line break after each "_" and ":" so long codes wrap at word joints, not mid-word. */
const breakable = (s: string): string => esc(s).replace(/([_:])/g, "$1<wbr>");

/** The CSP source for an inline block: the page allows exactly its own style and script. */
const sha256 = (text: string): string => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

const th = (label: string): string => `<th scope="col">${label}</th>`;

/** Escaped, with the schema texts' `inline code` (Markdown backticks) as <code>. */
const md = (s: string): string => esc(s).replace(/`([^`]+)`/g, "<code>$1</code>");

/** The envelope's fields, read from the strict schema's ErrorBody (the docs' own reading of it). */
function envelopeRows(contract: Contract): string {
  const body = (contract.schemas.envelope["$defs"] as JsonObject)["ErrorBody"] as JsonObject;
  const { code, type } = contract.schemas;
  return fieldRows("error.", body, { [SCHEMA_FILES.code]: code, [SCHEMA_FILES.type]: type })
    .map(
      ([field, kind, required, meaning]) =>
        `<tr><th scope="row" data-l="Field">${md(field)}</th><td data-l="Type">${md(kind)}</td><td data-l="Required">${required}</td><td data-l="Meaning">${md(meaning)}</td></tr>`,
    )
    .join("\n");
}

/** The HTTP status table: the reference's columns first, then the contract's; codes link to their entries. */
function statusRows(doc: CatalogDocument): string {
  return doc.statuses
    .map((s) => {
      const codes = s.codes.map((c) => `<a href="#${esc(codeAnchor(c))}"><code>${breakable(c)}</code></a>`);
      if (s.codeless) codes.push("<code>null</code>");
      return (
        `<tr><th scope="row" data-l="Status">${s.status} <span class="muted">${esc(s.reason)}</span></th><td data-l="Meaning">${md(s.meaning)}</td>` +
        `<td data-l="Common cause">${md(s.cause)}</td><td data-l="Type"><code>${esc(s.type)}</code></td>` +
        `<td data-l="Codes">${codes.join(", ")}</td><td data-l="Retry-After">${s.retry_after ? "yes" : "no"}</td></tr>`
      );
    })
    .join("\n");
}

/**
 * One code's row: its id is the code's anchor (the fragment of its doc_url), which is the
 * code itself for every name the code grammar allows and a percent-encoded form otherwise.
 */
function codeRow(c: CatalogDocument["codes"][number]): string {
  const id = esc(codeAnchor(c.code));
  return (
    `<tr id="${id}" data-statuses="${c.statuses.join(" ")}" role="row">` +
    `<th scope="row" role="rowheader" data-l="Code"><a href="#${id}"><code>${breakable(c.code)}</code></a></th>` +
    `<td role="cell" data-l="Meaning">${esc(c.meaning)}</td>` +
    `<td role="cell" data-l="What to do">${esc(c.action)}</td>` +
    `<td role="cell" data-l="Status">${c.statuses.join(", ")}${c.other_statuses.map((o) => `<br><small>${o.status}: ${md(o.when)}</small>`).join("")}</td>` +
    `<td role="cell" data-l="Type"><code>${esc(c.type)}</code></td>` +
    `<td role="cell" data-l="Retryable"${c.retryable ? ' class="yes"' : ""}>${c.retryable ? "yes" : "no"}</td>` +
    `<td role="cell"><button type="button" class="copy" aria-label="Copy link to ${esc(c.code)}" hidden>Copy link</button></td></tr>`
  );
}

/**
 * The reference as one self-contained HTML page (packages/error-types/reference/errors.html):
 * inline CSS and JS only, so it works from file:// and any static host. Every fact comes from
 * the contract model; the reference's texts are rendered verbatim (HTML-escaped).
 */
export function generateHtmlPage(contract: Contract): string {
  const html = renderPage(contract);
  // A code is an anchor: one equal to an id of the page itself (or to another code once
  // escaped) would make its doc_url land elsewhere. Refuse such a schema instead.
  const seen = new Set<string>();
  for (const [, id] of html.matchAll(/\sid="([^"]*)"/g)) {
    if (seen.has(id as string)) {
      throw new SchemaError(
        `${SCHEMA_DIR}/${SCHEMA_FILES.code}`,
        "",
        `code "${id}" cannot be an anchor of the reference page: the page already has an element with that id`,
      );
    }
    seen.add(id as string);
  }
  return html;
}

function renderPage(contract: Contract): string {
  const doc = catalogDocument(contract);
  const first = doc.codes[0]?.code ?? "";
  const prefixed = doc.codes.filter((c) => c.code.includes(":")).length;
  const csp = `default-src 'none'; style-src ${sha256(PAGE_STYLE)}; script-src ${sha256(PAGE_SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<!-- Generated by tools/codegen from schemas/ - do not edit. Run \`${REGENERATE_COMMAND}\` to regenerate. -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Gateway error reference (contract ${esc(doc.contract_version)})</title>
<link rel="icon" href="data:,">
<style>${PAGE_STYLE}</style>
</head>
<body>
<a class="skip" href="#codes-h">Skip to the error codes</a>
<header>
<h1>Gateway error reference</h1>
<p class="muted">Contract version ${esc(doc.contract_version)}. Generated from the contract's JSON Schema; also as a machine-readable catalog: <a href="${ERRORS_JSON_FILE}">${ERRORS_JSON_FILE}</a>.</p>
</header>
<main>
<h2 id="envelope">Envelope</h2>
<p>Error responses are JSON, shaped like:</p>
<pre><code>{ "error": { "message": "...", "type": "...", "code": "${esc(first)}" } }</code></pre>
<table class="cards">
<caption>Fields of <code>error</code></caption>
<thead><tr>${th("Field")}${th("Type")}${th("Required")}${th("Meaning")}</tr></thead>
<tbody>
${envelopeRows(contract)}
</tbody>
</table>
<p>Services cut <code>error.message</code> to at most ${contract.rules.maxMessageLength.toLocaleString("en-US")} Unicode code points (a surrogate pair is never split).</p>
<h2 id="statuses">HTTP status codes</h2>
<p>Every status the contract uses. <strong>Codes</strong> lists the business codes a response with the status may carry (<code>null</code>: it may carry none); <strong>Retry-After</strong> says whether it may carry that header.</p>
<table class="cards">
<caption>HTTP status codes</caption>
<thead><tr>${th("Status")}${th("Meaning")}${th("Common cause")}${th("Type")}${th("Codes")}${th("Retry-After")}</tr></thead>
<tbody>
${statusRows(doc)}
</tbody>
</table>
<h2 id="codes-h" tabindex="-1">Business error codes</h2>
<p>Possible values of the <code>error.code</code> field. <strong>Status</strong> lists every status a code may be sent with, the canonical one first. <strong>Retryable</strong> says whether a client may retry automatically; servers send it as the <code>x-should-retry</code> header. Note the <code>channel:</code> prefix on ${prefixed} of them: the colon is part of the code string.</p>
<div class="filter" id="tools" hidden>
<label for="q">Filter codes</label>
<input id="q" type="search" autocomplete="off" spellcheck="false" aria-describedby="q-hint" aria-controls="codes">
<span id="q-hint" class="muted">by code, meaning or status (e.g. <code>channel</code>, <code>quota</code>, <code>503</code>, <code>5xx</code>)</span>
</div>
<p id="count" class="muted" role="status">${doc.codes.length} codes</p>
<p id="copied" class="vh" role="status"></p>
<table id="codes" class="cards" role="table" data-base="${esc(doc.reference_url)}">
<caption>Business error codes (${doc.codes.length})</caption>
<thead role="rowgroup"><tr role="row">${["Code", "Meaning", "What to do", "Status", "Type", "Retryable"].map((l) => `<th scope="col" role="columnheader">${l}</th>`).join("")}<th scope="col" role="columnheader"><span class="vh">Link</span></th></tr></thead>
<tbody role="rowgroup">
${doc.codes.map(codeRow).join("\n")}
</tbody>
</table>
${dialectsHtml(contract)}
</main>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
