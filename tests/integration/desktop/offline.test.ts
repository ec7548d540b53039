import { parseReference } from '../../../src/shared/domain/identifiers/reference-number';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../server/helpers';
import {
  ALICE,
  openDesktop,
  restartOnSamePort,
  serverRow,
  signIn,
  startDeskServer,
  waitFor,
  waitSynced,
} from './desktop-helpers';

describe('offline edits', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startDeskServer(Array.from({ length: 5 }, (_, i) => `off-${i}`));
  });
  afterAll(async () => t.dispose());

  it('queues changes while the server is down and agrees with it after reconnecting', async () => {
    const d = await openDesktop(t);
    let references: { inquiry: string; callback: string | null } | undefined;
    let callbackId: string | null = null;
    try {
      await signIn(d.core, ALICE);
      await waitSynced(d.core);

      await restartOnSamePort(t, async () => {
        await waitFor(
          () => d.core.connectionState().state === 'offline',
          'the desktop to notice it is offline',
        );
        for (let i = 0; i < 5; i++)
          expect(d.core.commands.run('callback.claim', { callbackId: `off-${i}` }).ok).toBe(true);
        const submitted = d.core.commands.submitInquiry({
          customer: {
            fields: {
              name: 'María García',
              preferredLanguage: 'es',
              phones: [{ label: 'mobile', e164: '+13055550100', ext: null, bestTime: null }],
              email: null,
              aNumber: 'A012345679',
              timeZone: 'America/New_York',
            },
          },
          inquiry: {
            receiptNumber: 'eac-22-123-45679',
            topic: 'Case status',
            channel: 'phone',
            ivr: null,
            urgency: 'urgent',
            tier: 1,
            script: null,
          },
          outcome: 'callback',
          finalUrgency: null,
        });
        if (!submitted.ok) throw new Error(submitted.error.message);
        references = submitted.value.references;
        callbackId = submitted.value.callbackId;
        // Offline, the reference numbers come from this desktop's desk (given at sign-in).
        expect(parseReference(references.inquiry)).toMatchObject({ ok: true, value: { kind: 'inquiry' } });
        expect(parseReference(references.callback ?? '')).toMatchObject({
          ok: true,
          value: { kind: 'callback' },
        });
        // And the customer is found offline by the A-number written with dashes, and by a reference.
        for (const text of ['A-012-345-679', references.callback?.toLowerCase() ?? '', 'maria garc']) {
          const search = d.core.queries.customerSearch({ text, limit: 5 });
          expect(search.ok && search.value.customers.map((c) => c.name), text).toEqual(['María García']);
        }
        const state = d.core.connectionState();
        expect(state.state).toBe('offline');
        expect(state.pending).toBe(5 + 3);
        // Visible offline: the new callback is on the worklist, found by name and receipt.
        const found = d.core.queries.worklist({
          scope: 'team',
          status: ['open'],
          search: 'garcia eac22123',
          offset: 0,
          limit: 10,
        });
        expect(found.ok && found.value.rows.map((r) => r.customerName)).toEqual(['María García']);
      });

      await waitSynced(d.core, 15_000);
      // The server kept the references the desktop read back offline.
      expect((await serverRow(t, 'callbacks', callbackId ?? ''))['reference']).toBe(references?.callback);
      for (let i = 0; i < 5; i++)
        expect((await serverRow(t, 'callbacks', `off-${i}`))['assigneeId']).toBe('u-tier1-alice');
      const serverCallbacks = await t.server.db.selectFrom('callbacks').select(['id', 'data']).execute();
      const local = d.core.queries.worklist({
        scope: 'team',
        status: ['open', 'closed-resolved', 'closed-unable-to-reach'],
        offset: 0,
        limit: 500,
      });
      const alpha = serverCallbacks.filter((r) => JSON.parse(r.data).team === 'alpha');
      expect(local.ok && local.value.total).toBe(alpha.length);
      for (const row of alpha) {
        const mine = d.core.queries.callback({ callbackId: row.id });
        expect(mine.ok && { ...mine.value.callback, version: 0 }).toEqual({
          ...JSON.parse(row.data),
          version: 0,
        });
      }
      expect(d.core.connectionState().rejected).toBe(0);
    } finally {
      await d.dispose();
    }
  });
});
