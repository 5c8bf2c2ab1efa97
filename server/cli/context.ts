// What every command needs: resolved options, the database and the keyed-hash secret.
import type { Command } from 'commander';
import { defaultConfig, databaseFile, type Config } from '../config.ts';
import { createRepos, openDatabase, type Db, type Repos } from '../db/index.ts';
import { createKeyer, loadSecret, type Keyer } from '../services/common/keys.ts';

export interface CliContext {
  config: Config;
  db: Db;
  repos: Repos;
  secret: Buffer;
  keyer: Keyer;
}

export function configFrom(cmd: Command): Config {
  const g = cmd.optsWithGlobals<{ dataDir?: string; port?: string }>();
  const overrides: Partial<Config> = {};
  if (g.dataDir) overrides.dataDir = g.dataDir;
  if (g.port !== undefined) {
    const port = Number(g.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${g.port}"`);
    overrides.port = port;
  }
  const config = defaultConfig(overrides);
  return config;
}

export function openContext(cmd: Command): CliContext {
  const config = configFrom(cmd);
  const db = openDatabase(databaseFile(config));
  const secret = loadSecret(config.dataDir);
  return { config, db, repos: createRepos(db), secret, keyer: createKeyer(secret) };
}
