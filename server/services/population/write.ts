// Writes a population as a new set in short transactions while it stays invisible, makes it current in one
// small transaction, then removes the set it replaced in short steps. Nothing a student does waits for more
// than one step: logins keep finding the old set until the switch, and the new one after it.
import type { Repos } from '../../db/index.ts';
import type { PackedChunk } from './pack.ts';
import { studentsOf } from './pack.ts';

/** Students per write transaction (with their login keys): a few milliseconds each. */
export const STUDENTS_PER_STEP = 2000;
/** Rows removed per step when a replaced set is cleared away. */
const ROWS_PER_REMOVAL = 20_000;

/** Between two steps: lets others write (a server on the same file, the event loop of this process). */
export type Pause = () => Promise<void>;
const noPause: Pause = async () => {};

export class PopulationSetWriter {
  private setId: number | null = null;
  private students = 0;

  constructor(
    private readonly repos: Repos,
    private readonly peildatum: string,
    private readonly at: string,
  ) {}

  private start(): number {
    this.setId ??= this.repos.transaction(() => this.repos.population.startSet(this.peildatum, this.at));
    return this.setId;
  }

  /** Writes a chunk's students into the new set, STUDENTS_PER_STEP per transaction. */
  async add(c: PackedChunk, pause: Pause = noPause): Promise<void> {
    const setId = this.start();
    for (let from = 0; from < c.n; from += STUDENTS_PER_STEP) {
      const to = Math.min(c.n, from + STUDENTS_PER_STEP);
      this.students += this.repos.transaction(() => this.repos.population.addStudents(setId, this.peildatum, studentsOf(c, from, to)));
      await pause();
    }
  }

  /** The same for students that are already pseudonymised (the demo, tests). */
  addStudents(students: Parameters<Repos['population']['addStudents']>[2]): void {
    const setId = this.start();
    this.students += this.repos.transaction(() => this.repos.population.addStudents(setId, this.peildatum, students));
  }

  /** Names the institutions and makes the set current, in one transaction; returns how many students it replaced. */
  finish(institutions: Map<string, string>): number {
    const setId = this.start();
    return this.repos.transaction(() => {
      for (const [brin, name] of institutions) this.repos.institutions.upsert(brin, name);
      return this.repos.population.makeCurrent(setId, this.students);
    });
  }

  /** A rejected file: the set never becomes current, and is removed like a replaced one. */
  abandon(): void {
    if (this.setId !== null) this.repos.transaction(() => this.repos.population.abandon(this.setId!));
  }
}

/** Removes every retired set (replaced, or from a rejected or interrupted import), one short step at a time. */
export async function removeRetiredSets(repos: Repos, pause: Pause = noPause): Promise<void> {
  for (const setId of repos.population.retiredSets()) {
    while (repos.transaction(() => repos.population.removeRetiredStep(setId, ROWS_PER_REMOVAL))) await pause();
  }
}

/** The same at once, inside the caller's transaction (small populations: the demo, tests). */
export function removeRetiredSetsNow(repos: Repos): void {
  for (const setId of repos.population.retiredSets()) while (repos.population.removeRetiredStep(setId, ROWS_PER_REMOVAL));
}
