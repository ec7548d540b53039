import { create } from 'zustand';
import type { DeskCallEvent } from '../../../shared/telephony/desk-events';

export type OfferedCall = Extract<DeskCallEvent, { kind: 'offered' }>;

interface TelephonyState {
  /** A call offered to this agent that the inquiry screen has not taken up yet (screen pop). */
  pop: OfferedCall | null;
  /** The latest event of each call, by call id (the attempt screen follows its own call). */
  calls: Readonly<Record<string, DeskCallEvent>>;
  received(event: DeskCallEvent): void;
  takePop(): OfferedCall | null;
}

export const useTelephonyStore = create<TelephonyState>()((set, get) => ({
  pop: null,
  calls: {},
  received: (event) =>
    set((s) => ({
      calls: { ...s.calls, [event.callId]: event },
      ...(event.kind === 'offered' ? { pop: event } : {}),
    })),
  takePop: () => {
    const pop = get().pop;
    if (pop) set({ pop: null });
    return pop;
  },
}));
