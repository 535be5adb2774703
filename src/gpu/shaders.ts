// The only module that imports WGSL source (through Vite's ?raw), so every kernel is a real .wgsl file. WGSL has no
// include: a kernel is put together from files, a frame (how slices map to invocations) that calls eat(), the eat
// function's own WGSL, and the alias that names its element type Slice. Module-scope declarations may come in any
// order in WGSL, so the parts are simply laid one after the other, and errors are mapped back to each part's file.
import eatFrame from '../../shaders/eat.wgsl?raw';
import eatWatchedFrame from '../../shaders/eat-watched.wgsl?raw';
import eatShapedFrame from '../../shaders/eat-shaped.wgsl?raw';
import eatVec4Frame from '../../shaders/eat-vec4.wgsl?raw';
import noopSource from '../../shaders/noop.wgsl?raw';
import sliceU32 from '../../shaders/slice-u32.wgsl?raw';
import sliceF32 from '../../shaders/slice-f32.wgsl?raw';
import type { Eat, Element, WgslPart } from '../eat.ts';

/** A frame: WGSL that calls eat() on Slice values, and its entry point. */
export interface Frame {
  file: string;
  code: string;
  entryPoint: string;
}

export const frames = {
  eat: { file: 'eat.wgsl', code: eatFrame, entryPoint: 'eatCake' },
  eatWatched: { file: 'eat-watched.wgsl', code: eatWatchedFrame, entryPoint: 'eatCakeWatched' },
  // the tuner's shapes (src/gpu/shapes.ts): slices per invocation, contiguous or strided, scalar or vec4 loads
  eatShaped: { file: 'eat-shaped.wgsl', code: eatShapedFrame, entryPoint: 'eatCake' },
  eatVec4: { file: 'eat-vec4.wgsl', code: eatVec4Frame, entryPoint: 'eatCake' },
} as const satisfies Record<string, Frame>;

const sliceAliases: Record<Element, WgslPart> = {
  u32: { file: 'slice-u32.wgsl', code: sliceU32, firstLine: 1 },
  f32: { file: 'slice-f32.wgsl', code: sliceF32, firstLine: 1 },
};

/** A shader module's source: one or more parts, laid one after the other, and the entry point to run. */
export interface KernelSource {
  /** Names the module in labels and errors: the frame and the eat function's file. */
  file: string;
  parts: readonly WgslPart[];
  entryPoint: string;
}

export const noop: KernelSource = { file: 'noop.wgsl', parts: [{ file: 'noop.wgsl', code: noopSource, firstLine: 1 }], entryPoint: 'noop' };

/** The kernel that eats with `eat` in `frame`'s shape. */
export function kernelFor(frame: Frame, eat: Eat): KernelSource {
  return {
    file: `${frame.file} + ${eat.wgsl.file}`,
    parts: [{ file: frame.file, code: frame.code, firstLine: 1 }, eat.wgsl, sliceAliases[eat.element]],
    entryPoint: frame.entryPoint,
  };
}

/** The module's text: the parts, each starting on a new line. */
export function codeOf(kernel: KernelSource): string {
  return kernel.parts.map((part) => part.code).join('\n');
}

/** Where line `line` (1-based) of codeOf(kernel) was written: the part's file and its own line there. */
export function whereIs(kernel: KernelSource, line: number): { file: string; line: number } {
  let first = 1;
  for (const part of kernel.parts) {
    const lines = part.code.split('\n').length;
    if (line < first + lines) return { file: part.file, line: line - first + (part.firstLine ?? 1) };
    first += lines;
  }
  return { file: kernel.file, line };
}
