import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { IPC_CHANNEL_NAMES } from './src/shared/ipc/channels';
import { IPC_EVENT_NAMES } from './src/shared/ipc/events';

// main and preload bundle everything except `dependencies` (only better-sqlite3,
// a native module the packaged app loads unbundled). The renderer is a plain web
// build so the same files can be served by the browser host.
export default defineConfig({
  main: {
    build: { externalizeDeps: true },
  },
  preload: {
    // The preload checks names only (main validates data): it gets the names, not the schemas.
    define: {
      __AGENT_DESK_IPC_CHANNELS__: JSON.stringify(IPC_CHANNEL_NAMES),
      __AGENT_DESK_IPC_EVENTS__: JSON.stringify(IPC_EVENT_NAMES),
    },
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
