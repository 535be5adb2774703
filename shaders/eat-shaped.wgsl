// WGSL twin of src/eat.ts and shaders/eat.wgsl in a tunable shape: each invocation eats slicesPerInvocation
// slices, next to each other (contiguous) or one whole grid apart (strided). The eat steps are the same as
// src/eat.ts's, in the same order, so CPU and GPU agree bit for bit. src/tune/kernel.ts sets the overrides.

@group(0) @binding(0) var<storage, read> cake: array<u32>; // cakeBinding
@group(0) @binding(1) var<storage, read_write> eaten: array<u32>; // eatenBinding
@group(0) @binding(2) var<uniform> meal: Meal; // mealBinding

struct Meal {
  rounds: u32,
}

override workgroupSize: u32 = 64;
override slicesPerInvocation: u32 = 1;
override isStrided: bool = false;

fn eatSlice(slice: u32) -> u32 {
  var h = slice;
  for (var round = 0u; round < meal.rounds; round++) {
    h ^= h >> 16u;
    h *= 0x7feb352du;
    h ^= h >> 15u;
    h *= 0x846ca68bu;
    h ^= h >> 16u;
  }
  return h;
}

@compute @workgroup_size(workgroupSize)
fn eatCake(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) workgroups: vec3<u32>) {
  let invocation = id.x + id.y * workgroups.x * workgroupSize; // 1D or 2D grid alike
  let invocations = workgroups.x * workgroups.y * workgroupSize;
  for (var k = 0u; k < slicesPerInvocation; k++) {
    let slice = select(invocation * slicesPerInvocation + k, invocation + k * invocations, isStrided);
    if (slice >= arrayLength(&cake)) {
      break; // slices grow with k: the rest lie past the cake too
    }
    eaten[slice] = eatSlice(cake[slice]);
  }
}
