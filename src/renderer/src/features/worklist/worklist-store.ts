import { create } from 'zustand';
import { DEFAULT_FILTERS, type WorklistFilters } from './worklist-query';

/** Filters and the selected row survive a trip to a callback and back. */
interface WorklistState {
  filters: WorklistFilters;
  activeIndex: number;
  setFilters(filters: WorklistFilters): void;
  setActiveIndex(index: number): void;
}

export const useWorklistStore = create<WorklistState>()((set) => ({
  filters: DEFAULT_FILTERS,
  activeIndex: 0,
  setFilters: (filters) => set({ filters }),
  setActiveIndex: (activeIndex) => set({ activeIndex }),
}));
