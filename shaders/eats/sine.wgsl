// The sine eat function's WGSL twin (src/eats/sine.ts): the same steps in the same order, in f32. The GPU's sin
// and its fused multiply-adds differ from the CPU's in the last bits: the tolerance in sine.ts covers that.
fn eat(x: f32, rounds: u32) -> f32 {
  var y = x;
  for (var round = 0u; round < rounds; round++) {
    y = 0.5 * y + 0.25 * sin(y) + 0.25 * x;
  }
  return y;
}
