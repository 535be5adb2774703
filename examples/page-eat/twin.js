// Your own eat function's JS twin: this pane is a module, the WGSL pane beside it is its wgsl field.
// The same contract as a CLI file (examples/my-eat.ts). xorshift32, twin of the WGSL pane:
// the same steps in the same order; u32 wraps mod 2^32 in both.
export default {
  name: 'xorshift',
  element: 'u32',
  summary: 'rounds of xorshift32 plus an add: three shifts, three xors and an add per slice and round',
  cpu(x, rounds) {
    let s = (x ^ 0x9e3779b9) >>> 0;
    for (let round = 0; round < rounds; round++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      s = (s + 0x6d2b79f5) >>> 0; // an add: xor and shifts alone are linear, and a checksum (an xor) of them says little
    }
    return s >>> 0;
  },
};
