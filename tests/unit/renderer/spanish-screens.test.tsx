// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/src/App';
import { setAgentDeskApi } from '../../../src/renderer/src/api/agent-desk';
import { useSessionStore } from '../../../src/renderer/src/state/session-store';
import { useUiStore, type Route } from '../../../src/renderer/src/state/ui-store';
import { inquiryRow } from '../../fixtures/rows';
import { ENGLISH_PHRASES, englishIn, whatTheAgentSees } from '../../support/i18n/english-on-a-spanish-screen';
import { FakeHost, ok } from './fake-host';
import { callbackDetail, NOW, ONLINE, SIGNED_IN, worklistRow } from './fixtures';

/**
 * Issue 13 item 5: the agent's screens rendered in Spanish show no English — no sentence
 * of the English catalog, no English day, month or AM/PM, no raw zone id — in their
 * text and in what a screen reader reads (aria-label, title, placeholder).
 */
let host: FakeHost;

function expectNoEnglish(screenName: string): void {
  expect(englishIn(whatTheAgentSees()), screenName).toEqual([]);
}

beforeAll(async () => {
  await import('../../../src/renderer/src/features/callback/CallbackDetailScreen');
  await import('../../../src/renderer/src/features/appointment/AppointmentScreen');
  await import('../../../src/renderer/src/features/expedite/ExpediteScreen');
  await import('../../../src/renderer/src/features/inquiry/InquiryScreen');
}, 30_000);

beforeEach(() => {
  useUiStore.setState({ language: 'es', helpOpen: false, announcement: null, unsaved: false, leaving: null });
  useSessionStore.setState({ session: null, connection: null, progress: null, rejections: [] });
  host = new FakeHost()
    .handle('session.get', () => ok(SIGNED_IN))
    .handle('sync.state', () => ok({ ...ONLINE, lastSyncedAt: NOW - 60_000 }))
    .handle('sync.rejections', () => ok([]))
    .handle('session.activity', () => ok(null))
    .handle('presence.set', () => ok(null))
    .handle('scripts.list', () => ok([]))
    .handle('worklist.query', () =>
      ok({ total: 3, offset: 0, rows: [worklistRow(0), worklistRow(1), worklistRow(2)], now: NOW }),
    )
    .handle('callback.get', ({ callbackId }) => ok(callbackDetail(callbackId)));
  setAgentDeskApi(host);
});
afterEach(() => {
  cleanup();
  setAgentDeskApi(undefined);
});

const SCREENS: ReadonlyArray<{ route: Route; heading: RegExp }> = [
  { route: { name: 'worklist' }, heading: /^Lista de trabajo$/ },
  { route: { name: 'callback', callbackId: 'cb-7' }, heading: /María García/ },
  { route: { name: 'inquiry' }, heading: /^Nueva consulta$/ },
  { route: { name: 'expedite' }, heading: /^Solicitud de trámite acelerado$/ },
  { route: { name: 'appointment' }, heading: /^Solicitud de cita$/ },
];

describe('screens in Spanish', () => {
  it('the English catalog has sentences to look for', () => {
    expect(ENGLISH_PHRASES.length).toBeGreaterThan(300);
  });

  for (const { route, heading } of SCREENS) {
    it(`${route.name}: no English`, async () => {
      useUiStore.setState({ route });
      render(<App />);
      await screen.findByRole('heading', { name: heading, level: 1 });
      await screen.findByTestId('connection-state');
      expectNoEnglish(route.name);
    });
  }

  it('callback with an attempt under way: no English', async () => {
    const user = userEvent.setup();
    useUiStore.setState({ route: { name: 'callback', callbackId: 'cb-7' } });
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Empezar intento' }));
    await screen.findByTestId('voicemail-script');
    expectNoEnglish('attempt');
  });

  it('stored data shows its Spanish side: script titles in the picker, an inquiry topic', async () => {
    const title = { en: 'Case status', es: 'Estado del caso' };
    host
      .handle('scripts.list', () =>
        ok([{ scriptId: 'case-status', latestVersion: 1, publishedAt: NOW, title, intents: [] }]),
      )
      .handle('callback.get', ({ callbackId }) =>
        ok({
          ...callbackDetail(callbackId),
          inquiry: inquiryRow({ id: 'inq-1', topic: 'Case status', topicEs: 'Estado del caso' }),
        }),
      );
    useUiStore.setState({ route: { name: 'inquiry' } });
    const { unmount } = render(<App />);
    expect(await screen.findByRole('option', { name: 'Estado del caso (v1)' })).toBeTruthy();
    expect(whatTheAgentSees()).not.toContain('Case status');
    unmount();
    useUiStore.setState({ route: { name: 'callback', callbackId: 'cb-7' } });
    render(<App />);
    await screen.findByRole('heading', { name: /María García/, level: 1 });
    expect(await screen.findByText('Estado del caso')).toBeTruthy();
    expect(whatTheAgentSees()).not.toContain('Case status');
  });

  it('script titles in the picker sort as the agent reads them', async () => {
    const summary = (scriptId: string, en: string, es: string) => ({
      scriptId,
      latestVersion: 1,
      publishedAt: NOW,
      title: { en, es },
      intents: [],
    });
    host.handle('scripts.list', () =>
      ok([
        summary('case-status', 'Case status', 'Estado del caso'),
        summary('appointment', 'Appointment question', 'Pregunta sobre la cita'),
        summary('address', 'Change of address', 'Cambio de dirección'),
      ]),
    );
    useUiStore.setState({ route: { name: 'inquiry' } });
    render(<App />);
    await screen.findByRole('option', { name: 'Estado del caso (v1)' });
    const titles = screen.getAllByRole('option').map((o) => o.textContent);
    expect(titles.filter((title) => /\(v1\)$/.test(title ?? ''))).toEqual([
      'Cambio de dirección (v1)',
      'Estado del caso (v1)',
      'Pregunta sobre la cita (v1)',
    ]);
  });
});
