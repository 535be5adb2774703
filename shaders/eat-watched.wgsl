// Kernel frame with a watcher, for the demo's picture and never timed: eats as shaders/eat.wgsl does (calling the
// eat function's eat()), plus, per slice, the turn in which its workgroup began to eat (an atomic counter
// shared by all workgroups).

// Bindings (src/gpu/watch.ts names the same indices):
@group(0) @binding(0) var<storage, read> cake: array<Slice>; // cakeBinding: the uneaten slices
@group(0) @binding(1) var<storage, read_write> eaten: array<Slice>; // eatenBinding: where eaten slices go
@group(0) @binding(2) var<uniform> meal: Meal; // mealBinding: how long each slice is eaten
@group(0) @binding(3) var<storage, read_write> turns: array<u32>; // turnsBinding: per slice, its workgroup's turn
@group(0) @binding(4) var<storage, read_write> nextTurn: atomic<u32>; // nextTurnBinding: the turn counter

struct Meal {
  rounds: u32,
}

override workgroupSize: u32 = 64;

var<workgroup> turn: u32;

@compute @workgroup_size(workgroupSize)
fn eatCakeWatched(
  @builtin(global_invocation_id) id: vec3<u32>,
  @builtin(num_workgroups) workgroups: vec3<u32>,
  @builtin(local_invocation_index) member: u32,
) {
  if (member == 0u) {
    turn = atomicAdd(&nextTurn, 1u); // the first member of a workgroup takes a number for all of them
  }
  let myTurn = workgroupUniformLoad(&turn);
  let slice = id.x + id.y * workgroups.x * workgroupSize;
  if (slice >= arrayLength(&cake)) {
    return;
  }
  eaten[slice] = eat(cake[slice], meal.rounds);
  turns[slice] = myTurn;
}
