// Types for WebAssembly text compiled at build time by scripts/vite-wat-plugin.ts.
declare module '*.wat?bytes' {
  const bytes: Uint8Array;
  export default bytes;
}
declare module '*.wat?shared-bytes' {
  const bytes: Uint8Array;
  export default bytes;
}
