// The writer thread on a real SQLite file: operations cross the thread with their Buffers intact, a batch
// of one turn commits together and is visible to the app's own connection when its promises resolve,
// AppErrors arrive as AppErrors, and close() waits for the writes in flight.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createRepos, openDatabase, type Db, type Repos } from '../../server/db/index.ts';
import { createKeyer, type Keyer } from '../../server/services/keys.ts';
import { typedVariant } from '../../server/services/names.ts';
import { replacePopulation } from '../../server/services/population.ts';
import { sha256 } from '../../server/services/keys.ts';
import { threadWriter, type Writer } from '../../server/writes/writer.ts';
import { AppError } from '../../server/errors.ts';
import { student } from '../support/test-app.ts';

let dir: string;
let db: Db;
let repos: Repos;
let writer: Writer;
let keyer: Keyer;
const pupil = student({ brin: '25PZ' });
// Twins at 25PZ: same surname and birth date, same gender, told apart only by their first initial.
const twins = [
  student({ brin: '25PZ', achternaam: 'Tweeling', geboortedatum: '2006-06-06', voorletters: 'A.B.' }),
  student({ brin: '25PZ', achternaam: 'Tweeling', geboortedatum: '2006-06-06', voorletters: 'C.' }),
];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jm-writer-'));
  const file = join(dir, 'job-monitor.sqlite');
  db = openDatabase(file);
  repos = createRepos(db);
  const secret = randomBytes(32);
  keyer = createKeyer(secret);
  replacePopulation(repos, keyer, '2023-12-01', [pupil, ...twins]);
  writer = threadWriter({ file, autocheckpoint: true, secret });
});
afterEach(async () => {
  await writer.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = '2024-01-20T10:00:00.000Z';
const body = (n: number) => JSON.stringify({ answers: [], events: [{ id: `t:${n}`, type: 'hidden', at }] });

it('runs the writes in the thread and resolves once they are visible here', async () => {
  const token = sha256('token');
  const loginKey = keyer.login('25PZ', pupil.geboortedatum, typedVariant(pupil.achternaam));
  expect(await writer.run('login', { brin: '25PZ', loginKey }, token, at, '2024-01-20')).toEqual({ status: 'ok' });
  expect(repos.sessions.get(token)?.response.status).toBe('in_progress');

  const acks = await Promise.all(Array.from({ length: 20 }, (_, i) => writer.run('saveAnswers', token, body(i), at, 60)));
  expect(acks).toHaveLength(20);
  const responseId = repos.sessions.get(token)!.response.id;
  expect(repos.timing.events(responseId)).toHaveLength(20);
  expect(repos.loginOutcomes.list('25PZ', '2024-01-20', '2024-01-20')).toEqual([{ brin: '25PZ', day: '2024-01-20', outcome: 'success', n: 1 }]);
});

it('rejects with the AppError the operation threw, and one failure does not fail its batch', async () => {
  const results = await Promise.allSettled([
    writer.run('saveAnswers', sha256('nobody'), body(1), at, 60),
    writer.run('countLogin', '25PZ', '2024-01-20', 'not_found'),
  ]);
  expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.any(AppError) });
  expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'no_session', status: 401 });
  expect(results[1]).toMatchObject({ status: 'fulfilled' });
  expect(repos.loginOutcomes.list('25PZ', '2024-01-20', '2024-01-20')).toEqual([{ brin: '25PZ', day: '2024-01-20', outcome: 'not_found', n: 1 }]);
});

it('logs in in the thread: the lookup by login key, the twin questions with the same secret, the session', async () => {
  const lookup = (initial?: string) => ({
    brin: '25PZ',
    loginKey: keyer.login('25PZ', '2006-06-06', typedVariant('tweeling')),
    gender: initial === undefined ? undefined : ('vrouw' as const),
    initial,
  });
  const login = (initial?: string) => writer.run('login', lookup(initial), sha256(`token-${initial}`), at, '2024-01-20');
  expect(await login()).toEqual({ status: 'ambiguous', ask: 'gender' });
  expect(await login('')).toEqual({ status: 'ambiguous', ask: 'initial' });
  expect(await login('c')).toEqual({ status: 'ok' });
  expect(await login('x')).toEqual({ status: 'not_found' });
  const session = repos.sessions.get(sha256('token-c'))!;
  const twinC = repos.population.findByPgnKey('2023-12-01', '25PZ', keyer.pgn(twins[1]!.pgn))!;
  expect(repos.responses.findByStudent('25PZ', twinC.pgnKey)?.id).toBe(session.response.id);
  expect(repos.loginOutcomes.list('25PZ', '2024-01-20', '2024-01-20').map((r) => [r.outcome, r.n])).toEqual([
    ['ambiguous', 2],
    ['not_found', 1],
    ['success', 1],
  ]);
});

it('waits for the writes in flight on close, and refuses new ones after', async () => {
  const pending = writer.run('countLogin', '25PZ', '2024-01-20', 'locked');
  await writer.close();
  await expect(pending).resolves.toBeUndefined();
  await expect(writer.run('countLogin', '25PZ', '2024-01-20', 'locked')).rejects.toThrow(/closed/);
});
