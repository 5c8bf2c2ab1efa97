// Question type -> component. Typed as a full record, so a new question type does not compile until it renders.
import type { ComponentType } from 'react';
import type { Question } from '../../../../../questionnaire/schema.ts';
import type { QuestionProps } from './types.ts';
import { GridQuestion } from './GridQuestion.tsx';
import { SingleQuestion } from './SingleQuestion.tsx';
import { MultiQuestion } from './MultiQuestion.tsx';
import { GradeQuestion } from './GradeQuestion.tsx';
import { NumberQuestion } from './NumberQuestion.tsx';
import { OpenQuestion } from './OpenQuestion.tsx';

export const questionComponents = {
  grid: GridQuestion,
  single: SingleQuestion,
  multi: MultiQuestion,
  grade: GradeQuestion,
  number: NumberQuestion,
  open: OpenQuestion,
} satisfies { [K in Question['type']]: ComponentType<QuestionProps<Extract<Question, { type: K }>>> };

export function componentFor(q: Question): ComponentType<QuestionProps> {
  return questionComponents[q.type] as ComponentType<QuestionProps>;
}
