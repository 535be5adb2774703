// Where the built worker and page scripts are: beside the built CLI, or in dist/node when running from source.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Worker scripts are JavaScript built by `npm run build:node` into dist/node (Node 20 cannot run .ts in a
 * worker). The built CLI finds them beside itself; tests, running from source, find them in dist/node.
 */
export function builtScript(name: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, name), join(here, '..', 'dist', 'node', name)]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${name} is not built. Run "npm run build:node" first.`);
}
