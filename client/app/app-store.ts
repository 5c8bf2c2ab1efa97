// Which screen the student is on: login, the survey, or the completed screen.
import { create } from 'zustand';

export type View =
  | { name: 'loading' }
  | { name: 'login'; notice?: 'sessionEnded' }
  | { name: 'survey' }
  | { name: 'completed'; completedAt: string; justNow: boolean };

interface AppStore {
  view: View;
  loggedIn: () => void;
  loggedOut: (notice?: 'sessionEnded') => void;
  completed: (completedAt: string, justNow: boolean) => void;
}

export const useAppStore = create<AppStore>()((set) => ({
  view: { name: 'loading' },
  loggedIn: () => set({ view: { name: 'survey' } }),
  loggedOut: (notice) => set({ view: { name: 'login', notice } }),
  completed: (completedAt, justNow) => set({ view: { name: 'completed', completedAt, justNow } }),
}));

export const useView = () => useAppStore((s) => s.view);
