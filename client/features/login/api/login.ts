// Login API calls.
import { api } from '../../../lib/api.ts';
import { studentApi } from '../../../../server/api/endpoints.ts';
import type { InstitutionOption, LoginRequest, LoginResult } from '../../../../server/api/student.ts';
import { classroomOfLogin } from '../../classroom/classroom-store.ts';

export const fetchInstitutions = () => api<InstitutionOption[]>(studentApi.institutions);
export const login = (req: LoginRequest, lang: string) => api<LoginResult>(studentApi.login, { ...req, ...classroomOfLogin() }, lang);
