import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DesktopCommands } from '../../../src/desktop/core/commands';
import { commandHandlers, createIpcHandlers } from '../../../src/desktop/ipc/ipc-handlers';
import { createDesktopCore, fileKeyProvider } from '../../../src/desktop/core';
import { LocalStore, type PlannedMutation } from '../../../src/desktop/store/local-store';
import { openStore } from '../../../src/desktop/store/open-store';
import { createPiiCipher } from '../../../src/desktop/store/pii-cipher';
import { DEFAULT_POLICY } from '../../../src/shared/domain/policy';
import { IPC_CHANNEL_NAMES, IPC_CHANNELS } from '../../../src/shared/ipc/channels';
import { fillCommand, type AnyCommand } from '../../../src/shared/sync/command';
import { COMMAND_CHANNELS, COMMANDS, MUTATOR_NAMES, NOT_COMMANDS } from '../../../src/shared/sync/registry';

/**
 * The command table (shared/sync/registry.ts) is the source of the desktop API's
 * mutation calls. Every registered mutator is reachable from the renderer through
 * exactly one command channel, or is listed as deliberately not a command with
 * the reason; and each channel's schema and handler are the ones its row derives.
 */
const rows = COMMANDS as Readonly<Record<string, AnyCommand>>;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-commands-'));
  dirs.push(dir);
  return dir;
};

describe('every registered mutator', () => {
  it.each(MUTATOR_NAMES)('%s is queued by a renderer call, or is deliberately not a command', (name) => {
    const channels = COMMAND_CHANNELS.filter((c) => rows[c]?.mutator.name === name);
    const exempt = NOT_COMMANDS.filter((n) => n.mutator.name === name);
    expect(channels.length + exempt.length, `${name} must be in exactly one of them`).toBe(1);
    if (exempt[0]) expect(exempt[0].why.length).toBeGreaterThan(20);
    for (const channel of channels) expect(IPC_CHANNEL_NAMES).toContain(channel);
  });

  it('the list names the legacy and server-side ones (the versions before reference numbers, presence)', () => {
    expect(NOT_COMMANDS.map((n) => n.mutator.name).sort()).toEqual([
      'appointment.request@1',
      'callback.record-attempt@1',
      'expedite.record@2',
      'inquiry.create@1',
      'inquiry.record-outcome@1',
      'presence.set@1',
      'service-request.create@1',
    ]);
  });
});

describe('each command channel', () => {
  it('has a handler in the map the hosts dispatch through', async () => {
    const dir = tempDir();
    const core = await createDesktopCore({
      dataDir: dir,
      serverUrl: 'http://127.0.0.1:9',
      keyProvider: fileKeyProvider(join(dir, 'cache.key')),
      timers: false,
    });
    if (!core.ok) throw new Error(core.error.message);
    try {
      const handlers = createIpcHandlers(core.value);
      for (const channel of IPC_CHANNEL_NAMES) expect(typeof handlers[channel], channel).toBe('function');
    } finally {
      await core.value.close();
    }
  });

  it.each(COMMAND_CHANNELS)('%s queues its row’s mutator, with the filled arguments', (channel) => {
    const row = rows[channel] as AnyCommand;
    const queued: PlannedMutation[][] = [];
    const opened = openStore(join(tempDir(), 'cache.db'));
    const cipher = createPiiCipher(Buffer.alloc(32, 3));
    if (!opened.ok || !cipher.ok) throw new Error('store');
    const store = new LocalStore(opened.value.db, cipher.value, DEFAULT_POLICY);
    store.desk.setDesk(7);
    const enqueue = store.enqueue.bind(store);
    store.enqueue = (planned, ctx) =>
      enqueue(() => {
        const made = typeof planned === 'function' ? planned() : { ok: true as const, value: planned };
        if (made.ok) queued.push([...made.value]);
        return made;
      }, ctx);
    let ids = 0;
    const commands = new DesktopCommands({
      store,
      newId: () => `id-${++ids}`,
      context: (now) => ({
        userId: 'u-1',
        role: 'tier2',
        team: 'alpha',
        now,
        policy: DEFAULT_POLICY,
        clientId: 'client-1',
      }),
      serverNow: () => 1_000,
      changed: () => {},
      sync: { announce: () => {}, requestSync: () => {}, setPresence: () => {} },
    });
    // Arguments the caller's schema would refuse: only the route is under test here.
    const handler = commandHandlers(commands)[channel] as (args: unknown) => unknown;
    handler({});
    opened.value.db.close();
    expect(queued).toHaveLength(1);
    const [mutation] = queued[0] ?? [];
    expect(mutation?.name).toBe(row.mutator.name);
    for (const key of Object.keys(row.fill)) expect(mutation?.args).toHaveProperty(key);
  });

  it.each(COMMAND_CHANNELS)('%s takes the mutator’s arguments minus the filled ones, strictly', (channel) => {
    const row = rows[channel] as AnyCommand;
    const callerKeys = Object.keys(IPC_CHANNELS[channel].args.shape).sort();
    const expected = Object.keys(row.mutator.args.shape)
      .filter((key) => !(key in row.fill) || row.optional.includes(key))
      .sort();
    expect(callerKeys).toEqual(expected);
    expect(IPC_CHANNELS[channel].args.safeParse({ definitelyNotAnArgument: 1 }).success).toBe(false);
    const resultKeys = Object.keys(IPC_CHANNELS[channel].result.shape).sort();
    expect(resultKeys).toEqual(['mutationId', ...row.returns].sort());
  });
});

describe('filling a command’s arguments', () => {
  const ctx = () => {
    let n = 0;
    let seq = 0;
    return { newId: () => `new-${++n}`, now: 42, reference: (kind: string) => `${kind}-${++seq}` };
  };

  it('an attempt gets a fresh id, the time and the message-left flag; its id is returned', () => {
    const filled = fillCommand(
      rows['callback.recordAttempt'] as AnyCommand,
      { callbackId: 'cb-1', numberDialed: '+12025550123', outcome: 'no-answer-message-left' },
      ctx(),
    );
    expect(filled.args).toEqual({
      callbackId: 'cb-1',
      numberDialed: '+12025550123',
      outcome: 'no-answer-message-left',
      attemptId: 'new-1',
      messageLeft: true,
      at: 42,
    });
    expect(filled.returned).toEqual({ attemptId: 'new-1' });
  });

  it('an optional filled id is kept when given and made when not', () => {
    const row = rows['customer.upsert'] as AnyCommand;
    expect(fillCommand(row, { customerId: 'cu-7' }, ctx()).returned).toEqual({ customerId: 'cu-7' });
    expect(fillCommand(row, {}, ctx()).returned).toEqual({ customerId: 'new-1' });
  });

  it('an outcome gets a callback id and reference number only when it creates a callback', () => {
    const row = rows['inquiry.recordOutcome'] as AnyCommand;
    expect(fillCommand(row, { outcome: 'callback' }, ctx()).returned).toEqual({
      callbackId: 'new-1',
      callbackReference: 'callback-1',
    });
    expect(fillCommand(row, { outcome: 'resolved' }, ctx()).returned).toEqual({
      callbackId: null,
      callbackReference: null,
    });
  });

  it('a creating command takes the next reference number of its kind', () => {
    const row = rows['serviceRequest.create'] as AnyCommand;
    expect(fillCommand(row, { inquiryId: 'q-1' }, ctx()).returned).toEqual({
      serviceRequestId: 'new-1',
      reference: 'service-request-1',
    });
  });
});
