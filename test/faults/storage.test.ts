// Storage faults on real files: a full disk (a small tmpfs filled to the last byte) and a WAL file that cannot be
// written (chattr +i). Saves answer 503 storage_unavailable with a clear message, nothing is acknowledged that was
// not stored, the health check says writes fail, and everything works again when the fault ends.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, student, type TestApp } from '../support/test-app.ts';
import { canMount, mountSmallDisk, type SmallDisk } from '../support/small-disk.ts';
import { databaseFile } from '../../server/config.ts';

const people = Array.from({ length: 4 }, (_, i) => student({ achternaam: `Opslag${String.fromCharCode(97 + i)}`, geboortedatum: '2005-03-09' }));
const loginOf = (i: number) => ({ brin: '25PZ', surname: people[i]!.achternaam, birthDate: '09-03-2005' });

let t: TestApp | undefined;
let disk: SmallDisk | null = null;
afterEach(() => {
  t?.close();
  t = undefined;
  disk?.unmount();
  disk = null;
});

type Agent = ReturnType<typeof request.agent>;
async function students(app: TestApp): Promise<Agent[]> {
  const agents: Agent[] = [];
  for (let i = 0; i < people.length; i++) {
    const agent = request.agent(app.app);
    await agent.post('/api/login').send(loginOf(i)).expect(200);
    agents.push(agent);
  }
  return agents;
}

/** What the database holds per student: the stored seq of the open answer. */
function storedSeqs(app: TestApp): number[] {
  const rows = app.db.prepare("SELECT r.id, a.seq FROM responses r LEFT JOIN answers a ON a.response_id = r.id AND a.question_id = 'opmerkingen' ORDER BY r.id").all() as { seq: number | null }[];
  return rows.map((r) => r.seq ?? 0);
}
const save = (agent: Agent, seq: number) =>
  agent.put('/api/survey/answers').set('Accept-Language', 'nl').send({ answers: [{ questionId: 'opmerkingen', value: `${seq} ${'tekst '.repeat(150)}`, seq }] });

describe.skipIf(!canMount())('a full disk', () => {
  it('answers 503 with a clear message, acknowledges only what was stored, reports it in the health check, and recovers', async () => {
    disk = mountSmallDisk(48);
    expect(disk, 'mounting a tmpfs (root)').not.toBeNull();
    t = createTestApp({ population: people, dir: disk!.dir });
    const agents = await students(t);
    await request(t.app).get('/api/health').expect(200);

    disk!.fill();
    const acknowledged = [0, 0, 0, 0];
    const refused: { student: number; seq: number }[] = [];
    let first503: request.Response | undefined;
    for (let seq = 1; seq <= 3000 && refused.length < 20; seq++) {
      const i = seq % agents.length;
      const res = await save(agents[i]!, seq);
      if (res.status === 200) acknowledged[i] = seq;
      else {
        expect(res.status).toBe(503);
        first503 ??= res;
        refused.push({ student: i, seq });
      }
    }
    expect(refused.length, 'saves refused while the disk is full').toBe(20);
    expect(first503!.body.error).toMatchObject({ code: 'storage_unavailable', details: { reason: 'full' } });
    expect(first503!.body.error.message).toMatch(/^De opslag van de server is vol\. Je antwoorden zijn nog niet opgeslagen; ze blijven op dit apparaat bewaard/);
    expect(first503!.headers['retry-after']).toBe('10');
    // Every acknowledged save is stored; no refused save is.
    expect(storedSeqs(t)).toEqual(acknowledged);
    const health = await request(t.app).get('/api/health').expect(503);
    expect(health.body.error).toMatchObject({ code: 'storage_unavailable', details: { reason: 'full' } });

    disk!.free();
    for (const r of refused.slice(-4)) await save(agents[r.student]!, r.seq + 10_000).expect(200);
    await request(t.app).get('/api/health').expect(200);
    for (const r of refused.slice(-4)) expect(storedSeqs(t)[r.student]).toBe(r.seq + 10_000);
  });
});

describe.skipIf(!canMount())('a WAL file that cannot be written', () => {
  it('answers 503 (not 500), the health check fails, and saves work again once the file is writable', async () => {
    t = createTestApp({ population: people });
    const agents = await students(t);
    await save(agents[0]!, 1).expect(200);
    const wal = `${databaseFile(t.config)}-wal`;
    execFileSync('chattr', ['+i', wal]);
    try {
      const res = await save(agents[0]!, 2).expect(503);
      expect(res.body.error).toMatchObject({ code: 'storage_unavailable', details: { reason: 'io' } });
      expect((await request(t.app).get('/api/health').set('Accept-Language', 'en').expect(503)).body.error.message).toMatch(/^The server's storage reports an error\./);
      expect(storedSeqs(t)[0]).toBe(1);
    } finally {
      execFileSync('chattr', ['-i', wal]);
    }
    await save(agents[0]!, 3).expect(200);
    await request(t.app).get('/api/health').expect(200);
    expect(storedSeqs(t)[0]).toBe(3);
  });
});
