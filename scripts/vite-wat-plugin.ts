// Vite plugin: compiles WebAssembly text (*.wat) to bytes at build time with wabt, so the repository holds
// the readable source and never a binary. Used by vite.config.ts, vite.node.config.ts and vitest.config.ts.
//   import bytes from './eat.wat?bytes'         the module as written
//   import bytes from './eat.wat?shared-bytes'  the same module with its imported memory marked `shared`,
//                                               so threads can eat one cake (WebAssembly needs a distinct
//                                               memory type for that; the text stays one source)
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';
import wabt from 'wabt';

const watImport = /^(.*\.wat)\?(bytes|shared-bytes)$/;
const features = { simd: true, threads: true }; // the kernels use i32x4; the shared copy needs threads
const memoryImport = /\(memory (\d+) (\d+)\)/g; // an imported memory with its min and max pages

/** Marks the module's one imported memory as shared. Shared memories must declare a maximum. */
export function shareMemory(wat: string, file: string): string {
  const count = wat.match(memoryImport)?.length ?? 0;
  if (count !== 1) {
    throw new Error(`${file}: ?shared-bytes needs exactly one "(memory MIN MAX)" to mark shared, found ${count}. Declare the cake memory once, with a maximum.`);
  }
  return wat.replace(memoryImport, '(memory $1 $2 shared)');
}

/** Compiles WebAssembly text to a binary module; wabt's error names the line and column. */
export async function compileWat(wat: string, file: string): Promise<Uint8Array> {
  const toolkit = await wabt();
  const module = toolkit.parseWat(file, wat, features);
  try {
    // wabt's validate() takes the features too (its typings omit the parameter); without them it rejects SIMD.
    (module.validate as (options: typeof features) => void)(features);
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}

export function watPlugin(): Plugin {
  return {
    name: 'parallel-cake:wat',
    async load(id) {
      const match = watImport.exec(id);
      if (!match) return null;
      const [, file, kind] = match as unknown as [string, string, string];
      this.addWatchFile(file);
      const text = await readFile(file, 'utf8');
      const bytes = await compileWat(kind === 'shared-bytes' ? shareMemory(text, file) : text, file);
      const base64 = Buffer.from(bytes).toString('base64');
      // atob exists in browsers, workers and Node >= 16: the same module text serves every host.
      return `export default Uint8Array.from(atob(${JSON.stringify(base64)}), (c) => c.charCodeAt(0));\n`;
    },
  };
}
