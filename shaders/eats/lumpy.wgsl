// The lumpy eat function's WGSL twin (src/eats/lumpy.ts is the CPU twin): the hash's lowbias32 rounds, but how many
// comes from the slice itself, in quarters of `rounds` (lumpOf). Same steps in the same order; u32 wraps as Math.imul.
fn lumpOf(x: u32) -> u32 {
  let kind = (x + (((x >> 4u) * 0x9e3779b9u) >> 28u)) & 15u;
  if (kind == 15u) { return 40u; }
  if (kind == 14u) { return 10u; }
  return 1u;
}

fn eat(x: u32, rounds: u32) -> u32 {
  let lumpRounds = (rounds * lumpOf(x) + 3u) / 4u;
  var h = x;
  for (var round = 0u; round < lumpRounds; round++) {
    h ^= h >> 16u;
    h *= 0x7feb352du;
    h ^= h >> 15u;
    h *= 0x846ca68bu;
    h ^= h >> 16u;
  }
  return h;
}
