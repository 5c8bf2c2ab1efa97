// Which versions of a question results may combine: only those where the question did not change, as the
// questionnaire diff tells (wording, options, type, its own routing or its page's). Each such set is one result row
// key: the question id for the set it first appeared in, `<id>@<version>` for each later set. Keys never change
// when a version is added, so tallies stored by a cleaning run keep their meaning. Pure.
import { diffQuestionnaires, type Change } from '../../../questionnaire/diff.ts';
import type { Question, Questionnaire } from '../../../questionnaire/index.ts';

export interface QuestionVariant {
  key: string;
  questionId: string;
  /** The versions whose answers this row combines, in order. */
  versions: string[];
  /** The question as the latest of those versions has it (they do not differ). */
  question: Question;
  pageId: string;
}

export interface Variants {
  /** In questionnaire order (of the latest version with each question). */
  list: QuestionVariant[];
  /** version -> question id -> variant. */
  of(version: string, questionId: string): QuestionVariant | undefined;
}

/** Whether the diff from one version to the next leaves this question as it was ('moved' to another page is no change). */
function changedQuestions(changes: Change[], to: Questionnaire): Set<string> {
  const out = new Set<string>();
  for (const c of changes) {
    if (c.question && c.kind !== 'moved') out.add(c.question);
    // A page shown to other students changes who answered its questions.
    if (!c.question && c.page && c.kind === 'routing') to.pages.find((p) => p.id === c.page)?.questions.forEach((q) => out.add(q.id));
  }
  return out;
}

/** The variants of every question over versions given in the order they were published. */
export function questionVariants(versions: readonly Questionnaire[]): Variants {
  const byVersion = new Map<string, Map<string, QuestionVariant>>();
  const byQuestion = new Map<string, QuestionVariant[]>();
  const changedBetween = new Map<string, Set<string>>();
  const changed = (from: Questionnaire, to: Questionnaire) => {
    const k = `${from.id}>${to.id}`;
    let set = changedBetween.get(k);
    if (!set) changedBetween.set(k, (set = changedQuestions(diffQuestionnaires(from, to).changes, to)));
    return set;
  };
  const defs = new Map(versions.map((v) => [v.id, v]));

  for (const def of versions) {
    const here = new Map<string, QuestionVariant>();
    byVersion.set(def.id, here);
    for (const page of def.pages) {
      for (const q of page.questions) {
        const known = byQuestion.get(q.id) ?? [];
        // Join the set whose latest version has this question unchanged; otherwise start a new one.
        const same = known.find((v) => !changed(defs.get(v.versions[v.versions.length - 1]!)!, def).has(q.id));
        if (same) {
          same.versions.push(def.id);
          same.question = q;
          same.pageId = page.id;
          here.set(q.id, same);
          continue;
        }
        const variant: QuestionVariant = { key: known.length ? `${q.id}@${def.id}` : q.id, questionId: q.id, versions: [def.id], question: q, pageId: page.id };
        byQuestion.set(q.id, [...known, variant]);
        here.set(q.id, variant);
      }
    }
  }

  // Order: as the latest version lists its questions, then questions only older versions had.
  const order: QuestionVariant[] = [];
  const seen = new Set<QuestionVariant>();
  for (const def of [...versions].reverse()) {
    for (const page of def.pages) {
      for (const q of page.questions) {
        for (const v of byQuestion.get(q.id) ?? []) {
          if (seen.has(v)) continue;
          order.push(v);
          seen.add(v);
        }
      }
    }
  }
  return { list: order, of: (version, questionId) => byVersion.get(version)?.get(questionId) };
}
