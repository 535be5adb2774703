// The hash eat function's WGSL twin (src/eats/hash.ts is the CPU twin, src/eats/hash.wat the SIMD one): rounds of
// the lowbias32 mix in the same steps and order. u32 arithmetic wraps mod 2^32 as Math.imul does.
fn eat(x: u32, rounds: u32) -> u32 {
  var h = x;
  for (var round = 0u; round < rounds; round++) {
    h ^= h >> 16u;
    h *= 0x7feb352du;
    h ^= h >> 15u;
    h *= 0x846ca68bu;
    h ^= h >> 16u;
  }
  return h;
}
