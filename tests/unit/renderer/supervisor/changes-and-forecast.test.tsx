// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ForecastView } from '../../../../src/shared/ipc';
import { setAgentDeskApi } from '../../../../src/renderer/src/api/agent-desk';
import {
  describeChanges,
  MAX_SPOKEN_CHANGES,
  significantChanges,
} from '../../../../src/renderer/src/features/supervisor/changes';
import { Forecast } from '../../../../src/renderer/src/features/supervisor/Forecast';
import { forecastRequest } from '../../../../src/renderer/src/features/supervisor/forecast-form';
import { CATALOG } from '../../../../src/renderer/src/i18n';
import { useSessionStore } from '../../../../src/renderer/src/state/session-store';
import { useUiStore } from '../../../../src/renderer/src/state/ui-store';
import { HOUR_MS } from '../../../../src/shared/domain/policy';
import { presenceRow } from '../../../fixtures/rows';
import { FakeHost, ok } from '../fake-host';
import { NOW } from '../fixtures';
import { LEAD_SESSION, snapshot } from './supervisor-fixtures';

const en = CATALOG.en.supervisor;

describe('significant changes between snapshots', () => {
  it('says nothing for the first snapshot or an unchanged one', () => {
    expect(significantChanges(null, snapshot(1))).toEqual([]);
    expect(significantChanges(snapshot(1), snapshot(2))).toEqual([]);
  });

  it('reports overdue going up or down and presence changes, by name', () => {
    const alice = presenceRow({ id: 'u-tier1-alice', status: 'break', updatedAt: NOW });
    const presence = new Map([[alice.id, alice]]);
    const changes = significantChanges(snapshot(1, { overdue: 1 }), snapshot(2, { overdue: 3, presence }));
    expect(changes).toEqual([
      { kind: 'overdue-up', count: 3 },
      { kind: 'presence', name: 'Alice Tier1', presence: 'break' },
    ]);
    expect(describeChanges(changes, en)).toBe('Overdue rose to 3 callbacks. Alice Tier1 is now On break.');
    expect(significantChanges(snapshot(1, { overdue: 3 }), snapshot(2, { overdue: 0 }))).toEqual([
      { kind: 'overdue-down', count: 0 },
    ]);
  });

  it('reads out at most a few changes and sums up the rest, in either language', () => {
    const many = Array.from({ length: MAX_SPOKEN_CHANGES + 2 }, (_, i) => ({
      kind: 'presence' as const,
      name: `Agent ${i}`,
      presence: 'offline' as const,
    }));
    expect(describeChanges(many, en).endsWith('2 more changes.')).toBe(true);
    expect(describeChanges(many, CATALOG.es.supervisor)).toContain('Agent 0 ahora: Desconectado.');
  });
});

describe('breach forecast form', () => {
  const m = en.forecast;

  it('turns the fields into a request, leaving agents out when empty', () => {
    expect(forecastRequest({ handleMinutes: '12', agents: '', unreachedPercent: '25' }, m)).toEqual({
      ok: true,
      value: { averageHandleMinutes: 12, unreachedShare: 0.25 },
    });
    expect(forecastRequest({ handleMinutes: '7.5', agents: '3', unreachedPercent: '' }, m)).toEqual({
      ok: true,
      value: { averageHandleMinutes: 7.5, agentsOnShift: 3, unreachedShare: 0 },
    });
  });

  it('names every wrong field with a sentence', () => {
    expect(forecastRequest({ handleMinutes: '0', agents: '2.5', unreachedPercent: '120' }, m)).toEqual({
      ok: false,
      errors: { handleMinutes: m.invalidHandle, agents: m.invalidAgents, unreachedPercent: m.invalidShare },
    });
  });
});

describe('breach forecast screen', () => {
  let host: FakeHost;
  const FORECAST: ForecastView = {
    at: NOW,
    horizonEnd: NOW + 72 * HOUR_MS,
    settings: { agentsOnShift: 2, averageHandleMinutes: 20, unreachedShare: 0, arrivals: null },
    openCallbacks: 10,
    projectedArrivals: 0,
    breaches: [
      {
        callbackId: 'cb-1',
        customerName: 'Ana López',
        urgency: 'urgent',
        dueAt: NOW + 2 * HOUR_MS,
        projectedCloseAt: NOW + 3 * HOUR_MS,
        cause: 'capacity',
        projected: false,
      },
    ],
    counts: { 'already-overdue': 0, capacity: 1, hours: 0, total: 1 },
    prevention: { extraAgents: 1, agentHours: 2, until: NOW + 2 * HOUR_MS },
    clearsAt: NOW + 5 * HOUR_MS,
  };

  beforeEach(() => {
    useUiStore.setState({ language: 'en', announcement: null });
    useSessionStore.setState({ session: LEAD_SESSION });
    host = new FakeHost().handle('supervisor.forecast', () => ok(FORECAST));
    setAgentDeskApi(host);
  });
  afterEach(() => {
    cleanup();
    setAgentDeskApi(undefined);
  });

  it('refuses a bad handle time with the reason tied to the field', async () => {
    const user = userEvent.setup();
    render(<Forecast agentsOnline={3} />);
    const handle = screen.getByLabelText('Average handle time per attempt (minutes)');
    await user.clear(handle);
    await user.click(screen.getByRole('button', { name: 'Run forecast' }));
    expect(handle.getAttribute('aria-invalid')).toBe('true');
    expect(handle.getAttribute('aria-describedby')).toContain('sv-forecast-handleMinutes-error');
    expect(screen.getByText(en.forecast.invalidHandle)).toBeTruthy();
    expect(host.callsTo('supervisor.forecast')).toEqual([]);
  });

  it('explains the answer in sentences, lists the breaches and shows the method', async () => {
    const user = userEvent.setup();
    render(<Forecast agentsOnline={3} />);
    expect(screen.getByText('Leave empty to use the agents signed in now (3).')).toBeTruthy();
    await user.clear(screen.getByLabelText('Average handle time per attempt (minutes)'));
    await user.type(screen.getByLabelText('Average handle time per attempt (minutes)'), '20');
    await user.type(screen.getByLabelText('Agents on shift'), '2');
    await user.click(screen.getByRole('button', { name: 'Run forecast' }));
    const result = await screen.findByTestId('forecast-result');
    expect(host.callsTo('supervisor.forecast')).toEqual([
      { averageHandleMinutes: 20, agentsOnShift: 2, unreachedShare: 0 },
    ]);
    const headline =
      'With 2 agents on shift and 20 minutes per attempt, 1 of 10 open callbacks would miss their due time.';
    expect(within(result).getByText(headline)).toBeTruthy();
    expect(useUiStore.getState().announcement?.text).toBe(headline);
    expect(within(result).getByTestId('forecast-prevention').textContent).toMatch(
      /^1 more agent on callbacks until .+ — about 2 agent-hours — would prevent the capacity breaches\.$/,
    );
    const row = within(result).getByRole('row', { name: /Ana López/ });
    expect(within(row).getByText('Not enough agents')).toBeTruthy();
    expect(screen.getByText('How this is worked out, and its limits')).toBeTruthy();
  });
});
