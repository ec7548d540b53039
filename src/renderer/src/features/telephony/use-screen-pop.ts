import { useEffect } from 'react';
import { formatUsPhone } from '../../../../shared/domain/phones';
import { invoke } from '../../api/agent-desk';
import { useTelephonyStore, type OfferedCall } from '../../state/telephony-store';
import { useUiStore } from '../../state/ui-store';
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

/**
 * Takes up a call offered to this agent (once) and hands the prefilled caller to the
 * inquiry form. A caller the server matched to no customer (or to several sharing the
 * number) opens the customer search with the number, to choose the caller from.
 */
export function useScreenPop(apply: (popped: PoppedCall) => void): void {
  const pop = useTelephonyStore((s) => s.pop);
  useEffect(() => {
    if (!pop) return;
    const call = useTelephonyStore.getState().takePop();
    if (!call) return;
    void callerFromCall(call).then((popped) => {
      apply(popped);
      if (popped.caller.customerId === undefined) useUiStore.getState().searchForCaller(popped.caller.phone);
    });
  }, [pop, apply]);
}

/** The customer the agent chose for the caller in the search, as the inquiry's caller (once). */
export function useChosenCaller(apply: (update: (caller: CallerDraft) => CallerDraft) => void): void {
  const chosen = useUiStore((s) => s.chosenCaller);
  useEffect(() => {
    if (!chosen) return;
    useUiStore.getState().chooseCaller(null);
    void invoke('customer.get', { customerId: chosen }).then((found) => {
      if (!found.ok || !found.value) return;
      const customer = found.value;
      apply((caller) => ({
        ...caller,
        name: customer.name,
        email: customer.email ?? caller.email,
        aNumber: customer.aNumber ?? caller.aNumber,
        language: customer.preferredLanguage,
        customerId: customer.id,
      }));
    });
  }, [chosen, apply]);
}
