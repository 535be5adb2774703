// Kernel frame: one slice per invocation. It calls eat(), which the eat function brings (shaders/eats/*.wgsl or a
// user's own), with Slice its element type (shaders/slice-*.wgsl); src/gpu/shaders.ts puts the three together.

// Bindings (src/gpu/eat-kernel.ts names the same indices):
@group(0) @binding(0) var<storage, read> cake: array<Slice>; // cakeBinding: one portion of the uneaten cake
@group(0) @binding(1) var<storage, read_write> eaten: array<Slice>; // eatenBinding: where its eaten slices go
@group(0) @binding(2) var<uniform> meal: Meal; // mealBinding: how long each slice is eaten

struct Meal {
  rounds: u32,
}

override workgroupSize: u32 = 64;

// A slice's index comes from global_invocation_id on a 2D grid (x up to 65535 workgroups, then rows of y):
// measured 1.6x faster on lavapipe than building it from workgroup_id and local_invocation_index.
@compute @workgroup_size(workgroupSize)
fn eatCake(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) workgroups: vec3<u32>) {
  let slice = id.x + id.y * workgroups.x * workgroupSize;
  if (slice >= arrayLength(&cake)) {
    return; // the last workgroup of a cake that is not a multiple of workgroupSize
  }
  eaten[slice] = eat(cake[slice], meal.rounds);
}
