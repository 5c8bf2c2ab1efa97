// Calendar days as the people running the survey count them: in the Netherlands.
const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

// Formatting with a time zone costs about 14 us (measured in the login benchmark's profile), and every login counts
// its outcome under the day. Since 1942 the Netherlands' offset from UTC is a whole number of hours, so the day can
// only change on a UTC hour boundary: one day per UTC hour is remembered.
const HOUR_MS = 3_600_000;
const SINCE_WHOLE_HOURS = Date.UTC(1942, 0, 1);
let lastHour = NaN;
let lastDay = '';

/** The calendar day in the Netherlands, as YYYY-MM-DD: the day a school's coordinator would say. */
export function dayOf(d: Date): string {
  const ms = d.getTime();
  if (ms < SINCE_WHOLE_HOURS) return amsterdamDay.format(d);
  const hour = Math.floor(ms / HOUR_MS);
  if (hour !== lastHour) {
    lastDay = amsterdamDay.format(d);
    lastHour = hour;
  }
  return lastDay;
}

/** The ISO week of a calendar day YYYY-MM-DD, as YYYY-Www: the week a fieldwork week is counted in. */
export function isoWeekOfDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of this week decides its year
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}
