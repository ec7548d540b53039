import { describe, expect, it } from 'vitest';
import { dispatchIpc, type IpcHandlerMap } from '../../../src/desktop/ipc/ipc-handlers';
import { IPC_CHANNEL_NAMES, IPC_CHANNELS } from '../../../src/shared/ipc/channels';
import { IPC_EVENT_NAMES, IPC_EVENTS } from '../../../src/shared/ipc/events';
import { ipcResultSchema } from '../../../src/shared/ipc/result';

/** Handlers that record every call (they must not be reached with bad input). */
function recordingHandlers(value: (channel: string) => unknown = () => null) {
  const calls: { channel: string; args: unknown }[] = [];
  const handlers = Object.fromEntries(
    IPC_CHANNEL_NAMES.map((channel) => [
      channel,
      (args: unknown) => {
        calls.push({ channel, args });
        return { ok: true, value: value(channel) };
      },
    ]),
  ) as unknown as IpcHandlerMap;
  return { handlers, calls };
}

const signedIn = { isSignedIn: () => true, isLocked: () => false };

describe('IPC contract', () => {
  it('every channel has strict-object args and a result schema; every event a payload schema', () => {
    for (const name of IPC_CHANNEL_NAMES) {
      const spec = IPC_CHANNELS[name];
      expect(spec.args.safeParse({ definitelyNotAnArgument: 1 }).success, name).toBe(false);
      expect(typeof spec.result.safeParse).toBe('function');
    }
    for (const name of IPC_EVENT_NAMES) expect(typeof IPC_EVENTS[name].safeParse).toBe('function');
    expect(IPC_CHANNEL_NAMES).toContain('worklist.query');
  });

  it('results are {ok:true,value} | {ok:false,error:{code,message}}', () => {
    const schema = ipcResultSchema(IPC_CHANNELS['session.activity'].result);
    expect(schema.safeParse({ ok: true, value: null }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { code: 'x', message: 'y' } }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: 'boom' }).success).toBe(false);
  });
});

describe('dispatchIpc', () => {
  it('bad arguments answer {ok:false, ipc.bad_args} and never reach the handler', async () => {
    const { handlers, calls } = recordingHandlers();
    const cases: [string, unknown][] = [
      ['callback.claim', { callbackId: '' }],
      ['callback.claim', { callbackId: 'cb-1', extra: 1 }],
      ['callback.claim', 'cb-1'],
      ['callback.recordAttempt', { callbackId: 'cb-1', numberDialed: '+12025550123', outcome: 'hung-up' }],
      ['worklist.query', { limit: 100000 }],
      ['session.signIn', { username: '', password: 'x' }],
    ];
    for (const [channel, args] of cases) {
      const result = await dispatchIpc(handlers, signedIn, channel, args);
      expect(result, `${channel} ${JSON.stringify(args)}`).toMatchObject({
        ok: false,
        error: { code: 'ipc.bad_args' },
      });
    }
    expect(calls).toEqual([]);
  });

  it('unknown channels, prototype names included, are refused', async () => {
    const { handlers, calls } = recordingHandlers();
    for (const channel of ['nope', '__proto__', 'constructor', 42, null]) {
      expect(await dispatchIpc(handlers, signedIn, channel, {})).toMatchObject({
        ok: false,
        error: { code: 'ipc.unknown_channel' },
      });
    }
    expect(calls).toEqual([]);
  });

  it('signed out or locked: only the channels marked for it run', async () => {
    const { handlers, calls } = recordingHandlers();
    const signedOut = { isSignedIn: () => false, isLocked: () => false };
    expect(await dispatchIpc(handlers, signedOut, 'callback.claim', { callbackId: 'cb-1' })).toMatchObject({
      error: { code: 'session.not_signed_in' },
    });
    const locked = { isSignedIn: () => true, isLocked: () => true };
    expect(await dispatchIpc(handlers, locked, 'worklist.query', {})).toMatchObject({
      error: { code: 'session.locked' },
    });
    expect(calls).toEqual([]);
    await dispatchIpc(handlers, locked, 'session.unlock', { password: 'pw' });
    expect(calls.map((c) => c.channel)).toEqual(['session.unlock']);
  });

  it('fills defaults before the handler runs', async () => {
    const { handlers, calls } = recordingHandlers(() => ({ total: 0, offset: 0, rows: [], now: 0 }));
    const result = await dispatchIpc(handlers, signedIn, 'worklist.query', {});
    expect(result.ok).toBe(true);
    expect(calls[0]?.args).toMatchObject({ scope: 'team', status: ['open'], offset: 0, limit: 100 });
  });

  it('a handler that throws or answers off-schema becomes a typed error', async () => {
    const throwing = {
      ...recordingHandlers().handlers,
      'session.activity': () => {
        throw new Error('boom');
      },
    } as IpcHandlerMap;
    expect(await dispatchIpc(throwing, signedIn, 'session.activity', {})).toMatchObject({
      ok: false,
      error: { code: 'ipc.failed' },
    });
    const wrong = recordingHandlers(() => ({ not: 'a session' })).handlers;
    expect(await dispatchIpc(wrong, signedIn, 'session.get', {})).toMatchObject({
      ok: false,
      error: { code: 'ipc.bad_result' },
    });
  });
});
