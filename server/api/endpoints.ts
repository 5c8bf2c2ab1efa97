// Method and path of every API endpoint, in one place: the routers register these and the client's fetchers
// call them. A leaf module of plain constants (it imports nothing), so the client may import its values.

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Endpoint<M extends Method = Method> {
  method: M;
  /** The full path, as the browser requests it. */
  path: string;
  /** The path within its area's router (mounted at the area's base). */
  route: string;
}

const area = <B extends string>(base: B) => ({
  base,
  endpoint: <M extends Method>(method: M, route: string): Endpoint<M> => ({ method, path: `${base}${route}`, route }),
});

const student = area('/api');
/** The student API, under /api. */
export const studentApi = {
  base: student.base,
  health: student.endpoint('GET', '/health'),
  institutions: student.endpoint('GET', '/institutions'),
  login: student.endpoint('POST', '/login'),
  logout: student.endpoint('POST', '/logout'),
  survey: student.endpoint('GET', '/survey'),
  saveAnswers: student.endpoint('PUT', '/survey/answers'),
  setPage: student.endpoint('PUT', '/survey/page'),
  submit: student.endpoint('POST', '/survey/submit'),
  joinClassroom: student.endpoint('POST', '/classroom/join'),
} as const;

/** The classroom link: the student app's login page with this query parameter, `/?klas=CODE`. */
export const CLASSROOM_LINK_PARAM = 'klas';
export const classroomLink = (code: string) => `/?${CLASSROOM_LINK_PARAM}=${encodeURIComponent(code)}`;

const staff = area('/api/staff');
/** The staff API, under /api/staff. Which role may call what: server/services/staff/access.ts. */
export const staffApi = {
  base: staff.base,
  // Reporting (server/http/staff-reports-router.ts); each route asks the staff app's `authorize` for its scope.
  /** The national response overview: one row per institution and the total. `?format=csv&lang=en` */
  nationalResponseOverview: staff.endpoint('GET', '/reports/response-overview'),
  /** One institution's response overview with its label tree. */
  responseOverview: staff.endpoint('GET', '/reports/response-overview/:brin'),
  /** The required-response calculator: `?population=N&completed=K&margin=0.05&confidence=0.95`. */
  calculator: staff.endpoint('GET', '/reports/calculator'),
  nationalCleaningReport: staff.endpoint('GET', '/reports/cleaning'),
  cleaningReport: staff.endpoint('GET', '/reports/cleaning/:brin'),
  /** National results, `?by=week`. */
  nationalResults: staff.endpoint('GET', '/reports/results'),
  /** An institution's results, `?by=analyselabel1|...|week`. */
  results: staff.endpoint('GET', '/reports/results/:brin'),
  /** The national data file, codebook or SPSS syntax: `:file` is data.csv, codebook.csv or syntax.sps. */
  nationalExport: staff.endpoint('GET', '/reports/export/:file'),
  export: staff.endpoint('GET', '/reports/export/:brin/:file'),
  // Label files (server/http/staff-labels-router.ts): admin, or the institution's own user; never an observer.
  /** The label file status of every institution the user may see (none, accepted, refused). */
  labelStatuses: staff.endpoint('GET', '/labels'),
  /** An institution's accepted label files and refused uploads. */
  labelHistory: staff.endpoint('GET', '/labels/:brin/history'),
  /** Upload a label file to check it: the raw bytes as application/octet-stream, the file name in X-File-Name. Stores nothing. */
  uploadLabels: staff.endpoint('POST', '/labels/:brin/uploads'),
  /** Make a checked upload the institution's label file (it is checked again, then written in short steps). */
  confirmLabels: staff.endpoint('POST', '/labels/:brin/uploads/:id/confirm'),
  /** Drop a checked upload: its bytes are removed, nothing changes. */
  cancelLabels: staff.endpoint('DELETE', '/labels/:brin/uploads/:id'),
  login: staff.endpoint('POST', '/login'),
  logout: staff.endpoint('POST', '/logout'),
  me: staff.endpoint('GET', '/me'),
  institutions: staff.endpoint('GET', '/institutions'),
  settings: staff.endpoint('GET', '/institutions/:brin/settings'),
  updateSettings: staff.endpoint('PUT', '/institutions/:brin/settings'),
  users: staff.endpoint('GET', '/users'),
  sessions: staff.endpoint('GET', '/classroom/sessions'),
  createSession: staff.endpoint('POST', '/classroom/sessions'),
  session: staff.endpoint('GET', '/classroom/sessions/:id'),
  /** Server-sent events (text/event-stream): the session's live view. */
  live: staff.endpoint('GET', '/classroom/sessions/:id/live'),
} as const;

/**
 * A file upload (staffApi.uploadLabels) carries its file name, percent-encoded, in this header. Being a custom
 * header, it is also what lets the CSRF check accept a body that is not JSON: a page of another site cannot send
 * it without a CORS preflight, which this server never grants (server/http/middleware/same-origin.ts).
 */
export const FILE_NAME_HEADER = 'X-File-Name';

/** The event of the live stream (staffApi.live) that carries a LiveSnapshot as JSON. */
export const LIVE_EVENT = 'snapshot';

/** The endpoint with its `:name` path parameters filled in (and a query string when given). */
export function withParams<M extends Method>(e: Endpoint<M>, params: Record<string, string | number>, query?: Record<string, string | undefined>): Endpoint<M> {
  const fill = (p: string) => p.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')));
  const q = query ? new URLSearchParams(Object.entries(query).filter((kv): kv is [string, string] => kv[1] !== undefined)).toString() : '';
  return { method: e.method, path: fill(e.path) + (q ? `?${q}` : ''), route: e.route };
}
