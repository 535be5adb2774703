// The mandelbrot eat function's WGSL twin (src/eats/mandelbrot.ts is the CPU twin): z = z^2 + c in fixed point
// with 12 fraction bits, i32 arithmetic (no overflow: |z| <= 6 before each square), the same steps in the same order.
// x packs the pixel's place in the view as (X << 16) | Y, each 0..65535; the eaten slice is the iteration count.
fn eat(x: u32, rounds: u32) -> u32 {
  let cr = -9011 + ((i32(x >> 16u) * 12288) >> 16u); // re from -2.2 across 3.0
  let ci = 5325 - ((i32(x & 0xffffu) * 6554) >> 16u); // im from 1.3 down 1.6
  var zr = 0;
  var zi = 0;
  var k = 0u;
  for (; k < rounds; k++) {
    let zr2 = (zr * zr) >> 12u;
    let zi2 = (zi * zi) >> 12u;
    if (zr2 + zi2 > 16384) {
      break; // |z| > 2: escaped
    }
    zi = ((zr * zi) >> 11u) + ci;
    zr = zr2 - zi2 + cr;
  }
  return k;
}
