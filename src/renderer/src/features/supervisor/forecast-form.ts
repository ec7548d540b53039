import type { ChannelArgs } from '../../../../shared/ipc';
import type { SupervisorMessages } from './i18n/supervisor-en';

export interface ForecastFields {
  handleMinutes: string;
  /** Empty: the server counts the agents signed in now. */
  agents: string;
  unreachedPercent: string;
}

export type ForecastFieldErrors = Partial<Record<keyof ForecastFields, string>>;

/** The form's text fields → the forecast request, or the sentence per field that is wrong. */
export function forecastRequest(
  fields: ForecastFields,
  m: SupervisorMessages['forecast'],
): { ok: true; value: ChannelArgs<'supervisor.forecast'> } | { ok: false; errors: ForecastFieldErrors } {
  const errors: ForecastFieldErrors = {};
  const handle = Number(fields.handleMinutes);
  if (fields.handleMinutes.trim() === '' || !Number.isFinite(handle) || handle <= 0 || handle > 24 * 60) {
    errors.handleMinutes = m.invalidHandle;
  }
  const agentsText = fields.agents.trim();
  const agents = Number(agentsText);
  if (agentsText !== '' && (!Number.isInteger(agents) || agents < 0 || agents > 10_000)) {
    errors.agents = m.invalidAgents;
  }
  const share = Number(fields.unreachedPercent.trim() === '' ? '0' : fields.unreachedPercent);
  if (!Number.isFinite(share) || share < 0 || share > 100) errors.unreachedPercent = m.invalidShare;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      averageHandleMinutes: handle,
      ...(agentsText === '' ? {} : { agentsOnShift: agents }),
      unreachedShare: share / 100,
    },
  };
}
