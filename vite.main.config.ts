// Main-process build for Electron Forge's VitePlugin (merged over the plugin's own defaults: electron and node
// built-ins external, output in .vite/build). package.json is "type": "module" with "main": ".vite/build/main.js",
// so main is emitted as an ES module (Electron ≥ 28 loads ESM main scripts).
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    target: 'node22',
    sourcemap: true,
    lib: {
      // The verification worker is its own entry: verify-worker.ts starts .vite/build/verify-worker.js.
      entry: {
        main: 'src/main/electron/main.ts',
        'verify-worker': 'src/main/signing/verify/verify-worker-main.ts',
        // The edXML reading worker: read-worker.ts starts .vite/build/edxml-worker.js.
        'edxml-worker': 'src/main/exchange/edxml/read-worker-main.ts',
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rollupOptions: {
      // A native N-API addon cannot be bundled; it is loaded from node_modules at run time.
      external: ['pkcs11js'],
    },
  },
});
