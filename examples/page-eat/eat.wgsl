// xorshift32: twin of the JS pane's cpu(x, rounds).
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
