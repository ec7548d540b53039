import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_FILE_NAME } from '../../../src/desktop/core/desktop-core';
import type { TestServer } from '../server/helpers';
import { ALICE, CARMEN, openDesktop, signIn, startDeskServer, tempDir, waitSynced } from './desktop-helpers';

// Issue 13 item 4: what an agent typed in a form is kept as a draft in the cache,
// encrypted, for that agent only, and comes back after the desktop restarts.
describe('drafts in the desktop core', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startDeskServer([]);
  });
  afterAll(async () => t.dispose());

  it('keeps a draft encrypted for its user across a restart; discard drops it', async () => {
    const dir = tempDir();
    const body = JSON.stringify({ caller: { name: 'Rosa Díaz-Quintana' }, intent: 'Where is my card' });
    const first = await openDesktop(t, dir);
    await signIn(first.core, ALICE);
    await waitSynced(first.core);
    expect(first.core.drafts.save({ form: 'inquiry', subject: '', body }).ok).toBe(true);
    await first.close();
    // Not in the SQLite file as text.
    const raw = readFileSync(join(dir, CACHE_FILE_NAME));
    expect(raw.includes(Buffer.from('Díaz-Quintana'))).toBe(false);

    const again = await openDesktop(t, dir);
    try {
      const kept = again.core.drafts.get({ form: 'inquiry', subject: '' });
      expect(kept.ok && kept.value?.body).toBe(body);
      // Another form's place is empty.
      const other = again.core.drafts.get({ form: 'expedite', subject: '' });
      expect(other.ok && other.value).toBeNull();
      again.core.drafts.discard({ form: 'inquiry', subject: '' });
      const gone = again.core.drafts.get({ form: 'inquiry', subject: '' });
      expect(gone.ok && gone.value).toBeNull();
    } finally {
      await again.dispose();
    }
  });

  it('never shows one agent’s draft to the next person signed in at the desk', async () => {
    const d = await openDesktop(t);
    try {
      await signIn(d.core, ALICE);
      await waitSynced(d.core);
      d.core.drafts.save({ form: 'inquiry', subject: '', body: '{"caller":{"name":"Rosa"}}' });
      const out = await d.core.session.signOut({ discardPending: false });
      expect(out.ok).toBe(true);
      await signIn(d.core, CARMEN);
      const seen = d.core.drafts.get({ form: 'inquiry', subject: '' });
      expect(seen.ok && seen.value).toBeNull();
    } finally {
      await d.dispose();
    }
  });
});
