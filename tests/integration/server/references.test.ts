import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReference, parseReference } from '../../../src/shared/domain/identifiers/reference-number';
import { customer } from './fixtures';
import {
  connectAgent,
  newInstallationKey,
  signIn,
  startTestServer,
  writeFixture,
  type TestServer,
} from './helpers';

const inquiryArgs = (inquiryId: string, customerId: string) => ({
  inquiryId,
  customerId,
  receiptNumber: null,
  topic: 'Case status',
  channel: 'phone',
  ivr: null,
  urgency: 'non-urgent',
  tier: 1,
  script: null,
});

describe('reference numbers on the server', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ demo: true, demoRows: 0 });
    await writeFixture(t.server, [
      { table: 'customers', row: customer('cu-1', 'alpha') },
      { table: 'customers', row: customer('cu-9', 'bravo') },
    ]);
  });
  afterAll(() => t.dispose());

  it('gives an installation one desk code for good, another installation another, none without a key', async () => {
    const a = newInstallationKey();
    const first = await signIn(t.server, 'tier1.alice', 'demo-password-1', a);
    const again = await signIn(t.server, 'tier2.carmen', 'demo-password-3', a);
    const other = await signIn(t.server, 'tier1.alice', 'demo-password-1', newInstallationKey());
    const none = await signIn(t.server, 'tier1.alice', 'demo-password-1');
    expect(first.desk).toEqual(expect.any(Number));
    expect(again.desk).toBe(first.desk);
    expect(other.desk).not.toBe(first.desk);
    expect(none.desk).toBeNull();
  });

  it('accepts a reference of the pushing desktop once, and refuses one of another desk before anything else', async () => {
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1', newInstallationKey());
    const carmen = await connectAgent(t.server, 'tier2.carmen', 'demo-password-3', newInstallationKey());
    const mine = formatReference({ kind: 'inquiry', desk: alice.desk as number, seq: 1 }).canonical;
    const applied = await alice.push({
      name: 'inquiry.create@2',
      args: { ...inquiryArgs('in-a1', 'cu-1'), reference: mine },
    });
    expect(applied).toMatchObject({ ok: true, value: { results: [{ status: 'applied' }] } });
    const again = await alice.push({
      name: 'inquiry.create@2',
      args: { ...inquiryArgs('in-a2', 'cu-1'), reference: mine },
    });
    expect(again).toMatchObject({
      ok: true,
      value: { results: [{ status: 'rejected', error: { code: 'reference.already_used' } }] },
    });
    // Carmen's desktop quoting Alice's (used) number hears "not yours", never "already used".
    const foreign = await carmen.push({
      name: 'inquiry.create@2',
      args: { ...inquiryArgs('in-c1', 'cu-1'), reference: mine },
    });
    expect(foreign).toMatchObject({
      ok: true,
      value: { results: [{ status: 'rejected', error: { code: 'reference.wrong_desk' } }] },
    });
    const { rows } = await carmen.pullAll();
    expect(rows.find((r) => r.id === 'in-a1')?.data).toMatchObject({ reference: mine });
    for (const agent of [alice, carmen]) agent.socket.close();
  });

  it('refuses any reference from a desktop that sent no installation key', async () => {
    const bare = await connectAgent(t.server, 'tier1.alice', 'demo-password-1');
    const ref = formatReference({ kind: 'inquiry', desk: 0, seq: 99 }).canonical;
    const pushed = await bare.push({
      name: 'inquiry.create@2',
      args: { ...inquiryArgs('in-b1', 'cu-1'), reference: ref },
    });
    expect(pushed).toMatchObject({
      ok: true,
      value: { results: [{ status: 'rejected', error: { code: 'reference.wrong_desk' } }] },
    });
    bare.socket.close();
  });

  it('gives a server reference to a record a queued older mutation creates without one, and keeps it on later changes', async () => {
    const alice = await connectAgent(t.server, 'tier1.alice', 'demo-password-1', newInstallationKey());
    const pushed = await alice.push(
      { name: 'inquiry.create@1', args: inquiryArgs('in-old', 'cu-1') },
      {
        name: 'inquiry.record-outcome@1',
        args: { inquiryId: 'in-old', outcome: 'callback', script: null, callbackId: 'cb-old', urgency: null },
      },
    );
    expect(pushed).toMatchObject({
      ok: true,
      value: { results: [{ status: 'applied' }, { status: 'applied' }] },
    });
    const { rows } = await alice.pullAll();
    const inquiry = rows.find((r) => r.id === 'in-old')?.data as { reference: string };
    const callback = rows.find((r) => r.id === 'cb-old')?.data as { reference: string };
    const q = parseReference(inquiry.reference);
    expect(q).toMatchObject({ ok: true, value: { kind: 'inquiry' } });
    expect(parseReference(callback.reference)).toMatchObject({ ok: true, value: { kind: 'callback' } });
    // The server's own desk, not the pushing desktop's.
    expect(q.ok && q.value.desk).not.toBe(alice.desk);
    // A later change (a claim) keeps the callback's number.
    await alice.push({ name: 'callback.claim@1', args: { callbackId: 'cb-old' } });
    const after = (await alice.pullAll()).rows.find((r) => r.id === 'cb-old')?.data as { reference: string };
    expect(after.reference).toBe(callback.reference);
    alice.socket.close();
  });
});
