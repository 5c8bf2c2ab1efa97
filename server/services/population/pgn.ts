// PGN checks: a BSN passes the 11-proef (weights 9..2, -1; sum mod 11 == 0); an onderwijsnummer starts
// with 10 and its weighted sum mod 11 == 5.

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1];

function weightedSum(pgn: string): number | null {
  if (!/^\d{9}$/.test(pgn)) return null;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(pgn[i]) * WEIGHTS[i]!;
  return sum;
}

export function isBsn(pgn: string): boolean {
  const s = weightedSum(pgn);
  return s !== null && s % 11 === 0 && pgn !== '000000000';
}

export function isOnderwijsnummer(pgn: string): boolean {
  const s = weightedSum(pgn);
  return s !== null && pgn.startsWith('10') && ((s % 11) + 11) % 11 === 5;
}

export const isValidPgn = (pgn: string): boolean => isBsn(pgn) || isOnderwijsnummer(pgn);

/** The first valid BSN at or after n (as a 9-digit number, first digit not 0). For demo and test data. */
export function makeBsn(n: number): string {
  for (let x = n; ; x++) {
    const d = String(100000000 + (x % 800000000)).split('').map(Number);
    const sum = d.slice(0, 8).reduce((s, v, i) => s + v * WEIGHTS[i]!, 0);
    if (sum % 11 <= 9) {
      d[8] = sum % 11;
      return d.join('');
    }
  }
}
