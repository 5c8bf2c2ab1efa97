// The classes of a wave, drawn from the generated population (bench/generate-population.ts, the same people the
// server imported): classes of one school, each student with the login they type, and for some a mistyped one
// first. Students whose login is shared with someone else at their school (about 2%) are left out, as in the
// login benchmark: the twin question is still handled when it comes, but no student is set up to be unfindable.
import { generate, type GeneratedStudent } from './generate-population.ts';
import { registeredVariants, typedVariant } from '../server/services/population/names.ts';
import type { WaveStudent } from './wave-student.ts';

const GENDER = { M: 'man', V: 'vrouw', X: 'anders' } as const;

const dmy = (iso: string) => iso.split('-').reverse().join('-');

/** A letter pair swapped inside the surname, or the birth year one off: the login then finds nobody. */
export function mistype<T extends { surname: string; birthDate: string }>(login: T, rand: () => number): T {
  const s = login.surname;
  const i = 1 + Math.floor(rand() * Math.max(1, s.length - 2));
  if (rand() < 0.5 && s.length >= 4 && s[i] !== s[i + 1] && /\p{L}\p{L}/u.test(s.slice(i, i + 2))) {
    return { ...login, surname: s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) };
  }
  const [d, m, y] = login.birthDate.split('-');
  return { ...login, birthDate: `${d}-${m}-${Number(y) + 1}` };
}

/**
 * `students` students in classes of `classSize` (the last class may be smaller), each class from one school,
 * in the population of `rows` generated rows. `mistypeShare` of them mistype their login first. `spares` more
 * students, in no class and distinct from the others, come apart (for a warm-up).
 */
export function buildClasses(rows: number, students: number, classSize: number, mistypeShare: number, rand: () => number, spares = 0): { classes: WaveStudent[][]; spare: WaveStudent[] } {
  const candidates: (GeneratedStudent & { initial: string; surnameTyped: string; key: string })[] = [];
  generate(rows, (fields, s) => {
    // Enough candidates for full classes at every school, with room for those left out.
    if (candidates.length >= (students + spares) * 1.2 + 60 * classSize) return;
    const surnameTyped = !s.tussenvoegsel ? s.achternaam : candidates.length % 7 ? `${s.tussenvoegsel} ${s.achternaam}` : `${s.achternaam}, ${s.tussenvoegsel}`;
    candidates.push({ ...s, initial: fields[9]!.charAt(0), surnameTyped, key: `${s.brin}|${s.geboortedatum}|${typedVariant(surnameTyped)}` });
  });
  const matches = new Map(candidates.map((c) => [c.key, 0]));
  generate(rows, (_fields, s) => {
    for (const v of registeredVariants(s.achternaam, s.tussenvoegsel)) {
      const key = `${s.brin}|${s.geboortedatum}|${v}`;
      const seen = matches.get(key);
      if (seen !== undefined) matches.set(key, seen + 1);
    }
  });

  const classes: WaveStudent[][] = [];
  const spare: WaveStudent[] = [];
  const forming = new Map<string, WaveStudent[]>();
  let placed = 0;
  for (const c of candidates) {
    if (matches.get(c.key) !== 1) continue;
    const login = { brin: c.brin, surname: c.surnameTyped, birthDate: dmy(c.geboortedatum) };
    const student: WaveStudent = {
      login,
      gender: GENDER[c.geslacht as keyof typeof GENDER] ?? 'geen',
      initial: c.initial,
      ...(rand() < mistypeShare ? { mistyped: mistype(login, rand) } : {}),
    };
    if (placed === students) {
      if (spare.length === spares) break;
      spare.push(student);
      continue;
    }
    const group = forming.get(c.brin) ?? [];
    forming.set(c.brin, group);
    group.push(student);
    // The last class is smaller when the students do not fill whole classes.
    const size = Math.min(classSize, students - placed);
    if (group.length >= size) {
      classes.push(group.slice(0, size));
      placed += size;
      forming.delete(c.brin);
    }
  }
  if (placed < students || spare.length < spares) throw new Error(`only ${placed + spare.length} students found for ${students + spares} in a population of ${rows}`);
  return { classes, spare };
}
