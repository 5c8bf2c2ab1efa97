// Login against a population imported through the real CSV path: forgiving names, twins, optional gender,
// no enumeration, already completed, resuming on a second device, re-imports that keep responses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { join } from 'node:path';
import { createTestApp, student, type TestApp } from '../support/test-app.ts';
import { writePopulationFile } from '../support/population-file.ts';
import { importPopulationFile } from '../../server/services/population/import.ts';
import type { PopulationRecord } from '../../server/services/population/records.ts';

let t: TestApp;
const PEILDATUM = '2023-12-01';
const anna = student({ achternaam: 'Berg', tussenvoegsel: 'van der', geboortedatum: '2005-03-09', geslacht: 'V', voorletters: 'A.' });
const noor = student({ achternaam: 'Jansen-de Vries', geboortedatum: '2006-07-01', geslacht: null });
// Twins of different gender, and twins of the same gender told apart by their first initial.
const twinM = student({ achternaam: 'Yılmaz', geboortedatum: '2004-05-05', geslacht: 'M', voorletters: 'E.' });
const twinV = student({ achternaam: 'Yılmaz', geboortedatum: '2004-05-05', geslacht: 'V', voorletters: 'E.' });
const sisA = student({ achternaam: 'Bakker', geboortedatum: '2005-01-01', geslacht: 'V', voorletters: 'L.M.' });
const sisB = student({ achternaam: 'Bakker', geboortedatum: '2005-01-01', geslacht: 'V', voorletters: 'M.' });
const population = [anna, noor, twinM, twinV, sisA, sisB];

async function importFile(records: PopulationRecord[], name = 'populatie.csv') {
  const result = await importPopulationFile(t.repos, t.keyer, writePopulationFile(join(t.dir, name), records, { bom: true }), PEILDATUM);
  expect(result).toMatchObject({ ok: true });
  return result;
}

beforeEach(async () => {
  t = createTestApp();
  await importFile(population);
});
afterEach(() => t.close());

const post = (body: object, agent: request.Agent | ReturnType<typeof request> = request(t.app)) => agent.post('/api/login').send(body);
/** The student a session belongs to, by the pseudonym of their PGN. */
const responseOwner = (): string[] => {
  const keys = t.db.prepare('SELECT pgn_key AS k FROM responses ORDER BY id').all() as { k: Buffer }[];
  return keys.map(({ k }) => population.find((p) => t.keyer.pgn(p.pgn).equals(k))?.achternaam + ':' + population.find((p) => t.keyer.pgn(p.pgn).equals(k))?.voorletters);
};

