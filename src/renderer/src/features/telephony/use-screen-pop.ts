import { useEffect } from 'react';
import { formatUsPhone } from '../../../../shared/domain/phones';
import { invoke } from '../../api/agent-desk';
import { useTelephonyStore, type OfferedCall } from '../../state/telephony-store';
import type { CallerDraft } from '../inquiry/caller';

/** What a screen pop hands the inquiry form. */
export interface PoppedCall {
  caller: CallerDraft;
  intent: string;
  /** The IVR's intent and menu path: the script that answers one of them is chosen. */
  topics: string[];
}

/** The caller as a screen pop fills the inquiry form: the customer found, else the number and the IVR's data. */
export async function callerFromCall(call: OfferedCall): Promise<PoppedCall> {
  const intent = call.ivr.intent ?? call.ivr.menuPath.join(' / ');
  const topics = [call.ivr.intent, ...call.ivr.menuPath].filter((x): x is string => !!x);
  const caller: CallerDraft = {
    name: '',
    phone: formatUsPhone(call.from),
    email: '',
    language: call.ivr.language,
    receipt: call.ivr.receiptNumber ?? '',
    aNumber: call.ivr.aNumber ?? '',
  };
  if (!call.customerId) return { caller, intent, topics };
  const found = await invoke('customer.get', { customerId: call.customerId });
  // Not in this desktop's cache (another team's customer): the prefilled new-customer form.
  if (!found.ok || !found.value) return { caller, intent, topics };
  return {
    caller: {
      ...caller,
      name: found.value.name,
      email: found.value.email ?? '',
      aNumber: found.value.aNumber ?? caller.aNumber,
      customerId: found.value.id,
    },
    intent,
    topics,
  };
}

/** Takes up a call offered to this agent (once) and hands the prefilled caller to the inquiry form. */
export function useScreenPop(apply: (popped: PoppedCall) => void): void {
  const pop = useTelephonyStore((s) => s.pop);
  useEffect(() => {
    if (!pop) return;
    const call = useTelephonyStore.getState().takePop();
    if (call) void callerFromCall(call).then(apply);
  }, [pop, apply]);
}
