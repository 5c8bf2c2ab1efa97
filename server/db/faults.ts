// Which database errors mean the storage failed rather than the request or the code: recognised by SQLite's error
// code (never by message text). The disk is full, the files are read-only, an I/O error, or the database stayed
// locked past the busy timeout. Such a write stored nothing, and the same write can succeed once the fault ends.
import Database from 'better-sqlite3';

export type StorageFault = 'full' | 'read_only' | 'io' | 'busy';

export function storageFaultOf(err: unknown): StorageFault | null {
  if (!(err instanceof Database.SqliteError)) return null;
  const code = err.code;
  if (code === 'SQLITE_FULL') return 'full';
  if (code.startsWith('SQLITE_READONLY')) return 'read_only';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return 'io';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  return null;
}
