// Who is signed in to the staff app: unknown while /me is asked, then a staff user or nobody.
import { create } from 'zustand';
import type { StaffUser } from '../../server/api/staff.ts';
import { ApiError } from '../lib/api.ts';
import { fetchMe } from './api/staff.ts';

interface AuthStore {
  user: StaffUser | null | 'unknown';
  /** Why the login page shows: the session ended (expired or signed out elsewhere). */
  notice: 'sessionEnded' | null;
  signedIn: (user: StaffUser) => void;
  signedOut: (notice?: 'sessionEnded') => void;
  /** Asks the server who is signed in (at start-up, and when a request says the session ended). */
  check: () => Promise<void>;
}

export const useAuthStore = create<AuthStore>()((set) => ({
  user: 'unknown',
  notice: null,
  signedIn: (user) => set({ user, notice: null }),
  signedOut: (notice) => set({ user: null, notice: notice ?? null }),
  check: async () => {
    try {
      set({ user: await fetchMe() });
    } catch (err) {
      if (err instanceof ApiError && err.is('no_session')) set((s) => ({ user: null, notice: s.user !== 'unknown' && s.user !== null ? 'sessionEnded' : null }));
      else throw err;
    }
  },
}));

export const useUser = () => useAuthStore((s) => s.user);

/** A staff request answered "no session": back to the login page. Returns whether that was the case. */
export function sessionEnded(err: unknown): boolean {
  if (err instanceof ApiError && err.is('no_session')) {
    useAuthStore.getState().signedOut('sessionEnded');
    return true;
  }
  return false;
}
