// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/src/App';
import { setAgentDeskApi } from '../../../src/renderer/src/api/agent-desk';
import { useSessionStore } from '../../../src/renderer/src/state/session-store';
import { useUiStore } from '../../../src/renderer/src/state/ui-store';
import { usePresenceStore } from '../../../src/renderer/src/features/shell/presence';
import type { ChannelResult } from '../../../src/shared/ipc';
import { FakeHost, ok } from './fake-host';
import { NOW, ONLINE, SIGNED_IN } from './fixtures';

/** Issue 13 item 4: a form in progress is not lost by Escape, a navigation key or a tab. */
let host: FakeHost;
const CASE_STATUS = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../resources/scripts/case-status.v1.json'), 'utf8'),
) as ChannelResult<'scripts.get'>['content'];

beforeAll(async () => {
  await import('../../../src/renderer/src/features/appointment/AppointmentScreen');
  await import('../../../src/renderer/src/features/inquiry/InquiryScreen');
}, 30_000);

beforeEach(() => {
  useUiStore.setState({
    language: 'en',
    route: { name: 'appointment' },
    helpOpen: false,
    announcement: null,
    unsaved: false,
    leaving: null,
  });
  useSessionStore.setState({ session: null, connection: null, progress: null, rejections: [] });
  host = new FakeHost()
    .handle('session.get', () => ok(SIGNED_IN))
    .handle('sync.state', () => ok(ONLINE))
    .handle('sync.rejections', () => ok([]))
    .handle('session.activity', () => ok(null))
    .handle('worklist.query', () => ok({ total: 0, offset: 0, rows: [], now: NOW }))
    .handle('presence.set', () => ok(null))
    .handle('scripts.list', () =>
      ok([
        {
          scriptId: 'case-status',
          latestVersion: 1,
          publishedAt: NOW,
          title: { en: 'Case status', es: 'Estado del caso' },
          intents: [],
        },
      ]),
    )
    .handle('scripts.get', () =>
      ok({ scriptId: 'case-status', scriptVersion: 1, content: CASE_STATUS, publishedAt: NOW }),
    );
  usePresenceStore.setState({ status: 'available' });
  setAgentDeskApi(host);
});
afterEach(() => {
  cleanup();
  setAgentDeskApi(undefined);
});

/** Focus off the text fields, as after choosing an option: the shell's keys act then. */
function leaveTheField(): void {
  act(() => (document.activeElement as HTMLElement | null)?.blur());
}

describe('leaving a form with unsaved input', () => {
  it('asks before Escape, w or the Worklist tab discard an appointment request in progress', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('heading', { name: 'Appointment request', level: 1 });

    // Nothing typed yet: Escape just goes home, no question.
    await user.keyboard('{Escape}');
    await screen.findByRole('heading', { name: 'Worklist' });
    await user.keyboard('a');
    await screen.findByRole('heading', { name: 'Appointment request', level: 1 });

    await user.type(screen.getByLabelText('Name'), 'Rosa Díaz');
    await user.click(screen.getByLabelText('Urgent'));
    leaveTheField();
    await user.keyboard('{Escape}');
    const question = await screen.findByRole('alertdialog', { name: 'Leave this form?' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Stay on the form' }));
    // Escape answers "stay": the question closes, the input is all there.
    await user.keyboard('{Escape}');
    expect(question.isConnected).toBe(false);
    expect(screen.getByLabelText('Name')).toHaveProperty('value', 'Rosa Díaz');
    expect(screen.getByLabelText('Urgent')).toHaveProperty('checked', true);

    leaveTheField();
    await user.keyboard('w');
    await screen.findByRole('alertdialog', { name: 'Leave this form?' });
    await user.click(screen.getByRole('button', { name: 'Stay on the form' }));
    expect(screen.getByLabelText('Name')).toHaveProperty('value', 'Rosa Díaz');

    await user.click(screen.getByRole('button', { name: /^Worklist/ }));
    await user.click(await screen.findByRole('button', { name: 'Discard and leave' }));
    await screen.findByRole('heading', { name: 'Worklist' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    // Discarded: the form opens empty, and leaving it asks nothing.
    await user.keyboard('a');
    expect((await screen.findByLabelText('Name')) as HTMLInputElement).toHaveProperty('value', '');
    await user.keyboard('{Escape}');
    await screen.findByRole('heading', { name: 'Worklist' });
  });

  it('in Spanish too', async () => {
    const user = userEvent.setup();
    useUiStore.setState({ language: 'es', route: { name: 'expedite' } });
    render(<App />);
    await user.type(await screen.findByLabelText('Nombre'), 'Rosa');
    leaveTheField();
    await user.keyboard('{Escape}');
    await screen.findByRole('alertdialog', { name: '¿Salir de este formulario?' });
    expect(screen.getByRole('button', { name: 'Descartar y salir' })).toBeTruthy();
  });

  it('an inquiry closed unsaved ends the call: presence goes back to Available', async () => {
    const user = userEvent.setup();
    useUiStore.setState({ route: { name: 'inquiry' } });
    render(<App />);
    await screen.findByRole('heading', { name: 'New inquiry' });
    await user.type(screen.getByLabelText('Name'), 'Rosa Díaz');
    await user.type(screen.getByLabelText('Phone'), '(312) 555-0142');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await screen.findByTestId('script-version');
    expect(usePresenceStore.getState().status).toBe('on-call');
    leaveTheField();
    await user.keyboard('{Escape}');
    // The call goes on while the agent decides.
    await screen.findByRole('alertdialog', { name: 'Leave this form?' });
    expect(usePresenceStore.getState().status).toBe('on-call');
    await user.click(screen.getByRole('button', { name: 'Discard and leave' }));
    await screen.findByRole('heading', { name: 'Worklist' });
    expect(usePresenceStore.getState().status).toBe('available');
    expect(host.callsTo('presence.set').at(-1)).toEqual({ status: 'available', currentItem: null });
  });
});
