// The Node build: the `cake` CLI and its worker entries, bundled by Vite so that `?raw` shader imports
// resolve. All outputs sit flat in dist/node, so a module finds its worker scripts beside itself.
import { defineConfig } from 'vite';
import { watPlugin } from './scripts/vite-wat-plugin.ts';

export default defineConfig({
  plugins: [watPlugin()], // src/simd/*.wat compiled to bytes at build time
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist/node',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      // Runtime dependencies stay imports of node_modules (ssr does this for resolvable ones); amaro is named, since
      // it is loaded only for .ts eat files and a bundle without it (scripts/gpu-run) must still build.
      external: ['amaro'],
      input: {
        cake: 'bench/cake.ts',
        friend: 'bench/friend.ts',
        'piscina-friend': 'bench/piscina-friend.ts',
        'simd-interleave': 'bench/simd-interleave.ts',
        'gpu-run': 'bench/gpu-run.ts', // scripts/gpu-run/run.sh's adapter check and summaries
      },
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunk-[name].js' },
    },
  },
});
