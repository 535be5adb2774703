// An empty kernel: its time is the dispatch overhead.
@compute @workgroup_size(1)
fn noop() {}
