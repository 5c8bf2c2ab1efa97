// Login API calls.
import { api } from '../../../lib/api.ts';
import type { InstitutionOption, LoginRequest, LoginResult } from '../../../../server/api/contract.ts';

export const fetchInstitutions = () => api<InstitutionOption[]>('GET', '/institutions');
export const login = (req: LoginRequest, lang: string) => api<LoginResult>('POST', '/login', req, lang);
