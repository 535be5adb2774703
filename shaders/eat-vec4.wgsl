// Kernel frame that loads and stores four slices at once as a vec4, eating each lane with the eat function's
// eat() (see shaders/eat.wgsl). Each invocation eats slicesPerInvocation slices (a multiple of 4), contiguous or
// one whole grid apart (strided). src/gpu/shapes.ts sets the overrides; the cake's slices must be a multiple of 4.

@group(0) @binding(0) var<storage, read> cake: array<vec4<Slice>>; // cakeBinding
@group(0) @binding(1) var<storage, read_write> eaten: array<vec4<Slice>>; // eatenBinding
@group(0) @binding(2) var<uniform> meal: Meal; // mealBinding

struct Meal {
  rounds: u32,
}

override workgroupSize: u32 = 64;
override slicesPerInvocation: u32 = 4;
override isStrided: bool = false;

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
    let q = cake[quad];
    let rounds = meal.rounds;
    eaten[quad] = vec4(eat(q.x, rounds), eat(q.y, rounds), eat(q.z, rounds), eat(q.w, rounds));
  }
}
