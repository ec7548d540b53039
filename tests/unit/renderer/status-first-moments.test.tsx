// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAgentDeskApi } from '../../../src/renderer/src/api/agent-desk';
import { StatusBar } from '../../../src/renderer/src/features/shell/StatusBar';
import { useSessionStore } from '../../../src/renderer/src/state/session-store';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';
import type { ConnectionState } from '../../../src/shared/ipc/views';
import { FakeHost } from './fake-host';
import { ONLINE, SIGNED_IN } from './fixtures';

// Issue 13 item 7: a false "Offline" flash at sign-in, and "All changes synced" during the first download.
const FIRST_CONNECT: ConnectionState = { ...ONLINE, state: 'offline', lastSyncedAt: null };

beforeEach(() => {
  setAgentDeskApi(new FakeHost());
  useSessionStore.setState({ session: SIGNED_IN, progress: null });
});
afterEach(() => {
  cleanup();
  setAgentDeskApi(undefined);
  useUiStore.setState({ language: 'en' });
  useSessionStore.setState({ connection: null, progress: null });
});

const stateShown = () => screen.getByTestId('connection-state');

describe('the status bar in the first moments after sign-in', () => {
  it('says Connecting… (not Offline) until the first connection is made or fails', () => {
    useSessionStore.setState({ connection: FIRST_CONNECT });
    render(<StatusBar />);
    expect(stateShown()).toHaveProperty('textContent', 'Connecting…');
    expect(stateShown().getAttribute('data-state')).toBe('connecting');
  });

  it('says Offline once a connection failed or a retry is scheduled, in Spanish too', () => {
    useUiStore.setState({ language: 'es' });
    useSessionStore.setState({ connection: { ...FIRST_CONNECT, retryAt: ONLINE.lastSyncedAt } });
    render(<StatusBar />);
    expect(stateShown().getAttribute('data-state')).toBe('offline');
    expect(stateShown().textContent).toMatch(/^Sin conexión/);
  });

  it('says the first download is running, not "All changes synced"', () => {
    useSessionStore.setState({
      connection: { ...ONLINE, state: 'syncing' },
      progress: { done: 1200, total: 5000 },
    });
    render(<StatusBar />);
    expect(screen.getByTestId('pending-count').textContent).toBe('Downloading your work for the first time');
    expect(screen.queryByText('All changes synced')).toBeNull();
  });
});
