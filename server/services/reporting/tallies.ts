// Running answer tallies per group and result row, filled one response at a time: what a cleaning run leaves for
// the national figures and what an institution's results add up. Pure.
import { visibleQuestions, type AnswerValue, type Answers, type Question, type Questionnaire, type RoutingContext } from '../../../questionnaire/index.ts';
import { addAnswer, emptyTally, type QuestionTally } from './cell-stats.ts';
import type { QuestionVariant, Variants } from './variants.ts';

/** The questions routing showed a respondent, each with its answer (undefined when skipped). */
export function shownAnswers(def: Questionnaire, answers: Answers, context: RoutingContext): { question: Question; value: AnswerValue | null | undefined }[] {
  return visibleQuestions(def, answers, context).map((question) => ({ question, value: answers[question.id] }));
}

export class TallySet {
  /** group -> row key -> tally */
  private readonly groups = new Map<string, Map<string, QuestionTally>>();

  /** Adds one respondent's answer to a question (as `variant`) to the tallies of every group given. */
  add(groups: readonly string[], variant: QuestionVariant, value: AnswerValue | null | undefined): void {
    for (const g of groups) {
      let rows = this.groups.get(g);
      if (!rows) this.groups.set(g, (rows = new Map()));
      let t = rows.get(variant.key);
      if (!t) rows.set(variant.key, (t = emptyTally(variant.question)));
      addAnswer(variant.question, t, value);
    }
  }

  /** Adds every shown answer of one respondent of version `version` to the groups; questions `keep` refuses are skipped. */
  addResponse(groups: readonly string[], variants: Variants, version: string, shown: ReturnType<typeof shownAnswers>, keep: (q: Question) => boolean = () => true): void {
    for (const { question, value } of shown) {
      if (!keep(question)) continue;
      const variant = variants.of(version, question.id);
      if (variant) this.add(groups, variant, value);
    }
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
