// The only module that imports WGSL source (through Vite's ?raw), so every kernel is a real .wgsl file.
import eatSource from '../../shaders/eat.wgsl?raw';
import eatWatchedSource from '../../shaders/eat-watched.wgsl?raw';
import noopSource from '../../shaders/noop.wgsl?raw';

export const kernels = {
  eat: { file: 'eat.wgsl', code: eatSource, entryPoint: 'eatCake' },
  eatWatched: { file: 'eat-watched.wgsl', code: eatWatchedSource, entryPoint: 'eatCakeWatched' },
  noop: { file: 'noop.wgsl', code: noopSource, entryPoint: 'noop' },
} as const;

export type KernelSource = { file: string; code: string; entryPoint: string };
