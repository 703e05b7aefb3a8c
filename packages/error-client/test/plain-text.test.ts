import { describe, expect, it } from "vitest";
import { parseErrorBody } from "../src/index.js";

const detail = (body: string, contentType = "text/plain") =>
  parseErrorBody({ status: 500, headers: { "content-type": contentType }, body }).detail;

describe("non-JSON bodies become one line of plain text", () => {
  it.each([
    {
      name: "prose with a less-than sign is left alone",
      given: "limit: a < b and c > d",
      want: "limit: a < b and c > d",
    },
    {
      name: "a tag inside text is removed",
      given: "upstream <b>closed</b> the stream",
      want: "upstream closed the stream",
    },
    {
      name: "script and style content is dropped",
      given: "<div><script>alert('x')</script><style>p{}</style>Gateway down</div>",
      want: "Gateway down",
    },
    { name: "a script that never closes drops the rest", given: "<p>Down</p><script>var key='sk-1", want: "Down" },
    { name: "an unclosed tag drops the rest", given: "<p>Busy</p><img src='x", want: "Busy" },
    { name: "comments are dropped", given: "<p>ok</p><!-- 10.1.2.3 --><p>bye</p>", want: "ok bye" },
    {
      name: "entities are decoded",
      given: "<p>a &amp; b &lt;c&gt; &#233;&#x41; &bogus;</p>",
      want: "a & b <c> éA &bogus;",
    },
    {
      name: "entity names of any case; prototype names, zero and out-of-range numbers stay as written",
      given: "<p>&AMP; &Lt; &#X41; &proto; &hasOwn; &#0; &#1114112; &#x110000;</p>",
      want: "& < A &proto; &hasOwn; &#0; &#1114112; &#x110000;",
    },
    {
      name: "newlines, tabs and control characters become single spaces",
      given: "line one\r\n\tline\u0000two",
      want: "line one line two",
    },
    {
      name: "an empty title falls back to the text",
      given: "<html><title> </title><body>Text</body></html>",
      want: "Text",
    },
    {
      name: "text that starts like JSON but is not",
      given: "[Error] upstream refused",
      want: "[Error] upstream refused",
    },
    {
      name: "a page of only markup",
      given: "<html><body><br/></body></html>",
      want: "the response body has no readable text",
    },
  ])("$name", ({ given, want }) => {
    expect(detail(given)).toBe(want);
  });

  it("HTML sent as text/html is stripped even when it does not start with a tag", () => {
    expect(detail("Error page: <em>503</em>", "text/html")).toBe("Error page: 503");
  });

  it("pathological markup (thousands of unclosed tags and scripts) still gives a short detail", () => {
    const hostile = "<script".repeat(5000) + "<a ".repeat(5000) + "&#".repeat(5000);
    expect(detail(hostile, "text/html").length).toBeLessThanOrEqual(300);
  });

  it.each([
    ["closing tags without '>'", `<script>${"</script ".repeat(20_000)}`],
    ["unclosed comments", "<!--".repeat(20_000)],
    ["tags without '>'", "<b ".repeat(20_000)],
    ["styles in scripts", "<style><script".repeat(10_000)],
  ])("hostile markup (%s) is dropped whole, in one pass", (_, hostile) => {
    // Quadratic scanning of these 100-160 KB inputs would take minutes, not milliseconds.
    expect(detail(`Down ${hostile}`, "text/html")).toBe("Down");
  });
});
