// Splits a cake into one contiguous chunk per friend.

export interface Chunk {
  from: number;
  to: number;
}

/** `parts` chunks covering [0, slices) with sizes differing by at most one; empty chunks are dropped. */
export function cut(slices: number, parts: number): Chunk[] {
  const chunks: Chunk[] = [];
  const base = Math.floor(slices / parts);
  const extra = slices % parts;
  let from = 0;
  for (let part = 0; part < parts; part++) {
    const to = from + base + (part < extra ? 1 : 0);
    if (to > from) chunks.push({ from, to });
    from = to;
  }
  return chunks;
}
