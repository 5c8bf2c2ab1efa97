// Versions and institution modules through the API on a real SQLite file; the printable questionnaire.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, student, type TestApp } from '../support/test-app.ts';
import { importModule, ModuleImportError } from '../../server/services/survey/definitions.ts';
import { loadQuestionnaires, type Questionnaire } from '../../questionnaire/index.ts';
import { demoModule } from '../../server/demo/demo-module.ts';
import { createApp } from '../../server/app.ts';
import { pino } from 'pino';

let t: TestApp;
const cores = loadQuestionnaires();
const ours = [0, 1, 2].map((i) => student({ brin: '25PZ', achternaam: `Eigen${'abc'[i]}`, geboortedatum: '2005-01-0' + (i + 1) }));
const theirs = student({ brin: '30AB', instellingsnaam: 'ROC Elders', achternaam: 'Ander', geboortedatum: '2004-06-06' });

const moduleFor = (brin: string, version: number, extra = '') => {
  const m = structuredClone(demoModule) as typeof demoModule;
  m.id = `${brin}-${version}`;
  m.pages[0]!.title = { nl: `Vragen van je school${extra}`, en: `Questions from your school${extra}` };
  return JSON.stringify(m);
};
const importFor = (brin: string, version: number, extra = '') =>
  importModule(t.repos, cores, { brin, text: moduleFor(brin, version, extra), fileName: 'm.json', now: new Date('2024-01-10T09:00:00Z') });

async function logIn(s: { brin: string; achternaam: string; geboortedatum: string }) {
  const agent = request.agent(t.app);
  const birthDate = s.geboortedatum.split('-').reverse().join('-');
  await agent.post('/api/login').send({ brin: s.brin, surname: s.achternaam, birthDate }).expect(200);
  return agent;
}
const pageIds = (q: Questionnaire) => q.pages.map((p) => p.id);
const moduleRows = () => (t.db.prepare('SELECT count(*) AS n FROM question_modules').get() as { n: number }).n;

beforeEach(() => {
  t = createTestApp({ population: [...ours, theirs] });
});
afterEach(() => t.close());

describe('questionnaire versions', () => {
  it('starts new respondents on 2024-3; a response started on 2024-1 stays on 2024-1', async () => {
    const a = await logIn(ours[0]!);
    expect((await a.get('/api/survey').expect(200)).body.questionnaire.id).toBe('2024-3');

    t.db.prepare("UPDATE responses SET questionnaire_version = '2024-1'").run();
    const res = await a.get('/api/survey').expect(200);
    expect(res.body.questionnaire.id).toBe('2024-1');
    const keuze = (res.body.questionnaire as Questionnaire).pages.flatMap((p) => p.questions).find((q) => q.id === 'keuzedelen');
    expect(keuze?.type === 'grid' && keuze.optOuts[0]!.text.nl).toBe('Ik kan geen keuzedelen kiezen');
  });

  it('validates answers against the full definition, opt-outs included', async () => {
    const a = await logIn(ours[0]!);
    await a.put('/api/survey/answers').send({ answers: [
      { questionId: 'keuzedelen', value: { aanbod: 'geen_keuze', informatie: 4 }, seq: 1 },
      { questionId: 'cijfer_opleiding', value: 'weet_niet', seq: 2 },
      { questionId: 'bpv_gedaan', value: 'ja_nu', seq: 3 },
    ] }).expect(200);
    const bad = await a.put('/api/survey/answers').send({ answers: [{ questionId: 'cijfer_school', value: 'nvt', seq: 4 }] }).expect(400);
    expect(bad.body.error.details).toEqual([expect.stringContaining('cijfer_school')]);
  });
});

