/**
 * A desktop's own change comes back to it as a poke (the server pokes the whole
 * team). The pull after its push already brought the change, so that poke must
 * not cost a second pull; a teammate's change still does. Real server, real
 * SQLite, real sockets; pulls are counted where the cache applies their pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopCore } from '../../../src/desktop/core/desktop-core';
import type { TestServer } from '../server/helpers';
import {
  ALICE,
  CARMEN,
  openDesktop,
  signIn,
  startDeskServer,
  waitFor,
  waitSynced,
  type TestDesktop,
} from './desktop-helpers';

/** Counts the pull answers the desktop's cache applies (one per page; these pulls are one page each). */
function countPulls(core: DesktopCore): () => number {
  let pulls = 0;
  const apply = core.store.applyPull.bind(core.store);
  core.store.applyPull = (page, contextFor) => {
    pulls += 1;
    return apply(page, contextFor);
  };
  return () => pulls;
}

const assigneeOf = (core: DesktopCore, callbackId: string) => {
  const detail = core.queries.callback({ callbackId });
  return detail.ok ? detail.value.callback.assigneeId : undefined;
};

describe('a poke for a version the desktop already pulled', () => {
  let t: TestServer;
  let alice: TestDesktop;
  let carmen: TestDesktop;
  beforeAll(async () => {
    t = await startDeskServer(['cb-p1', 'cb-p2']);
    alice = await openDesktop(t);
    carmen = await openDesktop(t);
    await signIn(alice.core, ALICE);
    await signIn(carmen.core, CARMEN);
    await waitSynced(alice.core);
    await waitSynced(carmen.core);
  });
  afterAll(async () => {
    await alice.dispose();
    await carmen.dispose();
    await t.dispose();
  });

  it('costs the desktop that pushed no second pull; its teammate pulls once', async () => {
    const alicePulls = countPulls(alice.core);
    const carmenPulls = countPulls(carmen.core);
    expect(alice.core.commands.run('callback.claim', { callbackId: 'cb-p1' }).ok).toBe(true);
    await waitSynced(alice.core);
    // The team's poke reached Carmen, so it reached Alice too (one emit to the team's room).
    await waitFor(() => assigneeOf(carmen.core, 'cb-p1') === 'u-tier1-alice', 'Carmen to see the claim');
    await waitSynced(carmen.core);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await alice.core.whenSyncIdle();
    expect(alicePulls()).toBe(1);
    expect(carmenPulls()).toBe(1);
  });

  it('still pulls a teammate’s change it has not seen', async () => {
    const alicePulls = countPulls(alice.core);
    expect(carmen.core.commands.run('callback.claim', { callbackId: 'cb-p2' }).ok).toBe(true);
    await waitFor(() => assigneeOf(alice.core, 'cb-p2') === 'u-tier2-carmen', 'Alice to see the claim');
    await alice.core.whenSyncIdle();
    expect(alicePulls()).toBe(1);
  });
});
