// Formatting for the staff pages: durations as m:ss, times and dates in the Netherlands' time zone.
export function duration(seconds: number | null): string {
  if (seconds === null) return '–';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function dateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function time(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { timeZone: 'Europe/Amsterdam', timeStyle: 'medium' }).format(new Date(iso));
}

const locale = (lang: string) => (lang === 'en' ? 'en-GB' : 'nl-NL');

/** A whole number with the thousands separator of the language. */
export function count(n: number, lang: string): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

/** A percentage (0-100) with one decimal: "48,8%"; a dash when there is none. */
export function percent(p: number | null, lang: string): string {
  if (p === null) return '–';
  return `${new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(p)}%`;
}

/** A number with at most `digits` decimals. */
export function decimal(x: number | null, lang: string, digits = 2): string {
  if (x === null) return '–';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(x);
}

/** A calendar day (YYYY-MM-DD, or YYYYMMDD as in label file names): "15 jan 2024"; `short` leaves out the year. */
export function day(value: string, lang: string, short = false): string {
  const iso = /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}` : value;
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', day: 'numeric', month: 'short', ...(short ? {} : { year: 'numeric' }) }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}
