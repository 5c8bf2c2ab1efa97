// The staff API calls, typed by the server's contract.
import i18next from 'i18next';
import { api, ApiError, NetworkError } from '../../lib/api.ts';
import type { ApiErrorBody } from '../../../server/api/errors.ts';
import { FILE_NAME_HEADER, staffApi, withParams } from '../../../server/api/endpoints.ts';
import type {
  ClassroomSession,
  CreateClassroomSessionRequest,
  InstitutionSettings,
  StaffInstitution,
  StaffLoginRequest,
  StaffUser,
  StaffUserListItem,
} from '../../../server/api/staff.ts';
import type {
  Breakdown,
  CalculatorResult,
  CleaningReport,
  ExportFile,
  InstitutionResponseOverview,
  InstitutionResults,
  NationalResponseOverview,
  NationalResults,
} from '../../../server/api/staff-reports.ts';
import type { LabelFileStatus, LabelHistory, LabelUploadCheck, LabelUploadResult } from '../../../server/api/staff-labels.ts';

const lang = () => i18next.language;
const get = <T>(e: Parameters<typeof api>[0]) => api<T>(e, undefined, lang());

export const fetchMe = () => get<StaffUser>(staffApi.me);
export const staffLogin = (req: StaffLoginRequest) => api<StaffUser>(staffApi.login, req, lang());
export const staffLogout = () => api<void>(staffApi.logout, undefined, lang());
export const fetchInstitutions = () => get<StaffInstitution[]>(staffApi.institutions);
export const fetchSessions = () => get<ClassroomSession[]>(staffApi.sessions);
export const createSession = (req: CreateClassroomSessionRequest) => api<ClassroomSession>(staffApi.createSession, req, lang());
export const fetchSession = (id: number) => get<ClassroomSession>(withParams(staffApi.session, { id }));
export const fetchUsers = () => get<StaffUserListItem[]>(staffApi.users);
export const fetchSettings = (brin: string) => get<InstitutionSettings>(withParams(staffApi.settings, { brin }));
export const saveSettings = (brin: string, bedrijfsgroepInRespons: boolean) =>
  api<InstitutionSettings>(withParams(staffApi.updateSettings, { brin }), { bedrijfsgroepInRespons }, lang());
/** The live view's stream address (EventSource). */
export const livePath = (id: number) => withParams(staffApi.live, { id }).path;

// ---- reporting ----
export const fetchNationalOverview = () => get<NationalResponseOverview>(staffApi.nationalResponseOverview);
export const fetchOverview = (brin: string) => get<InstitutionResponseOverview>(withParams(staffApi.responseOverview, { brin }));
/** The overview as CSV for Dutch Excel (a download link). */
export const overviewCsvPath = (brin: string | null) =>
  (brin ? withParams(staffApi.responseOverview, { brin }, { format: 'csv', lang: lang() }) : withParams(staffApi.nationalResponseOverview, {}, { format: 'csv', lang: lang() })).path;
export const fetchCalculation = (q: { population: number; completed?: number; margin?: number; confidence?: number }) =>
  get<CalculatorResult>(
    withParams(staffApi.calculator, {}, {
      population: String(q.population),
      completed: q.completed === undefined ? undefined : String(q.completed),
      margin: q.margin === undefined ? undefined : String(q.margin),
      confidence: q.confidence === undefined ? undefined : String(q.confidence),
    }),
  );
export const fetchCleaning = (brin: string | null) => get<CleaningReport>(brin ? withParams(staffApi.cleaningReport, { brin }) : staffApi.nationalCleaningReport);
export const fetchResults = (brin: string, by: Breakdown | null) => get<InstitutionResults>(withParams(staffApi.results, { brin }, { by: by ?? undefined }));
export const fetchNationalResults = (by: 'week' | null) => get<NationalResults>(withParams(staffApi.nationalResults, {}, { by: by ?? undefined }));
export const resultsCsvPath = (brin: string | null, by: string | null) =>
  withParams(brin ? staffApi.results : staffApi.nationalResults, brin ? { brin } : {}, { by: by ?? undefined, format: 'csv', lang: lang() }).path;
export const exportPath = (brin: string | null, file: ExportFile) =>
  (brin ? withParams(staffApi.export, { brin, file }, { lang: lang() }) : withParams(staffApi.nationalExport, { file }, { lang: lang() })).path;

// ---- label files ----
export const fetchLabelStatuses = () => get<LabelFileStatus[]>(staffApi.labelStatuses);
export const fetchLabelHistory = (brin: string) => get<LabelHistory>(withParams(staffApi.labelHistory, { brin }));
/**
 * Sends a label file as the raw bytes of the request. The server takes a body that is not JSON only with the custom
 * FILE_NAME_HEADER (its CSRF rule), which carries the file name, percent-encoded.
 */
export async function uploadLabelFile(brin: string, file: File): Promise<LabelUploadCheck> {
  let res: Response;
  try {
    res = await fetch(withParams(staffApi.uploadLabels, { brin }).path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', [FILE_NAME_HEADER]: encodeURIComponent(file.name), 'Accept-Language': lang() },
      body: file,
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : 'network error');
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (data as ApiErrorBody | null)?.error;
    throw new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText, e?.details);
  }
  return data as LabelUploadCheck;
}
export const confirmLabelFile = (brin: string, id: string) => api<LabelUploadResult>(withParams(staffApi.confirmLabels, { brin, id }), undefined, lang());
export const cancelLabelFile = (brin: string, id: string) => api<void>(withParams(staffApi.cancelLabels, { brin, id }), undefined, lang());
