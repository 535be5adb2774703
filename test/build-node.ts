// Vitest global setup: builds dist/node once, because pool friends run as built JavaScript (Node 20 cannot
// start a worker_thread from .ts) and the CLI tests run the built `cake` exactly as a user would.
import { build } from 'vite';

export default async function buildNode(): Promise<void> {
  await build({ configFile: 'vite.node.config.ts', logLevel: 'warn' });
  await build({ configFile: 'vite.report.config.ts', logLevel: 'warn' }); // the HTML report's inlined script
}
