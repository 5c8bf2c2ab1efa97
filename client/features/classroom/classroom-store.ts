// The classroom session this browser tab joined (by the classroom link or by typing its code), kept for the tab
// (sessionStorage), so the login counts in that session. A random join id per tab: a reload does not count twice.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import i18next from 'i18next';
import type { ClassroomJoinResult } from '../../../server/api/classroom.ts';
import { studentApi } from '../../../server/api/endpoints.ts';
import { api } from '../../lib/api.ts';

const randomId = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16)))).replace(/[+/=]/g, (c) => (c === '+' ? '-' : c === '/' ? '_' : ''));

interface ClassroomStore {
  joinId: string;
  joined: ClassroomJoinResult | null;
  joinedClass: (r: ClassroomJoinResult) => void;
  leftClass: () => void;
}

export const useClassroomStore = create<ClassroomStore>()(
  persist(
    (set) => ({
      joinId: randomId(),
      joined: null,
      joinedClass: (joined) => set({ joined }),
      leftClass: () => set({ joined: null }),
    }),
    { name: 'jm.classroom', version: 1, storage: createJSONStorage(() => sessionStorage) },
  ),
);

/** Joins the session with this code (as typed); the server answers with its school. */
export async function joinClassroom(code: string): Promise<ClassroomJoinResult> {
  const r = await api<ClassroomJoinResult>(studentApi.joinClassroom, { code, joinId: useClassroomStore.getState().joinId }, i18next.language);
  useClassroomStore.getState().joinedClass(r);
  return r;
}

/** What a login request carries of the joined session: its code, or nothing. */
export const classroomOfLogin = (): { classroom?: string } => {
  const joined = useClassroomStore.getState().joined;
  return joined ? { classroom: joined.code } : {};
};
