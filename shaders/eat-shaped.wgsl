// Kernel frame in a tunable shape: each invocation eats slicesPerInvocation slices, next to each other
// (contiguous) or one whole grid apart (strided), calling the eat function's eat() (see shaders/eat.wgsl).
// src/gpu/shapes.ts sets the overrides.

@group(0) @binding(0) var<storage, read> cake: array<Slice>; // cakeBinding
@group(0) @binding(1) var<storage, read_write> eaten: array<Slice>; // eatenBinding
@group(0) @binding(2) var<uniform> meal: Meal; // mealBinding

struct Meal {
  rounds: u32,
}

override workgroupSize: u32 = 64;
override slicesPerInvocation: u32 = 1;
override isStrided: bool = false;

@compute @workgroup_size(workgroupSize)
fn eatCake(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) workgroups: vec3<u32>) {
  let invocation = id.x + id.y * workgroups.x * workgroupSize; // 1D or 2D grid alike
  let invocations = workgroups.x * workgroups.y * workgroupSize;
  for (var k = 0u; k < slicesPerInvocation; k++) {
    let slice = select(invocation * slicesPerInvocation + k, invocation + k * invocations, isStrided);
    if (slice >= arrayLength(&cake)) {
      break; // slices grow with k: the rest lie past the cake too
    }
    eaten[slice] = eat(cake[slice], meal.rounds);
  }
}
