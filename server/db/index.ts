// All repositories over one database, statements prepared once.
import type { Db } from './database.ts';
import { institutionsRepo } from './institutions.ts';
import { labelsRepo } from './labels.ts';
import { loginOutcomesRepo } from './login-outcomes.ts';
import { populationRepo } from './population.ts';
import { responsesRepo } from './responses.ts';
import { sessionsRepo } from './sessions.ts';
import { questionModulesRepo } from './question-modules.ts';
import { timingRepo } from './timing.ts';

export function createRepos(db: Db) {
  return {
    db,
    institutions: institutionsRepo(db),
    population: populationRepo(db),
    labels: labelsRepo(db),
    responses: responsesRepo(db),
    sessions: sessionsRepo(db),
    questionModules: questionModulesRepo(db),
    loginOutcomes: loginOutcomesRepo(db),
    timing: timingRepo(db),
  };
}
export type Repos = ReturnType<typeof createRepos>;
export { openDatabase, type Db } from './database.ts';
