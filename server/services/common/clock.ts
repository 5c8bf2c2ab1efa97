// Calendar days as the people running the survey count them: in the Netherlands.
const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in the Netherlands, as YYYY-MM-DD: the day a school's coordinator would say. */
export const dayOf = (d: Date): string => amsterdamDay.format(d);
