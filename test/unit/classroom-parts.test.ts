// The pure parts of classroom sessions: codes, the end of the day in the Netherlands, the page clock (checked
// against the cleaning rules' deriveTiming), medians, and the role rules.
import { describe, expect, it } from 'vitest';
import { classroomCodeSchema } from '../../server/api/classroom.ts';
import { CODE_ALPHABET, newClassroomCode } from '../../server/services/classroom/codes.ts';
import { endOfDayAmsterdam } from '../../server/services/classroom/day-end.ts';
import { median, medianOfCounts, PageClock, RUNNING_CAP_MS } from '../../server/services/classroom/page-clock.ts';
import { deriveTiming } from '../../server/services/survey/timing.ts';
import { may, requireScope, type StaffPrincipal } from '../../server/services/staff/access.ts';
import { MIN_FOR_MEDIAN } from '../../server/api/staff.ts';
import { MIN_STUDENTS_FOR_MEDIAN } from '../../server/services/classroom/live-session.ts';

describe('classroom codes', () => {
  it('are 6 characters without look-alikes, and the contract accepts every one', () => {
    for (const c of ['0', 'O', '1', 'I', 'L']) expect(CODE_ALPHABET).not.toContain(c);
    for (let i = 0; i < 2000; i++) {
      const code = newClassroomCode();
      expect(code).toMatch(/^.{6}$/);
      expect(classroomCodeSchema.parse(code)).toBe(code);
    }
  });

  it('are read as typed: lower case, spaces and a dash allowed; look-alikes refused', () => {
    expect(classroomCodeSchema.parse(' abc-def ')).toBe('ABCDEF');
    for (const bad of ['ABCDE0', 'ABCDEO', 'ABCDE1', 'ABCDEI', 'ABCDEL', 'ABCDE', 'ABCDEFG']) expect(classroomCodeSchema.safeParse(bad).success).toBe(false);
  });
});

describe('the end of the day in Europe/Amsterdam', () => {
  it.each([
    ['winter (UTC+1)', '2024-01-20T10:00:00Z', '2024-01-20T23:00:00.000Z'],
    ['summer (UTC+2)', '2024-06-20T10:00:00Z', '2024-06-20T22:00:00.000Z'],
    ['just after midnight in Amsterdam, still the previous day in UTC', '2024-01-20T23:30:00Z', '2024-01-21T23:00:00.000Z'],
    ['the day the clocks go forward', '2024-03-31T08:00:00Z', '2024-03-31T22:00:00.000Z'],
    ['the day the clocks go back', '2024-10-27T08:00:00Z', '2024-10-27T23:00:00.000Z'],
  ])('%s', (_name, at, end) => {
    expect(endOfDayAmsterdam(new Date(at)).toISOString()).toBe(end);
  });
});

describe('the page clock', () => {
  const ev = (id: string, type: 'page_shown' | 'page_left' | 'hidden' | 'visible' | 'answer', target: string | null, sec: number) => ({
    id,
    type,
    target,
    clientAt: new Date(Date.parse('2024-01-20T09:00:00Z') + sec * 1000).toISOString(),
  });
  const events = [
    ev('t:1', 'page_shown', 'a', 0),
    ev('t:2', 'answer', 'q1', 20),
    ev('t:3', 'hidden', null, 30),
    ev('t:4', 'visible', null, 90),
    ev('t:5', 'page_shown', 'b', 100),
    ev('t:6', 'page_left', 'b', 145),
    ev('u:1', 'page_shown', 'c', 200),
    ev('u:2', 'page_left', 'c', 212),
  ];

  it('gives the same seconds per page as deriveTiming, fed in pieces as saves arrive, with repeats', () => {
    const clock = new PageClock();
    clock.add(events.slice(0, 3), 500);
    clock.add(events.slice(1, 6), 500); // a retried save repeats events
    clock.add(events.slice(5), 500);
    const derived = deriveTiming(events.map((e) => ({ eventId: e.id, type: e.type, target: e.target, clientAt: e.clientAt, offsetMs: 500 })));
    expect(Object.fromEntries(clock.seconds())).toEqual(derived.pageSeconds);
  });

  it('counts an open, visible page up to now, at most RUNNING_CAP_MS after the last event', () => {
    const clock = new PageClock();
    clock.add([ev('t:1', 'page_shown', 'a', 0)], 0);
    const t0 = Date.parse('2024-01-20T09:00:00Z');
    expect(clock.seconds(t0 + 30_000).get('a')).toBe(30);
    expect(clock.seconds(t0 + 3_600_000).get('a')).toBe(RUNNING_CAP_MS / 1000);
    clock.add([ev('t:2', 'hidden', null, 40)], 0);
    expect(clock.seconds(t0 + 3_600_000).get('a')).toBe(40);
  });

  it('medians of a list and of per-second counts', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(medianOfCounts([])).toBeNull();
    expect(medianOfCounts([{ seconds: 10, n: 2 }, { seconds: 20, n: 1 }])).toBe(10);
    expect(medianOfCounts([{ seconds: 10, n: 1 }, { seconds: 20, n: 1 }])).toBe(15);
    expect(medianOfCounts([{ seconds: 1, n: 1 }, { seconds: 7, n: 5 }, { seconds: 9, n: 1 }])).toBe(7);
  });

  it('the service and the contract agree on the smallest class with a median', () => {
    expect(MIN_STUDENTS_FOR_MEDIAN).toBe(MIN_FOR_MEDIAN);
  });
});

describe('the role rules', () => {
  const admin: StaffPrincipal = { id: 1, email: 'a@x.example', role: 'admin', brin: null };
  const school: StaffPrincipal = { id: 2, email: 'b@x.example', role: 'institution', brin: '25PZ' };
  const observer: StaffPrincipal = { id: 3, email: 'c@x.example', role: 'observer', brin: null };

  it.each([
    [admin, 'users', undefined, true],
    [school, 'users', undefined, false],
    [observer, 'users', undefined, false],
    [admin, 'results', '26AB', true],
    [school, 'results', '25PZ', true],
    [school, 'results', '26AB', false],
    [observer, 'results', '25PZ', false],
    [observer, 'labels', '25PZ', false],
    [observer, 'settings', '25PZ', false],
    [observer, 'classroom', '26AB', true],
    [school, 'classroom', '25PZ', true],
    [school, 'classroom', '26AB', false],
    [school, 'classroom', undefined, false],
  ] as const)('%o may %s for %s: %s', (who, action, brin, allowed) => {
    expect(may(who, action, brin)).toBe(allowed);
  });

  it('lists: every institution, the own one, or nothing', () => {
    expect(requireScope(observer, 'classroom')).toBeNull();
    expect(requireScope(school, 'classroom')).toBe('25PZ');
    expect(() => requireScope(observer, 'results')).toThrow(/access/);
  });
});
