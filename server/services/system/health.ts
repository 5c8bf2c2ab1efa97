// The health check: the database answers a read and takes a small write, and its disk has room. Failing, it throws
// storage_unavailable (503), so a monitor or a load balancer sees that writes fail, not only that the process runs.
import { statfsSync } from 'node:fs';
import type { Repos } from '../../db/index.ts';
import { storageFaultOf } from '../../db/faults.ts';
import { storageUnavailable, type StorageMonitor } from './storage.ts';

/** Below this much free space on the database's disk, the next growth of the database or its WAL fails. */
export const MIN_FREE_BYTES = 16 * 1024 * 1024;

export interface HealthDeps {
  repos: Repos;
  storage: StorageMonitor;
  /** The folder of the database file, for its free space; null for a database in memory. */
  dataDir: string | null;
  now: () => Date;
}

export function createHealthService({ repos, storage, dataDir, now }: HealthDeps) {
  const fail = (err: unknown): never => {
    throw storage.translate(err) ?? err;
  };
  return {
    async check(): Promise<{ status: 'ok' }> {
      try {
        if (!repos.system.ping()) throw new Error('the database did not answer');
        await repos.commit(() => repos.system.probe(now().toISOString()));
      } catch (err) {
        if (storageFaultOf(err)) fail(err);
        throw err;
      }
      if (dataDir) {
        const fs = statfsSync(dataDir);
        if (fs.bavail * fs.bsize < MIN_FREE_BYTES) throw storageUnavailable('full', storage.lastFault()?.at);
      }
      return { status: 'ok' };
    },
  };
}
export type HealthService = ReturnType<typeof createHealthService>;
