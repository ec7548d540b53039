// The preload exposes only the typed Agent Desk API (src/shared/ipc) to the page.
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('agentDeskHost', { kind: 'electron' });
