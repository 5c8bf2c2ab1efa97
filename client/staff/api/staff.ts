// The staff API calls, typed by the server's contract.
import i18next from 'i18next';
import { api } from '../../lib/api.ts';
import { staffApi, withParams } from '../../../server/api/endpoints.ts';
import type {
  ClassroomSession,
  CreateClassroomSessionRequest,
  InstitutionSettings,
  StaffInstitution,
  StaffLoginRequest,
  StaffUser,
  StaffUserListItem,
} from '../../../server/api/staff.ts';

const lang = () => i18next.language;

export const fetchMe = () => api<StaffUser>(staffApi.me, undefined, lang());
export const staffLogin = (req: StaffLoginRequest) => api<StaffUser>(staffApi.login, req, lang());
export const staffLogout = () => api<void>(staffApi.logout, undefined, lang());
export const fetchInstitutions = () => api<StaffInstitution[]>(staffApi.institutions, undefined, lang());
export const fetchSessions = () => api<ClassroomSession[]>(staffApi.sessions, undefined, lang());
export const createSession = (req: CreateClassroomSessionRequest) => api<ClassroomSession>(staffApi.createSession, req, lang());
export const fetchSession = (id: number) => api<ClassroomSession>(withParams(staffApi.session, { id }), undefined, lang());
export const fetchUsers = () => api<StaffUserListItem[]>(staffApi.users, undefined, lang());
export const fetchSettings = (brin: string) => api<InstitutionSettings>(withParams(staffApi.settings, { brin }), undefined, lang());
export const saveSettings = (brin: string, bedrijfsgroepInRespons: boolean) =>
  api<InstitutionSettings>(withParams(staffApi.updateSettings, { brin }), { bedrijfsgroepInRespons }, lang());
/** The live view's stream address (EventSource). */
export const livePath = (id: number) => withParams(staffApi.live, { id }).path;
