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
} as const;

const staff = area('/api/staff');
/** The staff API, under /api/staff: its endpoints come with the staff app. */
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
} as const;
