import { create } from 'zustand';
import type { SupervisorSnapshotView, SupervisorStatus } from '../../../../shared/ipc';
import type { FigureId } from '../../../../shared/supervisor';

export interface DrillTarget {
  figure: FigureId;
  urgency: 'urgent' | 'non-urgent' | null;
}

interface SupervisorState {
  snapshot: SupervisorSnapshotView | null;
  status: SupervisorStatus;
  /** Why subscribing failed, when it did. */
  error: string | null;
  /** The figure whose callbacks are listed (null: no list open). */
  drill: DrillTarget | null;
  setSnapshot(snapshot: SupervisorSnapshotView): void;
  setStatus(status: SupervisorStatus): void;
  setError(error: string | null): void;
  openDrill(target: DrillTarget | null): void;
  reset(): void;
}

const OFF: SupervisorStatus = { state: 'off', error: null, retryAt: null };

export const useSupervisorStore = create<SupervisorState>()((set) => ({
  snapshot: null,
  status: OFF,
  error: null,
  drill: null,
  // The core already drops older snapshots; a late subscribe answer must not win over a newer event either.
  setSnapshot: (snapshot) =>
    set((s) =>
      s.snapshot && s.snapshot.team === snapshot.team && s.snapshot.seq > snapshot.seq
        ? s
        : { snapshot, error: null },
    ),
  setStatus: (status) => set({ status }),
  setError: (error) => set({ error }),
  openDrill: (drill) => set({ drill }),
  reset: () => set({ snapshot: null, status: OFF, error: null, drill: null }),
}));
