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
} as const;