describe('institution modules', () => {
  it('are shown only to the students of their institution, after the core questions', async () => {
    importFor('25PZ', 1);
    const mine = (await (await logIn(ours[0]!)).get('/api/survey').expect(200)).body.questionnaire as Questionnaire;
    const other = (await (await logIn(theirs)).get('/api/survey').expect(200)).body.questionnaire as Questionnaire;
    expect(pageIds(mine).at(-1)).toBe('i_noordwaarts');
    expect(pageIds(mine).slice(0, -1)).toEqual(pageIds(other));
    expect(pageIds(other)).not.toContain('i_noordwaarts');
    expect(mine.id).toBe('2024-3');
  });

  it('accept answers to module questions only from their own students', async () => {
    importFor('25PZ', 1);
    const answer = { answers: [{ questionId: 'i_app', value: 'ja', seq: 1 }] };
    await (await logIn(ours[0]!)).put('/api/survey/answers').send(answer).expect(200);
    const res = await (await logIn(theirs)).put('/api/survey/answers').send(answer).expect(400);
    expect(res.body.error.details).toEqual(['unknown question "i_app"']);
    await (await logIn(ours[1]!)).put('/api/survey/page').send({ pageId: 'i_noordwaarts' }).expect(204);
  });

  it('keep the version a response started with; a new import serves later starts', async () => {
    importFor('25PZ', 1, ' (v1)');
    const early = await logIn(ours[0]!);
    expect((await early.get('/api/survey')).body.questionnaire.pages.at(-1).title.nl).toBe('Vragen van je school (v1)');
    const r = importFor('25PZ', 2, ' (v2)');
    expect(r).toMatchObject({ id: '25PZ-2', version: 2, replaced: '25PZ-1', questions: 3 });
    expect((await early.get('/api/survey')).body.questionnaire.pages.at(-1).title.nl).toBe('Vragen van je school (v1)');
    const late = await logIn(ours[1]!);
    expect((await late.get('/api/survey')).body.questionnaire.pages.at(-1).title.nl).toBe('Vragen van je school (v2)');
    const rows = t.db.prepare('SELECT module_version AS m FROM responses ORDER BY id').all();
    expect(rows).toEqual([{ m: '25PZ-1' }, { m: '25PZ-2' }]);
  });

  it('reject a broken or stale file and change nothing', () => {
    importFor('25PZ', 2);
    const attempt = (brin: string, text: string) => {
      try {
        importModule(t.repos, cores, { brin, text, fileName: 'x.json', now: new Date() });
        return [];
      } catch (err) {
        if (err instanceof ModuleImportError) return err.problems;
        throw err;
      }
    };
    expect(attempt('25PZ', '{ "id": ')).toEqual([expect.stringMatching(/^the file is not valid JSON: /)]);
    expect(attempt('25PZ', moduleFor('25PZ', 2))).toEqual(['id: version 25PZ-2 was already imported; an imported version never changes, give the file a new version number']);
    expect(attempt('25PZ', moduleFor('25PZ', 1))).toEqual(['id: 25PZ-1 is not newer than the current module 25PZ-2; use version 3 or higher']);
    expect(attempt('12XY', moduleFor('12XY', 1))).toEqual(['institution 12XY is not in the population; import the population first']);
    expect(attempt('25PZ', moduleFor('25PZ', 3).replace('"maxLength":500', '"maxLength":0'))).toEqual([
      'pages[0](i_noordwaarts).questions[2](i_app_tip).maxLength: Too small: expected number to be >=1',
    ]);
    expect(moduleRows()).toBe(1);
  });

  it('stop the server at start-up when a stored module no longer fits the core questionnaire', () => {
    importFor('25PZ', 1);
    const broken = JSON.parse(moduleFor('25PZ', 1)) as typeof demoModule;
    (broken.pages[0]!.questions[0] as { id: string }).id = 'leerjaar';
    t.db.prepare('UPDATE question_modules SET definition = ?').run(JSON.stringify(broken));
    expect(() => createApp({ db: t.db, config: t.config, secret: t.secret, logger: pino({ level: 'silent' }) })).toThrow(
      /Question module 25PZ-1 does not fit questionnaire 2024-1:\n {2}pages\[13\]\(i_noordwaarts\)\.questions\[0\]\(leerjaar\)\.id: question id "leerjaar" is used twice/,
    );
  });
});

describe('the printable questionnaire', () => {
  it('serves any version as plain HTML in Dutch, with routing in words and escaped text', async () => {
    const res = await request(t.app).get('/vragenlijst/2024-1').expect(200).expect('Content-Type', /text\/html/);
    expect(res.text).toContain('<html lang="nl">');
    expect(res.text).toContain('<h1>JOB-monitor 2024</h1>');
    expect(res.text).toContain('Versie 2024-1');
    expect(res.text).toContain('Heeft de coronacrisis invloed gehad op de cijfers die je net gaf?');
    expect(res.text).toContain('Alleen als vraag 2 is beantwoord met “Ja, nu” of “Ja, eerder dit schooljaar” en de student zit in de BBL.');
    expect(res.text).toContain('Alleen als (vraag 32 is beantwoord met een cijfer (1-10) of vraag 33 is beantwoord met een cijfer (1-10)).');
    expect(res.text).toContain('Zou je je opleiding aanraden aan een vriend of vriendin?');
    expect(res.text).toContain('Dat zeg ik liever niet');
    expect(res.text).not.toMatch(/<script|style=/);
    expect(res.text).toContain('<link rel="stylesheet" href="/vragenlijst.css">');
    expect(res.headers['content-security-policy']).toContain("style-src 'self'");
    // An apostrophe in English text comes out escaped.
    const en = await request(t.app).get('/vragenlijst/2024-2?lang=en').expect(200);
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain('I can&#39;t choose electives (yet)');
    expect(en.text).toContain('Only if question 2 is answered with “Yes, now” or “Yes, earlier this school year” and not (the student is in BBL).');
  });

  it("includes an institution's module on request, and serves its stylesheet", async () => {
    importFor('25PZ', 1);
    const res = await request(t.app).get('/vragenlijst/2024-2?brin=25PZ').expect(200);
    expect(res.text).toContain('Wat vind je van het nieuwe studieplein?');
    expect(res.text).toContain('<section class="module"');
    const css = await request(t.app).get('/vragenlijst.css').expect(200).expect('Content-Type', /text\/css/);
    expect(css.text).toContain('@media print');
  });

  it('answers an unknown version with 404 and the list of versions', async () => {
    const res = await request(t.app).get('/vragenlijst/2019-1').expect(404);
    expect(res.text).toContain('href="/vragenlijst/2024-2"');
    await request(t.app).get('/vragenlijst/2024-1?lang=de').expect(400);
  });
});
