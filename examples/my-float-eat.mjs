// An f32 eat function of your own, in plain JavaScript: `npm run bench -- --eat ./examples/my-float-eat.mjs`.
// f32 twins rarely agree bit for bit (a GPU may fuse a multiply and an add), so an f32 eat function says how
// far apart they may be: `tolerance` in ulps, relative or absolute terms (any bound that holds passes; NaN never).
const f32 = Math.fround;
const keep = f32(0.9); // the constants as f32, as WGSL holds them
const take = f32(0.1);

export default {
  name: 'decay',
  element: 'f32',
  summary: 'rounds of y = 0.9 y + 0.1 x: each slice decays towards its own value',
  cpu(x, rounds) {
    let y = f32(0);
    for (let round = 0; round < rounds; round++) y = f32(f32(keep * y) + f32(take * x));
    return y;
  },
  wgsl: `
fn eat(x: f32, rounds: u32) -> f32 {
  var y = 0.0;
  for (var round = 0u; round < rounds; round++) {
    y = 0.9 * y + 0.1 * x;
  }
  return y;
}
`,
  tolerance: { ulps: 32 }, // a fused multiply-add differs by an ulp a round; the decay forgets old rounds' errors
  slice: (index, n) => index / n,
};
