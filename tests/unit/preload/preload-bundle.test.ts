import { beforeAll, describe, expect, it } from 'vitest';
import type { AgentDeskApi } from '../../../src/shared/ipc/api';
import { IPC_CHANNEL_NAMES } from '../../../src/shared/ipc/channels';
import { IPC_EVENT_NAMES } from '../../../src/shared/ipc/events';
import { buildTarget } from '../electron-vite-build';

/**
 * The preload is built the way `electron-vite build` builds it (the project's own
 * electron.vite.config.ts) and must stay thin: names only, no schemas. The built
 * file then runs against a stand-in for Electron's contextBridge and ipcRenderer.
 */
const MAX_PRELOAD_BYTES = 40 * 1024;

let code = '';
beforeAll(async () => {
  const chunks = await buildTarget('preload');
  expect(chunks.map((c) => c.fileName)).toEqual(['index.cjs']);
  code = chunks[0]?.code ?? '';
}, 60_000);

function load() {
  let exposed: AgentDeskApi | undefined;
  let deliver: ((event: unknown, name: unknown, payload: unknown) => void) | undefined;
  const sent: unknown[][] = [];
  let answer: unknown = { ok: true, value: null };
  const electron = {
    contextBridge: { exposeInMainWorld: (_key: string, api: AgentDeskApi) => (exposed = api) },
    ipcRenderer: {
      on: (_channel: string, listener: typeof deliver) => (deliver = listener),
      invoke: async (...args: unknown[]) => {
        sent.push(args);
        return answer;
      },
    },
  };
  const module = { exports: {} };
  const require = (id: string) => {
    if (id === 'electron') return electron;
    throw new Error(`the preload may require only electron, not ${id}`);
  };
  new Function('require', 'module', 'exports', code)(require, module, module.exports);
  if (!exposed || !deliver) throw new Error('the preload exposed nothing');
  return { api: exposed, deliver, sent, answer: (value: unknown) => (answer = value) };
}

describe('the preload bundle', () => {
  it(`is under ${MAX_PRELOAD_BYTES / 1024} kB and carries no schemas`, () => {
    expect(Buffer.byteLength(code)).toBeLessThan(MAX_PRELOAD_BYTES);
    expect(code).not.toMatch(/safeParse|ZodError|libphonenumber/);
  });

  it('knows every channel and event name of the API', () => {
    for (const name of [...IPC_CHANNEL_NAMES, ...IPC_EVENT_NAMES]) expect(code).toContain(`"${name}"`);
  });

  it('passes a known call and its answer through, and refuses unknown names without sending', async () => {
    const { api, sent, answer } = load();
    answer({ ok: true, value: { mutationId: 'm-1' } });
    expect(await api.invoke('callback.claim', { callbackId: 'cb-1' })).toEqual({
      ok: true,
      value: { mutationId: 'm-1' },
    });
    expect(sent).toEqual([['agent-desk:invoke', 'callback.claim', { callbackId: 'cb-1' }]]);
    const unknown = await api.invoke('no.such' as never, {} as never);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'ipc.unknown_channel' } });
    expect(sent).toHaveLength(1);
    answer('not a result');
    expect(await api.invoke('sync.state', {})).toMatchObject({
      ok: false,
      error: { code: 'ipc.bad_result' },
    });
  });

  it('delivers known events to their listeners and drops the rest', () => {
    const { api, deliver } = load();
    const heard: unknown[] = [];
    const off = api.on('dataChanged', (payload) => heard.push(payload));
    api.on('nope' as never, () => heard.push('wrong'));
    deliver({}, 'dataChanged', { tables: ['callbacks'] });
    deliver({}, 'nope', {});
    off();
    deliver({}, 'dataChanged', { tables: ['users'] });
    expect(heard).toEqual([{ tables: ['callbacks'] }]);
  });
});
