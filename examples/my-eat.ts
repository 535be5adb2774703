// An eat function of your own: `npm run bench -- --eat ./examples/my-eat.ts` (also `cake tune --eat ...` and the
// page's editor). The default export is the whole contract: a name, the element type, the CPU twin of one slice
// and the WGSL twin `fn eat(x, rounds)`, doing the same steps in the same order (README: "Your own eat function").
// This one is xorshift32: u32 arithmetic wraps mod 2^32 in both twins, so they agree bit for bit.
export default {
  name: 'xorshift',
  element: 'u32',
  summary: 'rounds of xorshift32 plus an add: three shifts, three xors and an add per slice and round',
  cpu(x: number, rounds: number): number {
    let s = (x ^ 0x9e3779b9) >>> 0;
    for (let round = 0; round < rounds; round++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      s = (s + 0x6d2b79f5) >>> 0; // an add: xor and shifts alone are linear, and a checksum (an xor) of them says little
    }
    return s >>> 0;
  },
  wgsl: /* wgsl */ `
fn eat(x: u32, rounds: u32) -> u32 {
  var s = x ^ 0x9e3779b9u;
  for (var round = 0u; round < rounds; round++) {
    s ^= s << 13u;
    s ^= s >> 17u;
    s ^= s << 5u;
    s += 0x6d2b79f5u;
  }
  return s;
}
`,
};
