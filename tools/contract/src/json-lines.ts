import { at } from "./classify/json.js";

/**
 * The 1-based line of every JSON Pointer in a JSON text: where the member's key starts (for
 * an object member) or where the array element starts. A small scanner that follows the JSON
 * grammar without building values; the text is a schema file that JSON.parse already accepted.
 */
export function pointerLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i] as string)) {
      if (text[i] === "\n") line++;
      i++;
    }
  };
  const readString = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (pointer: string): void => {
    skipSpace();
    const c = text[i];
    if (c === "{") {
      i++;
      skipSpace();
      if (text[i] === "}") return void i++;
      for (;;) {
        skipSpace();
        const keyLine = line;
        const key = readString();
        lines.set(at(pointer, key), keyLine);
        skipSpace();
        i++; // colon
        value(at(pointer, key));
        skipSpace();
        if (text[i++] === "}") return;
      }
    }
    if (c === "[") {
      i++;
      skipSpace();
      if (text[i] === "]") return void i++;
      for (let index = 0; ; index++) {
        skipSpace();
        lines.set(at(pointer, index), line);
        value(at(pointer, index));
        skipSpace();
        if (text[i++] === "]") return;
      }
    }
    if (c === '"') return void readString();
    while (i < text.length && !/[\s,\]}]/.test(text[i] as string)) i++; // number, true, false, null
  };
  lines.set("", 1);
  value("");
  return lines;
}

/** The line of `pointer`, or of its nearest ancestor that exists in the text (a removed member points at its parent). */
export function lineOf(lines: Map<string, number>, pointer: string): number {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
    const found = lines.get(p);
    if (found !== undefined) return found;
    if (p === "") return 1;
  }
}
