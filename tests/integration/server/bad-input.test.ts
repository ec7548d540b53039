import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../../../src/server/storage/row-store';
import { connectAgent, nextEvent, postJson, startTestServer, writeFixture, type TestServer } from './helpers';
import { baseWorld } from './fixtures';

describe('bad input changes nothing and never crashes the server', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await writeFixture(t.server, baseWorld());
  });
  afterAll(async () => t.dispose());

  it('answers malformed, wrong-typed, oversized-batch and unknown socket messages with a clear error', async () => {
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const before = await countRows(t.server.db);
    const ack = (event: string, payload: unknown) => alice.socket.timeout(5000).emitWithAck(event, payload);
    expect(await ack('push', 'not an object')).toMatchObject({
      ok: false,
      error: { code: 'protocol.bad_payload' },
    });
    expect(
      await ack('push', {
        clientId: alice.clientId,
        mutations: [{ id: 'x', seq: 'one', name: 'callback.claim@1', args: {} }],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'protocol.bad_payload', message: expect.stringContaining('mutations.0.seq') },
    });
    const many = Array.from({ length: 101 }, (_, i) => ({
      id: `m${i}`,
      seq: i + 1,
      name: 'callback.claim@1',
      args: { callbackId: 'cb-1' },
    }));
    expect(await ack('push', { clientId: alice.clientId, mutations: many })).toMatchObject({
      ok: false,
      error: { code: 'protocol.bad_payload' },
    });
    expect(await ack('pull', { cursor: -1 })).toMatchObject({
      ok: false,
      error: { code: 'protocol.bad_payload' },
    });
    expect(await ack('launch-missiles', {})).toMatchObject({
      ok: false,
      error: { code: 'protocol.unknown_event' },
    });
    const unknown = await alice.push({ name: 'callback.delete@1', args: {} });
    expect(unknown).toMatchObject({
      ok: true,
      value: { results: [{ status: 'rejected', error: { code: 'mutation.unknown' } }] },
    });
    const badArgs = await alice.push({ name: 'callback.claim@1', args: { callbackId: 42 } });
    expect(badArgs).toMatchObject({
      ok: true,
      value: { results: [{ status: 'rejected', error: { code: 'mutation.invalid_args' } }] },
    });
    const otherClient = await ack('push', {
      clientId: 'someone-elses-client',
      mutations: [{ id: 'x', seq: 99, name: 'callback.claim@1', args: { callbackId: 'cb-1' } }],
    });
    expect(otherClient).toMatchObject({ ok: false, error: { code: 'auth.client_mismatch' } });
    const noAck = nextEvent<{ code: string }>(alice.socket, 'protocol-error');
    alice.socket.emit('push', { clientId: alice.clientId, mutations: [] });
    expect((await noAck).code).toBe('protocol.ack_required');
    expect(await countRows(t.server.db)).toEqual(before);
    alice.socket.close();
  });

  it('drops a socket message over the size limit and keeps serving', async () => {
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const before = await countRows(t.server.db);
    const gone = nextEvent(alice.socket, 'disconnect');
    alice.socket.emit(
      'push',
      {
        clientId: alice.clientId,
        mutations: [{ id: 'x', seq: 1, name: 'callback.claim@1', args: { pad: 'x'.repeat(2_000_000) } }],
      },
      () => undefined,
    );
    await gone;
    expect(await countRows(t.server.db)).toEqual(before);
    expect((await fetch(`${t.server.url}/health`)).status).toBe(200);
  });

  it('answers bad HTTP bodies with 400/413 and a code', async () => {
    const url = `${t.server.url}/api/sign-in`;
    expect(await postJson(url, '{not json')).toMatchObject({
      status: 400,
      json: { ok: false, error: { code: 'http.bad_request' } },
    });
    expect(await postJson(url, { username: 5, password: [] })).toMatchObject({
      status: 400,
      json: { error: { code: 'http.bad_request' } },
    });
    expect(await postJson(url, { username: 'a', password: 'x'.repeat(100_000) })).toMatchObject({
      status: 413,
      json: { error: { code: 'http.payload_too_large' } },
    });
    expect((await fetch(`${t.server.url}/nope`)).status).toBe(404);
  });
});