describe('forgiving surnames through the API', () => {
  it.each(['van der Berg', 'Berg, van der', 'VANDERBERG', 'Berg', 'van  der  Berg'])('logs Anna in as "%s"', async (surname) => {
    const res = await post({ brin: '25PZ', surname, birthDate: '09-03-2005' }).expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it.each(['Jansen', 'de Vries', 'Vries', 'Jansen de Vries'])('logs Noor (double name) in as "%s"', async (surname) => {
    await post({ brin: '25PZ', surname, birthDate: '01-07-2006' }).expect(200);
  });

  it('needs the birth date exactly and the right school', async () => {
    await post({ brin: '25PZ', surname: 'Jansen', birthDate: '02-07-2006' }).expect(401);
    await post({ brin: '25PZ', surname: 'Jansen', birthDate: '07-01-2006' }).expect(401);
    await post({ brin: '26PZ', surname: 'Jansen', birthDate: '01-07-2006' }).expect(401);
  });
});

describe('twins', () => {
  const twins = { brin: '25PZ', surname: 'Yilmaz', birthDate: '05-05-2004' };

  it('asks for gender, then logs in the twin of that gender and no one else', async () => {
    expect((await post(twins).expect(200)).body).toEqual({ status: 'ambiguous', ask: 'gender' });
    expect(String((await post(twins)).headers['set-cookie'] ?? '')).not.toMatch(/jm_session=[\w-]/);
    expect((await post({ ...twins, gender: 'vrouw' }).expect(200)).body).toEqual({ status: 'ok' });
    expect((await post({ ...twins, gender: 'man' }).expect(200)).body).toEqual({ status: 'ok' });
    const genders = t.db.prepare('SELECT geslacht FROM responses ORDER BY id').pluck().all();
    expect(genders).toEqual(['V', 'M']);
  });

  it('asks for the first initial when gender does not tell them apart, and refuses a wrong initial', async () => {
    const sisters = { brin: '25PZ', surname: 'Bakker', birthDate: '01-01-2005' };
    expect((await post(sisters).expect(200)).body).toEqual({ status: 'ambiguous', ask: 'gender' });
    expect((await post({ ...sisters, gender: 'vrouw' }).expect(200)).body).toEqual({ status: 'ambiguous', ask: 'initial' });
    await post({ ...sisters, gender: 'vrouw', initial: 'Z' }).expect(401);
    await post({ ...sisters, gender: 'vrouw', initial: 'm' }).expect(200);
    expect(responseOwner()).toEqual(['Bakker:M.']);
    await post({ ...sisters, gender: 'vrouw', initial: 'L' }).expect(200);
    expect(responseOwner()).toEqual(['Bakker:M.', 'Bakker:L.M.']);
  });

  it('asks for the initial when the gender given is "zeg ik liever niet"', async () => {
    expect((await post({ brin: '25PZ', surname: 'Yilmaz', birthDate: '05-05-2004', gender: 'geen' }).expect(200)).body).toEqual({ status: 'ambiguous', ask: 'initial' });
  });
});

describe('gender is optional', () => {
  it.each([undefined, 'man', 'vrouw', 'anders', 'geen'] as const)('logs a single match in with gender %s', async (gender) => {
    await post({ brin: '25PZ', surname: 'van der Berg', birthDate: '09-03-2005', ...(gender ? { gender } : {}) }).expect(200);
  });

  it('logs in a student DUO has no gender for', async () => {
    await post({ brin: '25PZ', surname: 'Jansen-de Vries', birthDate: '01-07-2006', gender: 'anders' }).expect(200);
  });
});

describe('no enumeration', () => {
  it('answers a wrong surname and a wrong birth date identically', async () => {
    const wrongName = await post({ brin: '25PZ', surname: 'van der Bergen', birthDate: '09-03-2005' });
    const wrongDate = await post({ brin: '25PZ', surname: 'van der Berg', birthDate: '10-03-2005' });
    expect(wrongName.status).toBe(401);
    expect(wrongDate.status).toBe(401);
    expect(wrongName.body).toEqual(wrongDate.body);
    expect(wrongName.body.error).toMatchObject({ code: 'login_failed', details: { helpdesk: t.config.helpdeskEmail } });
    const headers = (r: request.Response) => Object.keys(r.headers).filter((h) => h !== 'date' && h !== 'etag').sort();
    expect(headers(wrongName)).toEqual(headers(wrongDate));
  });
});

describe('already completed, and resuming', () => {
  const annaLogin = { brin: '25PZ', surname: 'Berg, van der', birthDate: '09-03-2005' };

  it('says so when the questionnaire was already completed, and counts it', async () => {
    const agent = request.agent(t.app);
    await post(annaLogin, agent).expect(200);
    const { completedAt } = (await agent.post('/api/survey/submit').set('Content-Type', 'application/json').expect(200)).body as { completedAt: string };
    const again = await post(annaLogin).expect(200);
    expect(again.body).toEqual({ status: 'completed', completedAt });
    expect(t.repos.loginOutcomes.perDay('25PZ', '2024-01-01', '2024-12-31')).toEqual([
      { day: '2024-01-20', success: 1, not_found: 0, ambiguous: 0, locked: 0, completed: 1 },
    ]);
  });

  it('resumes on a second device (a fresh cookie jar) on the same page with the answers', async () => {
    const laptop = request.agent(t.app);
    await post(annaLogin, laptop).expect(200);
    await laptop.put('/api/survey/page').send({ pageId: 'lessen' }).expect(204);
    await laptop.put('/api/survey/answers').send({ answers: [{ questionId: 'leerjaar', value: 'j2', seq: 4 }] }).expect(200);
    const phone = request.agent(t.app);
    await post({ ...annaLogin, surname: 'vanderberg' }, phone).expect(200);
    const state = (await phone.get('/api/survey').expect(200)).body;
    expect(state.currentPage).toBe('lessen');
    expect(state.answers).toEqual({ leerjaar: { value: 'j2', seq: 4 } });
    await laptop.get('/api/survey').expect(200); // both devices stay logged in
  });
});

describe('re-importing the population', () => {
  it('replaces the peildatum and keeps existing responses linked to their students', async () => {
    const agent = request.agent(t.app);
    await post({ brin: '25PZ', surname: 'van der Berg', birthDate: '09-03-2005' }, agent).expect(200);
    await agent.put('/api/survey/answers').send({ answers: [{ questionId: 'leerjaar', value: 'j3', seq: 1 }] }).expect(200);
    const newcomer = student({ achternaam: 'Visser', geboortedatum: '2007-02-02' });
    const result = await importFile([anna, newcomer, twinM], 'tweede.csv');
    expect(result).toMatchObject({ ok: true, rows: 3, replaced: population.length });
    expect(t.repos.population.count()).toBe(3);
    const again = request.agent(t.app);
    await post({ brin: '25PZ', surname: 'Berg', birthDate: '09-03-2005' }, again).expect(200);
    expect((await again.get('/api/survey').expect(200)).body.answers).toEqual({ leerjaar: { value: 'j3', seq: 1 } });
    expect(t.db.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(1);
    await post({ brin: '25PZ', surname: 'Visser', birthDate: '02-02-2007' }).expect(200);
    await post({ brin: '25PZ', surname: 'Jansen', birthDate: '01-07-2006' }).expect(401); // no longer in the population
  });

  it('changes nothing when the new file has a problem', async () => {
    const before = t.db.prepare('SELECT count(*) FROM login_keys').pluck().get();
    const path = writePopulationFile(join(t.dir, 'fout.csv'), [student({ achternaam: 'Nieuw' }), student({ niveau: 7 })]);
    const result = await importPopulationFile(t.repos, t.keyer, path, PEILDATUM);
    expect(result).toMatchObject({ ok: false, problemCount: 1, problems: [{ line: 3, column: 'niveau' }] });
    expect(t.repos.population.count()).toBe(population.length);
    expect(t.db.prepare('SELECT count(*) FROM login_keys').pluck().get()).toBe(before);
    await post({ brin: '25PZ', surname: 'Jansen', birthDate: '01-07-2006' }).expect(200);
  });

  it('stores the pseudonymised rows as they were: background data, keys, no initial key without voorletters', async () => {
    const bare = student({ achternaam: 'Zonder', voorletters: '', geslacht: null, leerweg: 'BBL', niveau: 1, crebo: '23182' });
    await importFile([...population, bare], 'kaal.csv');
    const row = t.repos.population.findByPgnKey(PEILDATUM, '25PZ', t.keyer.pgn(bare.pgn));
    expect(row).toMatchObject({ crebo: '23182', leerweg: 'BBL', niveau: 1, geslacht: null, initialKey: null });
    const withInitial = t.repos.population.findByPgnKey(PEILDATUM, '25PZ', t.keyer.pgn(anna.pgn))!;
    expect(withInitial.initialKey).toEqual(t.keyer.initial('25PZ', withInitial.pgnKey, 'A'));
    await post({ brin: '25PZ', surname: 'Zonder', birthDate: anna.geboortedatum.split('-').reverse().join('-') }).expect(200);
  });

  it('lists the institutions of the population in the school picker', async () => {
    await importFile([...population, student({ brin: '30XX', instellingsnaam: 'Vakcollege Elders' })], 'twee.csv');
    expect((await request(t.app).get('/api/institutions').expect(200)).body).toEqual([
      { brin: '25PZ', name: 'ROC Testland' },
      { brin: '30XX', name: 'Vakcollege Elders' },
    ]);
  });
});
