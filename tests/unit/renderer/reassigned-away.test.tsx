// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAgentDeskApi } from '../../../src/renderer/src/api/agent-desk';
import { CallbackDetailScreen } from '../../../src/renderer/src/features/callback/CallbackDetailScreen';
import { useSessionStore } from '../../../src/renderer/src/state/session-store';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';
import type { CallbackDetail } from '../../../src/shared/ipc';
import { FakeHost, ok } from './fake-host';
import { callbackDetail, SIGNED_IN, USER } from './fixtures';

// Issue 13 item 7: a lead's reassignment took the open callback off the agent without a word.
let host: FakeHost;
let shown: CallbackDetail;
beforeEach(() => {
  useUiStore.setState({ language: 'en' });
  useSessionStore.setState({ session: SIGNED_IN });
  shown = callbackDetail('cb-1');
  host = new FakeHost().handle('callback.get', () => ok(shown));
  setAgentDeskApi(host);
});
afterEach(() => {
  cleanup();
  setAgentDeskApi(undefined);
});

async function reassignTo(assigneeId: string | null, names: Record<string, string> = {}) {
  shown = { ...shown, callback: { ...shown.callback, assigneeId }, names };
  await act(async () => {
    host.emit('dataChanged', { tables: ['callbacks'] });
    await Promise.resolve();
  });
}

describe('a callback reassigned away while open', () => {
  it('says to whom, by name, in an alert', async () => {
    render(<CallbackDetailScreen callbackId="cb-1" />);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByTestId('reassigned-away')).toBeNull();
    await reassignTo('u-tier2-omar', { 'u-tier2-omar': 'Omar Ruiz' });
    const alert = await screen.findByTestId('reassigned-away');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('reassigned to Omar Ruiz');
  });

  it('says nothing when the agent releases it to the queue, or when it comes back', async () => {
    render(<CallbackDetailScreen callbackId="cb-1" />);
    await screen.findByRole('heading', { level: 1 });
    await reassignTo(null);
    expect(screen.queryByTestId('reassigned-away')).toBeNull();
    await reassignTo(USER.id);
    expect(screen.queryByTestId('reassigned-away')).toBeNull();
  });

  it('in Spanish', async () => {
    useUiStore.setState({ language: 'es' });
    render(<CallbackDetailScreen callbackId="cb-1" />);
    await screen.findByRole('heading', { level: 1 });
    await reassignTo('u-gone');
    expect((await screen.findByTestId('reassigned-away')).textContent).toContain('se reasignó a otro agente');
  });
});
