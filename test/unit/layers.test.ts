// The layer rules in eslint.config.js, run on deliberately wrong (and right) imports: each wrong one must fail
// the lint, so a route that reaches for the database, or a student page that imports staff code, breaks the build.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
const problems = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(`${code}\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId?.endsWith('no-restricted-imports')).map((m) => m.message);
};

describe('wrong imports fail the lint', () => {
  it.each([
    ['a route imports the db', 'server/http/fixture.ts', "import type { Repos } from '../db/index.ts';\nexport type R = Repos;", 'A route never touches the database'],
    ['the db imports a service', 'server/db/fixture.ts', "import { sha256 } from '../services/common/keys.ts';\nexport const h = sha256;", 'never calls up into services'],
    ['the db imports a route', 'server/db/fixture.ts', "import { studentRouter } from '../http/student-router.ts';\nexport const r = studentRouter;", 'http layer'],
    ['a service imports a route', 'server/services/login/fixture.ts', "import { parse } from '../../http/middleware/validate.ts';\nexport const p = parse;", 'http layer'],
    ['a service imports the CLI', 'server/services/login/fixture.ts', "import { main } from '../../cli/main.ts';\nexport const m = main;", 'nothing below the CLI'],
    ['a service imports contract values', 'server/services/login/fixture.ts', "import { loginRequestSchema } from '../../api/student.ts';\nexport const s = loginRequestSchema;", '`import type` only'],
    ['questionnaire/ imports the server', 'questionnaire/fixture.ts', "import { AppError } from '../server/services/common/errors.ts';\nexport const e = AppError;", 'imports nothing of ours'],
    ['the client imports server code', 'client/lib/fixture.ts', "import { sha256 } from '../../server/services/common/keys.ts';\nexport const h = sha256;", 'only import the API contract'],
    ['the client imports contract values', 'client/lib/fixture.ts', "import { loginRequestSchema } from '../../server/api/student.ts';\nexport const s = loginRequestSchema;", 'with `import type`'],
    ['the student entry imports staff code', 'client/student/fixture.ts', "import { StaffApp } from '../staff/staff-app.tsx';\nexport const s = StaffApp;", 'never imports staff code'],
    ['the staff entry imports student code', 'client/staff/fixture.ts', "import { LoginPage } from '../student/login/login-page.tsx';\nexport const s = LoginPage;", 'never imports student code'],
  ])('%s', async (_name, file, code, message) => {
    expect(await problems(file, code)).toEqual([expect.stringContaining(message)]);
  });
});

describe('right imports pass', () => {
  it.each([
    ['a route calls a service', 'server/http/fixture.ts', "import { noSession } from '../services/login/sessions.ts';\nexport const n = noSession;"],
    ['a service reads the db and types from the contract', 'server/services/login/fixture.ts', "import type { Repos } from '../../db/index.ts';\nimport type { LoginRequest } from '../../api/student.ts';\nexport type X = [Repos, LoginRequest];"],
    ['the client types from the contract, endpoints as values', 'client/lib/fixture.ts', "import type { SurveyState } from '../../server/api/student.ts';\nimport { studentApi } from '../../server/api/endpoints.ts';\nexport const x: [SurveyState | null, typeof studentApi] = [null, studentApi];"],
    ['both entries share ui and lib', 'client/staff/fixture.ts', "import { api } from '../lib/api.ts';\nexport const a = api;"],
  ])('%s', async (_name, file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
