// Log-spaced cake sizes for the lessons' small sweeps.

/** 2^from, 2^(from+step), ... up to 2^to. */
export function powersOfTwo(fromPower: number, toPower: number, step: number): number[] {
  const sizes: number[] = [];
  for (let power = fromPower; power <= toPower; power += step) sizes.push(2 ** power);
  return sizes;
}
