/**
 * Provider error responses the upstream-mapping part feeds both functions, as the providers
 * document them (the same payloads as error-upstream's corpus cases of these providers).
 */
export interface ProviderCase {
  name: string;
  /** The mapping's provider key. */
  provider: string;
  /** A fresh Response each call: a body can be read once. */
  response: () => Response;
}

const json = (status: number, headers: Record<string, string>, body: unknown) => (): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

/** An OpenAI 429, an Anthropic 529 overloaded, a Gemini 429 RESOURCE_EXHAUSTED, and a proxy's HTML 502. */
export function providerCases(): ProviderCase[] {
  const html =
    "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr><address>nginx</address></body></html>";
  return [
    {
      name: "OpenAI 429 rate_limit_exceeded",
      provider: "openai",
      response: json(
        429,
        { "x-request-id": "req_123", "retry-after-ms": "1500" },
        {
          error: {
            message: "Rate limit reached for gpt-4o in organization org-abc on requests per min (RPM): Limit 500.",
            type: "requests",
            param: null,
            code: "rate_limit_exceeded",
          },
        },
      ),
    },
    {
      name: "Anthropic 529 overloaded_error",
      provider: "anthropic",
      response: json(
        529,
        { "request-id": "req_011CSHoEeqs5C35K2UUqR7Fy" },
        {
          type: "error",
          error: { type: "overloaded_error", message: "Overloaded" },
          request_id: "req_011CSHoEeqs5C35K2UUqR7Fy",
        },
      ),
    },
    {
      name: "Gemini 429 RESOURCE_EXHAUSTED",
      provider: "gemini",
      response: json(
        429,
        {},
        {
          error: {
            code: 429,
            message: "Resource has been exhausted (e.g. check quota).",
            status: "RESOURCE_EXHAUSTED",
          },
        },
      ),
    },
    {
      name: "proxy HTML 502 (generic)",
      provider: "generic",
      response: () => new Response(html, { status: 502, headers: { "content-type": "text/html" } }),
    },
  ];
}
