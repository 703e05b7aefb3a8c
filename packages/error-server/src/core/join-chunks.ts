/**
 * Joins body chunks into one byte array of `size` bytes (the sum of their lengths, which
 * readers count anyway to enforce the limit). The one joiner every body reader uses.
 */
export function joinChunks(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]?.byteLength === size) return chunks[0];
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
