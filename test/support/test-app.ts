// Builds the app on a temporary SQLite file (real WAL database, never a mock) with a small population.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { createApp, createServices, type Services } from '../../server/app.ts';
import { defaultConfig, databaseFile, type Config } from '../../server/config.ts';
import { createRepos, openDatabase, type Db, type Repos } from '../../server/db/index.ts';
import { createKeyer, type Keyer } from '../../server/services/common/keys.ts';
import { replacePopulation, type PopulationRecord } from '../../server/services/population/records.ts';
import { makeBsn } from '../../server/services/population/pgn.ts';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  services: Services;
  db: Db;
  repos: Repos;
  keyer: Keyer;
  secret: Buffer;
  config: Config;
  dir: string;
  clock: { now: Date };
  close: () => void;
}

/** `dir`: a folder to put the database in (a small disk, in the storage-fault tests); its owner removes it. */
export function createTestApp(opts: { population?: PopulationRecord[]; config?: Partial<Config>; dir?: string } = {}): TestApp {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'jm-test-'));
  const config = defaultConfig({ dataDir: dir, clientDir: null, ...opts.config });
  const db = openDatabase(databaseFile(config));
  const secret = randomBytes(32);
  const keyer = createKeyer(secret);
  const repos = createRepos(db);
  if (opts.population) replacePopulation(repos, keyer, '2023-12-01', opts.population);
  const clock = { now: new Date('2024-01-20T10:00:00Z') };
  const logger = pino({ level: 'silent' });
  const services = createServices({ db, config, secret, logger, now: () => clock.now });
  const app = createApp({ db, config, secret, logger, services });
  return {
    app,
    services,
    db,
    repos,
    keyer,
    secret,
    config,
    dir,
    clock,
    close: () => {
      services.classroom.close();
      void services.labelUploads.close();
      db.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

let serial = 0;
/** A population record with sensible defaults; the PGN is a valid BSN. */
export function student(over: Partial<PopulationRecord> = {}): PopulationRecord {
  serial++;
  return {
    pgn: makeBsn(100000 + serial * 100), // 10 check-digit blocks apart: never two students with one PGN
    brin: '25PZ',
    instellingsnaam: 'ROC Testland',
    crebo: '25655',
    leerweg: 'BOL',
    niveau: 4,
    geslacht: 'V',
    achternaam: `Achternaam${String.fromCharCode(97 + (serial % 26))}${serial}`,
    tussenvoegsel: '',
    voorletters: 'A.',
    geboortedatum: '2005-03-09',
    ...over,
  };
}
