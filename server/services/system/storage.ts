// Storage faults as the application reports them: a database error that means the storage failed (disk full,
// read-only files, I/O error, locked too long) becomes storage_unavailable (503) with a message the student can act
// on, and the last fault is remembered for the health check. Nothing of a failed write was stored, so the browser
// keeps the answers and sends them again.
import { storageFaultOf, type StorageFault } from '../../db/faults.ts';
import { AppError, type Message } from '../common/errors.ts';

const KEPT = {
  nl: 'Je antwoorden zijn nog niet opgeslagen; ze blijven op dit apparaat bewaard en worden vanzelf verstuurd zodra het weer kan.',
  en: 'Your answers have not been saved yet; they are kept on this device and sent automatically as soon as possible.',
};
const MESSAGES: Record<StorageFault, Message> = {
  full: { nl: `De opslag van de server is vol. ${KEPT.nl}`, en: `The server's storage is full. ${KEPT.en}` },
  read_only: { nl: `De server kan nu niets opslaan (alleen lezen). ${KEPT.nl}`, en: `The server cannot store anything now (read-only). ${KEPT.en}` },
  io: { nl: `De opslag van de server geeft een fout. ${KEPT.nl}`, en: `The server's storage reports an error. ${KEPT.en}` },
  busy: { nl: `De server is even te druk om op te slaan. ${KEPT.nl}`, en: `The server is too busy to save for a moment. ${KEPT.en}` },
};

export const storageUnavailable = (reason: StorageFault, since?: Date) =>
  new AppError('storage_unavailable', MESSAGES[reason], { reason, ...(since ? { since: since.toISOString() } : {}) });

export interface StorageFaultRecord {
  reason: StorageFault;
  at: Date;
}

export function createStorageMonitor(now: () => Date) {
  let last: StorageFaultRecord | null = null;
  return {
    /** storage_unavailable for a storage fault (and remembered), else null. */
    translate(err: unknown): AppError<'storage_unavailable'> | null {
      const reason = storageFaultOf(err);
      if (!reason) return null;
      last = { reason, at: now() };
      return storageUnavailable(reason);
    },
    lastFault: (): StorageFaultRecord | null => last,
  };
}
export type StorageMonitor = ReturnType<typeof createStorageMonitor>;
