// The stream eat function's WGSL twin (src/eats/stream.ts): one multiply per slice and round, like BabelStream's
// scale, so eating is limited by how fast slices move, not by arithmetic. u32 wraps mod 2^32 as Math.imul does.
fn eat(x: u32, rounds: u32) -> u32 {
  var s = x;
  for (var round = 0u; round < rounds; round++) {
    s *= 3u;
  }
  return s;
}
