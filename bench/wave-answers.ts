// How a virtual student answers one question: the values a click or a typing burst produces, in order (a grid
// saves the whole grid after every row clicked, a multiple choice after every option ticked, an open answer after
// every pause in typing), with the pause before each, in real seconds. Only values the server accepts.
import type { AnswerValue, GridAnswer } from '../questionnaire/answers.ts';
import type { Question } from '../questionnaire/schema.ts';

/** Mean pauses in real seconds (each drawn from 0.5x to 1.5x): a whole route takes 10-14 minutes, as in class. */
export const PAUSES = {
  typeLogin: 25,
  retypeLogin: 10,
  twinQuestion: 4,
  intro: 10,
  readPage: 4,
  single: 7,
  multiOption: 3,
  grade: 6,
  number: 7,
  gridRow: 4.5,
  openBurst: 6,
  beforeNext: 2,
  finish: 5,
  away: 20,
} as const;

export interface Change {
  pause: number;
  value: AnswerValue;
}

const OPEN_TEXT = ['Meer praktijk', ' en betere roosters,', ' de docenten zijn wel aardig.'];

export function changesFor(q: Question, rand: () => number): Change[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  switch (q.type) {
    case 'single': {
      const regular = q.options.filter((o) => !o.optOut);
      return [{ pause: PAUSES.single, value: (rand() < 0.95 && regular.length ? pick(regular) : pick(q.options)).code }];
    }
    case 'multi': {
      const regular = q.options.filter((o) => !o.optOut);
      const ticks = Math.min(int(1, 2), q.maxChoices ?? 2, regular.length);
      const chosen: string[] = [];
      const out: Change[] = [];
      while (chosen.length < ticks) {
        const code = pick(regular).code;
        if (chosen.includes(code)) continue;
        chosen.push(code);
        out.push({ pause: PAUSES.multiOption, value: [...chosen] });
      }
      return out;
    }
    case 'grid': {
      const grid: GridAnswer = {};
      return q.items.map((item) => {
        grid[item.id] = q.optOuts.length && rand() < 0.05 ? pick(q.optOuts).code : int(Math.max(1, q.scale.length - 3), q.scale.length);
        return { pause: PAUSES.gridRow, value: { ...grid } };
      });
    }
    case 'grade':
      return [{ pause: PAUSES.grade, value: q.optOuts.length && rand() < 0.03 ? pick(q.optOuts).code : int(5, 9) }];
    case 'number':
      return [{ pause: PAUSES.number, value: int(q.min, Math.min(q.max, q.min + 30)) }];
    case 'open': {
      // Most students leave an open question empty; the others type in a few bursts, each saved after a pause.
      if (rand() < 0.7) return [];
      let text = '';
      return OPEN_TEXT.slice(0, int(1, OPEN_TEXT.length)).map((burst) => {
        text = (text + burst).slice(0, q.maxLength);
        return { pause: PAUSES.openBurst, value: text };
      });
    }
  }
}
