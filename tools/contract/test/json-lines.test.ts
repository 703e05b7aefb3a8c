import { describe, expect, it } from "vitest";
import { lineOf, pointerLines } from "../src/json-lines.js";

describe("pointerLines: the line of each JSON Pointer in a JSON text", () => {
  const text = [
    "{",
    '  "a/b": "x\\"}{[",',
    '  "list": [',
    "    1,",
    '    { "k": [] },',
    "    {",
    '      "deep": {}',
    "    }",
    "  ],",
    '  "t~": true',
    "}",
  ].join("\n");

  it("finds members, array elements, escaped keys and strings holding brackets", () => {
    const lines = pointerLines(text);
    expect(JSON.parse(text)).toBeTruthy();
    expect(lines.get("/a~1b")).toBe(2);
    expect(lines.get("/list")).toBe(3);
    expect(lines.get("/list/0")).toBe(4);
    expect(lines.get("/list/1/k")).toBe(5);
    expect(lines.get("/list/2/deep")).toBe(7);
    expect(lines.get("/t~0")).toBe(10);
  });

  it("points a removed member at its nearest ancestor", () => {
    const lines = pointerLines(text);
    expect(lineOf(lines, "/list/2/gone/deeper")).toBe(6);
    expect(lineOf(lines, "/nothing")).toBe(1);
  });

  it("handles one-line JSON", () => {
    expect(lineOf(pointerLines('{"a":[1,{"b":2}]}'), "/a/1/b")).toBe(1);
  });
});
