// Tests run on real adapters (lavapipe, SwiftShader) and real workers; see README "Tests".
import { defineConfig } from 'vitest/config';
import { watPlugin } from './scripts/vite-wat-plugin.ts';

export default defineConfig({
  plugins: [watPlugin()], // src/simd/*.wat compiled to bytes at build time
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks', // dawn.node is a native addon: one process per file is the safe isolation
    fileParallelism: false, // one shared GPU and 2 cores: parallel files make timings and failures flaky
    globalSetup: ['test/build-node.ts'],
    testTimeout: 60_000,
    env: { XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR ?? '/tmp' },
  },
});
