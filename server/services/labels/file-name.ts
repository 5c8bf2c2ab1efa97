// The file name the manual asks for, `[BRIN]_Jobmonitor_[jjjjmmdd].xlsx`, and what can be read from a name
// that does not quite follow it.

export interface FileNameInfo {
  /** The name follows the manual (a .csv with that name is fine too). */
  conforms: boolean;
  brin: string | null;
  /** jjjjmmdd, only when it is a real date. */
  date: string | null;
}

const EXACT = /^(\d{2}[A-Z]{2})(?:\d{2})?_Jobmonitor_(\d{8})\.(xlsx|csv)$/;
const LOOSE_BRIN = /^(\d{2}[A-Za-z]{2})(?![A-Za-z])/;
const LOOSE_DATE = /(?:^|[^\d])(\d{8})(?!\d)/;

export function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 2000 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function parseFileName(fileName: string): FileNameInfo {
  const exact = EXACT.exec(fileName);
  if (exact && isRealDate(exact[2]!)) return { conforms: true, brin: exact[1]!, date: exact[2]! };
  const brin = LOOSE_BRIN.exec(fileName)?.[1]?.toUpperCase() ?? null;
  const date = LOOSE_DATE.exec(fileName)?.[1] ?? null;
  return { conforms: false, brin, date: date && isRealDate(date) ? date : null };
}
