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
  /**
   * What the search opens with and what choosing a customer does: a screen pop for a caller no
   * one (or several) matched opens it with the number, and the customer chosen becomes the
   * inquiry's caller (`chosenCaller`) instead of opening their page.
   */
  searchFor: { text: string; caller: boolean } | null;
  /** The customer the agent chose for the caller in the search (the inquiry form takes it once). */
  chosenCaller: string | null;
  /** The latest status sentence for screen readers (a polite live region reads it). */
  announcement: { text: string; at: number } | null;
  /** A form on screen holds input not saved yet: leaving it asks first (issue 13 item 4). */
  unsaved: boolean;
  /** Where the agent asked to go while `unsaved`: the question is open until they stay or leave. */
  leaving: Route | null;
  /** The form on screen keeps a draft (useDraft): leaving may keep it instead of discarding. */
  draftable: boolean;
  /** The agent chose to discard the form on leaving: its draft goes too (useDraft reads it once). */
  discardDraft: boolean;
  setLanguage(language: 'en' | 'es'): void;
  /** Goes to `route`, or, from a form with unsaved input, asks first (`leaving`). */
  navigate(route: Route): void;
  setUnsaved(unsaved: boolean): void;
  /** The agent's answer to the question: stay, leave keeping the draft, or leave discarding the input. */
  answerLeaving(leave: boolean, keepDraft?: boolean): void;
  setHelpOpen(open: boolean): void;
  setSearchOpen(open: boolean): void;
  /** Opens the search with `text` typed; `caller`: the customer chosen becomes the caller. */
  searchForCaller(text: string): void;
  chooseCaller(customerId: string | null): void;
  announce(text: string): void;
}

export const useUiStore = create<UiState>()((set, get) => ({
  language: 'en',
  route: { name: 'worklist' },
  helpOpen: false,
  searchOpen: false,
  searchFor: null,
  chosenCaller: null,
  announcement: null,
  unsaved: false,
  leaving: null,
  draftable: false,
  discardDraft: false,
  // An announcement said in the other language must not stay on the Spanish (or English) screen.
  setLanguage: (language) => set({ language, announcement: null }),
  navigate: (route) => {
    const { unsaved, route: current } = get();
    if (unsaved && !sameRoute(route, current))
      set({ leaving: route, helpOpen: false, searchOpen: false, searchFor: null });
    else set({ route, helpOpen: false, searchOpen: false, searchFor: null });
  },
  setUnsaved: (unsaved) => set({ unsaved }),
  answerLeaving: (leave, keepDraft = false) => {
    const { leaving } = get();
    if (leave && leaving) set({ route: leaving, leaving: null, unsaved: false, discardDraft: !keepDraft });
    else set({ leaving: null });
  },
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setSearchOpen: (searchOpen) => set({ searchOpen, searchFor: null }),
  searchForCaller: (text) => set({ searchOpen: true, searchFor: { text, caller: true }, helpOpen: false }),
  chooseCaller: (chosenCaller) => set({ chosenCaller, searchOpen: false, searchFor: null }),
  announce: (text) => set({ announcement: { text, at: Date.now() } }),
}));

function sameRoute(a: Route, b: Route): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
