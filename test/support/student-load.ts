// Students logging in and answering against a served database while something else happens (an import, a label
// upload): the population they come from, the `job-monitor serve` process, and the students themselves, each
// logging in and saving a few answers, over and over, with every request that fails written down.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { makeBsn } from '../../server/services/population/pgn.ts';
import type { PopulationRecord } from '../../server/services/population/records.ts';

export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'job-monitor.js');

/** Letters only (digits do not count in a surname): a different surname for every student. */
const surname = (i: number) => 'Naam' + Array.from({ length: 4 }, (_, k) => String.fromCharCode(97 + (Math.floor(i / 26 ** k) % 26))).join('');

/** `count` students with distinct PGNs (`pgnStep` apart from `firstPgn`) and surnames; `school(i)` gives each one's. */
export function loadPopulation(count: number, firstPgn: number, pgnStep: number, school: (i: number) => { brin: string; name: string }): PopulationRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    pgn: makeBsn(firstPgn + i * pgnStep),
    brin: school(i).brin,
    instellingsnaam: school(i).name,
    crebo: '25655',
    leerweg: 'BOL',
    niveau: 4,
    geslacht: 'V',
    achternaam: surname(i),
    tussenvoegsel: '',
    voorletters: 'A.',
    geboortedatum: `2005-0${1 + (i % 9)}-1${i % 10}`,
  }));
}

/** `job-monitor serve` on 127.0.0.1 and a free port; resolves with the process and its address. */
export async function serve(dataDir: string): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn(process.execPath, [BIN, '--data-dir', dataDir, '--port', '0', 'serve', '--host', '127.0.0.1'], { env: { ...process.env, LOG_LEVEL: 'warn' } });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /running at (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    server.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return { server, url };
}

export async function stop(server: ChildProcess): Promise<void> {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
}

export interface Tally {
  requests: number;
  /** Requests answered while `busy()` said the other work was running. */
  during: number;
  failures: string[];
}

export interface StudentLoad {
  url: string;
  people: PopulationRecord[];
  /** Whether the work under test is running now (requests then count in `during`). */
  busy: () => boolean;
  tally: Tally;
}

/** `count` students at once until `stop()` says so; each in turn logs in as the next person and saves four answers. */
export function students(count: number, load: StudentLoad, stop: () => boolean): Promise<void[]> {
  let next = 0;
  return Promise.all(Array.from({ length: count }, () => student(() => next++, load, stop)));
}

async function student(next: () => number, { url, people, busy, tally }: StudentLoad, stop: () => boolean): Promise<void> {
  const call = async (path: string, init: RequestInit): Promise<Response | null> => {
    try {
      const res = await fetch(`${url}${path}`, init);
      tally.requests++;
      if (busy()) tally.during++;
      if (!res.ok) tally.failures.push(`${init.method} ${path}: ${res.status} ${await res.text()}`);
      return res;
    } catch (err) {
      tally.failures.push(`${init.method} ${path}: ${String(err)}`);
      return null;
    }
  };
  while (!stop()) {
    const s = people[next() % people.length]!;
    const login = await call('/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ brin: s.brin, surname: s.achternaam, birthDate: s.geboortedatum.split('-').reverse().join('-') }),
    });
    const cookie = login?.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) continue;
    for (let seq = 1; seq <= 4 && !stop(); seq++) {
      await call('/api/survey/answers', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', cookie },
        body: JSON.stringify({ answers: [{ questionId: 'leerjaar', value: seq % 2 ? 'j1' : 'j2', seq }] }),
      });
    }
  }
}
