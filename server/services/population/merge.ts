// Merges the packed chunks of a population file in file order as they come in: counts rows, collects the
// problems, checks for a PGN twice per BRIN across chunks, and prepares the order the students are written in.
import { DuplicatePgns, duplicateProblem, MAX_LISTED_PROBLEMS, type RowProblem } from './rows.ts';
import type { PackedChunk } from './pack.ts';

export class ChunkMerge {
  readonly chunks: PackedChunk[] = [];
  rows = 0;
  problemCount = 0;
  private readonly problems: RowProblem[] = [];
  private readonly duplicates = new DuplicatePgns();
  private broken = false;

  /** Takes the next chunk in file order. */
  readonly add = (c: PackedChunk): void => {
    if (this.broken) return; // reading ended at a broken CSV structure
    this.broken = c.broken;
    this.chunks.push(c);
    this.rows += c.rows;
    this.problems.push(...c.problems);
    this.problemCount += c.problemCount;
    for (let i = 0; i < c.n; i++) {
      const brin = c.brins[c.brin[i]!]!;
      const first = this.duplicates.firstLine(brin, c.pgn[i]!, c.line[i]!);
      if (first === undefined) continue;
      this.problemCount++;
      // Each chunk lists its first MAX_LISTED_PROBLEMS, so the first of all are among these.
      if (this.problems.length < 2 * MAX_LISTED_PROBLEMS) this.problems.push(duplicateProblem(c.line[i]!, brin, first));
    }
  };

  /** All problems in line order, the first MAX_LISTED_PROBLEMS of them listed. */
  listed(): RowProblem[] {
    return this.problems.sort((a, b) => a.line - b.line).slice(0, MAX_LISTED_PROBLEMS);
  }

  /** Institution name per BRIN, the last one in the file. */
  institutions(): Map<string, string> {
    const names = new Map<string, string>();
    for (const c of this.chunks) c.brins.forEach((b, i) => names.set(b, c.names[i]!));
    return names;
  }
}
