import { attemptPlan } from '../../shared/domain/attempts';
import { customerLocalTime } from '../../shared/domain/phones/customer-time';
import type { Policy } from '../../shared/domain/policy';
import { err, ok, type Result } from '../../shared/domain/result';
import type { ChannelResult, ParsedChannelArgs } from '../../shared/ipc/channels';
import type { DialPreview } from '../../shared/ipc/telephony-views';
import type { SessionUser } from '../../shared/sync/protocol';
import { checkDial } from '../../shared/telephony/dial-check';
import {
  deskCallEventSchema,
  type DeskCallEvent,
  type PlaceCallArgs,
} from '../../shared/telephony/desk-events';
import { buildDialUri, isAllowedDialUri } from '../config/dial-uri';
import type { TelephonyPort } from '../config/settings-schema';
import type { LocalStore } from '../store/local-store';
import type { CoreLogger } from './logger';

/** The telephony port IT chose (managed settings; docs/telephony.md). */
export interface TelephonySettings {
  port: TelephonyPort;
  uriTemplate: string | null;
}

export interface DesktopTelephonyDeps {
  settings: TelephonySettings;
  store: LocalStore;
  user: () => SessionUser | undefined;
  serverNow: () => number;
  policy: () => Policy;
  /** The host's system opener (Electron's shell.openExternal); false when this host cannot. */
  openExternal?: (url: string) => Promise<boolean> | boolean;
  placeCall: (args: PlaceCallArgs) => Promise<Result<{ callId: string }>>;
  emit: (event: DeskCallEvent) => void;
  logger: CoreLogger;
}

type R<C extends 'telephony.dialCheck' | 'telephony.dial'> = Result<ChannelResult<C>>;

/**
 * Click-to-dial on the desktop, whichever port IT chose: the check the attempt screen
 * shows before the dial (checkDial, the rules recording the attempt applies), the dial
 * itself (manual: the agent dials the desk phone; uri: the softphone opens the
 * template's URI, and only that; cti: the server asks the platform), and the call
 * events the server sends for this agent.
 */
export class DesktopTelephony {
  constructor(private readonly deps: DesktopTelephonyDeps) {}

  dialCheck(args: ParsedChannelArgs<'telephony.dialCheck'>): R<'telephony.dialCheck'> {
    const { deps } = this;
    const user = deps.user();
    const callback = deps.store.rows.get('callbacks', args.callbackId);
    if (!user || !callback) return err('callback.not_found', 'This callback is not in your cache.');
    const customer = deps.store.rows.get('customers', callback.customerId);
    const now = deps.serverNow();
    const policy = deps.policy();
    const checked = checkDial(callback, customer, args.numberDialed, user.id, now, policy, args.exception);
    const [e164 = args.numberDialed] = args.numberDialed.split(';ext=');
    const phone = customer?.phones.find((p) => p.e164 === e164);
    const local = customerLocalTime(
      { e164, ...(phone?.timeZone ? { timeZone: phone.timeZone } : {}) },
      now,
      customer?.timeZone ?? undefined,
    );
    const plan = attemptPlan(callback, now, policy);
    const preview: DialPreview = {
      port: deps.settings.port,
      numberDialed: args.numberDialed,
      allowed: checked.ok,
      refusal: checked.ok ? null : checked.error,
      warning: checked.ok ? (checked.value.warning ?? null) : null,
      customerLocal: local
        ? {
            hour: local.local.hour,
            minute: local.local.minute,
            timeZone: local.timeZone,
            approximate: local.approximate,
          }
        : null,
      rules: {
        callbackHours: { ...policy.callbackHours.daily, timeZone: policy.callbackHours.timeZone },
        customerLocalHours: policy.customerLocalHours,
        attemptWindow: plan.kind === 'next' ? plan.window : null,
      },
    };
    return ok(preview);
  }

  async dial(args: ParsedChannelArgs<'telephony.dial'>): Promise<R<'telephony.dial'>> {
    const preview = this.dialCheck(args);
    if (!preview.ok) return preview;
    if (preview.value.refusal) return { ok: false, error: preview.value.refusal };
    const { port, uriTemplate } = this.deps.settings;
    if (port === 'manual') return ok({ port, opened: false, callId: null });
    if (port === 'uri') {
      const uri = uriTemplate ? buildDialUri(uriTemplate, args.numberDialed) : '';
      // The allowlist for dial URIs: exactly what the configured template makes of a number.
      if (!isAllowedDialUri(uri, uriTemplate)) {
        return err('telephony.uri_not_allowed', 'Agent Desk may not open this dial link; dial by hand.');
      }
      const opened = (await this.deps.openExternal?.(uri)) ?? false;
      return ok({ port, opened, callId: null });
    }
    const placed = await this.deps.placeCall(args);
    if (!placed.ok) return placed;
    return ok({ port, opened: true, callId: placed.value.callId });
  }

  /** A call event from the server: checked, then handed to the renderer. */
  received(payload: unknown): void {
    const parsed = deskCallEventSchema.safeParse(payload);
    if (!parsed.success) {
      this.deps.logger.warn('ignored a malformed call event from the server', {});
      return;
    }
    this.deps.emit(parsed.data);
  }
}
