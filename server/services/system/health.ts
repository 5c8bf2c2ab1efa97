// The health check: whether the database answers.
import type { Repos } from '../../db/index.ts';

export function createHealthService({ repos }: { repos: Repos }) {
  return {
    check: (): { status: 'ok' } => {
      if (!repos.system.ping()) throw new Error('the database did not answer');
      return { status: 'ok' };
    },
  };
}
export type HealthService = ReturnType<typeof createHealthService>;
