// The only module that imports WGSL source (through Vite's ?raw), so every kernel is a real .wgsl file.
import eatSource from '../../shaders/eat.wgsl?raw';
import noopSource from '../../shaders/noop.wgsl?raw';

export const kernels = {
  eat: { file: 'eat.wgsl', code: eatSource, entryPoint: 'eatCake' },
  noop: { file: 'noop.wgsl', code: noopSource, entryPoint: 'noop' },
} as const;

export type KernelSource = { file: string; code: string; entryPoint: string };
