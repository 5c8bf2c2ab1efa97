// All repositories over one database, statements prepared once, and the two ways to write: `transaction` runs a
// function in one IMMEDIATE transaction now; `commit` (group commit) lets writes of one event-loop turn share a
// transaction and settles each once it is committed. The connection itself stays in here.
import type { Db } from './database.ts';
import { groupCommit } from './group-commit.ts';
import { institutionsRepo } from './institutions.ts';
import { labelsRepo } from './labels.ts';
import { labelRefusalsRepo } from './label-refusals.ts';
import { loginOutcomesRepo } from './login-outcomes.ts';
import { populationRepo } from './population.ts';
import { responsesRepo } from './responses.ts';
import { sessionsRepo } from './sessions.ts';
import { questionModulesRepo } from './question-modules.ts';
import { systemRepo } from './system.ts';
import { timingRepo } from './timing.ts';
import { responseOverviewRepo } from './response-overview.ts';
import { reportDataRepo } from './report-data.ts';
import { cleaningRepo } from './cleaning.ts';
import { staffUsersRepo } from './staff-users.ts';
import { staffSessionsRepo } from './staff-sessions.ts';
import { classroomRepo } from './classroom.ts';
import { pageTimesRepo } from './page-times.ts';

export function createRepos(db: Db) {
  const run = db.transaction((write: () => unknown) => write());
  return {
    institutions: institutionsRepo(db),
    population: populationRepo(db),
    labels: labelsRepo(db),
    labelRefusals: labelRefusalsRepo(db),
    responses: responsesRepo(db),
    sessions: sessionsRepo(db),
    questionModules: questionModulesRepo(db),
    loginOutcomes: loginOutcomesRepo(db),
    timing: timingRepo(db),
    system: systemRepo(db),
    responseOverview: responseOverviewRepo(db),
    reportData: reportDataRepo(db),
    cleaning: cleaningRepo(db),
    staffUsers: staffUsersRepo(db),
    staffSessions: staffSessionsRepo(db),
    classroom: classroomRepo(db),
    pageTimes: pageTimesRepo(db),
    /** Runs `write` in one IMMEDIATE transaction (a savepoint when one is open); rolled back when it throws. */
    transaction: <T>(write: () => T): T => run.immediate(write) as T,
    /** Group commit: resolves after the transaction holding `write` has committed. */
    commit: groupCommit(db),
  };
}
export type Repos = ReturnType<typeof createRepos>;
export { openDatabase, type Db } from './database.ts';
export { backupTo, databaseProblem, replaceDatabase, sideFiles } from './backup.ts';
