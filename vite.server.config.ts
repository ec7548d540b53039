import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// Bundles the sync server (src/server/index.ts) for plain Node: `npm run server`
// builds it to out/server/index.js and runs it. Dependencies stay external and
// load from node_modules (better-sqlite3 is native).
export default defineConfig({
  build: {
    ssr: 'src/server/index.ts',
    outDir: 'out/server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'es', entryFileNames: 'index.js' },
    },
  },
  ssr: { target: 'node' },
  logLevel: 'warn',
});
