import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// main and preload bundle everything except `dependencies` (only better-sqlite3,
// a native module the packaged app loads unbundled). The renderer is a plain web
// build so the same files can be served by the browser host.
export default defineConfig({
  main: {
    build: { externalizeDeps: true },
  },
  preload: {
    // A sandboxed preload must be one CommonJS file: bundle everything, emit .cjs.
    build: {
      externalizeDeps: false,
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    plugins: [react()],
  },
});
