import type { Question } from '../../../../../questionnaire/schema.ts';
import type { AnswerValue } from '../../../../../questionnaire/answers.ts';

export interface QuestionProps<Q extends Question = Question> {
  question: Q;
  value: AnswerValue | null | undefined;
  onChange: (value: AnswerValue | null) => void;
  onBlur?: () => void;
  error?: string;
}
