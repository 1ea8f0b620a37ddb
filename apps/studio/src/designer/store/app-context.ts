import type { FormDefinition } from '@kiln/engine-forms';
import { create } from 'zustand';

interface AppContextState {
  app: string;
  /** The route's form key (the draft's stored key, before any rename in settings). */
  formKey: string;
  /** Drafts of the other forms of the app, by key (relation targets, display fields). */
  others: Record<string, FormDefinition>;
}

/** The app around the form being designed. */
export const useAppContext = create<AppContextState>(() => ({ app: '', formKey: '', others: {} }));
