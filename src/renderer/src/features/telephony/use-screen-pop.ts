import { useEffect } from 'react';
import { formatUsPhone } from '../../../../shared/domain/phones';
import { invoke } from '../../api/agent-desk';
import { useTelephonyStore, type OfferedCall } from '../../state/telephony-store';
import type { CallerDraft } from '../inquiry/caller';

/** The caller as a screen pop fills the inquiry form: the customer found, else the number and the IVR's data. */
export async function callerFromCall(call: OfferedCall): Promise<{ caller: CallerDraft; intent: string }> {
  const intent = call.ivr.intent ?? call.ivr.menuPath.join(' / ');
  const caller: CallerDraft = {
    name: '',
    phone: formatUsPhone(call.from),
    email: '',
    language: call.ivr.language,
    receipt: call.ivr.receiptNumber ?? '',
    aNumber: call.ivr.aNumber ?? '',
  };
  if (!call.customerId) return { caller, intent };
  const found = await invoke('customer.get', { customerId: call.customerId });
  // Not in this desktop's cache (another team's customer): the prefilled new-customer form.
  if (!found.ok || !found.value) return { caller, intent };
  return {
    caller: {
      ...caller,
      name: found.value.name,
      email: found.value.email ?? '',
      aNumber: found.value.aNumber ?? caller.aNumber,
      customerId: found.value.id,
    },
    intent,
  };
}

/** Takes up a call offered to this agent (once) and hands the prefilled caller to the inquiry form. */
export function useScreenPop(apply: (caller: CallerDraft, intent: string) => void): void {
  const pop = useTelephonyStore((s) => s.pop);
  useEffect(() => {
    if (!pop) return;
    const call = useTelephonyStore.getState().takePop();
    if (call) void callerFromCall(call).then(({ caller, intent }) => apply(caller, intent));
  }, [pop, apply]);
}
