// A wave of students against a served job-monitor (loopback only, bounded in count and time): each logs in and saves
// answers in a loop with growing sequence numbers, as the browser does. Every acknowledgement is logged, so a test
// can compare what the server said it stored with what the database holds.
import { request as httpRequest } from 'node:http';
import { demoPopulation, type DemoStudent } from '../../server/demo/demo-data.ts';

const population = demoPopulation();
/** Demo students whose (school, surname, birth date) is unique: a login finds exactly one. */
export const loginable: DemoStudent[] = population.filter(
  (s) => population.filter((o) => o.brin === s.brin && o.geboortedatum === s.geboortedatum && o.achternaam === s.achternaam).length === 1,
);
export const loginBody = (s: DemoStudent) => ({
  brin: s.brin,
  surname: s.tussenvoegsel ? `${s.tussenvoegsel} ${s.achternaam}` : s.achternaam,
  birthDate: s.geboortedatum.split('-').reverse().join('-'),
});

export interface Ack {
  student: number;
  questionId: string;
  seq: number;
  at: number;
}

export interface WaveLog {
  acks: Ack[];
  /** Answers by status code (or the network error's code). */
  outcomes: Map<string, number>;
  bodies: string[];
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

export async function logIn(url: string, s: DemoStudent): Promise<string> {
  const res = await fetch(`${url}/api/login`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(loginBody(s)) });
  if (res.status !== 200) throw new Error(`login ${res.status}: ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

export const saveBody = (seq: number) => ({
  answers: [
    { questionId: 'leerjaar', value: seq % 2 ? 'j1' : 'j2', seq },
    { questionId: 'opmerkingen', value: `antwoord ${seq}`, seq },
  ],
});

/** Students `from`..`from + count - 1` log in and save until `stop()` says so. */
export async function runWave(url: string, opts: { from?: number; count: number; stop: () => boolean; log: WaveLog }): Promise<void> {
  const { log } = opts;
  const count = (key: string) => log.outcomes.set(key, (log.outcomes.get(key) ?? 0) + 1);
  await Promise.all(
    Array.from({ length: opts.count }, async (_, k) => {
      const i = (opts.from ?? 0) + k;
      let cookie: string;
      try {
        cookie = await logIn(url, loginable[i]!);
      } catch (err) {
        count(`login:${(err as { cause?: { code?: string } }).cause?.code ?? String(err)}`);
        return;
      }
      for (let seq = 1; !opts.stop(); seq++) {
        try {
          const res = await fetch(`${url}/api/survey/answers`, { method: 'PUT', headers: { ...JSON_HEADERS, cookie }, body: JSON.stringify(saveBody(seq)) });
          count(String(res.status));
          const text = await res.text();
          if (res.status === 200) {
            const at = Date.now();
            for (const a of (JSON.parse(text) as { acknowledged: { questionId: string; seq: number }[] }).acknowledged) log.acks.push({ student: i, ...a, at });
          } else if (log.bodies.length < 20) log.bodies.push(`${res.status} ${text}`);
        } catch (err) {
          count((err as { cause?: { code?: string } }).cause?.code ?? 'network');
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    }),
  );
}

export const newLog = (): WaveLog => ({ acks: [], outcomes: new Map(), bodies: [] });

/** The highest acknowledged seq per student and question. */
export function highestAcks(acks: Ack[], before = Infinity): Map<string, number> {
  const m = new Map<string, number>();
  for (const a of acks) {
    if (a.at >= before) continue;
    const k = `${a.student}|${a.questionId}`;
    if (a.seq > (m.get(k) ?? 0)) m.set(k, a.seq);
  }
  return m;
}

/** The student's stored answers (seq per question), read through the API after a login. */
export async function storedSeqs(url: string, student: number): Promise<Record<string, number>> {
  const cookie = await logIn(url, loginable[student]!);
  const res = await fetch(`${url}/api/survey`, { headers: { cookie } });
  const body = (await res.json()) as { answers: Record<string, { seq: number }> };
  return Object.fromEntries(Object.entries(body.answers).map(([q, a]) => [q, a.seq]));
}

/**
 * An answer save whose body arrives in two parts: the headers and the first half now, the rest when `finish` is
 * called. It is in flight from the start, as a save on a slow school network is.
 */
export function slowSave(url: string, cookie: string, seq: number): { sent: Promise<void>; finish: () => void; result: Promise<{ status: number; body: string }> } {
  const body = Buffer.from(JSON.stringify(saveBody(seq)));
  const u = new URL(`${url}/api/survey/answers`);
  let finish = () => {};
  let sentResolve = () => {};
  const sent = new Promise<void>((resolve) => (sentResolve = resolve));
  const result = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: u.hostname, port: u.port, path: u.pathname, method: 'PUT', headers: { ...JSON_HEADERS, cookie, 'Content-Length': body.length } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.flushHeaders();
    req.write(body.subarray(0, body.length >> 1), () => sentResolve());
    finish = () => req.end(body.subarray(body.length >> 1));
  });
  return { sent, finish, result };
}
