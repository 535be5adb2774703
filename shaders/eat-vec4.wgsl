// WGSL twin of src/eat.ts and shaders/eat.wgsl that loads and eats four slices at once as a vec4<u32>: the
// same eat steps in the same order on each lane, so CPU and GPU agree bit for bit. Each invocation eats
// slicesPerInvocation slices (a multiple of 4), contiguous or one whole grid apart (strided).
// src/tune/kernel.ts sets the overrides; the cake's slices must be a multiple of 4.

@group(0) @binding(0) var<storage, read> cake: array<vec4<u32>>; // cakeBinding
@group(0) @binding(1) var<storage, read_write> eaten: array<vec4<u32>>; // eatenBinding
@group(0) @binding(2) var<uniform> meal: Meal; // mealBinding

struct Meal {
  rounds: u32,
}

override workgroupSize: u32 = 64;
override slicesPerInvocation: u32 = 4;
override isStrided: bool = false;

fn eatQuad(quad: vec4<u32>) -> vec4<u32> {
  var h = quad;
  for (var round = 0u; round < meal.rounds; round++) {
    h ^= h >> vec4(16u);
    h *= vec4(0x7feb352du);
    h ^= h >> vec4(15u);
    h *= vec4(0x846ca68bu);
    h ^= h >> vec4(16u);
  }
  return h;
}

@compute @workgroup_size(workgroupSize)
fn eatCake(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) workgroups: vec3<u32>) {
  let invocation = id.x + id.y * workgroups.x * workgroupSize; // 1D or 2D grid alike
  let invocations = workgroups.x * workgroups.y * workgroupSize;
  let quadsPerInvocation = slicesPerInvocation / 4u;
  for (var k = 0u; k < quadsPerInvocation; k++) {
    let quad = select(invocation * quadsPerInvocation + k, invocation + k * invocations, isStrided);
    if (quad >= arrayLength(&cake)) {
      break; // quads grow with k: the rest lie past the cake too
    }
    eaten[quad] = eatQuad(cake[quad]);
  }
}
