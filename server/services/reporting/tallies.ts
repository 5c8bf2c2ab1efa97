// Running answer tallies per group and result row, filled one response at a time: what a cleaning run leaves for
// the national figures and what an institution's results add up. Pure.
import { visibleQuestions, type AnswerValue, type Answers, type ClassifiedAnswer, type Question, type Questionnaire, type RoutingContext } from '../../../questionnaire/index.ts';
import { addIncrements, answerIncrements, emptyTally, type Increment, type QuestionTally } from './cell-stats.ts';
import type { QuestionVariant, Variants } from './variants.ts';

/** The questions routing showed a respondent, each with its answer (undefined when skipped). */
export function shownAnswers(def: Questionnaire, answers: Answers, context: RoutingContext): { question: Question; value: AnswerValue | null | undefined }[] {
  return visibleQuestions(def, answers, context).map((question) => ({ question, value: answers[question.id] }));
}

const questionsOf = new WeakMap<Questionnaire, Question[]>();

/** The same from answers classified already (classifyAnswers): no second pass of the routing. */
export function shownFromCells(def: Questionnaire, answers: Answers, cells: readonly ClassifiedAnswer[]): { question: Question; value: AnswerValue | null | undefined }[] {
  const shown = new Set<string>();
  for (const c of cells) if (c.status !== 'not_shown') shown.add(c.questionId);
  let questions = questionsOf.get(def);
  if (!questions) questionsOf.set(def, (questions = def.pages.flatMap((p) => p.questions)));
  return questions.filter((q) => shown.has(q.id)).map((question) => ({ question, value: answers[question.id] }));
}

export class TallySet {
  /** group -> row key -> tally */
  private readonly groups = new Map<string, Map<string, QuestionTally>>();

  private rowsOf(group: string): Map<string, QuestionTally> {
    let rows = this.groups.get(group);
    if (!rows) this.groups.set(group, (rows = new Map()));
    return rows;
  }

  /** Adds every shown answer of one respondent of version `version` to the groups; questions `keep` refuses are skipped. */
  addResponse(groups: readonly string[], variants: Variants, version: string, shown: ReturnType<typeof shownAnswers>, keep: (q: Question) => boolean = () => true): void {
    const maps = groups.map((g) => this.rowsOf(g));
    for (const { question, value } of shown) {
      if (value === undefined || value === null || !keep(question)) continue;
      const variant = variants.of(version, question.id);
      if (!variant) continue;
      const increments = answerIncrements(variant.question, value);
      if (!increments.length) continue;
      for (const rows of maps) {
        let t = rows.get(variant.key);
        if (!t) rows.set(variant.key, (t = emptyTally(variant.question)));
        addIncrements(t, increments);
      }
    }
  }

  /** Adds what one answer counts (worked out once) to the tallies of every group given. */
  addIncrements(groups: readonly string[], variant: QuestionVariant, increments: readonly Increment[]): void {
    for (const g of groups) {
      const rows = this.rowsOf(g);
      let t = rows.get(variant.key);
      if (!t) rows.set(variant.key, (t = emptyTally(variant.question)));
      addIncrements(t, increments);
    }
  }

  /** Sets a group's tally of a row (a sum of other groups' tallies). */
  set(group: string, rowKey: string, tally: QuestionTally): void {
    this.rowsOf(group).set(rowKey, tally);
  }

  get(group: string, rowKey: string): QuestionTally | undefined {
    return this.groups.get(group)?.get(rowKey);
  }

  groupIds(): string[] {
    return [...this.groups.keys()];
  }

  *entries(): Generator<{ group: string; rowKey: string; tally: QuestionTally }> {
    for (const [group, rows] of this.groups) for (const [rowKey, tally] of rows) yield { group, rowKey, tally };
  }
}
