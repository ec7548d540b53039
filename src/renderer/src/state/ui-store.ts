import { create } from 'zustand';

export type Route =
  | { name: 'worklist' }
  | { name: 'callback'; callbackId: string }
  | { name: 'customer'; customerId: string }
  | { name: 'inquiry' }
  | { name: 'expedite' }
  | { name: 'appointment' }
  | { name: 'supervisor' }
  | { name: 'reports' }
  | { name: 'admin-users' }
  | { name: 'admin-scripts' }
  | { name: 'admin-policy' }
  | { name: 'admin-audit' };

/** Where a role starts, and where Escape goes back to: administrators have no worklist. */
export function homeRoute(role: string | undefined): Route {
  return role === 'admin' ? { name: 'admin-users' } : { name: 'worklist' };
}

interface UiState {
  /** The agent's screen language (scripts follow the caller's language instead). */
  language: 'en' | 'es';
  route: Route;
  helpOpen: boolean;
  /** The customer search dialog (Ctrl+K from anywhere). */
  searchOpen: boolean;
  /** The latest status sentence for screen readers (a polite live region reads it). */
  announcement: { text: string; at: number } | null;
  setLanguage(language: 'en' | 'es'): void;
  navigate(route: Route): void;
  setHelpOpen(open: boolean): void;
  setSearchOpen(open: boolean): void;
  announce(text: string): void;
}

export const useUiStore = create<UiState>()((set) => ({
  language: 'en',
  route: { name: 'worklist' },
  helpOpen: false,
  searchOpen: false,
  announcement: null,
  setLanguage: (language) => set({ language }),
  navigate: (route) => set({ route, helpOpen: false, searchOpen: false }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setSearchOpen: (searchOpen) => set({ searchOpen }),
  announce: (text) => set({ announcement: { text, at: Date.now() } }),
}));
