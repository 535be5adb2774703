// The only module that imports WGSL source (through Vite's ?raw), so every kernel is a real .wgsl file.
import eatSource from '../../shaders/eat.wgsl?raw';
import eatWatchedSource from '../../shaders/eat-watched.wgsl?raw';
import noopSource from '../../shaders/noop.wgsl?raw';
import eatShapedSource from '../../shaders/eat-shaped.wgsl?raw';
import eatVec4Source from '../../shaders/eat-vec4.wgsl?raw';

export const kernels = {
  eat: { file: 'eat.wgsl', code: eatSource, entryPoint: 'eatCake' },
  eatWatched: { file: 'eat-watched.wgsl', code: eatWatchedSource, entryPoint: 'eatCakeWatched' },
  noop: { file: 'noop.wgsl', code: noopSource, entryPoint: 'noop' },
  // the tuner's shapes (src/tune/kernel.ts): slices per invocation, contiguous or strided, scalar or vec4 loads
  eatShaped: { file: 'eat-shaped.wgsl', code: eatShapedSource, entryPoint: 'eatCake' },
  eatVec4: { file: 'eat-vec4.wgsl', code: eatVec4Source, entryPoint: 'eatCake' },
} as const;

export type KernelSource = { file: string; code: string; entryPoint: string };
