/** A response body the client-parse bench feeds both parsers, and whether it is our envelope. */
export interface BodyCase {
  name: string;
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Whether a correct parser reports the body as a contract envelope. */
  isContract: boolean;
  /** Parses per timed call (fewer for the big body). */
  repeat: number;
}

const json = { "content-type": "application/json; charset=utf-8", "x-request-id": "req_8f2c1" };

/** A proxy's error page, about 3 KB, as nginx or a CDN serves it. */
function htmlPage(): string {
  const filler = Array.from(
    { length: 40 },
    (_, i) => `<li class="hint">Hint ${i}: the upstream server did not answer in time.</li>`,
  ).join("\n");
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>502 Bad Gateway</title><style>body{font-family:sans-serif;margin:4em}h1{color:#c00}</style></head>\n<body><h1>502 Bad Gateway</h1><p>The proxy received an invalid response from an upstream server.</p><ul>\n${filler}\n</ul><hr><address>nginx</address></body></html>\n`;
}

/**
 * Our envelope, an HTML page, and a 1 MiB JSON body: a valid lenient envelope followed by a
 * 1 MiB extra member. Parsed whole it is a contract envelope; cut at the client's 64 KiB
 * cap it is truncated JSON. So `isContract: false` shows the cap was honoured.
 */
export function bodyCases(): BodyCase[] {
  const envelope = JSON.stringify({
    error: {
      message: "The model `gpt-9` does not exist",
      type: "not_found_error",
      code: "model_not_found",
      param: "model",
    },
  });
  const big = JSON.stringify({
    error: { message: "Upstream failed", type: "upstream_error", code: "bad_response" },
    trace: "x".repeat(1_048_576),
  });
  return [
    { name: "our envelope (404)", status: 404, headers: json, body: envelope, isContract: true, repeat: 64 },
    {
      name: `HTML page (502, ${(htmlPage().length / 1024).toFixed(1)} KB)`,
      status: 502,
      headers: { "content-type": "text/html" },
      body: htmlPage(),
      isContract: false,
      repeat: 16,
    },
    { name: "1 MiB JSON body (502)", status: 502, headers: json, body: big, isContract: false, repeat: 4 },
  ];
}
